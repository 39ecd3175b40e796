#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ICU

/// Turns a document's bytes into text: UTF-8 with or without BOM, UTF-16 with BOM,
/// and the legacy charsets of Bulgarian and Polish text (windows-1251, KOI8-R,
/// windows-1250, ISO-8859-2) and windows-1252, detected with ICU or, on short texts,
/// by scoring each candidate decoding. Repairs UTF-8 mojibake.
public struct TextDecoder: Sendable {
    /// Decoded text and how it was decoded.
    public struct Result: Sendable {
        public var utf16: [UInt16]
        public var encoding: String
        /// Detection confidence 0...100; nil when the encoding was certain (BOM, valid UTF-8, declared).
        public var confidence: Int?
        /// What was repaired, e.g. "UTF-8 misread as windows-1251".
        public var repaired: String?
        /// Where the text's UTF-8 starts in the input, when the input's bytes from there are
        /// exactly the text (UTF-8, not repaired; 3 after a byte order mark).
        public var utf8Offset: Int?
    }

    /// The legacy charsets considered; on a tie the earlier one wins (windows-1250 over ISO-8859-2).
    public static let legacyCharsets = ["windows-1251", "windows-1250", "KOI8-R", "ISO-8859-2", "windows-1252"]
    /// Below this many bytes ICU's detection is not trusted and candidates are scored instead.
    public static let minimumDetectionBytes = 200

    public init() {}

    /// Decodes `bytes`; `declared` (an encoding name from the input or the user) wins over detection.
    public func decode(_ bytes: [UInt8], declared: String? = nil) throws -> Result {
        if bytes.isEmpty { throw DecodeError("empty document (0 bytes)") }
        return try bytes.withUnsafeBufferPointer { buf in
            if buf.count >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF {
                return try utf8(UnsafeBufferPointer(rebasing: buf[3...]), encoding: "UTF-8", offset: 3)
            }
            if buf.count >= 2, (buf[0] == 0xFF && buf[1] == 0xFE) || (buf[0] == 0xFE && buf[1] == 0xFF) {
                let le = buf[0] == 0xFF
                let body = UnsafeBufferPointer(rebasing: buf[2...])
                guard body.count % 2 == 0 else { throw DecodeError("invalid UTF-16: odd number of bytes") }
                if body.isEmpty { throw DecodeError("empty document (only a byte order mark)") }
                do {
                    let units = try Charset.utf16(from: body, charset: le ? "UTF-16LE" : "UTF-16BE")
                    return Result(utf16: units, encoding: le ? "UTF-16LE" : "UTF-16BE")
                } catch {
                    throw DecodeError("invalid UTF-16\(le ? "LE" : "BE") (unpaired surrogate)")
                }
            }
            if let declared {
                if TextDecoder.isUTF8(declared) { return try utf8(buf, encoding: "UTF-8", offset: 0) }
                do {
                    return Result(utf16: try Charset.utf16(from: buf, charset: declared), encoding: declared)
                } catch let e as ICUError where e.code == "U_FILE_ACCESS_ERROR" {
                    throw DecodeError("unknown encoding '\(declared)'")
                } catch {
                    throw DecodeError("not valid \(declared) (declared encoding)")
                }
            }
            if let base = buf.baseAddress, let nul = memchr(base, 0, min(buf.count, 8192)) {
                throw DecodeError("binary file: NUL byte at offset \(UnsafeRawPointer(nul) - UnsafeRawPointer(base))")
            }
            // ICU's conversion fails on bytes that are not UTF-8: one pass validates and converts.
            if let units = try? UTF.utf16(fromUTF8: buf) { return utf8(units, encoding: "UTF-8", offset: 0) }
            return try legacy(buf)
        }
    }

    /// Whether `name` names UTF-8.
    static func isUTF8(_ name: String) -> Bool {
        let n = name.lowercased()
        return n == "utf-8" || n == "utf8"
    }

    private func utf8(_ buf: UnsafeBufferPointer<UInt8>, encoding: String, offset: Int) throws -> Result {
        if buf.isEmpty { throw DecodeError("empty document (only a byte order mark)") }
        guard let units = try? UTF.utf16(fromUTF8: buf) else {
            throw DecodeError("invalid UTF-8 at byte offset \(TextDecoder.firstInvalidUTF8(buf) ?? 0)")
        }
        return utf8(units, encoding: encoding, offset: offset)
    }

    /// Decoded UTF-8 that started at `offset` of the input, repaired when it is mojibake.
    private func utf8(_ units: [UInt16], encoding: String, offset: Int) -> Result {
        if let fixed = MojibakeRepair.repair(units) {
            return Result(utf16: fixed.utf16, encoding: encoding, repaired: "UTF-8 misread as \(fixed.misreadAs)")
        }
        return Result(utf16: units, encoding: encoding, utf8Offset: offset)
    }

    /// Bytes that are not UTF-8: ICU's detection on long texts (windows-1250 preferred
    /// over ISO-8859-2 when it decodes more plausibly or as well), scoring on short ones.
    private func legacy(_ buf: UnsafeBufferPointer<UInt8>) throws -> Result {
        var candidates: [(charset: String, utf16: [UInt16], score: PlausibilityScore)] = []
        for charset in TextDecoder.legacyCharsets {
            guard let units = try? Charset.utf16(from: buf, charset: charset) else { continue }
            candidates.append((charset, units, PlausibilityScore(units)))
        }
        guard !candidates.isEmpty else { throw DecodeError("not valid UTF-8 nor any of \(TextDecoder.legacyCharsets.joined(separator: ", "))") }
        func best(_ names: Set<String>) -> Int? {
            var pick: Int?
            for (i, c) in candidates.enumerated() where names.contains(c.charset) {
                if pick == nil || c.score > candidates[pick!].score { pick = i }
            }
            return pick
        }
        if buf.count >= TextDecoder.minimumDetectionBytes {
            let supported = Dictionary(uniqueKeysWithValues: TextDecoder.legacyCharsets.map { ($0.lowercased(), $0) })
            let aliases = ["iso-8859-1": "windows-1252"]
            for match in Charset.detect(buf) {
                let key = match.name.lowercased()
                guard let name = supported[key] ?? aliases[key] else { continue }
                let pair: Set<String> = ["windows-1250", "ISO-8859-2"]
                let chosen = pair.contains(name) ? best(pair) : best([name])
                if let i = chosen {
                    return Result(utf16: candidates[i].utf16, encoding: candidates[i].charset, confidence: match.confidence)
                }
                break
            }
        }
        let i = best(Set(candidates.map(\.charset)))!
        return Result(utf16: candidates[i].utf16, encoding: candidates[i].charset, confidence: candidates[i].score.percent)
    }

    /// The offset of the first byte that is not well-formed UTF-8, or nil.
    public static func firstInvalidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = b.count
        guard let base = b.baseAddress else { return nil }
        while i < n {
            // Eight ASCII bytes at a time.
            while i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            if i >= n { break }
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
