/// Runs every compiled rule of a language over a document in one pass over its tokens.
///
/// At each token only the rules indexed under what that token is (its folded key, the
/// lexicons it belongs to, its kind and shape) are tried; each runs as a small
/// backtracking program over flat code and plain token checks. No regex touches the
/// text, and captures become strings only for the matches the conflict policy keeps.
public struct Matcher {
    let rules: CompiledRules

    public init(rules: CompiledRules) { self.rules = rules }

    /// A match before the conflict policy: the token positions it claims, and where its
    /// capture slots lie in the slot store.
    struct Found {
        var rule: Int32
        var claimStart: Int32
        var claimEnd: Int32
        var slots: Int32
    }

    /// A backtracking frame: resume at `pc`, `pos` (`slot` < 0), or restore capture slot
    /// `slot` to `old`.
    private struct Frame {
        var pc: Int32
        var pos: Int32
        var slot: Int32
        var old: Int32
    }

    /// The backtracking stack, in memory of its own (no copy-on-write checks per push).
    private struct FrameStack {
        private(set) var base = UnsafeMutablePointer<Frame>.allocate(capacity: 64)
        private var capacity = 64
        var count = 0

        @inline(__always) mutating func push(_ f: Frame) {
            if count == capacity {
                let grown = UnsafeMutablePointer<Frame>.allocate(capacity: capacity * 2)
                grown.update(from: base, count: count)
                base.deallocate()
                base = grown
                capacity *= 2
            }
            base[count] = f
            count += 1
        }

        @inline(__always) mutating func pop() -> Frame? {
            guard count > 0 else { return nil }
            count -= 1
            return base[count]
        }

        func deallocate() { base.deallocate() }
    }

