import Foundation

/// The output folder: one JSON per document, written atomically, and errors.jsonl.
public final class OutputStore {
    public let root: URL

    public init(root: URL) throws {
        self.root = root
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw StageError(path: root.path, stage: "output", message: "cannot create output folder: \(error.localizedDescription)")
        }
        guard FileManager.default.isWritableFile(atPath: root.path) else {
            throw StageError(path: root.path, stage: "output", message: "output folder is not writable")
        }
    }

    /// Where the JSON of document `id` lives.
    public func url(for id: String) -> URL { root.appendingPathComponent(id + ".json") }

    /// Writes `bytes` to the document's file through a temporary file and a rename,
    /// so a reader never sees a partial file.
    public func write(id: String, bytes: [UInt8]) throws {
        let target = url(for: id)
        let dir = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let temp = dir.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
        var data = Data(bytes)
        data.append(0x0A)
        try data.write(to: temp)
        if rename(temp.path, target.path) != 0 {
            let err = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temp)
            throw StageError(path: target.path, stage: "write", message: "rename failed: \(err)")
        }
    }

    /// Replaces errors.jsonl with one line per failure.
    public func writeErrors(_ errors: [StageError]) throws {
        var out = JSONBuffer()
        for e in errors {
            out.raw("{\"path\":"); out.string(e.path); out.raw(",\"stage\":"); out.string(e.stage)
            out.raw(",\"message\":"); out.string(e.message); out.raw("}\n")
        }
        try Data(out.bytes).write(to: root.appendingPathComponent("errors.jsonl"), options: .atomic)
    }
}
