import ICU
/// Where a document came from and how its bytes were decoded.
public struct SourceInfo: Sendable, Equatable {
    public var path: String
    public var sha256: String
    public var bytes: Int
    public var encoding: String
    /// ICU's detection confidence (0...100) when the encoding was detected, nil when declared or certain.
    public var confidence: Int?
    /// Set when the text was repaired from mojibake (UTF-8 read as a legacy charset and saved again).
    public var repaired: String?

    public init(path: String, sha256: String, bytes: Int, encoding: String, confidence: Int? = nil, repaired: String? = nil) {
        self.path = path; self.sha256 = sha256; self.bytes = bytes; self.encoding = encoding
        self.confidence = confidence; self.repaired = repaired
    }
}

/// A span of the document in UTF-16 offsets, end exclusive.
public struct Span: Sendable, Equatable, Hashable {
    public var start: Int
    public var end: Int
    public init(_ start: Int, _ end: Int) { self.start = start; self.end = end }
}

/// A stretch of text in one language.
public struct LanguageSpan: Sendable, Equatable {
    public var span: Span
    public var language: Language
    public var confidence: Double
}

/// The language codes the pipeline knows.
public enum Language: String, Sendable, CaseIterable, Codable {
    case bg, pl, en, other
}

/// The date a document was published, the anchor for relative dates.
public struct DocumentDate: Sendable, Equatable {
    public enum Source: String, Sendable { case input, metadata, dateline }
    public var value: CivilDate
    public var source: Source
    public init(value: CivilDate, source: Source) { self.value = value; self.source = source }
}

/// A calendar date without a time zone.
public struct CivilDate: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int, month: Int, day: Int
    public init(year: Int, month: Int, day: Int) { self.year = year; self.month = month; self.day = day }

    /// Parses `YYYY-MM-DD`.
    public init?(iso: String) {
        // "yyyy-mm-dd", the form values take, read straight from its bytes
        if let (y, m, d) = iso.utf8.withContiguousStorageIfAvailable({ b -> (Int, Int, Int)? in
            guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
            func number(_ r: Range<Int>) -> Int? {
                var n = 0
                for i in r {
                    guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                    n = n * 10 + Int(b[i] - 0x30)
                }
                return n
            }
            guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
            return (y, m, d)
        }) ?? nil {
            guard (1...12).contains(m), d >= 1, d <= CivilDate.daysIn(month: m, year: y) else { return nil }
            self.init(year: y, month: m, day: d)
            return
        }
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1, d <= CivilDate.daysIn(month: m, year: y) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var description: String { Digits.iso(year, month, day) }
    public static func < (a: CivilDate, b: CivilDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// ISO weekday, 1 = Monday ... 7 = Sunday.
    public var weekday: Int { ((dayNumber % 7 + 7 + 3) % 7) + 1 }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }
    public func adding(months: Int) -> CivilDate {
        let total = year * 12 + (month - 1) + months
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let m = total - y * 12 + 1
        return CivilDate(year: y, month: m, day: min(day, CivilDate.daysIn(month: m, year: y)))
    }
}

/// Zero-padded decimal formatting for ISO dates.
enum Digits {
    /// "07" for 7; other values as they are ("-1", "12").
    static func pad2(_ v: Int) -> String { v >= 0 ? padded(v, width: 2) : padded(v, width: 1) }
    /// "0099" for 99, "-0005" for -5.
    static func pad4(_ v: Int) -> String { padded(v, width: 4) }

    /// "2021-05" or "2021-05-27" ("XXXX-05-27" without a year), written into one string;
    /// values out of the fields' ranges as `pad4` and `pad2` write them.
    static func iso(_ year: Int?, _ month: Int, _ day: Int?) -> String {
        guard (year ?? 0) >= 0, (year ?? 0) <= 9999, month >= 0, month <= 99, (day ?? 0) >= 0, (day ?? 0) <= 99 else {
            return (year.map(pad4) ?? "XXXX") + "-" + pad2(month) + (day.map { "-" + pad2($0) } ?? "")
        }
        return String(unsafeUninitializedCapacity: day == nil ? 7 : 10) { b in
            if let y = year {
                b[0] = UInt8(0x30 + y / 1000); b[1] = UInt8(0x30 + y / 100 % 10); b[2] = UInt8(0x30 + y / 10 % 10); b[3] = UInt8(0x30 + y % 10)
            } else {
                for i in 0..<4 { b[i] = 0x58 }
            }
            b[4] = 0x2D; b[5] = UInt8(0x30 + month / 10); b[6] = UInt8(0x30 + month % 10)
            guard let d = day else { return 7 }
            b[7] = 0x2D; b[8] = UInt8(0x30 + d / 10); b[9] = UInt8(0x30 + d % 10)
            return 10
        }
    }

