internal import ICUShim

/// An ICU call that failed, with ICU's error name.
public struct ICUError: Error, CustomStringConvertible, Sendable {
    public let operation: String
    public let code: String
    public var description: String { "ICU \(operation) failed: \(code)" }
}

@inline(__always)
func check(_ err: Int32, _ operation: String) throws {
    if icu_failure(err) != 0 { throw ICUError(operation: operation, code: String(cString: icu_error_name(err))) }
}

/// Conversions between UTF-8 and UTF-16 through ICU.
public enum UTF {
    /// Decodes UTF-8 into UTF-16 code units; throws on invalid UTF-8.
    public static func utf16(fromUTF8 bytes: UnsafeBufferPointer<UInt8>) throws -> [UInt16] {
        if bytes.isEmpty { return [] }
        var err: Int32 = 0
        let count = Int(bytes.count)
        let out = try [UInt16](unsafeUninitializedCapacity: count + 1) { buf, initialized in
            let n = bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: count) { src in
                icu_utf8_to_utf16(src, Int32(count), buf.baseAddress, Int32(count + 1), &err)
            }
            initialized = Int(max(n, 0))
            try check(err, "u_strFromUTF8")
        }
        return out
    }

    /// A string from UTF-16 code units, transcoded by ICU straight into the string's storage
    /// (the standard library's `String(decoding:as: UTF16.self)` takes a slow generic path).
    /// Lone surrogates become U+FFFD.
    public static func string(fromUTF16 units: UnsafeBufferPointer<UInt16>) -> String {
        if units.isEmpty { return "" }
        return String(unsafeUninitializedCapacity: units.count * 3) { utf8(fromUTF16: units, into: $0) }
    }

    /// A string from UTF-16 code units (see `string(fromUTF16:)` for buffers).
    public static func string<C: Collection>(_ units: C) -> String where C.Element == UInt16 {
        if let s = units.withContiguousStorageIfAvailable({ string(fromUTF16: $0) }) { return s }
        return Array(units).withUnsafeBufferPointer { string(fromUTF16: $0) }
    }

    /// Encodes UTF-16 code units as UTF-8 into `out`, which must have room for three bytes a
    /// unit, and returns the length. Lone surrogates become U+FFFD.
    public static func utf8(fromUTF16 units: UnsafeBufferPointer<UInt16>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        if units.isEmpty { return 0 }
        var err: Int32 = 0
        let n = out.baseAddress!.withMemoryRebound(to: CChar.self, capacity: out.count) { dst in
            icu_utf16_to_utf8(units.baseAddress, Int32(units.count), dst, Int32(out.count), &err)
        }
        // (with U+FFFD for lone surrogates and room for every unit, ICU cannot fail)
        precondition(icu_failure(err) == 0, "u_strToUTF8WithSub: \(String(cString: icu_error_name(err)))")
        return Int(n)
    }
}

/// An ICU Normalizer2 instance (NFC, NFD or NFKC_Casefold).
public struct Normalizer: @unchecked Sendable {
    let handle: UnsafeRawPointer

    public static let nfc = Normalizer(handle: { var e: Int32 = 0; return icu_nfc(&e)! }())
    public static let nfd = Normalizer(handle: { var e: Int32 = 0; return icu_nfd(&e)! }())
    public static let nfkcCasefold = Normalizer(handle: { var e: Int32 = 0; return icu_nfkc_casefold(&e)! }())

    /// Whether a normalisation boundary is before code point `c`.
    public func hasBoundaryBefore(_ c: UInt32) -> Bool { icu_has_boundary_before(handle, c) != 0 }

    /// Normalises `units`, appending the result to `out`.
    public func normalize(_ units: UnsafeBufferPointer<UInt16>, appendingTo out: inout [UInt16]) {
        if units.isEmpty { return }
        var cap = units.count * 3 + 8
        while true {
            var err: Int32 = 0
            let start = out.count
            out.append(contentsOf: repeatElement(0, count: cap))
            let n = out.withUnsafeMutableBufferPointer { dst in
                icu_normalize(handle, units.baseAddress, Int32(units.count), dst.baseAddress! + start, Int32(cap), &err)
            }
            if icu_failure(err) == 0 {
                out.removeLast(cap - Int(n))
                return
            }
            out.removeLast(cap)
            cap = Int(n) + 8
        }
    }

