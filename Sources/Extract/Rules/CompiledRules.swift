/// The rules and lexicons of one language (its own plus the common ones), compiled once
/// and indexed by what a rule's first element can match.
///
/// The programs of all rules are flattened into one code array, and their token tests
/// into one array of plain `Check`s, so matching reads flat memory only.
public final class CompiledRules: Sendable {
    public let language: Language
    public let rules: [Rule]
    let programs: [Program]
    /// Per rule, its id, dimension and priority (read per match without copying the rule).
    let ids: [String]
    let dimensions: [Dimension]
    let priorities: [Int]
    let lexicons: LexiconIndex
    /// The ids of folded words that rules and lexicons know (`MatchContext.key`).
    let vocabulary: Vocabulary

    /// Every rule's program, jump targets absolute; rule r starts at `entry[r]`.
    let code: [Program.Op]
    let entry: [Int32]
    /// The predicates of the `either` ops (an op's `first` indexes this list).
    let either: [Int32]
    /// Predicate k is the conjunction `checks[predicates[k]..<predicates[k + 1]]`.
    let checks: [Check]
    let predicates: [Int32]
    /// Predicate k split in two where it can be (`memoized[k]`): the checks that depend on
    /// the token's text, kind and intrinsic shape alone, `wordChecks[wordPredicates[k]..<
    /// wordPredicates[k + 1]]` (decided once per kind of token, `Matcher.TypeList`), and
    /// shape bits of its surroundings it must have (`contextMust[k]`) and must not have
    /// (`contextNot[k]`).
    let wordChecks: [Check]
    let wordPredicates: [Int32]
    let contextMust: [UInt16]
    let contextNot: [UInt16]
    let memoized: [Bool]
    /// 32-bit words of a type list's predicate memo (two bits per predicate).
    let memoWords: Int
    /// Per rule, the predicates one of which the first token must pass (when
    /// `prefiltered`): checked before the program runs, so most attempts cost one test.
    let firstPredicates: Postings<Int32>
    let prefiltered: [Bool]
    /// Per rule (when `prefiltered`), the ops that may consume its first token, so a kind of
    /// token's type list keeps only the rule's starts that token can take, with what the next
    /// token must pass after them (`Matcher.buildTypeList`): checked before the program runs,
    /// so most failing attempts stop there.
    let starters: [[Starter]]

    /// An op that may consume a rule's first token: the predicates one of which the token
    /// must pass, the lexicon of a phrase (-1: none), and the predicates one of which the
    /// token after the op must pass (nil when the match may end there).
    struct Starter: Sendable {
        var predicates: [Int32]
        var lexicon: Int32
        var follow: [Int32]?
    }

    /// Whether a rule's first-token test looks at the token's surroundings (a contextual
    /// shape flag, `glued`), so it cannot be decided per distinct token.
    let contextualFirst: [Bool]
    /// Per rule, what every match must contain (`requirements`), as alternatives, each bits
    /// over `requiredBit` and `literalBit` (none: no requirement): a rule is not tried where
    /// not all of one alternative occur before the next sentence or line break, which spares
    /// the rules anchored on a later word ("… ООД", "Министерство на …", "Bank of …") most
    /// of their attempts.
    let required: Postings<RequiredBits>
    /// Per lexicon, its bit in `required` (-1: none).
    let requiredBit: [Int8]
    /// Per literal word (vocabulary id) some rule requires, its bit in `required`.
    let literalBit: [Int32: Int8]

    /// A set of up to 128 required lexicons and literal words, one bit each.
    typealias RequiredBits = SIMD2<UInt64>

