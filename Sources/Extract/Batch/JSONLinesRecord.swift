import Foundation

/// A document given as JSON: `{"id", "text" or "html", "documentDate", "url", "language", "encoding"}`.
public enum JSONLinesRecord {
    /// Parses one JSON object into an input document; throws a message naming the problem.
    public static func parse(_ line: String, path: String, defaultId: String) throws -> InputDocument {
        guard let data = line.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) else {
            throw StageError(path: path, stage: "read", message: "malformed JSON")
        }
        guard let dict = object as? [String: Any] else {
            throw StageError(path: path, stage: "read", message: "expected a JSON object")
        }
        return try document(dict, path: path, defaultId: defaultId)
    }

    /// Builds an input document from a parsed JSON object.
    public static func document(_ dict: [String: Any], path: String, defaultId: String) throws -> InputDocument {
        let id = (dict["id"] as? String) ?? (dict["id"] as? Int).map { String($0) } ?? defaultId
        guard let text = dict["text"] as? String else {
            throw StageError(path: path, stage: "read", message: "missing \"text\" (a string)")
        }
        var date: CivilDate?
        if let d = dict["documentDate"] as? String {
            guard let parsed = CivilDate(iso: String(d.prefix(10))) else {
                throw StageError(path: path, stage: "read", message: "documentDate must start with YYYY-MM-DD; got '\(d)'")
            }
            date = parsed
        }
        var language: Language?
        if let l = dict["language"] as? String {
            guard let parsed = Language(rawValue: l) else {
                throw StageError(path: path, stage: "read", message: "language must be bg, pl, en or other; got '\(l)'")
            }
            language = parsed
        }
        return InputDocument(id: id, path: path, content: .text(text), documentDate: date, language: language, url: dict["url"] as? String)
    }
}
