import ICU
/// Turns the bytes of one corpus file (or one JSON Lines line) into an input document:
/// decodes them (declared charset first), reduces HTML to its article text and date,
/// parses JSON records.
public struct DocumentLoader: Sendable {
    /// A charset given by the user (`--encoding`); wins over anything declared or detected.
    public var encoding: String?
    public var decoder = TextDecoder()
    public var html = HTMLExtractor()

    public init(encoding: String? = nil) { self.encoding = encoding }

    /// The document in a `.txt`, `.html`/`.htm` or `.json` file; throws `StageError`.
    public func document(bytes: [UInt8], kind: String, id: String, path: String) throws -> InputDocument {
        switch kind {
        case "json":
            if let encoding { return try record(decoding: bytes, encoding: encoding, path: path, defaultId: id) }
            return try JSONLinesRecord.parse(bytes: bytes, path: path, defaultId: id, decoder: decoder)
        case "html", "htm":
            var decoded = try decode(bytes, declared: encoding ?? HTMLExtractor.declaredCharset(bytes), path: path, documentDeclared: encoding == nil)
            let page: HTMLExtractor.Result
            do { page = try html.extract(decoded.utf16) } catch let e as DecodeError {
                throw StageError(path: path, stage: "extract", message: e.message)
            }
            decoded.utf16 = page.text
            var doc = InputDocument(id: id, path: path, content: .text(UTF.string(page.text)),
                                    documentDate: page.documentDate)
            doc.source = sourceInfo(bytes, decoded, path: path)
            return doc
        default:
            let decoded = try decode(bytes, declared: encoding, path: path, documentDeclared: false)
            if decoded.utf16.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xA0 }) {
                throw StageError(path: path, stage: "decode", message: "empty document (only whitespace)")
            }
            var doc = InputDocument(id: id, path: path, content: .text(UTF.string(decoded.utf16)))
            doc.source = sourceInfo(bytes, decoded, path: path)
            return doc
        }
    }

    /// One JSON Lines line as a document; throws `StageError`.
    public func record(line: [UInt8], path: String, defaultId: String) throws -> InputDocument {
        if let encoding { return try record(decoding: line, encoding: encoding, path: path, defaultId: defaultId) }
        return try JSONLinesRecord.parse(bytes: line, path: path, defaultId: defaultId, decoder: decoder)
    }

    /// A JSON record in a charset the user gave.
    private func record(decoding bytes: [UInt8], encoding: String, path: String, defaultId: String) throws -> InputDocument {
        let decoded = try decode(bytes, declared: encoding, path: path, documentDeclared: false)
        var doc = try JSONLinesRecord.parse(bytes: Array(UTF.string(decoded.utf16).utf8), path: path, defaultId: defaultId)
        doc.source = sourceInfo(bytes, decoded, path: path)
        return doc
    }

    /// Decodes with the declared charset; a charset the document itself declares (HTML meta)
    /// that does not fit its bytes gives way to detection.
    private func decode(_ bytes: [UInt8], declared: String?, path: String, documentDeclared: Bool) throws -> TextDecoder.Result {
        do {
            return try decoder.decode(bytes, declared: declared)
        } catch let e as DecodeError {
            if documentDeclared, declared != nil, let fallback = try? decoder.decode(bytes) { return fallback }
            throw StageError(path: path, stage: "decode", message: e.message)
        }
    }

    private func sourceInfo(_ bytes: [UInt8], _ decoded: TextDecoder.Result, path: String) -> SourceInfo {
        SourceInfo(path: path, sha256: SHA256.hex(bytes), bytes: bytes.count, encoding: decoded.encoding,
                   confidence: decoded.confidence, repaired: decoded.repaired)
    }
}
