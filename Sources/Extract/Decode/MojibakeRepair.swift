import ICU

/// Repairs UTF-8 text that was once read as a legacy charset and saved again as
/// UTF-8 ("Ð¡Ð´Ñ€ÑƒÐ¶ÐµÐ½Ð¸Ðµ" for "Сдружение"): re-encodes the text in that
/// charset with ICU and decodes the bytes as UTF-8.
public enum MojibakeRepair {
    /// The charsets UTF-8 is commonly misread as, in the order they are tried.
    public static let charsets = ["windows-1252", "windows-1251", "windows-1250"]

    /// The repaired text and the charset it had been misread as, or nil when the
    /// text shows no mojibake or re-encoding does not make it more plausible.
    public static func repair(_ units: [UInt16]) -> (utf16: [UInt16], misreadAs: String)? {
        guard hasMarkers(units) else { return nil }
        // Most texts with markers are no mojibake: their first stretch already fails.
        let open = charsets.filter { reencodes(units, as: $0) }
        if open.isEmpty { return nil }
        let original = PlausibilityScore(units)
        var best: (utf16: [UInt16], misreadAs: String, score: PlausibilityScore)?
        for charset in open {
            guard let bytes = try? units.withUnsafeBufferPointer({ try Charset.bytes(from: $0, charset: charset) }),
                  bytes.withUnsafeBufferPointer({ TextDecoder.firstInvalidUTF8($0) }) == nil,
                  let repaired = try? bytes.withUnsafeBufferPointer({ try UTF.utf16(fromUTF8: $0) }),
                  repaired.count < units.count else { continue }
            let score = PlausibilityScore(repaired)
            if score > original, best == nil || score > best!.score { best = (repaired, charset, score) }
        }
        return best.map { ($0.utf16, $0.misreadAs) }
    }

    /// Whether the first 256 units of `units` may be UTF-8 misread as `charset`: they
    /// re-encode in it, and the bytes hold no invalid UTF-8 sequence short of their end (a
    /// sequence cut off there may go on). When this is false, so is it for the whole text.
    static func reencodes(_ units: [UInt16], as charset: String) -> Bool {
        var end = min(units.count, 256)
        if end < units.count, units[end - 1] & 0xFC00 == 0xD800 { end -= 1 }
        guard let bytes = try? units[0..<end].withUnsafeBufferPointer({ try Charset.bytes(from: $0, charset: charset) }) else { return false }
        guard let bad = bytes.withUnsafeBufferPointer({ TextDecoder.firstInvalidUTF8($0) }) else { return true }
        return end == units.count ? false : bad + 3 >= bytes.count
    }

    /// Whether the text has a UTF-8 lead byte followed by a continuation byte, as
    /// either misreading shows them.
    static func hasMarkers(_ units: [UInt16]) -> Bool {
        let classes = unitClasses
        var previousIsLead = false
        for u in units {
            let c = u < classes.size ? classes.table[Int(u)] : 0
            if previousIsLead && c & 2 != 0 { return true }
            previousIsLead = c & 1 != 0
        }
        return false
    }

    /// Per unit below `size` (every unit of `table` lies there), 1 when it is a lead and 2
    /// when it is a continuation: one load per unit, no hashing.
    static let unitClasses: (table: [UInt8], size: UInt16) = {
        let size = UInt16(max(table.lead.max() ?? 0, table.follow.max() ?? 0)) + 1
        var classes = [UInt8](repeating: 0, count: Int(size))
        for u in table.lead { classes[Int(u)] |= 1 }
        for u in table.follow { classes[Int(u)] |= 2 }
        return (classes, size)
    }()

    /// The characters that UTF-8 lead bytes 0xC2...0xDF and continuation bytes
    /// 0x80...0xBF become in the charsets above.
    static let table: (lead: Set<UInt16>, follow: Set<UInt16>) = {
        var lead = Set<UInt16>(), follow = Set<UInt16>()
        for charset in charsets {
            for b in 0x80...0xDF {
                let byte = [UInt8(b)]
                guard let u = try? byte.withUnsafeBufferPointer({ try Charset.utf16(from: $0, charset: charset) }),
                      u.count == 1 else { continue }
                if b >= 0xC2 { lead.insert(u[0]) } else if b <= 0xBF { follow.insert(u[0]) }
            }
        }
        return (lead, follow)
    }()
}
