import Foundation

/// Parses the pattern language of rule files into a `PatternNode`.
///
/// ```
/// day:num(1..31) month:@months year:year(1000..2999)? ("г." | година)?
/// ```
/// - a bare or quoted word is a literal, compared on the folded form (`г.`, `"10:30"`);
/// - `@name` is a lexicon; alone it may match multi-word entries, inside `&` one word;
/// - `num(a..b)`, `year(a..b)`, `ord(a..b)`, `is(kind)` test numbers, years, ordinals, token kinds;
///   `suffix(@lexicon)` tests word endings listed as "-ski"; `known` is a dictionary word,
///   `known(en)` an English one;
///   `len(a..b)` tests the token's length as written;
/// - `Cap`, `CAPS`, `lower`, `roman`, `camel`, `latin`, `cyrillic`, `hyphenated`, `digits` (holds a digit), `word`, `any`, `number`, `decimal`, `clock` (H.MM), `daymonth` (DD.MM),
///   `linestart`, `sentstart`, `capsline` (a headline in capitals), `glued` test shape and position;
///   `quoted` matches a quoted stretch;
/// - `a&b&!c` combines tests on one token; `(x | y z)` alternatives; `?`, `+`, `*`, `{m,n}` repeat;
/// - `name:element` captures (named captures only).
public struct PatternParser {
    /// Resolves literals and lexicon names while parsing.
    public struct Environment {
        /// The vocabulary ids of a literal's tokens (a literal may segment into several).
        public var literal: (String) -> [Int32]
        public var lexicon: (String) -> Int?
    }

    public struct ParseError: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    enum Lexeme: Equatable {
        case open, close, bar, question, plus, star, amp, bang
        case braces(Int, Int)
        case capture(String)
        case call(String, String)
        case word(String, quoted: Bool)
    }

    /// The functions a pattern may call, as `name(arguments)`.
    static let functions = ["num", "year", "ord", "is", "suffix", "len", "known"]

    let env: Environment
    var lexemes: [Lexeme] = []
    var pos = 0

    public init(env: Environment) { self.env = env }

    public mutating func parse(_ source: String) throws -> PatternNode {
        lexemes = try PatternParser.lex(source)
        pos = 0
        guard !lexemes.isEmpty else { throw ParseError(message: "empty pattern") }
        let node = try parseAlternatives()
        if pos < lexemes.count { throw ParseError(message: "unexpected \(describe(lexemes[pos])) in pattern") }
        return node
    }

