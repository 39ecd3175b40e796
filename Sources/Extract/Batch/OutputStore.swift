import Foundation

/// The output folder: one JSON per document, written through a temporary file and a
/// rename so that no reader (and no crash) ever leaves a partial file; and errors.jsonl.
public final class OutputStore: Sendable {
    public let root: URL
    /// Held while a worker makes a folder and opens a file in it, and while one removes the
    /// folders a removed output leaves empty: a folder is never removed between the two.
    private let folders = NSLock()

    /// Creates the folder when needed; throws a `StageError` when it cannot be created or written.
    public init(root: URL) throws {
        self.root = root
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            let reason = mkdir(root.path, 0o755) == 0 ? "\(error)" : String(cString: strerror(errno))
            throw StageError(path: root.path, stage: "output", message: "cannot create output folder: \(reason)")
        }
        guard access(root.path, W_OK | X_OK) == 0 else {
            throw StageError(path: root.path, stage: "output", message: "output folder is not writable")
        }
    }

    /// Where the JSON of document `id` lives.
    public func url(for id: String) -> URL { root.appendingPathComponent(id + ".json") }

    /// Writes `bytes` and a newline to the document's file through a temporary file and a rename.
    public func write(id: String, bytes: [UInt8]) throws {
        let target = url(for: id)
        let dir = target.deletingLastPathComponent()
        let temp = dir.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
        // (once the file is open the folder holds it, and no other worker removes it)
        folders.lock()
        if access(dir.path, F_OK) != 0 {
            do { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) } catch { folders.unlock(); throw error }
        }
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        folders.unlock()
        guard fd >= 0 else { throw StageError(path: temp.path, stage: "write", message: String(cString: strerror(errno))) }
        var data = bytes
        data.append(0x0A)
        var written = 0
        while written < data.count {
            let n = data.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                let err = String(cString: strerror(errno))
                close(fd); unlink(temp.path)
                throw StageError(path: target.path, stage: "write", message: err)
            }
            written += n
        }
        close(fd)
        if rename(temp.path, target.path) != 0 {
            let err = String(cString: strerror(errno))
            unlink(temp.path)
            throw StageError(path: target.path, stage: "write", message: "rename failed: \(err)")
        }
    }

    /// Removes the output of `id` (and folders it leaves empty); a missing file is not an error.
    public func remove(id: String) {
        let target = url(for: id)
        unlink(target.path)
        var dir = target.deletingLastPathComponent().standardizedFileURL
        let top = root.standardizedFileURL.path
        folders.lock()
        defer { folders.unlock() }
        while dir.path.count > top.count, dir.path.hasPrefix(top), rmdir(dir.path) == 0 {
            dir = dir.deletingLastPathComponent()
        }
    }

    /// Deletes temporary files a killed run left behind; returns how many.
    @discardableResult
    public func removeTemporaryFiles() -> Int {
        var removed = 0
        func sweep(_ path: String) {
            guard let dir = opendir(path) else { return }
            var names: [String] = []
            while let e = readdir(dir) {
                names.append(withUnsafeBytes(of: e.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) })
            }
            closedir(dir)
            for name in names where name != "." && name != ".." {
                let full = path + "/" + name
                var st = stat()
                guard lstat(full, &st) == 0 else { continue }
                if st.st_mode & S_IFMT == S_IFDIR {
                    sweep(full)
                } else if name.hasPrefix("."), name.hasSuffix(".tmp"), unlink(full) == 0 {
                    removed += 1
                }
            }
        }
        sweep(root.path)
        return removed
    }

    /// Replaces errors.jsonl with one line per failure, `{path, stage, message}`.
    public func writeErrors(_ errors: [StageError]) throws {
        let out = JSONBuffer()
        for e in errors {
            out.raw("{\"path\":"); out.string(e.path); out.raw(",\"stage\":"); out.string(e.stage)
            out.raw(",\"message\":"); out.string(e.message); out.raw("}\n")
        }
        try Data(out.bytes).write(to: root.appendingPathComponent("errors.jsonl"), options: .atomic)
    }
}