    /// The set that holds only bit `b`.
    @inline(__always) static func requiredBits(_ b: Int8) -> RequiredBits {
        b < 64 ? RequiredBits(1 << UInt64(b), 0) : RequiredBits(0, 1 << UInt64(b - 64))
    }
    /// Capture slots per rule (two per capture).
    let slots: [Int32]
    /// Context conditions per rule, each a list of predicates (any one decides).
    let notBefore: Postings<Int32>, notAfter: Postings<Int32>, before: Postings<Int32>, after: Postings<Int32>
    /// Whether a rule has any context condition (most have none).
    let hasContext: [Bool]
    /// Rule indices by first key: vocabulary id, lexicon index, token kind; shape tests and
    /// rules that can start anywhere are few and listed apart.
    let byLiteral: Postings<Int32>
    let byLexicon: Postings<Int32>
    let byKind: Postings<Int32>
    /// Shape keys: a rule is tried where a token has every bit of `shapeMasks[k]`.
    let shapeMasks: [UInt16]
    let byShape: Postings<Int32>
    let always: [Int32]
    /// One bit per hash of the head (`LexiconIndex.head`) of every vocabulary word: a word
    /// whose head is not here is no literal and starts no lexicon entry, exact or inflected
    /// (an inflected form keeps the entry's first three units).
    private let heads: [UInt64]
    /// Per token kind and intrinsic shape (`keyIndex`), whether some rule is indexed under
    /// them (or may start anywhere).
    private let keyed: [Bool]
    let usesLexicons: Bool
    /// Whether any rule consumes a lexicon entry (a phrase).
    let usesPhrases: Bool
    /// Per rule and capture index, whether its records use the capture's value (`$name`).
    let valueCaptures: [[Bool]]
    /// Per rule, the captures whose union the match claims (none: the whole match).
    let claims: Postings<Int32>
    /// Per rule, its records with captures named by index (so a kept match becomes records
    /// without building its captures by name).
    let plans: [[RecordPlan]]

    /// One record a rule produces, read from capture slots: each field a constant or the
    /// value of a capture (of the last of the captures of that name that matched, as a
    /// match's captures by name keep it), and the captures whose union is its span.
    struct RecordPlan: Sendable {
        struct Field: Sendable {
            var name: String
            var constant: String?
            var captures: [Int]
            /// Where the field goes in a date rule's typed record (nil in other rules).
            var dateSlot: DateRecord.Slot?
        }
        var fields: [Field]
        /// Per span name, the indices of the captures so named (none: the whole match).
        var span: [[Int]]
    }

    @inline(__always) private static func headBit(_ head: UInt64) -> Int { Int((head &* 0x9E3779B97F4A7C15) >> 48) }

    /// Where a token's kind and intrinsic shape bits (0 to 7 and 11) lie in `keyed`.
    @inline(__always) private static func keyIndex(_ kind: UInt8, _ shape: UInt16) -> Int {
        Int(kind) << 9 | Int(shape & 0xFF) | Int(shape >> 3 & 0x100)
    }

    /// Whether token `t` (`folded`: its folded text) has an empty type list: no rule is
    /// indexed under its kind or shape, and its head is no vocabulary word's.
    @inline(__always)
    func isInert(_ t: Token, folded: UnsafeBufferPointer<UInt16>) -> Bool {
        if keyed[CompiledRules.keyIndex(t.kind.rawValue, t.shape.rawValue)] { return false }
        let bit = CompiledRules.headBit(LexiconIndex.head(folded))
        return heads.withUnsafeBufferPointer({ $0[bit >> 6] }) & (1 << UInt64(bit & 63)) == 0
    }

    /// Whether `t`, the token at position `p` of `ctx`, passes every check of predicate `k`.
    @inline(__always)
    func passes(_ k: Int, _ t: Token, _ p: Int, _ ctx: MatchContext) -> Bool {
        CompiledRules.all(checks, predicates, k, t, p, ctx)
    }

    /// Whether the token passes every check of `checks[predicates[k]..<predicates[k + 1]]`.
    @inline(__always)
    private static func all(_ checks: [Check], _ predicates: [Int32], _ k: Int, _ t: Token, _ p: Int, _ ctx: MatchContext) -> Bool {
        checks.withUnsafeBufferPointer { checks in
            predicates.withUnsafeBufferPointer { predicates in
                var i = Int(predicates[k])
                let e = Int(predicates[k + 1])
                while i < e {
                    if !checks[i].passes(t, p, ctx) { return false }
                    i += 1
                }
                return true
            }
        }
    }