    /// Normalises a Swift string (convenience for tests and start-up, not for hot paths).
    public func normalize(_ s: String) -> String {
        let units = Array(s.utf16)
        var out: [UInt16] = []
        units.withUnsafeBufferPointer { normalize($0, appendingTo: &out) }
        return UTF.string(out)
    }
}

/// An ICU break iterator over UTF-16 text; one per thread.
public final class BreakIterator {
    public enum Kind: Int32 { case word = 1, sentence = 3 }
    let handle: OpaquePointer
    public let kind: Kind

    public init(_ kind: Kind, locale: String = "") throws {
        var err: Int32 = 0
        let h = icu_break_open(kind.rawValue, locale, &err)
        try check(err, "ubrk_open")
        handle = OpaquePointer(h!)
        self.kind = kind
    }
    deinit { icu_break_close(UnsafeMutableRawPointer(handle)) }

    /// Calls `body(boundary, ruleStatus)` for each boundary after the first, in order.
    /// The text must stay alive and unchanged during the call.
    public func forEachBoundary(_ text: UnsafeBufferPointer<UInt16>, _ body: (Int, Int32) -> Void) throws {
        let h = UnsafeMutableRawPointer(handle)
        var err: Int32 = 0
        icu_break_set_text(h, text.baseAddress, Int32(text.count), &err)
        try check(err, "ubrk_setText")
        _ = icu_break_first(h)
        while true {
            let b = icu_break_next(h)
            if b < 0 { break }
            body(Int(b), icu_break_status(h))
        }
        icu_break_set_text(h, nil, 0, &err)
    }

