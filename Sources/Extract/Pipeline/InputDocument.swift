/// One document to analyse, as read from a file, a JSON record or stdin.
public struct InputDocument: Sendable {
    /// Output id: path relative to the input root without extension, or the record's id.
    public var id: String
    /// Where it came from (file path, or "path#line" for JSON Lines records).
    public var path: String
    /// Raw bytes to decode, or already-decoded text.
    public var content: Content
    public var declaredEncoding: String?
    /// A document date given with the input; wins over a dateline.
    public var documentDate: CivilDate?
    /// A language given with the input; wins over identification.
    public var language: Language?
    public var url: String?
    /// How the reader decoded the bytes, when it did (for `.text` read from a file).
    public var source: SourceInfo?

    public enum Content: Sendable {
        case bytes([UInt8])
        case text(String)
    }

    public init(id: String, path: String, content: Content, declaredEncoding: String? = nil,
                documentDate: CivilDate? = nil, language: Language? = nil, url: String? = nil) {
        self.id = id; self.path = path; self.content = content; self.declaredEncoding = declaredEncoding
        self.documentDate = documentDate; self.language = language; self.url = url
    }
}