    /// Whether `t`, the token at position `p` of `ctx`, passes the per-word checks of
    /// predicate `k` (see `wordChecks`).
    func passesWordChecks(_ k: Int, _ t: Token, _ p: Int, _ ctx: MatchContext) -> Bool {
        CompiledRules.all(wordChecks, wordPredicates, k, t, p, ctx)
    }

    /// Predicate `k` split into per-word checks and context shape bits (see `wordChecks`),
    /// or nil when a negated test of several shape bits mixes the two.
    static func split(_ checks: ArraySlice<Check>) -> (word: [Check], must: UInt16, not: UInt16)? {
        let contextual = Shape.contextual.rawValue
        var word: [Check] = []
        var must: UInt16 = 0, not: UInt16 = 0
        for var c in checks {
            if c.op == .glued {
                if c.negate { must |= Shape.spaceBefore.rawValue } else { not |= Shape.spaceBefore.rawValue }
                continue
            }
            if c.op == .shape, UInt16(c.a) & contextual != 0 {
                let bits = UInt16(c.a)
                if !c.negate {
                    must |= bits & contextual
                    c.a = Int32(bits & ~contextual)
                    if c.a == 0 { continue }
                } else if bits & ~contextual == 0, bits.nonzeroBitCount == 1 {
                    not |= bits
                    continue
                } else {
                    return nil
                }
            }
            word.append(c)
        }
        return (word, must, not)
    }

    /// The token-consuming ops reachable from `pc` without consuming a token, or nil when a
    /// quoted stretch or the end can be reached first.
    static func consumers(_ code: [Program.Op], from pc: Int) -> [Int]? {
        var out: [Int] = []
        var seen = Set<Int>()
        var work = [pc]
        while let pc = work.popLast() {
            guard seen.insert(pc).inserted else { continue }
            switch code[pc] {
            case .test, .either, .phrase: out.append(pc)
            case .split(let a, let b): work += [a, b]
            case .jump(let a): work.append(a)
            case .save: work.append(pc + 1)
            case .quoted, .match: return nil
            }
        }
        return out
    }

    /// The predicates of `consumers(code, from: pc)`, each once (`either`: the predicates
    /// of the `either` ops).
    static func firstPredicates(_ code: [Program.Op], _ either: [Int32], from pc: Int) -> [Int]? {
        consumers(code, from: pc).map { ops in
            var out: [Int] = []
            for op in ops {
                var ks: [Int] = []
                switch code[op] {
                case .test(let k), .phrase(_, let k): ks = [k]
                case .either(let i, let n): ks = either[i..<i + n].map(Int.init)
                default: break
                }
                for k in ks where !out.contains(k) { out.append(k) }
            }
            return out
        }
    }

    /// The ops reachable from `pc` that may consume the first token (see `Starter`), or nil
    /// when a quoted stretch or the end can be reached first.
    static func starters(_ code: [Program.Op], _ either: [Int32], from pc: Int) -> [Starter]? {
        consumers(code, from: pc).map { ops in
            ops.map { op in
                let follow = firstPredicates(code, either, from: op + 1).map { $0.map(Int32.init) }
                switch code[op] {
                case .test(let k): return Starter(predicates: [Int32(k)], lexicon: -1, follow: follow)
                case .either(let i, let n): return Starter(predicates: Array(either[i..<i + n]), lexicon: -1, follow: follow)
                case .phrase(let l, let k): return Starter(predicates: [Int32(k)], lexicon: Int32(l), follow: follow)
                default: preconditionFailure("a consumer consumes a token")
                }
            }
        }
    }