    /// The sentence boundaries of `text` after its start (the end included): the list
    /// `forEachBoundary` gives for a sentence iterator, without running ICU over the text
    /// between sentences.
    ///
    /// A sentence boundary follows only a terminator or a paragraph separator (UAX #29),
    /// and the rules that decide it look back no further than the last letter or digit
    /// before it and ahead no further than the first letter after it. So ICU is run on
    /// windows only: from the last letter or digit before a terminator (or the text's start)
    /// to the first letter after it, terminators in between joining the same window (and
    /// windows a few words apart run as one).
    public func sentenceBoundaries(_ text: UnsafeBufferPointer<UInt16>) throws -> [Int] {
        precondition(kind == .sentence, "sentence boundaries need a sentence iterator")
        var out: [Int] = []
        let n = text.count
        guard n > 0, let base = text.baseAddress else { return out }
        out.reserveCapacity(n / 64 + 8)
        let classes = BreakIterator.sentenceClasses
        /// The class of the unit at `i`: from the table, else from ICU (a surrogate pair's from
        /// its code point, a lone surrogate's 0).
        @inline(__always) func unitClass(_ i: Int) -> UInt8 {
            let u = base[i]
            if u < BreakIterator.tableSize { return classes[Int(u)] }
            if u & 0xF800 != 0xD800 { return UInt8(icu_sentence_class(UInt32(u))) }
            guard u < 0xDC00, i + 1 < n, base[i + 1] & 0xFC00 == 0xDC00 else { return 0 }
            return UInt8(icu_sentence_class(0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(base[i + 1]) - 0xDC00)))
        }
        /// Runs ICU on `text[from..<to]`, keeping the boundaries inside (and the end, at the text's end).
        func window(_ from: Int, _ to: Int) throws {
            try forEachBoundary(UnsafeBufferPointer(start: base + from, count: to - from)) { b, _ in
                if from + b < to || to == n { out.append(from + b) }
            }
        }
        // Windows closer than this are run as one: setting ICU's text costs about as much as
        // iterating this many units.
        let gap = 32
        var pending: (from: Int, to: Int)?
        var start = 0 // where a window may start: the last letter or digit, or the text's start
        var i = 0
        while i < n {
            let c = unitClass(i)
            if c & 1 == 0 {
                if c != 0 { start = i }
                i += 1
                continue
            }
            // A terminator: the window runs to the first letter after it.
            var end = i + 1
            var letter = n
            while end < n {
                if unitClass(end) & 2 != 0 {
                    letter = end
                    end += base[end] & 0xFC00 == 0xD800 ? 2 : 1
                    break
                }
                end += 1
            }
            if let p = pending, start - p.to < gap {
                pending = (p.from, end)
            } else {
                if let p = pending { try window(p.from, p.to) }
                pending = (start, end)
            }
            i = end
            start = letter
        }
        if let p = pending { try window(p.from, p.to) }
        if out.last != n { out.append(n) }
        return out
    }

    /// The word boundaries of `text` with their rule statuses, appended to `out` (each as
    /// boundary << 32 | status): exactly what `forEachBoundary` gives for a word iterator,
    /// without running ICU over plain text.
    ///
    /// The text is read in chunks, each ending after a run of spaces or a line break
    /// (where no UAX #29 rule looks across: WB3a, WB3d). A chunk of letter runs, digit
    /// runs, spaces, line breaks and lone punctuation is split as the rules leave no
    /// choice (WB5, WB8, WB3d, WB999: letters 200, digits 100, the rest 0). A chunk with
    /// anything else (letters next to digits, a full stop or apostrophe between two of
    /// them, combining marks, other scripts) is left to ICU.
    public func wordBoundaries(_ text: UnsafeBufferPointer<UInt16>, into out: inout [UInt64]) throws {
        precondition(kind == .word, "word boundaries need a word iterator")
        let n = text.count
        guard n > 0, let base = text.baseAddress else { return }
        let classes = BreakIterator.wordClasses
        @inline(__always) func unitClass(_ i: Int) -> UInt8 {
            let u = base[i]
            return u < BreakIterator.tableSize ? classes[Int(u)] : 0
        }
        @inline(__always) func add(_ end: Int, _ status: Int32) { out.append(UInt64(end) << 32 | UInt64(UInt32(bitPattern: status))) }
        /// Runs ICU on `text[from..<to]`.
        func window(_ from: Int, _ to: Int) throws {
            try forEachBoundary(UnsafeBufferPointer(start: base + from, count: to - from)) { add(from + $0, $1) }
        }
        /// Where the chunk holding `i` ends: after the next line break that no combining
        /// mark follows, or run of spaces that no combining mark or character outside the
        /// table follows (or at the text's end).
        func chunkEnd(_ i: Int) -> Int {
            var p = i
            while p < n {
                let c = unitClass(p)
                p += 1
                if c == WordClass.space {
                    while p < n, unitClass(p) == WordClass.space { p += 1 }
                    if p == n || (unitClass(p) != WordClass.attach && unitClass(p) != 0) { return p }
                } else if c == WordClass.cr || c == WordClass.newline {
                    if c == WordClass.cr, p < n, base[p] == 0x0A { p += 1 }
                    if p == n || unitClass(p) != WordClass.attach { return p }
                }
            }
            return n
        }
        var i = 0
        while i < n {
            // The chunk's boundaries go straight to `out`, and are taken back when it is not plain.
            let mark = out.count
            var p = i
            var plain = true
            var closed = false
            while p < n, !closed {
                let c = unitClass(p)
                switch c {
                case WordClass.letter, WordClass.digit:
                    var j = p + 1
                    while j < n, unitClass(j) == c { j += 1 }
                    if j < n {
                        let d = unitClass(j)
                        if d == WordClass.mid, j + 1 < n {
                            let e = unitClass(j + 1)
                            if e == WordClass.letter || e == WordClass.digit || e == WordClass.attach || e == 0 { plain = false }
                        } else if d == WordClass.letter || d == WordClass.digit || d == WordClass.attach || d == 0 {
                            plain = false
                        }
                    }
                    add(j, c == WordClass.letter ? 200 : 100)
                    p = j
                case WordClass.mid, WordClass.other:
                    if p + 1 < n, unitClass(p + 1) == WordClass.attach { plain = false }
                    p += 1
                    add(p, 0)
                case WordClass.space:
                    var j = p + 1
                    while j < n, unitClass(j) == WordClass.space { j += 1 }
                    // (a space outside the table, such as U+3000, may continue the run)
                    if j < n, unitClass(j) == WordClass.attach || unitClass(j) == 0 { plain = false }
                    add(j, 0)
                    p = j
                    closed = true
                case WordClass.newline, WordClass.cr:
                    p += c == WordClass.cr && p + 1 < n && base[p + 1] == 0x0A ? 2 : 1
                    if p < n, unitClass(p) == WordClass.attach { plain = false }
                    add(p, 0)
                    closed = true
                default:
                    plain = false
                }
                if !plain { break }
            }
            if plain {
                i = p
            } else {
                out.removeSubrange(mark...)
                let end = chunkEnd(p)
                try window(i, end)
                i = end
            }
        }
    }

    /// The classes `icu_word_class` gives.
    private enum WordClass {
        static let letter: UInt8 = 1, digit: UInt8 = 2, space: UInt8 = 3, newline: UInt8 = 4, cr: UInt8 = 5
        static let mid: UInt8 = 6, other: UInt8 = 7, attach: UInt8 = 8
    }

    /// `icu_word_class` of the code points below `tableSize`; never freed.
    nonisolated(unsafe) private static let wordClasses: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: Int(tableSize))
        for c in 0..<Int(tableSize) { table[c] = UInt8(icu_word_class(UInt32(c))) }
        return UnsafePointer(table)
    }()

    /// The code points whose classes are looked up once, in tables: those below U+2E80 (the
    /// scripts and punctuation before CJK).
    private static let tableSize: UInt16 = 0x2E80

    /// `icu_sentence_class` of the code points below `tableSize`; never freed.
    nonisolated(unsafe) private static let sentenceClasses: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: Int(tableSize))
        for c in 0..<Int(tableSize) { table[c] = UInt8(icu_sentence_class(UInt32(c))) }
        return UnsafePointer(table)
    }()
}

