import ICU

/// How much a decoded text looks like Bulgarian, Polish or English prose: the score
/// that picks among candidate decodings when charset detection cannot be trusted.
///
/// Letters of the expected alphabets score, frequent letters score more; control
/// characters, symbols inside words and case flips inside words (the signature of
/// a KOI8-R / windows-1251 mix-up) cost.
public struct PlausibilityScore: Sendable, Comparable {
    /// The total: higher is more plausible.
    public private(set) var value: Int = 0
    /// Letters seen, and those that belong to the Bulgarian, Polish or English alphabets.
    public private(set) var letters = 0
    public private(set) var plausibleLetters = 0

    /// Share of plausible letters among all letters, 0...100.
    public var percent: Int { letters == 0 ? 0 : plausibleLetters * 100 / letters }

    public static func < (a: PlausibilityScore, b: PlausibilityScore) -> Bool { a.value < b.value }

    /// Scores UTF-16 text.
    public init(_ units: UnsafeBufferPointer<UInt16>) {
        var previous: Kind = .other
        for u in units {
            let kind = PlausibilityScore.kind(u)
            switch kind {
            case .lower, .upper:
                letters += 1
                plausibleLetters += 1
                value += PlausibilityScore.isFrequent(u) ? 3 : 2
                if kind == .upper && previous == .lower { value -= 6 }
            case .foreignLetter:
                letters += 1
                value -= 1
            case .symbol:
                if previous != .other && previous != .symbol { value -= 4 }
            case .control:
                value -= 8
            case .other:
                break
            }
            previous = kind
        }
    }

    /// Scores UTF-16 text held in an array.
    public init(_ units: [UInt16]) {
        self = units.withUnsafeBufferPointer { PlausibilityScore($0) }
    }

    enum Kind { case lower, upper, foreignLetter, symbol, control, other }

    @inline(__always)
    static func kind(_ u: UInt16) -> Kind {
        switch u {
        case 0x61...0x7A: return .lower
        case 0x41...0x5A: return .upper
        case 0x430...0x44F: return .lower
        case 0x410...0x42F: return .upper
        case 0x09, 0x0A, 0x0D: return .other
        case 0x00...0x1F, 0x7F...0x9F: return .control
        case 0x20...0x40, 0x5B...0x60, 0x7B...0x7E, 0xA0, 0xAB, 0xBB, 0x2010...0x2027: return .other
        default:
            if let polish = polishLetters[u] { return polish }
            if (0xA1...0x2FF).contains(u) || (0x400...0x4FF).contains(u) {
                return isLetterTable[Int(u)] ? .foreignLetter : .symbol
            }
            if (0x2500...0x25FF).contains(u) || (0x2100...0x21FF).contains(u) { return .symbol }
            return .other
        }
    }

    /// Polish letters with diacritics and their case.
    static let polishLetters: [UInt16: Kind] = {
        var out: [UInt16: Kind] = [:]
        for c in "ąćęłńóśźż".utf16 { out[c] = .lower }
        for c in "ĄĆĘŁŃÓŚŹŻ".utf16 { out[c] = .upper }
        return out
    }()

    /// ICU's letter property for U+0000...U+04FF, the range the scorer asks about.
    static let isLetterTable: [Bool] = (0..<0x500).map { CharacterProperties.isAlpha(UInt32($0)) }

    /// The most frequent letters of Bulgarian and Polish (lower case).
    @inline(__always)
    static func isFrequent(_ u: UInt16) -> Bool {
        switch u {
        case 0x430, 0x435, 0x438, 0x43E, 0x43D, 0x442, 0x440, 0x441, 0x432, 0x43B, 0x43A, 0x434, 0x43F, 0x43C, 0x437, 0x44A:
            return true // а е и о н т р с в л к д п м з ъ
        case 0x61, 0x65, 0x69, 0x6F, 0x6E, 0x72, 0x73, 0x74, 0x7A, 0x77, 0x79, 0x63, 0x6B, 0x6D, 0x70, 0x64, 0x6C:
            return true // a e i o n r s t z w y c k m p d l
        case 0x105, 0x119, 0x142, 0xF3, 0x15B, 0x17C:
            return true // ą ę ł ó ś ż
        default:
            return false
        }
    }
}
