import Foundation

/// A folder of `<id>.json` files (pipeline outputs or gold files), searched recursively.
///
/// A document's id is its path relative to the folder without `.json`, the same id
/// `pipeline run` gives it. Hidden files and `scores.json` at the top level (recorded scores,
/// see `RecordedScores`) are skipped.
public struct AnnotatedFolder: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root }

    /// The ids of every JSON file under the folder, sorted.
    public func ids() throws -> [String] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDir), isDir.boolValue else {
            throw AnnotatedDocument.FormatError("\(root.path): no such folder")
        }
        let base = root.standardizedFileURL.path
        guard let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) else { return [] }
        var out: [String] = []
        for case let url as URL in e where url.pathExtension == "json" && !url.hasDirectoryPath {
            var rel = url.standardizedFileURL.path
            if rel.hasPrefix(base) { rel.removeFirst(base.count) }
            while rel.hasPrefix("/") { rel.removeFirst() }
            if rel == RecordedScores.fileName { continue }
            out.append(String(rel.dropLast(5)))
        }
        return out.sorted()
    }

    /// Whether the folder holds any document file.
    public func isEmpty() -> Bool { ((try? ids()) ?? []).isEmpty }

    /// Reads document `id` (without its text unless `keepText`); the error names the file.
    public func read(_ id: String, keepText: Bool = true) throws -> AnnotatedDocument {
        let url = root.appendingPathComponent(id + ".json")
        do {
            return try AnnotatedDocument(json: Data(contentsOf: url), defaultId: id, keepText: keepText)
        } catch let e as AnnotatedDocument.FormatError {
            throw AnnotatedDocument.FormatError("\(url.path): \(e.message)")
        }
    }

    /// Every document, keyed by id.
    public func readAll(keepText: Bool = true) throws -> [String: AnnotatedDocument] {
        var out: [String: AnnotatedDocument] = [:]
        for id in try ids() {
            let doc = try read(id, keepText: keepText)
            out[id] = doc
        }
        return out
    }
}
