/// What a token is, from ICU's word-break rule status refined by the merges.
public enum TokenKind: UInt8, Sendable, CaseIterable {
    case word, number, punctuation, symbol, space
    case abbreviation, date, time, email, url, hashtag, handle, ordinal

    public var name: String {
        switch self {
        case .word: "word"
        case .number: "number"
        case .punctuation: "punctuation"
        case .symbol: "symbol"
        case .space: "space"
        case .abbreviation: "abbreviation"
        case .date: "date"
        case .time: "time"
        case .email: "email"
        case .url: "url"
        case .hashtag: "hashtag"
        case .handle: "handle"
        case .ordinal: "ordinal"
        }
    }

    public init?(name: String) {
        guard let k = TokenKind.allCases.first(where: { $0.name == name }) else { return nil }
        self = k
    }
}

/// Orthographic shape of a token, as bit flags.
public struct Shape: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    /// First letter upper case, the rest not all upper case.
    public static let capitalized = Shape(rawValue: 1 << 0)
    /// Two or more letters, all upper case.
    public static let allCaps = Shape(rawValue: 1 << 1)
    /// All letters lower case.
    public static let lower = Shape(rawValue: 1 << 2)
    public static let cyrillic = Shape(rawValue: 1 << 3)
    public static let latin = Shape(rawValue: 1 << 4)
    /// Upper case after a lower-case letter inside the word (SPCleantech, EnviroCluster).
    public static let camelCase = Shape(rawValue: 1 << 5)
    /// A valid upper-case roman numeral (XXI, IV).
    public static let roman = Shape(rawValue: 1 << 6)
    /// Contains a digit.
    public static let digits = Shape(rawValue: 1 << 7)
    /// A newline lies in the whitespace before this token.
    public static let lineStart = Shape(rawValue: 1 << 8)
    /// A blank line lies in the whitespace before this token.
    public static let paragraphStart = Shape(rawValue: 1 << 9)
    /// Whitespace precedes this token directly.
    public static let spaceBefore = Shape(rawValue: 1 << 10)
    /// Contains a hyphen joining parts (TRACE-KEI, поток-2).
    public static let hyphenated = Shape(rawValue: 1 << 11)
    /// Starts a sentence.
    public static let sentenceStart = Shape(rawValue: 1 << 12)
    /// On a line written mostly in capitals (a headline): capitals say nothing there.
    public static let capsLine = Shape(rawValue: 1 << 13)
    /// The first word of a sentence: its first token, or the word after the opening
    /// quotation marks, bracket or dash it starts with ("„Дори …"); what `sentstart` tests.
    public static let firstWord = Shape(rawValue: 1 << 14)
    /// The flags that depend on the token's surroundings, not on its text.
    public static let contextual: Shape = [.lineStart, .paragraphStart, .spaceBefore, .sentenceStart, .capsLine, .firstWord]
    /// A word with a capital after its first letter: in capitals or mixed ("NATO", "PiS").
    public static let capitalInside: Shape = [.allCaps, .camelCase]
}

/// A token: a span of the original text with its kind, shape and folded key.
public struct Token: Sendable, Equatable {
    /// UTF-16 offsets into the document text, end exclusive.
    public var start: Int32
    public var end: Int32
    public var kind: TokenKind
    public var shape: Shape
    /// The folded key's range in `Document.folded`.
    public var foldStart: Int32
    public var foldEnd: Int32
    /// Integer value of a number or ordinal token (digits only), or -1.
    public var number: Int32
    /// Number of digits of `number` (so "05" and "2012" can be told apart).
    public var digitCount: UInt8

    public var span: Span { Span(Int(start), Int(end)) }
    /// Whether the token starts a line or a sentence: a match never runs into one.
    var startsBlock: Bool { !shape.isDisjoint(with: [.lineStart, .sentenceStart]) }
    public var length: Int { Int(end - start) }
}