    /// The decimal digits of `v` zero-padded to at least `width`, after a minus sign when
    /// negative; written straight into the string's storage.
    static func padded(_ v: Int, width: Int) -> String {
        var m = v.magnitude
        var digits = 1
        var t = m
        while t >= 10 { t /= 10; digits += 1 }
        let sign = v < 0 ? 1 : 0
        let count = max(digits, width) + sign
        return String(unsafeUninitializedCapacity: count) { buf in
            var i = count
            while i > sign {
                i -= 1
                buf[i] = UInt8(0x30 + m % 10)
                m /= 10
            }
            if sign == 1 { buf[0] = 0x2D }
            return count
        }
    }

    /// The digit runs of an ASCII string whose every byte is a digit or one of
    /// `separators` (empty runs left out, as `split` does), each with its length; nil for
    /// any other string or a run of more than nine digits.
    static func runs(_ s: String, separators: (UInt8) -> Bool) -> DigitRuns? {
        var out = DigitRuns()
        var v = 0, len = 0
        for b in s.utf8 {
            if b >= 0x30 && b <= 0x39 {
                len += 1
                if len > 9 { return nil }
                v = v * 10 + Int(b - 0x30)
            } else if separators(b) {
                if len > 0 { out.append(v, length: len) }
                v = 0; len = 0
            } else {
                return nil
            }
        }
        if len > 0 { out.append(v, length: len) }
        return out
    }
}

/// The first three digit runs of a date or time and their lengths, with no array made
/// (`count` goes on counting past three).
struct DigitRuns {
    private(set) var count = 0
    private var values = SIMD4<Int32>(), lengths = SIMD4<Int32>()

    /// Adds a run (kept when among the first three; a value past `Int32` is clamped).
    mutating func append(_ value: Int, length: Int) {
        if count < 3 {
            values[count] = Int32(clamping: value)
            lengths[count] = Int32(clamping: length)
        }
        count += 1
    }

    /// The value of run `i` (one of the first three).
    func value(_ i: Int) -> Int { Int(values[i]) }
    /// The number of digits of run `i` (one of the first three).
    func length(_ i: Int) -> Int { Int(lengths[i]) }
}

/// One analysed document: the original text and every annotation over it.
///
/// Offsets inside are UTF-16 offsets into `utf16`; the writer converts them to
/// code point offsets with `offsets`.
public struct Document: Sendable {
    public var id: String
    public var source: SourceInfo
    /// The decoded text, unchanged.
    public var utf16: [UInt16]
    public var offsets: OffsetMap
    /// The tokens, in order, without the spaces between them.
    public var tokens: [Token] = []
    /// Folded forms of all tokens, concatenated; each token points into it.
    public var folded: [UInt16] = []
    public var sentences: [Span] = []
    public var languages: [LanguageSpan] = []
    public var language: Language = .other
    public var documentDate: DocumentDate?
    public var dates: [DateAnnotation] = []
    public var entities: [EntityAnnotation] = []
    /// Extra fields from the input (e.g. url) carried to the output unchanged.
    public var url: String?
    /// The text as UTF-8, when the input's bytes are exactly that (the writer copies them
    /// instead of transcoding `utf16`).
    public var utf8: [UInt8]?

    public init(id: String, source: SourceInfo, utf16: [UInt16]) {
        self.id = id
        self.source = source
        let map = utf16.withUnsafeBufferPointer { units in OffsetMap(utf16: units) }
        self.offsets = map
        self.utf16 = utf16
    }

    /// The text as a Swift string.
    public var text: String { UTF.string(utf16) }

    /// The original text of a UTF-16 span.
    public func text(_ span: Span) -> String { UTF.string(utf16[span.start..<span.end]) }

    /// The folded match key of token `i`.
    public func foldedKey(_ i: Int) -> String {
        let t = tokens[i]
        return UTF.string(folded[Int(t.foldStart)..<Int(t.foldEnd)])
    }
}
