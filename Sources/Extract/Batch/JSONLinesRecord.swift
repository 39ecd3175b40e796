import ICU
import Foundation

/// A document given as JSON: `{"id", "text" or "html", "documentDate", "url", "language", "encoding"}`.
///
/// JSON is read as UTF-8 (with or without BOM) or UTF-16 with BOM; bytes that are not
/// valid UTF-8 are decoded in the charset the record's `"encoding"` field declares,
/// else detected like any text.
public enum JSONLinesRecord {
    /// Parses one JSON object into an input document; throws a `StageError` naming the problem.
    public static func parse(_ line: String, path: String, defaultId: String) throws -> InputDocument {
        try parse(bytes: Array(line.utf8), path: path, defaultId: defaultId)
    }

    /// Parses one JSON object from raw bytes.
    public static func parse(bytes: [UInt8], path: String, defaultId: String, decoder: TextDecoder = TextDecoder()) throws -> InputDocument {
        var data: Data
        var sourceEncoding = "UTF-8"
        var confidence: Int?
        if bytes.withUnsafeBufferPointer({ TextDecoder.firstInvalidUTF8($0) }) == nil, bytes.first != 0xEF {
            data = Data(bytes)
        } else {
            let decoded: TextDecoder.Result
            do { decoded = try decoder.decode(bytes, declared: declaredEncoding(bytes)) } catch let e as DecodeError {
                throw StageError(path: path, stage: "decode", message: e.message)
            }
            sourceEncoding = decoded.encoding
            confidence = decoded.confidence
            data = Data(UTF.string(decoded.utf16).utf8)
        }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw StageError(path: path, stage: "read", message: "malformed JSON")
        }
        guard let dict = object as? [String: Any] else {
            throw StageError(path: path, stage: "read", message: "expected a JSON object")
        }
        var doc = try document(dict, path: path, defaultId: defaultId)
        doc.source = SourceInfo(path: path, sha256: SHA256.hex(bytes), bytes: bytes.count, encoding: sourceEncoding, confidence: confidence)
        return doc
    }

    /// Builds an input document from a parsed JSON object; `"html"` is reduced to its article text.
    public static func document(_ dict: [String: Any], path: String, defaultId: String) throws -> InputDocument {
        let id = (dict["id"] as? String) ?? (dict["id"] as? Int).map { String($0) } ?? defaultId
        var date: CivilDate?
        if let d = dict["documentDate"] as? String {
            guard let parsed = CivilDate(iso: String(d.prefix(10))) else {
                throw StageError(path: path, stage: "read", message: "documentDate must start with YYYY-MM-DD; got '\(d)'")
            }
            date = parsed
        }
        let text: String
        if let t = dict["text"] as? String {
            text = t
        } else if let html = dict["html"] as? String {
            do {
                let page = try HTMLExtractor().extract(Array(html.utf16))
                text = UTF.string(page.text)
                if date == nil { date = page.documentDate }
            } catch let e as DecodeError {
                throw StageError(path: path, stage: "extract", message: e.message)
            }
        } else {
            throw StageError(path: path, stage: "read", message: "missing \"text\" or \"html\" (a string)")
        }
        if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw StageError(path: path, stage: "read", message: "empty document (no text)")
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

    /// The value of an `"encoding"` key found in the raw bytes (JSON keys are ASCII).
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        let key = Array("\"encoding\"".utf8)
        guard bytes.count > key.count else { return nil }
        var i = 0
        while i + key.count < bytes.count {
            if bytes[i] == key[0], Array(bytes[i..<(i + key.count)]) == key {
                var j = i + key.count
                while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x3A { j += 1 }
                guard j < bytes.count, bytes[j] == 0x22 else { return nil }
                j += 1
                var name: [UInt8] = []
                while j < bytes.count, bytes[j] != 0x22, name.count < 40 { name.append(bytes[j]); j += 1 }
                return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
            }
            i += 1
        }
        return nil
    }
}
