/// One test on a single token; a token element is a conjunction of tests.
public enum TokenTest: Sendable, Equatable {
    /// The folded token equals a literal (vocabulary id).
    case literal(Int32)
    /// The token is a one-word entry of a lexicon (index into the rule set's lexicons).
    case lexicon(Int)
    /// A number token (digits, optionally grouped) whose value lies in the range.
    case number(ClosedRange<Int>?)
    /// A number with a decimal or grouping separator ("3,5", "10.30").
    case decimal
    /// A clock time written with a full stop, H.MM or HH.MM ("8.00", "16.30"): hour up to 24,
    /// minutes a multiple of five, as timetables write them ("3,47", "4.22" or "1.234" is none).
    case clock
    /// A day and month written D.MM or DD.MM with a full stop ("22.06"): day 1-31, month 01-12.
    case dayMonth
    /// A four-digit number in the range.
    case year(ClosedRange<Int>)
    /// An ordinal token (1-ви, 2., 90-те) whose number lies in the range.
    case ordinal(ClosedRange<Int>?)
    case kind(TokenKind)
    /// The folded token ends with one of a lexicon's suffix entries (written "-ski").
    case suffix(Int)
    /// hunspell knows the lower-case form (a common word, not a name).
    case known
    /// hunspell knows the word only as a form of other words (an oblique case: "Czaplinka" of
    /// Czaplinek; not "Kowalski", "Nowak", which are their own lemmas).
    case inflected
    /// English hunspell knows the lower-case form (an English common word: Royal, Vote), in
    /// any language's text.
    case knownEnglish
    /// The token as written is this many UTF-16 units long.
    case length(ClosedRange<Int>)
    /// All of these shape flags are set.
    case shape(Shape)
    /// A word or abbreviation token.
    case word
    /// Any token.
    case any
    /// No whitespace before the token.
    case glued
    /// A word of two to four capital letters, each but the last followed by a full stop
    /// ("Ł.D", "Д.Д.С": a person's initials; the last full stop is a token of its own).
    case initials
    indirect case not(TokenTest)
}

/// The syntax tree of a rule's token pattern.
public indirect enum PatternNode: Sendable, Equatable {
    /// One token satisfying every test.
    case token([TokenTest])
    /// A lexicon used as a whole element: its entries may span several tokens; the other
    /// tests of the element (`@cities&Cap`) apply to the entry's first token.
    case phrase(Int, first: [TokenTest])
    /// A quoted stretch: an opening quote, 1...12 tokens, the closing quote.
    case quoted
    case sequence([PatternNode])
    case alternatives([PatternNode])
    case repeated(PatternNode, min: Int, max: Int)
    /// A named capture (never numbered).
    case capture(String, PatternNode)

    /// Capture names in order of appearance.
    var captureNames: [String] {
        switch self {
        case .capture(let n, let inner): return [n] + inner.captureNames
        case .sequence(let xs), .alternatives(let xs): return xs.flatMap(\.captureNames)
        case .repeated(let x, _, _): return x.captureNames
        default: return []
        }
    }

    /// The lexicons this node consults, in the order it names them (a capture's value sources).
    var lexicons: [Int] {
        switch self {
        case .phrase(let l, _): return [l]
        case .token(let tests):
            return tests.compactMap { if case .lexicon(let l) = $0 { l } else { nil } }
        case .capture(_, let x), .repeated(let x, _, _): return x.lexicons
        case .sequence(let xs), .alternatives(let xs):
            var all: [Int] = []
            for x in xs { for l in x.lexicons where !all.contains(l) { all.append(l) } }
            return all
        case .quoted: return []
        }
    }
}