    /// What every match of the program contains, as alternatives (any one suffices), each
    /// the lexicons and literal words (`literalRequirement`) a path from the program's start
    /// to its end consumes a token of (a positive lexicon or literal test, a lexicon phrase):
    /// "(@airport-heads Cap | Cap @en/airport-heads)" needs one of the two lexicons. At most
    /// `maxAlternatives`, else what they all share; none (one empty alternative) for a
    /// program with a quoted stretch, which may run over a sentence break.
    static func requirements(_ code: [Program.Op], _ either: [Int32], _ checks: [Check], _ predicates: [Int32], _ range: Range<Int>) -> Set<Set<Int>> {
        func needs(_ k: Int) -> Set<Int> {
            Set(checks[Int(predicates[k])..<Int(predicates[k + 1])].compactMap { c in
                guard !c.negate else { return nil }
                return c.op == .lexicon ? Int(c.a) : c.op == .literal ? literalRequirement(c.a) : nil
            })
        }
        var universe = Set<Int>()
        for pc in range {
            switch code[pc] {
            case .test(let k): universe.formUnion(needs(k))
            case .either(let i, let n): for k in either[i..<i + n] { universe.formUnion(needs(Int(k))) }
            case .phrase(let l, let k): universe.formUnion(needs(k)); universe.insert(l)
            case .quoted: return [[]]
            default: break
            }
        }
        /// Either of two sets of alternatives, without an alternative that asks more than another.
        func or(_ a: Set<Set<Int>>, _ b: Set<Set<Int>>) -> Set<Set<Int>> {
            let all = a.union(b)
            let kept = all.filter { x in !all.contains { $0 != x && $0.isSubset(of: x) } }
            return kept.count <= maxAlternatives ? kept : [kept.dropFirst().reduce(kept.first!) { $0.intersection($1) }]
        }
        /// Both: every alternative of `a` with every one of `b`.
        func and(_ a: Set<Set<Int>>, _ b: Set<Set<Int>>) -> Set<Set<Int>> {
            a.reduce([]) { sum, x in or(sum, Set(b.map { $0.union(x) })) }
        }
        // Must-analysis: start from everything and weaken over the branches until stable.
        var req = [Set<Set<Int>>](repeating: [universe], count: range.count)
        func at(_ pc: Int) -> Set<Set<Int>> { req[pc - range.lowerBound] }
        var changed = true, rounds = 0
        while changed {
            changed = false
            rounds += 1
            // (a loop that weakens alternatives a little each round: settle for none)
            if rounds > 100 { return [[]] }
            for pc in range.reversed() {
                let new: Set<Set<Int>>
                switch code[pc] {
                case .test(let k): new = and([needs(k)], at(pc + 1))
                case .either(let i, let n): new = and(either[i..<i + n].reduce([]) { or($0, [needs(Int($1))]) }, at(pc + 1))
                case .phrase(let l, let k): new = and([needs(k).union([l])], at(pc + 1))
                case .split(let a, let b): new = or(at(a), at(b))
                case .jump(let a): new = at(a)
                case .save, .quoted: new = at(pc + 1)
                case .match: new = [[]]
                }
                if new != at(pc) { req[pc - range.lowerBound] = new; changed = true }
            }
        }
        return at(range.lowerBound)
    }

    /// At most this many alternative requirements per rule (`requirements`).
    static let maxAlternatives = 4

    /// A literal word (by vocabulary id) as an element of a requirement, apart from the
    /// lexicons (by index, never negative).
    static func literalRequirement(_ id: Int32) -> Int { -Int(id) - 1 }