    static func lex(_ s: String) throws -> [Lexeme] {
        var out: [Lexeme] = []
        let chars = Array(s)
        var i = 0
        let special: Set<Character> = ["(", ")", "|", "?", "+", "*", "{", "}", "&", "!", "\"", " ", "\t", "\n"]
        while i < chars.count {
            let c = chars[i]
            switch c {
            case " ", "\t", "\n": i += 1
            case "(": out.append(.open); i += 1
            case ")": out.append(.close); i += 1
            case "|": out.append(.bar); i += 1
            case "?": out.append(.question); i += 1
            case "+": out.append(.plus); i += 1
            case "*": out.append(.star); i += 1
            case "&": out.append(.amp); i += 1
            case "!": out.append(.bang); i += 1
            case "{":
                guard let close = chars[i...].firstIndex(of: "}") else { throw ParseError(message: "unclosed '{' in pattern") }
                let body = String(chars[(i + 1)..<close]).split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                guard let lo = Int(body[0]) else { throw ParseError(message: "bad repeat count '{\(String(chars[(i + 1)..<close]))}'") }
                let hi = body.count > 1 ? (body[1].isEmpty ? Int.max : Int(body[1]) ?? -1) : lo
                guard hi >= lo else { throw ParseError(message: "bad repeat count '{\(String(chars[(i + 1)..<close]))}'") }
                out.append(.braces(lo, hi))
                i = close + 1
            case "\"":
                var j = i + 1
                var w = ""
                while j < chars.count, chars[j] != "\"" {
                    if chars[j] == "\\", j + 1 < chars.count { j += 1 }
                    w.append(chars[j]); j += 1
                }
                guard j < chars.count else { throw ParseError(message: "unclosed quote in pattern") }
                out.append(.word(w, quoted: true))
                i = j + 1
            default:
                var j = i
                var w = ""
                while j < chars.count, !special.contains(chars[j]) {
                    if chars[j] == ":" && j + 1 < chars.count && !w.isEmpty && w.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) && w.first!.isASCII && !w.contains(".") {
                        break
                    }
                    w.append(chars[j]); j += 1
                }
                if j < chars.count, chars[j] == ":" {
                    out.append(.capture(w)); i = j + 1; continue
                }
                if j < chars.count, chars[j] == "(", PatternParser.functions.contains(w) {
                    guard let close = chars[j...].firstIndex(of: ")") else { throw ParseError(message: "unclosed '(' after \(w)") }
                    out.append(.call(w, String(chars[(j + 1)..<close]).trimmingCharacters(in: .whitespaces)))
                    i = close + 1
                    continue
                }
                if w.isEmpty { throw ParseError(message: "unexpected '\(c)' in pattern") }
                // (a word written against a parenthesis is a misspelt function, not a literal
                // and a group: elements are separated by spaces)
                if j < chars.count, chars[j] == "(", w.allSatisfy(\.isLetter) {
                    throw ParseError(message: "unknown function '\(w)(' (one of \(PatternParser.functions.joined(separator: ", ")))")
                }
                out.append(.word(w, quoted: false))
                i = j
            }
        }
        return out
    }

    func describe(_ l: Lexeme) -> String {
        switch l {
        case .open: "'('"
        case .close: "')'"
        case .bar: "'|'"
        case .question: "'?'"
        case .plus: "'+'"
        case .star: "'*'"
        case .amp: "'&'"
        case .bang: "'!'"
        case .braces: "'{...}'"
        case .capture(let n): "capture '\(n):'"
        case .call(let f, let a): "'\(f)(\(a))'"
        case .word(let w, _): "'\(w)'"
        }
    }

    mutating func parseAlternatives() throws -> PatternNode {
        var options = [try parseSequence()]
        while pos < lexemes.count, lexemes[pos] == .bar {
            pos += 1
            options.append(try parseSequence())
        }
        return options.count == 1 ? options[0] : .alternatives(options)
    }

    mutating func parseSequence() throws -> PatternNode {
        var items: [PatternNode] = []
        while pos < lexemes.count, lexemes[pos] != .bar, lexemes[pos] != .close {
            items.append(try parseItem())
        }
        guard !items.isEmpty else { throw ParseError(message: "empty alternative in pattern") }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    mutating func parseItem() throws -> PatternNode {
        var name: String?
        if case .capture(let n) = lexemes[pos] {
            guard !n.isEmpty, !(n.first!.isNumber) else { throw ParseError(message: "capture names must be names, not numbers: '\(n)'") }
            name = n
            pos += 1
            guard pos < lexemes.count else { throw ParseError(message: "capture '\(n):' has no element") }
        }
        var node: PatternNode
        if lexemes[pos] == .open {
            pos += 1
            node = try parseAlternatives()
            guard pos < lexemes.count, lexemes[pos] == .close else { throw ParseError(message: "missing ')' in pattern") }
            pos += 1
        } else {
            node = try parseElement()
        }
        if pos < lexemes.count {
            switch lexemes[pos] {
            case .question: node = .repeated(node, min: 0, max: 1); pos += 1
            case .plus: node = .repeated(node, min: 1, max: Int.max); pos += 1
            case .star: node = .repeated(node, min: 0, max: Int.max); pos += 1
            case .braces(let lo, let hi): node = .repeated(node, min: lo, max: hi); pos += 1
            default: break
            }
        }
        if let name { node = .capture(name, node) }
        return node
    }

    mutating func parseElement() throws -> PatternNode {
        var tests: [TokenTest] = []
        var phrase: Int?
        var isQuoted = false
        // A literal standing alone that segments into several tokens becomes a sequence.
        if pos + 1 >= lexemes.count || lexemes[pos + 1] != .amp, case .word(let w, let quoted) = lexemes[pos],
           quoted || (!w.hasPrefix("@") && PatternParser.keyword(w) == nil) {
            let ids = env.literal(w)
            pos += 1
            if ids.count == 1 { return .token([.literal(ids[0])]) }
            guard !ids.isEmpty else { throw ParseError(message: "literal '\(w)' has no tokens") }
            return .sequence(ids.map { .token([.literal($0)]) })
        }
        repeat {
            if !tests.isEmpty || phrase != nil || isQuoted {
                pos += 1 // the '&'
                guard pos < lexemes.count else { throw ParseError(message: "'&' at the end of the pattern") }
            }
            var negate = false
            if lexemes[pos] == .bang { negate = true; pos += 1 }
            guard pos < lexemes.count else { throw ParseError(message: "'!' at the end of the pattern") }
            let lexeme = lexemes[pos]
            pos += 1
            var test: TokenTest
            switch lexeme {
            case .word(let w, let quoted):
                if !quoted, w.hasPrefix("@") {
                    let name = String(w.dropFirst())
                    guard let l = env.lexicon(name) else { throw ParseError(message: "unknown lexicon '@\(name)'") }
                    test = .lexicon(l)
                } else if !quoted, let t = PatternParser.keyword(w) {
                    if w == "quoted" {
                        guard !negate else { throw ParseError(message: "'quoted' cannot be negated") }
                        isQuoted = true
                        continue
                    }
                    test = t
                } else {
                    let ids = env.literal(w)
                    guard ids.count == 1 else { throw ParseError(message: "literal '\(w)' is several tokens; it cannot be combined with '&'") }
                    test = .literal(ids[0])
                }
            case .call("suffix", let args):
                guard args.hasPrefix("@"), let l = env.lexicon(String(args.dropFirst())) else {
                    throw ParseError(message: "suffix() takes a lexicon, e.g. suffix(@surname-endings); unknown '\(args)'")
                }
                test = .suffix(l)
            case .call(let f, let args):
                test = try PatternParser.call(f, args)
            default:
                throw ParseError(message: "expected a token element, found \(describe(lexeme))")
            }
            if negate { test = .not(test) }
            tests.append(test)
        } while pos < lexemes.count && lexemes[pos] == .amp

        if isQuoted {
            guard tests.isEmpty else { throw ParseError(message: "'quoted' cannot be combined with '&'") }
            return .quoted
        }
        // A lexicon element may match multi-word entries of its first lexicon; its other tests
        // (other lexicons too: "@regions&@province-heads") apply to the first token.
        if let i = tests.firstIndex(where: { if case .lexicon = $0 { true } else { false } }), case .lexicon(let l) = tests[i] {
            phrase = l
            tests.remove(at: i)
            return .phrase(l, first: tests)
        }
        return .token(tests)
    }

    static func keyword(_ w: String) -> TokenTest? {
        switch w {
        case "Cap": .shape(.capitalized)
        case "CAPS": .shape(.allCaps)
        case "lower": .shape(.lower)
        case "roman": .shape(.roman)
        case "camel": .shape(.camelCase)
        case "latin": .shape(.latin)
        case "cyrillic": .shape(.cyrillic)
        case "hyphenated": .shape(.hyphenated)
        case "digits": .shape(.digits)
        case "linestart": .shape(.lineStart)
        case "sentstart": .shape(.firstWord)
        case "capsline": .shape(.capsLine)
        case "known": .known
        case "inflected": .inflected
        case "word": .word
        case "any": .any
        case "glued": .glued
        case "initials": .initials
        case "number": .number(nil)
        case "decimal": .decimal
        case "clock": .clock
        case "daymonth": .dayMonth
        case "quoted": .any
        default: nil
        }
    }

    static func range(_ s: String) throws -> ClosedRange<Int>? {
        if s.isEmpty { return nil }
        let parts = s.components(separatedBy: "..")
        guard parts.count == 2, let lo = Int(parts[0].trimmingCharacters(in: .whitespaces)), let hi = Int(parts[1].trimmingCharacters(in: .whitespaces)), lo <= hi else {
            throw ParseError(message: "bad range '\(s)' (write a..b)")
        }
        return lo...hi
    }

    static func call(_ f: String, _ args: String) throws -> TokenTest {
        switch f {
        case "num": return .number(try range(args))
        case "known":
            guard args == "en" else { throw ParseError(message: "known() takes en, e.g. known(en); bare `known` is the text's own dictionary") }
            return .knownEnglish
        case "ord": return .ordinal(try range(args))
        case "year":
            guard let r = try range(args) else { throw ParseError(message: "year() needs a range, e.g. year(1900..2100)") }
            return .year(r)
        case "len":
            guard let r = try range(args) else { throw ParseError(message: "len() needs a range, e.g. len(2..4)") }
            return .length(r)
        case "is":
            guard let k = TokenKind(name: args) else {
                throw ParseError(message: "unknown token kind '\(args)' (one of \(TokenKind.allCases.map(\.name).joined(separator: ", ")))")
            }
            return .kind(k)
        default: throw ParseError(message: "unknown function '\(f)'")
        }
    }
}

