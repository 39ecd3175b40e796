import ICU

/// Turns a document's bytes into text: UTF-8 with or without BOM, UTF-16 with BOM.
public struct TextDecoder: Sendable {
    /// Decoded text and how it was decoded.
    public struct Result: Sendable {
        public var utf16: [UInt16]
        public var encoding: String
        public var confidence: Int?
        public var repaired: String?
    }

    public init() {}

    /// Decodes `bytes`; `declared` (an encoding name from the input or the user) wins over detection.
    public func decode(_ bytes: [UInt8], declared: String? = nil) throws -> Result {
        if bytes.isEmpty { throw DecodeError("empty document (0 bytes)") }
        return try bytes.withUnsafeBufferPointer { buf in
            if buf.count >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF {
                return try utf8(UnsafeBufferPointer(rebasing: buf[3...]), encoding: "UTF-8")
            }
            if buf.count >= 2, (buf[0] == 0xFF && buf[1] == 0xFE) || (buf[0] == 0xFE && buf[1] == 0xFF) {
                let le = buf[0] == 0xFF
                let body = UnsafeBufferPointer(rebasing: buf[2...])
                guard body.count % 2 == 0 else { throw DecodeError("invalid UTF-16: odd number of bytes") }
                let units = try Charset.utf16(from: body, charset: le ? "UTF-16LE" : "UTF-16BE")
                return Result(utf16: units, encoding: le ? "UTF-16LE" : "UTF-16BE")
            }
            if let declared {
                if declared.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8" { return try utf8(buf, encoding: "UTF-8") }
                do {
                    return Result(utf16: try Charset.utf16(from: buf, charset: declared), encoding: declared)
                } catch {
                    throw DecodeError("not valid \(declared) (declared encoding)")
                }
            }
            if let nul = buf.prefix(8192).firstIndex(of: 0) { throw DecodeError("binary file: NUL byte at offset \(nul)") }
            return try utf8(buf, encoding: "UTF-8")
        }
    }

    private func utf8(_ buf: UnsafeBufferPointer<UInt8>, encoding: String) throws -> Result {
        if let bad = TextDecoder.firstInvalidUTF8(buf) {
            throw DecodeError("invalid UTF-8 at byte offset \(bad)")
        }
        if buf.isEmpty { throw DecodeError("empty document (only a byte order mark)") }
        return Result(utf16: try UTF.utf16(fromUTF8: buf), encoding: encoding)
    }

    /// The offset of the first byte that is not well-formed UTF-8, or nil.
    public static func firstInvalidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var need = 0
            var min: UInt32 = 0
            var cp: UInt32 = 0
            if c & 0xE0 == 0xC0 { need = 1; min = 0x80; cp = UInt32(c & 0x1F) }
            else if c & 0xF0 == 0xE0 { need = 2; min = 0x800; cp = UInt32(c & 0x0F) }
            else if c & 0xF8 == 0xF0 { need = 3; min = 0x10000; cp = UInt32(c & 0x07) }
            else { return i }
            if i + need >= n { return i }
            for k in 1...need {
                let d = b[i + k]
                if d & 0xC0 != 0x80 { return i }
                cp = (cp << 6) | UInt32(d & 0x3F)
            }
            if cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) { return i }
            i += need + 1
        }
        return nil
    }
}
