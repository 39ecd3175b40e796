import Foundation

/// Finds the documents under an input root (recursively) and reads them.
public struct CorpusReader: Sendable {
    /// File extensions read as documents.
    public static let extensions: Set<String> = ["txt"]
    public let root: URL

    public init(root: URL) { self.root = root }

    /// A file found under the root.
    public struct Entry: Sendable, Equatable {
        /// Path relative to the root, with "/" separators.
        public var relativePath: String
        public var url: URL
        /// The output id: relative path without extension.
        public var id: String { (relativePath as NSString).deletingPathExtension }
    }

    /// Every document file under the root, sorted by relative path. Folders named `gold`
    /// (gold annotations) and hidden files are skipped.
    public func entries() throws -> [Entry] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDir) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: root.path])
        }
        if !isDir.boolValue {
            return [Entry(relativePath: root.lastPathComponent, url: root)]
        }
        var out: [Entry] = []
        let base = root.standardizedFileURL.path
        guard let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        for case let url as URL in e {
            if url.hasDirectoryPath {
                if url.lastPathComponent == "gold" { e.skipDescendants() }
                continue
            }
            guard CorpusReader.extensions.contains(url.pathExtension.lowercased()) else { continue }
            var rel = url.standardizedFileURL.path
            if rel.hasPrefix(base) { rel.removeFirst(base.count) }
            while rel.hasPrefix("/") { rel.removeFirst() }
            out.append(Entry(relativePath: rel, url: url))
        }
        return out.sorted { $0.relativePath < $1.relativePath }
    }

    /// Reads an entry as one input document.
    public func read(_ entry: Entry) throws -> [InputDocument] {
        let data = try Data(contentsOf: entry.url)
        return [InputDocument(id: entry.id, path: entry.relativePath, content: .bytes([UInt8](data)))]
    }
}