    init(language: Language, rules: [Rule], lexicons: LexiconIndex, vocabulary: Vocabulary) {
        self.language = language
        self.vocabulary = vocabulary
        self.rules = rules
        self.lexicons = lexicons
        programs = rules.map { Program($0.pattern) }
        ids = rules.map(\.id)
        dimensions = rules.map(\.dimension)
        priorities = rules.map(\.priority)

        var checks: [Check] = []
        var predicates: [Int32] = [0]
        // (one predicate per distinct conjunction: rules share most of theirs, and a
        // predicate decided for one kind of token is then decided for every rule)
        var known: [[Check]: Int] = [:]
        func predicate(_ tests: [TokenTest]) -> Int {
            let conjunction = tests.map(Check.init)
            if let k = known[conjunction] { return k }
            checks += conjunction
            predicates.append(Int32(checks.count))
            known[conjunction] = predicates.count - 2
            return predicates.count - 2
        }
        var code: [Program.Op] = []
        var either: [Int32] = []
        var entry: [Int32] = []
        for program in programs {
            let base = code.count
            let ids = program.predicates.map(predicate)
            entry.append(Int32(base))
            for op in program.ops {
                switch op {
                case .test(let i): code.append(.test(ids[i]))
                case .either(let i, let n):
                    code.append(.either(first: either.count, count: n))
                    either += ids[i..<i + n].map(Int32.init)
                case .phrase(let l, let i): code.append(.phrase(l, ids[i]))
                case .split(let a, let b): code.append(.split(base + a, base + b))
                case .jump(let a): code.append(.jump(base + a))
                case .quoted, .save, .match: code.append(op)
                }
            }
        }
        self.either = either
        var firsts: [[Int]] = []
        var prefiltered: [Bool] = []
        for e in entry {
            let f = CompiledRules.firstPredicates(code, either, from: Int(e))
            firsts.append(f ?? [])
            prefiltered.append(f != nil)
        }
        firstPredicates = Postings(firsts)
        starters = entry.map { CompiledRules.starters(code, either, from: Int($0)) ?? [] }
        self.prefiltered = prefiltered
        contextualFirst = firsts.map { ks in
            ks.contains { k in
                checks[Int(predicates[k])..<Int(predicates[k + 1])].contains { c in
                    c.op == .glued || (c.op == .shape && UInt16(c.a) & Shape.contextual.rawValue != 0)
                }
            }
        }
        let needs = entry.indices.map { r in
            CompiledRules.requirements(code, either, checks, predicates, Int(entry[r])..<(r + 1 < entry.count ? Int(entry[r + 1]) : code.count))
        }
        // The 128 lexicons and literals with a bit (when more are needed), chosen one at a
        // time: the one in the most alternatives that hold none chosen yet (an alternative
        // with none asks nothing), then the rest, the one in the most alternatives first.
        var bitOf: [Int: Int8] = [:]
        let all = needs.filter { !$0.contains([]) }.flatMap { $0 }
        var open = all
        func mostUsed(_ alternatives: [Set<Int>]) -> Int? {
            var count: [Int: Int] = [:]
            for alternative in alternatives { for x in alternative where bitOf[x] == nil { count[x, default: 0] += 1 } }
            return count.min(by: { ($1.value, $0.key) < ($0.value, $1.key) })?.key
        }
        while bitOf.count < 128, let best = mostUsed(open) ?? mostUsed(all) {
            bitOf[best] = Int8(bitOf.count)
            open.removeAll { $0.contains(best) }
        }
        let required = Postings<RequiredBits>(needs.map { alternatives in
            let masks = alternatives.map { $0.reduce(RequiredBits.zero) { mask, x in bitOf[x].map { mask | CompiledRules.requiredBits($0) } ?? mask } }
            // (an alternative that needs nothing: the rule may match anywhere)
            return masks.contains(.zero) ? [] : masks.sorted { ($0.x, $0.y) < ($1.x, $1.y) }
        })
        var requiredBit = [Int8](repeating: -1, count: lexicons.lexicons.count)
        var literalBit: [Int32: Int8] = [:]
        for (x, bit) in bitOf { if x >= 0 { requiredBit[x] = bit } else { literalBit[Int32(-1 - x)] = bit } }
        self.required = required
        self.requiredBit = requiredBit
        self.literalBit = literalBit
        func contexts(_ list: (Rule) -> [[TokenTest]]) -> Postings<Int32> { Postings(rules.map { list($0).map(predicate) }) }
        notBefore = contexts(\.notBefore)
        notAfter = contexts(\.notAfter)
        before = contexts(\.before)
        after = contexts(\.after)
        self.code = code
        self.entry = entry
        self.checks = checks
        self.predicates = predicates
        var wordChecks: [Check] = []
        var wordPredicates: [Int32] = [0]
        var contextMust: [UInt16] = [], contextNot: [UInt16] = [], memoized: [Bool] = []
        for k in 0..<predicates.count - 1 {
            let parts = CompiledRules.split(checks[Int(predicates[k])..<Int(predicates[k + 1])])
            wordChecks += parts?.word ?? []
            wordPredicates.append(Int32(wordChecks.count))
            contextMust.append(parts?.must ?? 0)
            contextNot.append(parts?.not ?? 0)
            memoized.append(parts != nil)
        }
        self.wordChecks = wordChecks
        self.wordPredicates = wordPredicates
        self.contextMust = contextMust
        self.contextNot = contextNot
        self.memoized = memoized
        memoWords = (predicates.count - 1 + 15) / 16
        slots = programs.map { Int32($0.captureNames.count * 2) }
        hasContext = rules.map { !($0.notBefore.isEmpty && $0.notAfter.isEmpty && $0.before.isEmpty && $0.after.isEmpty) }

        var lit = [[Int]](repeating: [], count: vocabulary.count)
        var lex = [[Int]](repeating: [], count: lexicons.lexicons.count)
        var kind = [[Int]](repeating: [], count: TokenKind.allCases.count)
        var shape: [UInt16: [Int32]] = [:]
        var always: [Int32] = []
        for (i, r) in rules.enumerated() {
            for k in Program.firstKeys(r.pattern).keys {
                switch k {
                case .literal(let id): lit[Int(id)].append(i)
                case .lexicon(let l): lex[l].append(i)
                case .kind(let kd): kind[Int(kd.rawValue)].append(i)
                case .shape(let s): shape[s, default: []].append(Int32(i))
                case .always: always.append(Int32(i))
                }
            }
        }
        byLiteral = Postings(lit)
        byLexicon = Postings(lex)
        byKind = Postings(kind)
        usesLexicons = lex.contains { !$0.isEmpty }
        usesPhrases = code.contains { if case .phrase = $0 { true } else { false } }
        let shapes = shape.sorted { $0.key < $1.key }
        shapeMasks = shapes.map(\.key)
        byShape = Postings(shapes.map { $0.value.map(Int.init) })
        self.always = always
        var heads = [UInt64](repeating: 0, count: 1 << 10)
        vocabulary.forEachKey { w in
            let bit = CompiledRules.headBit(LexiconIndex.head(w))
            heads[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.heads = heads
        var keyed = [Bool](repeating: !always.isEmpty, count: TokenKind.allCases.count << 9)
        for k in TokenKind.allCases {
            for bits in 0..<UInt16(1 << 9) {
                let shape = bits & 0xFF | (bits & 0x100) << 3 // (the intrinsic bits `keyIndex` keeps)
                let byKind = !kind[Int(k.rawValue)].isEmpty
                let byShape = shapes.contains { shape & $0.key == $0.key & ~Shape.contextual.rawValue }
                if byKind || byShape { keyed[CompiledRules.keyIndex(k.rawValue, shape)] = true }
            }
        }
        self.keyed = keyed
        valueCaptures = zip(rules, programs).map { rule, program in
            let used = Set(rule.produce.flatMap { $0.fields.values.compactMap { v -> String? in if case .capture(let c) = v { return c } else { return nil } } })
            return program.captureNames.map(used.contains)
        }
        plans = zip(rules, programs).map { rule, program in
            func indices(_ name: String) -> [Int] { program.captureNames.indices.filter { program.captureNames[$0] == name } }
            return rule.produce.map { rec in
                RecordPlan(fields: rec.fields.sorted { $0.key < $1.key }.map { name, value in
                    let slot = rule.dimension == .date ? DateRecord.Slot(name) : nil
                    return switch value {
                    case .constant(let c): RecordPlan.Field(name: name, constant: c, captures: [], dateSlot: slot)
                    case .capture(let c): RecordPlan.Field(name: name, constant: nil, captures: indices(c), dateSlot: slot)
                    }
                }, span: rec.span.map(indices))
            }
        }
        claims = Postings(zip(rules, programs).map { rule, program in
            if rule.produce.contains(where: { $0.span.isEmpty }) { return [] }
            let names = Set(rule.produce.flatMap(\.span))
            return program.captureNames.indices.filter { names.contains(program.captureNames[$0]) }
        })
    }
}
