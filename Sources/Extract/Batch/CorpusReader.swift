import Foundation

/// Finds the document files under an input root, recursively, one at a time (the list
/// is never held in memory), in a stable order: each folder's names sorted bytewise.
/// Folders named `gold` (gold annotations), hidden files and folders, and an excluded
/// folder (the output folder when it lies inside the input) are skipped.
public struct CorpusReader: Sendable {
    /// File extensions read as documents.
    public static let extensions: Set<String> = ["txt", "html", "htm", "json", "jsonl"]
    public let root: URL
    /// An absolute folder path never entered (e.g. the output folder).
    public var excluded: String?

    public init(root: URL, excluded: URL? = nil) {
        self.root = root
        self.excluded = excluded.map { $0.standardizedFileURL.path }
    }

    /// A file found under the root.
    public struct Entry: Sendable, Equatable {
        /// Path relative to the root, with "/" separators.
        public var relativePath: String
        /// Absolute path.
        public var path: String
        public var size: Int
        /// Modification time in nanoseconds since 1970.
        public var mtime: Int64
        /// Lower-cased extension.
        public var kind: String { (relativePath as NSString).pathExtension.lowercased() }
        /// The output id: relative path without extension.
        public var id: String { (relativePath as NSString).deletingPathExtension }
    }

    /// Calls `body` for every document file under the root; stops early when `body` returns false.
    /// Throws when the root does not exist or cannot be read.
    public func forEachEntry(_ body: (Entry) throws -> Bool) throws {
        let rootPath = root.standardizedFileURL.path
        var st = stat()
        guard stat(rootPath, &st) == 0 else {
            throw StageError(path: root.path, stage: "input", message: "no such file or folder")
        }
        if st.st_mode & S_IFMT != S_IFDIR {
            _ = try body(Entry(relativePath: root.lastPathComponent, path: rootPath, size: Int(st.st_size), mtime: CorpusReader.mtime(st)))
            return
        }
        guard access(rootPath, R_OK | X_OK) == 0 else {
            throw StageError(path: root.path, stage: "input", message: "folder is not readable")
        }
        _ = try walk(rootPath, relative: "", body)
    }

    /// Walks one folder; returns false when `body` asked to stop.
    private func walk(_ path: String, relative: String, _ body: (Entry) throws -> Bool) throws -> Bool {
        guard let dir = opendir(path) else { return true }
        var names: [String] = []
        while let e = readdir(dir) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        closedir(dir)
        names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for name in names {
            let full = path + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            var st = stat()
            guard stat(full, &st) == 0 else { continue }
            if st.st_mode & S_IFMT == S_IFDIR {
                if name == "gold" || full == excluded { continue }
                if try !walk(full, relative: rel, body) { return false }
            } else if st.st_mode & S_IFMT == S_IFREG {
                let ext = (name as NSString).pathExtension.lowercased()
                guard CorpusReader.extensions.contains(ext) else { continue }
                if try !body(Entry(relativePath: rel, path: full, size: Int(st.st_size), mtime: CorpusReader.mtime(st))) { return false }
            }
        }
        return true
    }

    /// Every entry, in order: for small corpora (evaluation, tests, the benchmark); the
    /// batch streams with `forEachEntry`.
    public func entries() throws -> [Entry] {
        var out: [Entry] = []
        try forEachEntry { out.append($0); return true }
        return out
    }

    /// The input documents of an entry: one, or one per line of a `.jsonl` file.
    public func read(_ entry: Entry, loader: DocumentLoader = DocumentLoader()) throws -> [InputDocument] {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: entry.path)))
        guard entry.kind == "jsonl" else {
            return [try loader.document(bytes: bytes, kind: entry.kind, id: entry.id, path: entry.relativePath)]
        }
        var out: [InputDocument] = []
        for (n, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            out.append(try loader.record(line: Array(line), path: "\(entry.relativePath)#\(n + 1)", defaultId: "\(entry.id)/\(n + 1)"))
        }
        return out
    }

    /// The output id of a path relative to the input root: the path without its extension.
    public static func id(relativePath: String) -> String { (relativePath as NSString).deletingPathExtension }

    static func mtime(_ st: stat) -> Int64 {
        Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
    }
}
