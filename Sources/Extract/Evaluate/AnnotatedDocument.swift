import Foundation

/// A document with its annotations, read from a pipeline output file (`output/<id>.json`)
/// or a gold file (`corpus/gold/<id>.json`); both use the same field names.
public struct AnnotatedDocument: Sendable {
    /// A malformed file: the message names what is wrong.
    public struct FormatError: Error, CustomStringConvertible, Sendable {
        public let message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    public var id: String
    public var language: String?
    /// `YYYY-MM-DD`.
    public var documentDate: String?
    public var documentDateSource: String?
    public var path: String?
    public var sha256: String?
    public var bytes: Int?
    public var encoding: String?
    public var url: String?
    /// The document text; nil when unknown or not kept (`keepText: false`).
    public var text: String?
    /// Length of the text in code points (also when the text is not kept).
    public var characters: Int
    public var sentenceCount: Int
    /// Nil when the file does not annotate dates (a gold file without a `dates` list).
    public var dates: [Annotation]?
    /// Nil when the file does not annotate entities.
    public var entities: [Annotation]?
    public var pipelineVersion: String?
    public var rules: String?
    private var scalars: [Unicode.Scalar]

    public init(id: String, language: String? = nil, documentDate: String? = nil, text: String? = nil,
                dates: [Annotation]? = nil, entities: [Annotation]? = nil) {
        self.id = id; self.language = language; self.documentDate = documentDate; self.text = text
        self.dates = dates; self.entities = entities; self.sentenceCount = 0
        self.scalars = text.map { Array($0.unicodeScalars) } ?? []
        self.characters = scalars.count
    }

    /// Parses a JSON file; `defaultId` is used when the file has no `id`. Without `keepText` the
    /// text is dropped after counting it (for exports and statistics over many documents).
    public init(json data: Data, defaultId: String, keepText: Bool = true) throws {
        guard let object = try? JSONSerialization.jsonObject(with: data), let dict = object as? [String: Any] else {
            throw FormatError("not a JSON object")
        }
        self.init(id: dict["id"] as? String ?? defaultId, language: dict["language"] as? String)
        if let d = dict["documentDate"] as? String {
            documentDate = d
        } else if let d = dict["documentDate"] as? [String: Any] {
            documentDate = d["value"] as? String
            documentDateSource = d["source"] as? String
        }
        if let source = dict["source"] as? [String: Any] {
            path = source["path"] as? String; sha256 = source["sha256"] as? String
            bytes = source["bytes"] as? Int; encoding = source["encoding"] as? String
            url = source["url"] as? String
        }
        if let t = dict["text"] as? String {
            characters = t.unicodeScalars.count
            if keepText {
                text = t
                scalars = Array(t.unicodeScalars)
            }
        }
        sentenceCount = (dict["sentences"] as? [Any])?.count ?? 0
        if let pipeline = dict["pipeline"] as? [String: Any] {
            pipelineVersion = pipeline["version"] as? String; rules = pipeline["rules"] as? String
        }
        dates = try Self.annotations(dict["dates"], .date)
        entities = try Self.annotations(dict["entities"], .entity)
    }

    private static func annotations(_ value: Any?, _ dimension: Annotation.Dimension) throws -> [Annotation]? {
        guard let value else { return nil }
        guard let list = value as? [[String: Any]] else { throw FormatError("\"\(dimension.plural)\" must be a list of objects") }
        return try list.map { try Annotation($0, dimension: dimension) }.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// The annotations of one dimension (nil when not annotated).
    public func annotations(_ dimension: Annotation.Dimension) -> [Annotation]? {
        dimension == .date ? dates : entities
    }

    /// The text between two code point offsets, or nil when the text is unknown or too short.
    public func text(from start: Int, to end: Int) -> String? {
        guard start >= 0, start <= end, end <= scalars.count else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    /// The text around an annotation with the annotation in `[[ ]]`, `window` code points each side,
    /// line breaks shown as spaces; nil when the text is unknown.
    public func context(of a: Annotation, window: Int) -> String? {
        guard let before = text(from: max(0, a.start - window), to: a.start),
              let inside = text(from: a.start, to: a.end),
              let after = text(from: a.end, to: min(scalars.count, a.end + window)) else { return nil }
        let flat = { (s: String) in s.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ") }
        return flat(before) + "[[" + flat(inside) + "]]" + flat(after)
    }
}