    /// Every match of every rule (before the conflict policy), with the capture slots.
    func matches(_ ctx: MatchContext) -> (found: [Found], slots: [Int32]) {
        // (room for a match and its slots per token, so the arrays rarely grow: each growth
        // of an array of a type of ours looks up its storage type at run time)
        var found = ctx.cache.found(capacity: ctx.count)
        var store = ctx.cache.int32s(0, 0)
        store.reserveCapacity(4 * ctx.count)
        var stack = FrameStack()
        let saves = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, Int(rules.slots.max() ?? 0)))
        var slotCount = 0
        defer { stack.deallocate(); saves.deallocate() }
        var ends: [Int] = []
        let n = ctx.count
        var (typeAt, starts, reach) = types(ctx)
        ctx.typeAt = typeAt
        defer { ctx.cache.recycle(&starts); ctx.cache.recycle(&reach) }
        let memo = ctx.cache.memo
        rules.code.withUnsafeBufferPointer { code in
        ctx.tokens.withUnsafeBufferPointer { toks in
            ctx.cache.typePool.withUnsafeBufferPointer { pool in
            rules.claims.storage.withUnsafeBufferPointer { claimItems in
            rules.entry.withUnsafeBufferPointer { entry in
            rules.slots.withUnsafeBufferPointer { slots in
            rules.hasContext.withUnsafeBufferPointer { hasContext in
            rules.firstPredicates.storage.withUnsafeBufferPointer { firstItems in
            rules.memoized.withUnsafeBufferPointer { memoized in
            rules.contextMust.withUnsafeBufferPointer { contextMust in
            rules.contextNot.withUnsafeBufferPointer { contextNot in
            rules.either.withUnsafeBufferPointer { either in
            rules.required.storage.withUnsafeBufferPointer { required in
                /// Whether the token at `p` passes predicate `k`: the per-word checks decided
                /// once per kind of token (`CompiledRules.wordChecks`), the context bits here.
                @inline(__always) func pass(_ k: Int, _ p: Int) -> Bool {
                    let t = toks[p]
                    let m = Int(pool[TypeList.memo(Int(typeAt[p]))])
                    guard m >= 0, memoized[k] else { return rules.passes(k, t, p, ctx) }
                    let bits = t.shape.rawValue
                    guard bits & contextMust[k] == contextMust[k], bits & contextNot[k] == 0 else { return false }
                    let word = memo + m + k >> 4
                    let shift = UInt32(k & 15) << 1
                    let known = word.pointee >> shift & 3
                    if known != 0 { return known == 3 }
                    let ok = rules.passesWordChecks(k, t, p, ctx)
                    word.pointee |= (ok ? 3 : 2) << shift
                    return ok
                }
                /// Whether the token at `p` passes one of predicates `items[from..<to]` (a plain
                /// loop: `contains(where:)` is not always inlined here).
                @inline(__always) func passesAny(_ items: UnsafeBufferPointer<Int32>, _ from: Int, _ to: Int, _ p: Int) -> Bool {
                    var k = from
                    while k < to {
                        if pass(Int(items[k]), p) { return true }
                        k += 1
                    }
                    return false
                }
                /// Whether an entry of lexicon `l` may start at `p` (from its type list).
                @inline(__always) func startsLexicon(_ p: Int, _ l: Int) -> Bool {
                    let o = Int(typeAt[p])
                    return pool[TypeList.lexiconBits(o, rules: pool[o]) + (l >> 5)] & Int32(bitPattern: 1 << UInt32(l & 31)) != 0
                }
                /// Whether the context condition holds at `p`: no forbidden and (when any is
                /// required) one required predicate passes.
                func holds(_ p: Int, forbidden: Range<Int>, required: Range<Int>, _ items: [Int32], _ requiredItems: [Int32]) -> Bool {
                    let exists = p >= 0 && p < n
                    if exists { for i in forbidden where pass(Int(items[i]), p) { return false } }
                    if !required.isEmpty {
                        guard exists else { return false }
                        return required.contains { pass(Int(requiredItems[$0]), p) }
                    }
                    return true
                }
                /// Runs rule `r` at `start`; the end position, with the capture slots in `saves`.
                func run(_ r: Int, at start: Int) -> Int? {
                    stack.count = 0
                    slotCount = Int(slots[r])
                    for i in 0..<slotCount { saves[i] = -1 }
                    var pc = Int(entry[r])
                    var pos = start
                    var steps = 0
                    // A capture opened by the first op needs no undoing: backtracking past it
                    // ends the run.
                    if case .save(let s) = code[pc] { saves[s] = Int32(start); pc += 1 }
                    while true {
                        steps += 1
                        if steps > 20_000 { return nil }
                        var ok = true
                        switch code[pc] {
                        case .test(let k):
                            if pos < n, pos == start || !toks[pos].startsBlock, pass(k, pos) { pos += 1; pc += 1 } else { ok = false }
                        case .either(let first, let count):
                            if pos < n, pos == start || !toks[pos].startsBlock,
                               passesAny(either, first, first + count, pos) { pos += 1; pc += 1 } else { ok = false }
                        case .phrase(let l, let k):
                            // (no entry of the lexicon starts with a word of this kind: no hits needed)
                            if pos < n, pos == start || !toks[pos].startsBlock, startsLexicon(pos, l), pass(k, pos) {
                                if pool[TypeList.longest(Int(typeAt[pos]))] == 1 {
                                    // (only one-word entries start here: the entry is the token)
                                    pos += 1; pc += 1
                                    continue
                                }
                                // (a lexicon entry is evidence enough to run over a sentence break inside it)
                                let hits = ctx.hits(pos)
                                var end = -1, several = false
                                for h in hits where Int(h.ref.lexicon) == l {
                                    if end >= 0 && h.end != end { several = true }
                                    end = max(end, h.end)
                                }
                                if end < 0 { ok = false } else {
                                    if several {
                                        ends.removeAll(keepingCapacity: true)
                                        for h in hits where Int(h.ref.lexicon) == l && !ends.contains(h.end) { ends.append(h.end) }
                                        ends.sort()
                                        // the longest first; the shorter ones on backtracking, longer before shorter
                                        for e in ends.dropLast() { stack.push(Frame(pc: Int32(pc + 1), pos: Int32(e), slot: -1, old: 0)) }
                                    }
                                    pos = end; pc += 1
                                }
                            } else { ok = false }
                        case .quoted:
                            if pos < n, let close = Matcher.closingQuote(ctx, pos, start: start) { pos = close + 1; pc += 1 } else { ok = false }
                        case .split(let a, let b):
                            stack.push(Frame(pc: Int32(b), pos: Int32(pos), slot: -1, old: 0)); pc = a
                        case .jump(let a):
                            pc = a
                        case .save(let s):
                            stack.push(Frame(pc: 0, pos: 0, slot: Int32(s), old: saves[s])); saves[s] = Int32(pos); pc += 1
                        case .match:
                            return pos > start ? pos : nil
                        }
                        if ok { continue }
                        // backtrack
                        var resumed = false
                        while let f = stack.pop() {
                            if f.slot >= 0 { saves[Int(f.slot)] = f.old; continue }
                            pc = Int(f.pc); pos = Int(f.pos); resumed = true
                            break
                        }
                        if !resumed { return nil }
                    }
                }

                for (j, p32) in starts.enumerated() {
                    let p = Int(p32)
                    let o = Int(typeAt[p])
                    for i in stride(from: o + TypeList.header, to: o + TypeList.header + 2 * Int(pool[o]), by: 2) {
                        let entry = pool[i]
                        let r32 = entry & TypeList.ruleMask
                        let r = Int(r32)
                        let alternatives = rules.required.range(r)
                        if !alternatives.isEmpty {
                            // (most rules have one alternative or none)
                            var k = alternatives.lowerBound
                            while k < alternatives.upperBound {
                                let m = required[k]
                                if reach[2 * j] & m.x == m.x, reach[2 * j + 1] & m.y == m.y { break }
                                k += 1
                            }
                            if k == alternatives.upperBound { continue }
                        }
                        if entry & TypeList.checkFirst != 0, !passesAny(firstItems, rules.firstPredicates.range(r).lowerBound, rules.firstPredicates.range(r).upperBound, p) { continue }
                        let second = Int(pool[i + 1])
                        if second >= 0 {
                            let count = pool[second]
                            if count & TypeList.secondWords != 0 {
                                // (the second word of a lexicon entry: by its head, as the lexicon
                                // index rules it out; an entry may run over a sentence start)
                                guard p + 1 < n, !toks[p + 1].shape.contains(.lineStart) else { continue }
                                let h = TypeList.fold(ctx.head(p + 1))
                                var k = second + 1
                                let end = k + Int(count & ~TypeList.secondWords)
                                while k < end, pool[k] != h { k += 1 }
                                if k == end { continue }
                            } else {
                                // (as a test after the first token asks: not over a sentence or line start)
                                guard p + 1 < n, !toks[p + 1].startsBlock,
                                      passesAny(pool, second + 1, second + 1 + Int(count), p + 1) else { continue }
                            }
                        }
                        let checked = hasContext[r]
                        if checked, !holds(p - 1, forbidden: rules.notBefore.range(r), required: rules.before.range(r),
                                           rules.notBefore.storage, rules.before.storage) { continue }
                        guard let end = run(r, at: p) else { continue }
                        if checked, !holds(end, forbidden: rules.notAfter.range(r), required: rules.after.range(r),
                                           rules.notAfter.storage, rules.after.storage) { continue }
                        // What the match claims in the conflict policy: the union of the
                        // captures its records span (a trigger word outside them stays free).
                        var a = p, b = end
                        let claim = rules.claims.range(r)
                        if !claim.isEmpty {
                            a = end; b = p
                            for i in claim {
                                let k = Int(claimItems[i])
                                let s = Int(saves[2 * k]), e = Int(saves[2 * k + 1])
                                if s >= 0, e > s { a = min(a, s); b = max(b, e) }
                            }
                            if a >= b { a = p; b = end }
                        }
                        found.append(Found(rule: r32, claimStart: Int32(a), claimEnd: Int32(b), slots: Int32(store.count)))
                        store.append(contentsOf: UnsafeBufferPointer(start: saves, count: slotCount))
                    }
                }
            }
            }
            }
            }
            }
            }
            }
            }
            }
            }
            }
        }
        }
        return (found, store)
    }

    /// The rules worth trying at a token, per kind of token: kept in the worker's cache
    /// by the token's text, kind and shape, so the index lookups and the first-token tests
    /// that depend on the text alone are done once per distinct token, not per position.
    ///
    /// A list in `WordCache.typePool` is a header (count; the `CompiledRules.required` bits of
    /// the entries that may start there and of the token as a literal, in four quarters; the
    /// most words such an entry has; the token's vocabulary id; where its predicate memo
    /// starts in `WordCache.memo`), then the rules, each flagged when its first-token test
    /// depends on the context and followed by
    /// where the predicates one of which the next token must pass lie in the pool (-1: any
    /// token may follow), then the lexicons with an entry that may start there (one bit
    /// each, in 32-bit words), then where those entries lie in `WordCache.typeRefs` (start
    /// and count; -1 when not looked up), then the lexicons with a one-word entry that is the
    /// token (one bit each: what a lexicon test asks, answered without looking for entries),
    /// then those predicates of the next token (each list its count, then its predicates;
    /// or, flagged `secondWords`, the folded heads of the second words of the entries a
    /// phrase may start here). A rule's next-token predicates are those of the ops that can
    /// take this token: after "w", "(obecnie | teraz | \"w tej chwili\")" needs "tej" next,
    /// and "@period-parts year" needs the head of "połowie" after "w".
    enum TypeList {
        static let header = 8
        static let ruleMask: Int32 = 0x3FFF_FFFF
        static let checkFirst: Int32 = 1 << 30
        /// In the count of a next-token list: the list holds the folded heads of the second
        /// words of the lexicon entries that may start at the token, not predicates.
        static let secondWords: Int32 = 1 << 30

        /// A word head (`LexiconIndex.head`, 0 for none) folded to 32 bits.
        @inline(__always) static func fold(_ head: UInt64) -> Int32 { Int32(truncatingIfNeeded: head ^ head >> 32) }

        /// Where the four 32-bit quarters of the required bits of the list at `o` lie.
        @inline(__always) static func required(_ o: Int) -> Range<Int> { o + 1..<o + 5 }

        /// Where the most words of an entry that may start at the token of the list at `o` lies.
        @inline(__always) static func longest(_ o: Int) -> Int { o + 5 }

        /// Where the vocabulary id of the list at `o` lies.
        @inline(__always) static func vocabularyId(_ o: Int) -> Int { o + 6 }

        /// Where the predicate memo offset of the list at `o` lies (-1: the empty list's, none).
        @inline(__always) static func memo(_ o: Int) -> Int { o + 7 }

        /// Where the lexicon bits of the list at `o` lie, given its rule count `pool[o]`.
        @inline(__always) static func lexiconBits(_ o: Int, rules: Int32) -> Int { o + header + 2 * Int(rules) }

        /// The entries a token may start, from its list at `o`, or nil when they were not
        /// looked up; `lexiconWords` is `LexiconIndex.lexiconWords`.
        static func refs(_ pool: [Int32], _ o: Int, lexiconWords: Int) -> Range<Int>? {
            let at = lexiconBits(o, rules: pool[o]) + lexiconWords
            return pool[at + 1] < 0 ? nil : Int(pool[at])..<Int(pool[at]) + Int(pool[at + 1])
        }

        /// Whether lexicon `l` has a one-word entry that is the token of the list at `o`, or
        /// nil when its entries were not looked up.
        @inline(__always)
        static func isOneWordEntry(_ pool: UnsafeBufferPointer<Int32>, _ o: Int, _ l: Int, lexiconWords: Int) -> Bool? {
            let at = lexiconBits(o, rules: pool[o]) + lexiconWords
            return pool[at + 1] < 0 ? nil : pool[at + 2 + (l >> 5)] & Int32(bitPattern: 1 << UInt32(l & 31)) != 0
        }
    }

    /// In `WordCache.types`, the flag of a list with no rule and no lexicon entry.
    private static let idle: UInt32 = 1 << 31

    /// Where rules may be tried: per position, where its type list lies in the pool (0, the
    /// empty list, for a token no rule is indexed under and no lexicon entry starts at:
    /// `CompiledRules.isInert`); the positions whose list has a rule or an entry, in order;
    /// and per such position the required lexicons and literals (as `CompiledRules.required`
    /// bits, two words per position) with an entry or a token that may start between it and
    /// the next sentence or line start (one that may lie inside a multi-word entry does not
    /// count as a start: the entry runs over it).
    /// Where a multi-word entry only may start, both are assumed, so no rule is skipped that
    /// could match.
    private func types(_ ctx: MatchContext) -> (typeAt: [Int32], starts: [Int32], reach: [UInt64]) {
        let n = ctx.count
        let cache = ctx.cache
        if cache.types.count >= WordCache.limit { cache.removeTypes() }
        if cache.typePool.isEmpty {
            let none = [Int32](repeating: 0, count: rules.lexicons.lexiconWords)
            cache.typePool = [0, 0, 0, 0, 0, 0, -1, -1] + none + [0, 0] + none
        }
        var typeAt = cache.int32s(n, 0)
        // (written through pointers into arrays of the largest size, then cut to length)
        var count = 0
        var starts = cache.int32s(n, 0)
        var keys = cache.uint64s(n)
        // Per start, the last sentence or line start after the previous start, up to itself.
        var lastBlock = cache.int32s(n, 0)
        defer { cache.recycle(&keys); cache.recycle(&lastBlock) }
        var stamp: [Int32] = [] // made when the first new type list is built
        // Passes of independent lookups, so the processor overlaps their cache misses: the
        // keys (most tokens ruled out by their kind, shape and head alone), the lists'
        // offsets (built where new), the lists' headers.
        ctx.tokens.withUnsafeBufferPointer { toks in
            ctx.utf16.withUnsafeBufferPointer { text in
                ctx.folded.withUnsafeBufferPointer { folded in
                    starts.withUnsafeMutableBufferPointer { starts in
                        keys.withUnsafeMutableBufferPointer { keys in
                            lastBlock.withUnsafeMutableBufferPointer { lastBlock in
                                var block: Int32 = -1
                                for p in 0..<n {
                                    let t = toks[p]
                                    if t.startsBlock { block = Int32(p) }
                                    if rules.isInert(t, folded: UnsafeBufferPointer(rebasing: folded[Int(t.foldStart)..<Int(t.foldEnd)])) { continue }
                                    let intrinsic = t.shape.subtracting(Shape.contextual)
                                    let h = Vocabulary.hash(UnsafeBufferPointer(rebasing: text[Int(t.start)..<Int(t.end)]))
                                    starts[count] = Int32(p)
                                    keys[count] = (h ^ UInt64(t.kind.rawValue) << 56 ^ UInt64(intrinsic.rawValue) << 40) &* 0x9E3779B97F4A7C15
                                    lastBlock[count] = block
                                    count += 1
                                    block = -1
                                }
                            }
                        }
                    }
                }
            }
        }
        // A position whose list has no rule, no lexicon entry and no required literal (a word
        // known only inside rules) keeps its list for the tests there but is no start: the
        // cache marks such lists (`idle`), so their headers are not read, and its sentence or
        // line start passes to the next start.
        var kept = 0
        // (the arrays written through pointers: they come from the cache, so a write by
        // subscript would check each time that nothing else holds them)
        typeAt.withUnsafeMutableBufferPointer { typeAt in
            starts.withUnsafeMutableBufferPointer { starts in
                lastBlock.withUnsafeMutableBufferPointer { lastBlock in
                    var carried: Int32 = -1
                    for j in 0..<count {
                        let p = Int(starts[j])
                        var entry: UInt32
                        if let cached = cache.types[keys[j]] { entry = cached } else {
                            if stamp.isEmpty { stamp = [Int32](repeating: -1, count: rules.rules.count) }
                            let o = buildTypeList(p, ctx, &stamp)
                            entry = UInt32(o)
                            if cache.typePool[o] == 0 && cache.typePool[TypeList.longest(o)] == 0
                                && cache.typePool[TypeList.required(o)].allSatisfy({ $0 == 0 }) { entry |= Matcher.idle }
                            cache.types[keys[j]] = entry
                        }
                        typeAt[p] = Int32(entry & ~Matcher.idle)
                        if entry & Matcher.idle != 0 {
                            if lastBlock[j] >= 0 { carried = lastBlock[j] }
                            continue
                        }
                        starts[kept] = Int32(p)
                        lastBlock[kept] = lastBlock[j] >= 0 ? lastBlock[j] : carried
                        carried = -1
                        kept += 1
                    }
                }
            }
        }
        starts.removeLast(n - kept)
        var reach = cache.uint64s(2 * starts.count)
        // Whether a sentence or line start outside every multi-word entry lies between a
        // start and the one before it (then the later one's lexicons are out of reach).
        var cut = cache.int32s(starts.count, 0)
        defer { cache.recycle(&cut) }
        reach.withUnsafeMutableBufferPointer { reach in
            cut.withUnsafeMutableBufferPointer { cut in
                cache.typePool.withUnsafeBufferPointer { pool in
                    var insideUntil = 0
                    for (j, p32) in starts.enumerated() {
                        let p = Int(p32)
                        cut[j] = Int(lastBlock[j]) >= insideUntil ? 1 : 0
                        let o = Int(typeAt[p])
                        let q = TypeList.required(o).lowerBound
                        for h in 0..<2 {
                            reach[2 * j + h] = UInt64(UInt32(bitPattern: pool[q + 2 * h])) | UInt64(UInt32(bitPattern: pool[q + 2 * h + 1])) << 32
                        }
                        insideUntil = max(insideUntil, p + Int(pool[TypeList.longest(o)]))
                    }
                }
                if starts.count > 1 {
                    for j in stride(from: starts.count - 2, through: 0, by: -1) where cut[j + 1] == 0 {
                        reach[2 * j] |= reach[2 * j + 2]
                        reach[2 * j + 1] |= reach[2 * j + 3]
                    }
                }
            }
        }
        return (typeAt, starts, reach)
    }

    /// Builds the type list of the token at `p` (see `TypeList`) and returns its offset.
    private func buildTypeList(_ p: Int, _ ctx: MatchContext, _ stamp: inout [Int32]) -> Int {
        let t = ctx.token(p)
        let id = ctx.key(p)
        let mark = Int32(p)
        var candidates: [Int32] = []
        candidates.reserveCapacity(64)
        var bits = CompiledRules.RequiredBits.zero
        if id >= 0 {
            Matcher.add(rules.byLiteral, Int(id), mark, &stamp, &candidates)
            if let b = rules.literalBit[id] { bits |= CompiledRules.requiredBits(b) }
        }
        Matcher.add(rules.byKind, Int(t.kind.rawValue), mark, &stamp, &candidates)
        // A shape key's contextual bits are not known here: its rules are candidates when
        // the rest holds, and are checked where they are tried.
        let intrinsic = t.shape.subtracting(Shape.contextual).rawValue
        for (k, mask) in rules.shapeMasks.enumerated() where intrinsic & mask == mask & ~Shape.contextual.rawValue {
            Matcher.add(rules.byShape, k, mark, &stamp, &candidates)
        }
        for r in rules.always where stamp[Int(r)] != mark { stamp[Int(r)] = mark; candidates.append(r) }
        var longest = 0
        // The lexicons with an entry starting here, with a one-word one, with a longer one:
        // one bit each, in 32-bit words, one after the other.
        let w = rules.lexicons.lexiconWords
        var lexiconBits = [Int32](repeating: 0, count: 3 * w)
        var refStart: Int32 = 0, refCount: Int32 = -1
        // Per lexicon with only multi-word entries starting here, the heads of their second
        // words (nil: one of them has a second word too short for a head).
        var secondHeads: [(lexicon: Int, heads: [Int32]?)] = []
        if rules.usesLexicons || rules.usesPhrases {
            refStart = Int32(ctx.cache.typeRefs.count)
            refCount = 0
            rules.lexicons.withStartingRefs(at: p, in: ctx) { refs in
                refCount = Int32(refs.count)
                ctx.cache.typeRefs += refs
                if rules.usesPhrases {
                    for ref in refs where ref.words > 1 {
                        let l = Int(ref.lexicon), h = TypeList.fold(ref.second)
                        guard let i = secondHeads.firstIndex(where: { $0.lexicon == l }) else {
                            secondHeads.append((l, ref.second == 0 ? nil : [h]))
                            continue
                        }
                        if ref.second == 0 { secondHeads[i].heads = nil } else if secondHeads[i].heads?.contains(h) == false { secondHeads[i].heads?.append(h) }
                    }
                }
                for ref in refs {
                    let l = Int(ref.lexicon)
                    let bit = Int32(bitPattern: 1 << UInt32(l & 31))
                    lexiconBits[l >> 5] |= bit
                    lexiconBits[(ref.words == 1 ? w : 2 * w) + l >> 5] |= bit
                    longest = max(longest, Int(ref.words))
                    if rules.requiredBit[l] >= 0 { bits |= CompiledRules.requiredBits(rules.requiredBit[l]) }
                    if rules.usesLexicons { Matcher.add(rules.byLexicon, l, mark, &stamp, &candidates) }
                }
            }
        }
        // Each rule with where the predicates one of which the next token must pass lie in
        // `follows` (each list its count, then its predicates), or -1: any token may follow.
        var entries: [Int32] = []
        entries.reserveCapacity(2 * candidates.count)
        var follows: [Int32] = []
        var follow: [Int32] = []
        for r32 in candidates {
            let r = Int(r32)
            if !rules.prefiltered[r] { entries.append(r32); entries.append(-1); continue }
            follow.removeAll(keepingCapacity: true)
            var open = false
            // A first-token test that depends on the token alone is decided once, here, per op
            // that may take the token; one that looks at the surroundings is checked where the
            // rule is tried, and every op counts here. The ops that can take the token say
            // what the next one must pass.
            let contextual = rules.contextualFirst[r]
            if !contextual {
                guard rules.firstPredicates.range(r).contains(where: { rules.passes(Int(rules.firstPredicates.storage[$0]), t, p, ctx) }) else { continue }
            }
            var passes = false
            var seconds: [Int32] = []
            let starters = rules.starters[r]
            // (a lone op's predicates are the rule's first ones, which the token just passed)
            for starter in starters where contextual || starters.count == 1 || starter.predicates.contains(where: { rules.passes(Int($0), t, p, ctx) }) {
                let l = Int(starter.lexicon)
                let bit = Int32(bitPattern: 1 << UInt32(max(l, 0) & 31))
                // (a phrase needs an entry starting here; after a longer one, the next token
                // must be its second word, and after a one-word one what follows the phrase)
                if l >= 0, lexiconBits[l >> 5] & bit == 0 { continue }
                passes = true
                if l >= 0, lexiconBits[2 * w + l >> 5] & bit != 0 {
                    if lexiconBits[w + l >> 5] & bit == 0, let heads = secondHeads.first(where: { $0.lexicon == l })?.heads {
                        for h in heads where !seconds.contains(h) { seconds.append(h) }
                        continue
                    }
                    open = true
                }
                if let f = starter.follow { for k in f where !follow.contains(k) { follow.append(k) } } else { open = true }
            }
            guard passes else { continue }
            entries.append(contextual ? r32 | TypeList.checkFirst : r32)
            // (a next token that may pass predicates or be a second word: any token, as before)
            if open || (!seconds.isEmpty && !follow.isEmpty) { entries.append(-1); continue }
            entries.append(Int32(follows.count))
            if seconds.isEmpty {
                follows.append(Int32(follow.count))
                follows += follow
            } else {
                follows.append(Int32(seconds.count) | TypeList.secondWords)
                follows += seconds
            }
        }
        let o = ctx.cache.typePool.count
        let memo = Int32(ctx.cache.addMemo(words: rules.memoWords))
        let lists = Int32(o + TypeList.header + entries.count + 2 * w + 2)
        let halves = [bits.x, bits.x >> 32, bits.y, bits.y >> 32].map { Int32(bitPattern: UInt32(truncatingIfNeeded: $0)) }
        for v in [Int32(entries.count / 2)] + halves + [Int32(longest), id, memo] {
            ctx.cache.typePool.append(v)
        }
        // (the lists of next-token predicates lie at the end: their offsets made absolute)
        for i in stride(from: 1, to: entries.count, by: 2) where entries[i] >= 0 { entries[i] += lists }
        ctx.cache.typePool += entries
        ctx.cache.typePool += lexiconBits[..<w]
        ctx.cache.typePool.append(refStart)
        ctx.cache.typePool.append(refCount)
        ctx.cache.typePool += lexiconBits[w..<2 * w]
        ctx.cache.typePool += follows
        return o
    }

    /// Adds the rules of `postings` under `key` not yet stamped with `mark` to `out`.
    private static func add(_ postings: Postings<Int32>, _ key: Int, _ mark: Int32, _ stamp: inout [Int32], _ out: inout [Int32]) {
        for i in postings.range(key) {
            let r = postings.storage[i]
            if stamp[Int(r)] != mark { stamp[Int(r)] = mark; out.append(r) }
        }
    }

    /// The match with its captures as values and spans.
    func makeMatch(_ f: Found, _ store: [Int32], _ ctx: MatchContext) -> RuleMatch {
        let r = Int(f.rule)
        let program = rules.programs[r]
        var captures = RuleMatch.Captures(capacity: program.captureNames.count)
        let used = rules.valueCaptures[r]
        let base = Int(f.slots)
        for (k, name) in program.captureNames.enumerated() {
            let a = Int(store[base + 2 * k]), b = Int(store[base + 2 * k + 1])
            guard a >= 0, b > a else { continue }
            // (a capture that only marks a span needs no value)
            captures[name] = RuleMatch.Capture(value: used[k] ? value(r, k, a, b, ctx).text : "", span: ctx.span(a, b), tokens: a..<b)
        }
        let a = Int(f.claimStart), b = Int(f.claimEnd)
        return RuleMatch(rule: r, start: a, end: b, span: ctx.span(a, b), priority: rules.priorities[r], captures: captures)
    }

    /// The tokens of the last of captures `ks` of match `f` that matched, if any.
    func lastMatched(_ ks: [Int], _ f: Found, _ store: [Int32]) -> (a: Int, b: Int, k: Int)? {
        let base = Int(f.slots)
        for k in ks.reversed() {
            let a = Int(store[base + 2 * k]), b = Int(store[base + 2 * k + 1])
            if a >= 0, b > a { return (a, b, k) }
        }
        return nil
    }

    /// What a capture holds: a lexicon entry's value or text, or a lone number token's
    /// number and how many digits it was written with.
    enum CaptureValue {
        case text(String)
        case number(Int32, digits: Int)

        /// The value as text (a number in its digits, without leading zeros).
        var text: String {
            switch self {
            case .text(let v): v
            case .number(let n, _): Digits.padded(Int(n), width: 1)
            }
        }
    }

    /// The value of capture `k` of rule `r` over tokens `a..<b`: the value of the entry it
    /// holds of a lexicon the capture names (or of the first one-word entry inside it), else
    /// the number of a lone number or ordinal token, else its text.
    func value(_ r: Int, _ k: Int, _ a: Int, _ b: Int, _ ctx: MatchContext) -> CaptureValue {
        for l in rules.programs[r].captureLexicons[k] {
            if let h = ctx.hits(a).first(where: { Int($0.ref.lexicon) == l && $0.end == b }) {
                return .text(rules.lexicons.lexicons[l].entries[Int(h.ref.entry)].value)
            }
            for q in a..<b {
                if let h = ctx.hits(q).first(where: { Int($0.ref.lexicon) == l && $0.end == q + 1 }) {
                    return .text(rules.lexicons.lexicons[l].entries[Int(h.ref.entry)].value)
                }
            }
        }
        if b == a + 1 {
            let t = ctx.token(a)
            if (t.kind == .number || t.kind == .ordinal), t.number >= 0 { return .number(t.number, digits: Int(t.digitCount)) }
        }
        return .text(ctx.text(a, b))
    }

    static func isOpeningQuote(_ u: UInt16) -> Bool { [0x22, 0x201E, 0x201C, 0xAB, 0x201A, 0x2018, 0x27].contains(u) }
    static func isClosingQuote(_ u: UInt16) -> Bool { [0x22, 0x201C, 0x201D, 0xBB, 0x2018, 0x2019, 0x27, 0x2033].contains(u) }

    /// Whether the token at `p` is a lone mark that may open a quotation, or two commas
    /// typed for one (`Segmenter.isCommaQuote`).
    static func isOpeningQuote(_ ctx: MatchContext, _ p: Int) -> Bool {
        let t = ctx.token(p)
        guard t.kind == .punctuation else { return false }
        if t.length == 1 { return isOpeningQuote(ctx.utf16[Int(t.start)]) }
        return ctx.utf16.withUnsafeBufferPointer { Segmenter.isCommaQuote(t, $0) }
    }

    /// The position of the quotation mark that closes the one at `p`: an opening mark is not
    /// glued to the word before it (an abbreviation's dot may be: "ул.„Шипка“"), a closing
    /// one is glued to the word before it ("коридор“ е" closes a quote and opens none).
    private static func closingQuote(_ ctx: MatchContext, _ p: Int, start: Int) -> Int? {
        guard isOpeningQuote(ctx, p) else { return nil }
        let t = ctx.token(p)
        if p != start && t.startsBlock { return nil }
        if p > 0, ctx.token(p - 1).end == t.start, ctx.token(p - 1).kind != .punctuation, ctx.token(p - 1).kind != .abbreviation { return nil }
        var q = p + 1
        while q < ctx.count, q <= p + 13 {
            let u = ctx.token(q)
            if u.shape.contains(.lineStart) { return nil }
            if u.kind == .punctuation, u.length == 1, isClosingQuote(ctx.utf16[Int(u.start)]), ctx.token(q - 1).end == u.start {
                return q > p + 1 ? q : nil
            }
            q += 1
        }
        return nil
    }
}
