/// A rule's pattern compiled for a backtracking matcher over non-space tokens.
struct Program: Sendable {
    enum Op: Sendable {
        /// Consume one token passing every test of predicate `p`.
        case test(Int)
        /// Consume one token passing one of `count` predicates from `first` (alternatives
        /// of one token each: whichever passes, the match goes on the same way).
        case either(first: Int, count: Int)
        /// Consume a (possibly multi-word) entry of lexicon `l` whose first token passes
        /// predicate `p`; the longest entry first.
        case phrase(Int, Int)
        /// Consume a quoted stretch.
        case quoted
        /// Try `first`, on failure `second`.
        case split(Int, Int)
        case jump(Int)
        /// Record the current position in capture slot `s` (2k start, 2k+1 end).
        case save(Int)
        case match
    }

    var ops: [Op] = []
    var predicates: [[TokenTest]] = []
    var captureNames: [String] = []
    /// For each capture, the lexicons its value may come from, in the order the pattern names them.
    var captureLexicons: [[Int]] = []

    init(_ pattern: PatternNode) {
        captureNames = []
        emit(pattern)
        ops.append(.match)
    }

    private mutating func emit(_ node: PatternNode) {
        switch node {
        case .token(let tests):
            predicates.append(tests)
            ops.append(.test(predicates.count - 1))
        case .phrase(let l, let first):
            predicates.append(first)
            ops.append(.phrase(l, predicates.count - 1))
        case .quoted:
            ops.append(.quoted)
        case .sequence(let xs):
            for x in xs { emit(x) }
        case .alternatives(let xs) where xs.allSatisfy(\.isToken):
            let first = predicates.count
            for case .token(let tests) in xs { predicates.append(tests) }
            ops.append(.either(first: first, count: xs.count))
        case .alternatives(let xs):
            var jumps: [Int] = []
            for (i, x) in xs.enumerated() {
                if i < xs.count - 1 {
                    let split = ops.count
                    ops.append(.split(split + 1, -1))
                    emit(x)
                    jumps.append(ops.count)
                    ops.append(.jump(-1))
                    ops[split] = .split(split + 1, ops.count)
                } else {
                    emit(x)
                }
            }
            for j in jumps { ops[j] = .jump(ops.count) }
        case .repeated(let x, let lo, let hi):
            for _ in 0..<lo { emit(x) }
            if hi == Int.max {
                let loop = ops.count
                ops.append(.split(loop + 1, -1))
                emit(x)
                ops.append(.jump(loop))
                ops[loop] = .split(loop + 1, ops.count)
            } else if hi > lo {
                var splits: [Int] = []
                for _ in lo..<hi {
                    splits.append(ops.count)
                    ops.append(.split(ops.count + 1, -1))
                    emit(x)
                }
                for s in splits { ops[s] = .split(s + 1, ops.count) }
            }
        case .capture(let name, let x):
            let k = captureNames.count
            captureNames.append(name)
            captureLexicons.append(x.lexicons)
            ops.append(.save(2 * k))
            emit(x)
            ops.append(.save(2 * k + 1))
        }
    }

    /// What a first token must be for this program to match there.
    enum FirstKey: Hashable, Sendable {
        case literal(Int32), lexicon(Int), kind(TokenKind), shape(UInt16), always
    }

    /// The keys under which the rule is indexed: one per way the pattern can start.
    static func firstKeys(_ node: PatternNode) -> (keys: Set<FirstKey>, nullable: Bool) {
        switch node {
        case .token(let tests):
            return ([key(tests)], false)
        case .phrase(let l, _):
            return ([.lexicon(l)], false)
        case .quoted:
            return ([.kind(.punctuation)], false)
        case .capture(_, let x):
            return firstKeys(x)
        case .repeated(let x, let lo, _):
            let (k, n) = firstKeys(x)
            return (k, n || lo == 0)
        case .alternatives(let xs):
            var keys = Set<FirstKey>()
            var nullable = false
            for x in xs { let (k, n) = firstKeys(x); keys.formUnion(k); nullable = nullable || n }
            return (keys, nullable)
        case .sequence(let xs):
            var keys = Set<FirstKey>()
            for x in xs {
                let (k, n) = firstKeys(x)
                keys.formUnion(k)
                if !n { return (keys, false) }
            }
            return (keys, true)
        }
    }

    /// The most selective positive test of a token element.
    static func key(_ tests: [TokenTest]) -> FirstKey {
        var best: FirstKey = .always
        var rank = 0
        for t in tests {
            switch t {
            case .literal(let id): return .literal(id)
            case .lexicon(let l): if rank < 4 { best = .lexicon(l); rank = 4 }
            case .number, .year, .decimal, .clock, .dayMonth: if rank < 3 { best = .kind(.number); rank = 3 }
            case .ordinal: if rank < 3 { best = .kind(.ordinal); rank = 3 }
            case .kind(let k): if rank < 3 { best = .kind(k); rank = 3 }
            case .shape(let s): if rank < 2 { best = .shape(s.rawValue); rank = 2 }
            default: break
            }
        }
        return best
    }
}

private extension PatternNode {
    /// Whether the node is one token element.
    var isToken: Bool { if case .token = self { true } else { false } }
}