/// Unicode character properties from ICU.
public enum CharacterProperties {
    @inline(__always) public static func isUpper(_ c: UInt32) -> Bool { icu_is_upper(c) != 0 }
    @inline(__always) public static func isLower(_ c: UInt32) -> Bool { icu_is_lower(c) != 0 }
    @inline(__always) public static func isAlpha(_ c: UInt32) -> Bool { icu_is_alpha(c) != 0 }
    /// ICU's UCharCategory value for `c`.
    @inline(__always) public static func category(_ c: UInt32) -> Int32 { icu_char_type(c) }
}

/// ICU's spoof checker, set to flag text that mixes scripts with confusable letters.
public final class SpoofChecker {
    let handle: UnsafeMutableRawPointer
    public init() throws {
        var err: Int32 = 0
        handle = icu_spoof_open(&err)
        try check(err, "uspoof_open")
    }
    deinit { icu_spoof_close(handle) }
    /// True when ICU finds the text mixes scripts (restriction level or mixed-script confusable).
    public func isMixedScript(_ units: UnsafeBufferPointer<UInt16>) -> Bool {
        var err: Int32 = 0
        let r = icu_spoof_check(handle, units.baseAddress, Int32(units.count), &err)
        return icu_failure(err) == 0 && r != 0
    }
}

/// An ICU transliterator (e.g. "Bulgarian-Latin/BGN", "Latin-ASCII").
public final class Transliterator {
    let handle: UnsafeMutableRawPointer
    public init(_ id: String) throws {
        var err: Int32 = 0
        let units = Array(id.utf16)
        handle = icu_translit_open(units, Int32(units.count), &err)!
        try check(err, "utrans_openU(\(id))")
    }
    deinit { icu_translit_close(handle) }
    public func transliterate(_ s: String) -> String {
        var units = Array(s.utf16)
        if units.isEmpty { return s }
        var cap = units.count * 4 + 16
        while true {
            var buf = units + [UInt16](repeating: 0, count: cap - units.count)
            var err: Int32 = 0
            let n = icu_translit(handle, &buf, Int32(units.count), Int32(cap), &err)
            if icu_failure(err) == 0 { return UTF.string(buf[0..<Int(n)]) }
            cap *= 2
            if cap > 1 << 24 { units = []; return s }
        }
    }
}

/// ICU's charset detector (ucsdet) and converters (ucnv).
public enum Charset {
    /// A detected charset with ICU's confidence (0...100) and guessed language.
    public struct Match: Sendable { public let name: String; public let confidence: Int; public let language: String }

