/// Runs every compiled rule of a language over a document in one pass over its tokens.
///
/// At each token only the rules indexed under what that token is (its folded key, the
/// lexicons it belongs to, its kind and shape) are tried; each runs as a small
/// backtracking program. No regex touches the text.
public struct Matcher {
    let rules: CompiledRules

    public init(rules: CompiledRules) { self.rules = rules }

    private enum Frame { case branch(pc: Int, pos: Int), undo(slot: Int, old: Int) }

    /// Every match of every rule (before the conflict policy).
    func matches(_ ctx: MatchContext) -> [RuleMatch] {
        var out: [RuleMatch] = []
        var stamp = [Int](repeating: -1, count: rules.rules.count)
        var stack: [Frame] = []
        var saves: [Int] = []
        var candidates: [Int] = []
        for p in 0..<ctx.count {
            let t = ctx.token(p)
            candidates.removeAll(keepingCapacity: true)
            if t.key >= 0 { Matcher.add(rules.byLiteral[Int(t.key)], p, &stamp, &candidates) }
            Matcher.add(rules.byKind[Int(t.kind.rawValue)], p, &stamp, &candidates)
            for (shape, l) in rules.byShape where t.shape.contains(shape) { Matcher.add(l, p, &stamp, &candidates) }
            Matcher.add(rules.always, p, &stamp, &candidates)
            if rules.usesLexicons {
                for h in ctx.hits(p) { Matcher.add(rules.byLexicon[Int(h.ref.lexicon)], p, &stamp, &candidates) }
            }
            for r in candidates {
                let checked = rules.hasContext[r]
                if checked, !contextHolds(ctx, p - 1, forbidden: rules.contexts[r].notBefore, required: rules.contexts[r].before) { continue }
                guard let end = run(rules.programs[r], ctx, at: p, stack: &stack, saves: &saves) else { continue }
                if checked, !contextHolds(ctx, end, forbidden: rules.contexts[r].notAfter, required: rules.contexts[r].after) { continue }
                out.append(makeMatch(r, ctx, p, end, saves))
            }
        }
        return out
    }

    @inline(__always)
    private static func add(_ list: [Int], _ p: Int, _ stamp: inout [Int], _ candidates: inout [Int]) {
        for r in list where stamp[r] != p { stamp[r] = p; candidates.append(r) }
    }

    private func contextHolds(_ ctx: MatchContext, _ p: Int, forbidden: [[TokenTest]], required: [[TokenTest]]) -> Bool {
        if forbidden.isEmpty && required.isEmpty { return true }
        let exists = p >= 0 && p < ctx.count
        for tests in forbidden where exists && tests.allSatisfy({ eval($0, ctx, p) }) { return false }
        if !required.isEmpty {
            guard exists else { return false }
            return required.contains { tests in tests.allSatisfy { eval($0, ctx, p) } }
        }
        return true
    }

    private func makeMatch(_ r: Int, _ ctx: MatchContext, _ start: Int, _ end: Int, _ saves: [Int]) -> RuleMatch {
        let program = rules.programs[r]
        var captures: [String: RuleMatch.Capture] = [:]
        let used = rules.valueCaptures[r]
        for (k, name) in program.captureNames.enumerated() {
            let a = saves[2 * k], b = saves[2 * k + 1]
            guard a >= 0, b > a else { continue }
            guard used.contains(name) else {
                // A capture that only marks a span needs no value.
                captures[name] = RuleMatch.Capture(value: "", span: ctx.span(a, b), tokens: a..<b)
                continue
            }
            var value: String?
            if let l = program.captureLexicons[k] {
                value = ctx.hits(a).first { Int($0.ref.lexicon) == l && $0.end == b }.map {
                    rules.lexicons.lexicons[Int($0.ref.lexicon)].entries[Int($0.ref.entry)].value
                }
                if value == nil {
                    for q in a..<b {
                        if let h = ctx.hits(q).first(where: { Int($0.ref.lexicon) == l && $0.end == q + 1 }) {
                            value = rules.lexicons.lexicons[l].entries[Int(h.ref.entry)].value
                            break
                        }
                    }
                }
            }
            if value == nil, b == a + 1 {
                let t = ctx.token(a)
                if (t.kind == .number || t.kind == .ordinal), t.number >= 0 { value = String(t.number) }
            }
            captures[name] = RuleMatch.Capture(value: value ?? ctx.text(a, b), span: ctx.span(a, b), tokens: a..<b)
        }
        // What the match claims in the conflict policy: the union of the spans it produces
        // (a trigger word outside them, such as "program" before a name, stays free).
        var a = end, b = start
        for rec in rules.rules[r].produce {
            if rec.span.isEmpty { a = start; b = end; break }
            for name in rec.span { if let c = captures[name] { a = min(a, c.tokens.lowerBound); b = max(b, c.tokens.upperBound) } }
        }
        if a >= b { a = start; b = end }
        return RuleMatch(rule: r, start: a, end: b, span: ctx.span(a, b), priority: rules.rules[r].priority, captures: captures)
    }

