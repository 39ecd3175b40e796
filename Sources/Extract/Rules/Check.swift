/// A token test compiled to plain data, so the matcher's inner loop touches no
/// reference-counted value: an operation, a negation flag and two integer operands.
struct Check: Sendable, Hashable {
    enum Op: UInt8, Sendable {
        case literal, lexicon, number, numberAny, decimal, clock, dayMonth, year, ordinal, kind, suffix, known, inflected, knownEnglish, length, shape, word, any, glued, initials
    }

    var op: Op
    var negate: Bool
    /// Vocabulary id, lexicon index, token kind, shape bits, or a range's lower bound.
    var a: Int32
    /// A range's upper bound.
    var b: Int32

    init(_ test: TokenTest) {
        negate = false
        a = 0
        b = 0
        switch test {
        case .literal(let id): op = .literal; a = id
        case .lexicon(let l): op = .lexicon; a = Int32(l)
        case .number(let r):
            if let r { op = .number; (a, b) = Check.bounds(r) } else { op = .numberAny }
        case .decimal: op = .decimal
        case .clock: op = .clock
        case .dayMonth: op = .dayMonth
        case .year(let r): op = .year; (a, b) = Check.bounds(r)
        case .ordinal(let r): op = .ordinal; (a, b) = r.map(Check.bounds) ?? (0, Int32.max)
        case .kind(let k): op = .kind; a = Int32(k.rawValue)
        case .suffix(let l): op = .suffix; a = Int32(l)
        case .known: op = .known
        case .inflected: op = .inflected
        case .knownEnglish: op = .knownEnglish
        case .length(let r): op = .length; (a, b) = Check.bounds(r)
        case .shape(let s): op = .shape; a = Int32(s.rawValue)
        case .word: op = .word
        case .any: op = .any
        case .glued: op = .glued
        case .initials: op = .initials
        case .not(let inner):
            self = Check(inner)
            negate.toggle()
        }
    }

    /// The two numbers of number token `t` of `text` when it is written N.NN or NN.NN with a
    /// full stop ("8.00", "22.06"), else nil.
    static func dottedPair(_ t: Token, _ text: [UInt16]) -> (Int, Int)? {
        let n = Int(t.length), s = Int(t.start)
        guard n == 4 || n == 5, text[s + n - 3] == 0x2E else { return nil }
        func digit(_ i: Int) -> Int? { let u = text[s + i]; return u >= 0x30 && u <= 0x39 ? Int(u - 0x30) : nil }
        guard let a1 = digit(0), let b1 = digit(n - 2), let b2 = digit(n - 1) else { return nil }
        guard n == 4 else { return digit(1).map { (a1 * 10 + $0, b1 * 10 + b2) } }
        return (a1, b1 * 10 + b2)
    }

    private static func bounds(_ r: ClosedRange<Int>) -> (Int32, Int32) {
        (Int32(clamping: r.lowerBound), Int32(clamping: r.upperBound))
    }

    /// Whether `t`, the token at position `p` of `ctx`, passes.
    @inline(__always)
    func passes(_ t: Token, _ p: Int, _ ctx: MatchContext) -> Bool {
        let ok: Bool
        switch op {
        case .literal: ok = ctx.key(p) == a
        case .lexicon: ok = ctx.inLexicon(p, Int(a))
        case .number: ok = t.kind == .number && t.number >= 0 && t.number >= a && t.number <= b
        case .numberAny: ok = t.kind == .number
        case .decimal: ok = t.kind == .number && t.number < 0
        case .clock:
            // (hour 0-24, minutes in steps of five, as a timetable writes them: "4.22" is a rate)
            ok = t.kind == .number && t.number < 0 && Check.dottedPair(t, ctx.utf16).map { $0.0 <= 24 && $0.1 <= 55 && $0.1 % 5 == 0 } == true
        case .dayMonth: ok = t.kind == .number && t.number < 0 && Check.dottedPair(t, ctx.utf16).map { (1...31).contains($0.0) && (1...12).contains($0.1) } == true
        case .year: ok = t.kind == .number && t.digitCount == 4 && t.number >= 0 && t.number >= a && t.number <= b
        case .ordinal: ok = t.kind == .ordinal && t.number >= 0 && t.number >= a && t.number <= b
        case .kind: ok = t.kind.rawValue == UInt8(a)
        case .suffix: ok = (t.kind == .word || t.kind == .ordinal) && ctx.hasSuffix(p, lexicon: Int(a))
        case .known: ok = t.kind == .word && ctx.known(p)
        case .inflected: ok = t.kind == .word && ctx.isInflected(p)
        case .knownEnglish: ok = t.kind == .word && ctx.knownEnglish(p)
        case .length: ok = Int32(t.length) >= a && Int32(t.length) <= b
        case .shape: ok = t.shape.rawValue & UInt16(a) == UInt16(a)
        case .word: ok = t.kind == .word || t.kind == .abbreviation
        case .any: ok = true
        case .glued: ok = !t.shape.contains(.spaceBefore)
        case .initials: ok = t.kind == .word && ctx.isInitials(p)
        }
        return ok != negate
    }
}