    /// Candidates for the charset of `bytes`, best first.
    public static func detect(_ bytes: UnsafeBufferPointer<UInt8>, declared: String? = nil) -> [Match] {
        var err: Int32 = 0
        guard let d = icu_csdet_open(&err), icu_failure(err) == 0 else { return [] }
        defer { icu_csdet_close(d) }
        bytes.baseAddress?.withMemoryRebound(to: CChar.self, capacity: bytes.count) { p in
            icu_csdet_set_text(d, p, Int32(bytes.count), &err)
        }
        if let declared { icu_csdet_set_declared(d, declared, &err) }
        var names = [UnsafePointer<CChar>?](repeating: nil, count: 32)
        var langs = [UnsafePointer<CChar>?](repeating: nil, count: 32)
        var conf = [Int32](repeating: 0, count: 32)
        let n = icu_csdet_detect_all(d, &names, &conf, &langs, 32, &err)
        var out: [Match] = []
        for i in 0..<Int(n) {
            guard let name = names[i] else { continue }
            out.append(Match(name: String(cString: name), confidence: Int(conf[i]),
                             language: langs[i].map { String(cString: $0) } ?? ""))
        }
        return out
    }

    /// Converts `bytes` in `charset` to UTF-16; throws on bytes illegal in that charset.
    public static func utf16(from bytes: UnsafeBufferPointer<UInt8>, charset: String) throws -> [UInt16] {
        if bytes.isEmpty { return [] }
        let cap = bytes.count * 2 + 8
        var err: Int32 = 0
        return try [UInt16](unsafeUninitializedCapacity: cap) { buf, initialized in
            let n = bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { src in
                icu_convert_to_utf16(charset, src, Int32(bytes.count), buf.baseAddress, Int32(cap), &err)
            }
            initialized = Int(max(0, n))
            try check(err, "ucnv_toUChars(\(charset))")
        }
    }

    /// Encodes UTF-16 in `charset`; throws when a character has no mapping there.
    public static func bytes(from units: UnsafeBufferPointer<UInt16>, charset: String) throws -> [UInt8] {
        if units.isEmpty { return [] }
        let cap = units.count * 4 + 8
        var err: Int32 = 0
        return try [UInt8](unsafeUninitializedCapacity: cap) { buf, initialized in
            let n = buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: cap) { dst in
                icu_convert_from_utf16(charset, units.baseAddress, Int32(units.count), dst, Int32(cap), &err)
            }
            initialized = Int(max(0, n))
            try check(err, "ucnv_fromUChars(\(charset))")
        }
    }
}

/// CLDR data through ICU: month and weekday names, country names.
public enum CLDR {
    /// Which set of date symbols to read.
    public enum SymbolSet: Int32, CaseIterable, Sendable {
        case months = 0, shortMonths, standaloneMonths, standaloneShortMonths
        case weekdays, shortWeekdays, standaloneWeekdays, standaloneShortWeekdays
    }

    /// The symbols of `set` for `locale`; months are 12 (January first), weekdays 7 (Sunday first).
    public static func dateSymbols(_ set: SymbolSet, locale: String) -> [String] {
        let isWeekday = set.rawValue >= 4
        let range = isWeekday ? 1...7 : 0...11
        var out: [String] = []
        for i in range {
            var buf = [UInt16](repeating: 0, count: 64)
            var err: Int32 = 0
            let n = icu_date_symbol(locale, set.rawValue, Int32(i), &buf, 64, &err)
            if icu_failure(err) == 0 { out.append(UTF.string(buf[0..<Int(n)])) }
        }
        return out
    }

    /// ISO 3166 region codes known to ICU.
    public static func regionCodes() -> [String] {
        var out: [String] = []
        guard let list = icu_iso_countries() else { return out }
        var i = 0
        while let p = list[i] { out.append(String(cString: p)); i += 1 }
        return out
    }

    /// The ISO 4217 codes of the current currencies ICU knows (EUR, PLN, BGN, JPY …).
    public static func currencyCodes() -> [String] {
        var buf = [CChar](repeating: 0, count: 4 * 512)
        let n = Int(icu_currency_codes(&buf, 512))
        return (0..<n).map { i in buf.withUnsafeBufferPointer { String(cString: $0.baseAddress! + 4 * i) } }
    }

    /// The display name of `region` (ISO 3166 code) in `locale`.
    public static func countryName(_ region: String, locale: String) -> String? {
        var buf = [UInt16](repeating: 0, count: 128)
        var err: Int32 = 0
        let n = icu_display_country(region, locale, &buf, 128, &err)
        guard icu_failure(err) == 0, n > 0 else { return nil }
        let s = UTF.string(buf[0..<Int(n)])
        return s == region ? nil : s
    }
}