    /// Runs `program` at position `start`; returns the end position, with the capture slots in `saves`.
    private func run(_ program: Program, _ ctx: MatchContext, at start: Int, stack: inout [Frame], saves: inout [Int]) -> Int? {
        stack.removeAll(keepingCapacity: true)
        saves.removeAll(keepingCapacity: true)
        saves.append(contentsOf: repeatElement(-1, count: program.captureNames.count * 2))
        var pc = 0
        var pos = start
        var steps = 0
        let ops = program.ops
        while true {
            steps += 1
            if steps > 20_000 { return nil }
            var ok = true
            switch ops[pc] {
            case .test(let i):
                if pos < ctx.count, pos == start || !ctx.startsBlock(pos), program.predicates[i].allSatisfy({ eval($0, ctx, pos) }) {
                    pos += 1; pc += 1
                } else { ok = false }
            case .phrase(let l, let first):
                if pos < ctx.count, pos == start || !ctx.startsBlock(pos), program.predicates[first].allSatisfy({ eval($0, ctx, pos) }) {
                    let ends = ctx.hits(pos).filter { Int($0.ref.lexicon) == l }.map(\.end).sorted(by: >)
                    // (a lexicon entry is evidence enough to run over a sentence break inside it)
                    if let longest = ends.first {
                        for e in Set(ends.dropFirst()).sorted() { stack.append(.branch(pc: pc + 1, pos: e)) }
                        pos = longest; pc += 1
                    } else { ok = false }
                } else { ok = false }
            case .quoted:
                if pos < ctx.count, let close = closingQuote(ctx, pos, start: start) { pos = close + 1; pc += 1 } else { ok = false }
            case .split(let a, let b):
                stack.append(.branch(pc: b, pos: pos)); pc = a
            case .jump(let a):
                pc = a
            case .save(let s):
                stack.append(.undo(slot: s, old: saves[s])); saves[s] = pos; pc += 1
            case .match:
                return pos > start ? pos : nil
            }
            if ok { continue }
            // backtrack
            var resumed = false
            while let f = stack.popLast() {
                switch f {
                case .undo(let s, let old): saves[s] = old
                case .branch(let bpc, let bpos): pc = bpc; pos = bpos; resumed = true
                }
                if resumed { break }
            }
            if !resumed { return nil }
        }
    }

    static func isOpeningQuote(_ u: UInt16) -> Bool { [0x22, 0x201E, 0x201C, 0xAB, 0x201A, 0x2018, 0x27].contains(u) }
    static func isClosingQuote(_ u: UInt16) -> Bool { [0x22, 0x201C, 0x201D, 0xBB, 0x2018, 0x2019, 0x27].contains(u) }

    private func closingQuote(_ ctx: MatchContext, _ p: Int, start: Int) -> Int? {
        let t = ctx.token(p)
        guard t.kind == .punctuation, t.length == 1, Matcher.isOpeningQuote(ctx.utf16[Int(t.start)]) else { return nil }
        if p != start && ctx.startsBlock(p) { return nil }
        var q = p + 1
        while q < ctx.count, q <= p + 13 {
            let u = ctx.token(q)
            if ctx.token(q).shape.contains(.lineStart) { return nil }
            if u.kind == .punctuation, u.length == 1, Matcher.isClosingQuote(ctx.utf16[Int(u.start)]) { return q > p + 1 ? q : nil }
            q += 1
        }
        return nil
    }

    @inline(__always)
    func eval(_ test: TokenTest, _ ctx: MatchContext, _ p: Int) -> Bool {
        let t = ctx.token(p)
        switch test {
        case .literal(let id): return t.key == id
        case .lexicon(let l): return ctx.inLexicon(p, l)
        case .number(let r):
            guard t.kind == .number else { return false }
            guard let r else { return true }
            return t.number >= 0 && r.contains(Int(t.number))
        case .year(let r): return t.kind == .number && t.digitCount == 4 && t.number >= 0 && r.contains(Int(t.number))
        case .ordinal(let r): return t.kind == .ordinal && t.number >= 0 && (r?.contains(Int(t.number)) ?? true)
        case .decimal: return t.kind == .number && t.number < 0
        case .suffix(let l):
            guard t.kind == .word, let set = ctx.lexicons.suffixes[l] else { return false }
            let key = ctx.folded(p)
            for n in 2...6 where key.count > n + 1 && set.contains(InflectionMatcher.hash(key.suffix(n))) { return true }
            return false
        case .known:
            return t.kind == .word && ctx.known(p)
        case .kind(let k): return t.kind == k
        case .shape(let s): return t.shape.contains(s)
        case .word: return t.kind == .word || t.kind == .abbreviation
        case .any: return true
        case .glued: return !t.shape.contains(.spaceBefore)
        case .not(let inner): return !eval(inner, ctx, p)
        }
    }
}
