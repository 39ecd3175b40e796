/// Finds the lexicon entries that start at a token, exactly or inflected.
final class LexiconIndex: Sendable {
    struct EntryRef: Sendable, Hashable {
        var lexicon: Int32
        var entry: Int32
        /// How many words the entry has.
        var words: Int32
        /// Where the entry's words start in `wordHeads` (multi-word entries only).
        var heads: Int32
        /// The `head` of its second word (0: none, or shorter than a stem), kept here so most
        /// multi-word entries are ruled out without reading `wordHeads`.
        var second: UInt64
    }

    let lexicons: [Lexicon]
    /// Entries by the vocabulary id of their first word: all of them, for a word with a
    /// capital inside (in capitals or mixed), and those that are no acronym
    /// (`Lexicon.Entry.isAcronym`), for other words.
    let byFirstWord: [[EntryRef]]
    let byFirstWordUncapped: [[EntryRef]]
    /// Entries by a hash of the stem of their first word (`stemLength` leading folded units;
    /// inflected lookup): in each bucket, common words before names (written with a capital),
    /// so a word is looked up in one table per stem length.
    let byPrefix: HashTable64<[EntryRef]>
    /// Which lexicons are in scope for this language.
    let inScope: Set<Int32>
    let inflection: InflectionMatcher
    /// Suffix entries ("-ski") per lexicon, folded, without the hyphen.
    let suffixes: [Int: Set<UInt64>]
    let lemmatizer: Lemmatizer?
    /// The English dictionary, for `known(en)` in any language's rules.
    let english: Lemmatizer?
    /// The `head` of every word of the multi-word entries, so the words after the first are
    /// ruled out without touching the entry.
    let wordHeads: [UInt64]
    /// Per lexicon, how its names join others in a hyphen compound of names (`never` for one
    /// out of scope: it has no entries to find), and whether any joins `always`.
    let hyphenJoins: [Lexicon.HyphenJoin]
    let splitsNameCompounds: Bool

    init(lexicons: [Lexicon], inScope: Set<Int32>, vocabulary: Vocabulary, inflection: InflectionMatcher, lemmatizer: Lemmatizer?, english: Lemmatizer?) {
        self.lexicons = lexicons
        self.english = english
        self.inScope = inScope
        self.inflection = inflection
        self.lemmatizer = lemmatizer
        hyphenJoins = lexicons.indices.map { inScope.contains(Int32($0)) ? lexicons[$0].hyphenJoined : .never }
        splitsNameCompounds = hyphenJoins.contains(.always)
        var suffixes: [Int: Set<UInt64>] = [:]
        for l in inScope {
            let keys = lexicons[Int(l)].suffixKeys
            if !keys.isEmpty { suffixes[Int(l)] = keys }
        }
        self.suffixes = suffixes
        var first: [Int32: [EntryRef]] = [:]
        var prefix: [UInt64: [EntryRef]] = [:]
        var prefixNames: [UInt64: [EntryRef]] = [:]
        var heads: [UInt64] = []
        for l in inScope.sorted() {
            for (e, entry) in lexicons[Int(l)].entries.enumerated() {
                guard let w = entry.words.first, !entry.form.hasPrefix("-") else { continue }
                // (0 for a word shorter than a stem: "ЕС" is not ruled out before "ЕС-2")
                let wordHeads = entry.words.count > 1 ? entry.words.map { $0.count < InflectionMatcher.minimumStem ? 0 : $0.withUnsafeBufferPointer(LexiconIndex.head) } : []
                let ref = EntryRef(lexicon: l, entry: Int32(e), words: Int32(entry.words.count), heads: Int32(heads.count), second: wordHeads.count > 1 ? wordHeads[1] : 0)
                heads += wordHeads
                let id = w.withUnsafeBufferPointer { vocabulary.id($0) }
                if id >= 0 { first[id, default: []].append(ref) }
                // (an acronym takes no endings: "EFSI" is no form of EFSA; its hyphenated
                // forms, "PKP-u", are looked up by the part before the hyphen; nor does an
                // abbreviation, a word and its dot: "места" is no form of "мес.")
                let abbreviation = entry.words.count > 1 && entry.words[1] == [0x2E]
                if lexicons[Int(l)].inflect, !entry.isAcronym, !abbreviation, w.count >= InflectionMatcher.minimumStem, inflection.language != .en, lexicons[Int(l)].language != .en {
                    // An inflected form shares at least max(3, L - 3) leading units with the
                    // entry: index by that many (at most 6), so buckets stay small.
                    let k = LexiconIndex.stemLength(w.count)
                    var keys = [LexiconIndex.prefixHash(w.prefix(k), length: k)]
                    // (a Polish name's ó in the stem opens into o: "Łodzi" is looked up by "łod")
                    if entry.isName, inflection.language == .pl, w.prefix(k).contains(InflectionMatcher.closedO) {
                        keys.append(LexiconIndex.prefixHash(w.prefix(k).map { $0 == InflectionMatcher.closedO ? InflectionMatcher.openedO : $0 }, length: k))
                    }
                    for h in keys {
                        if entry.isName { prefixNames[h, default: []].append(ref) } else { prefix[h, default: []].append(ref) }
                    }
                }
            }
        }
        var firstArray = [[EntryRef]](repeating: [], count: vocabulary.count)
        var uncapped = firstArray
        for (k, v) in first {
            firstArray[Int(k)] = v
            uncapped[Int(k)] = v.filter { !lexicons[Int($0.lexicon)].entries[Int($0.entry)].isAcronym }
        }
        byFirstWord = firstArray
        byFirstWordUncapped = uncapped
        var byPrefix = HashTable64<[EntryRef]>(capacity: prefix.count + prefixNames.count)
        for (h, refs) in prefix.merging(prefixNames, uniquingKeysWith: +) { byPrefix[h] = refs }
        self.byPrefix = byPrefix
        wordHeads = heads
    }

    /// A word's first three folded units (with its length when shorter): a word and its
    /// inflected forms share it, since inflection keeps a stem of at least three units
    /// (`InflectionMatcher.minimumStem`).
    @inline(__always)
    static func head(_ w: UnsafeBufferPointer<UInt16>) -> UInt64 {
        var h = UInt64(min(w.count, 3)) << 48
        for i in 0..<min(w.count, 3) { h |= UInt64(w[i]) << (16 * UInt64(i)) }
        return h
    }

    /// How many leading units of a word of `length` an inflected form surely shares.
    static func stemLength(_ length: Int) -> Int { min(max(InflectionMatcher.minimumStem, length - 3), 6) }

    /// FNV hash of a prefix, salted with its length (the buckets of each length are apart).
    static func prefixHash<C: Collection>(_ w: C, length: Int) -> UInt64 where C.Element == UInt16 {
        var h = FNV1a.seed ^ UInt64(length)
        for u in w { h = FNV1a.add(h, UInt64(u)) }
        return h
    }

    /// A lexicon entry found in the text: tokens `start..<end` (token positions).
    struct Hit: Sendable { var ref: EntryRef; var end: Int }

    /// Appends the entries starting at token position `p` to `out`.
    func hits(at p: Int, in ctx: MatchContext, into out: inout [Hit]) {
        withStartingRefs(at: p, in: ctx) { consider($0[...], p, ctx, &out) }
    }

    /// Appends those of `refs` (what `withStartingRefs` gives at `p`) that start at `p` to `out`.
    func hits(_ refs: UnsafeBufferPointer<EntryRef>, at p: Int, in ctx: MatchContext, into out: inout [Hit]) {
        consider(refs[...], p, ctx, &out)
    }

    /// How many 32-bit words hold one bit per lexicon.
    var lexiconWords: Int { (lexicons.count + 31) / 32 }

    /// Calls `body` with the entries whose first word the token at `p` is (exactly or
    /// inflected), whether or not their other words follow.
    func withStartingRefs(at p: Int, in ctx: MatchContext, _ body: (UnsafeBufferPointer<EntryRef>) -> Void) {
        let t = ctx.token(p)
        guard t.kind == .word || t.kind == .abbreviation || t.kind == .number else { return }
        let caps = !t.shape.isDisjoint(with: .capitalInside)
        if t.kind == .word, t.length > InflectionMatcher.minimumStem {
            let names = !t.shape.isDisjoint(with: [.capitalized, .allCaps, .camelCase])
            let range = firstWords(p, ctx, names: names, caps: caps)
            guard !range.isEmpty else { return }
            ctx.cache.entryPool.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
        } else {
            let id = ctx.key(p)
            if id >= 0 { (caps ? byFirstWord : byFirstWordUncapped)[Int(id)].withUnsafeBufferPointer(body) }
        }
    }

    /// The entries whose first word the word at `p` is, exactly or inflected (`names`: it is
    /// written with a capital; `caps`: with one inside): a range of the worker's entry pool. A
    /// word's answer is kept in the worker's cache, so each distinct word is looked up once.
    private func firstWords(_ p: Int, _ ctx: MatchContext, names: Bool, caps: Bool) -> Range<Int> {
        let t = ctx.token(p)
        return ctx.folded.withUnsafeBufferPointer { all in
            let key = UnsafeBufferPointer(rebasing: all[Int(t.foldStart)..<Int(t.foldEnd)])
            let cacheKey = InflectionMatcher.hash(key) ^ (names ? 0x9E3779B97F4A7C15 : 0) ^ (caps ? 0x632BE59BD9B4E019 : 0)
            if let cached = ctx.cache.firstWords[cacheKey] { return Int(cached >> 32)..<Int(cached >> 32) + Int(cached & 0xFFFF_FFFF) }
            let id = ctx.key(p)
            var refs: [EntryRef] = id >= 0 ? (caps ? byFirstWord : byFirstWordUncapped)[Int(id)] : []
            if let n = ctx.inflectedAcronym(p) {
                let stem = ctx.vocabulary.id(UnsafeBufferPointer(rebasing: key[..<n]))
                if stem >= 0 { refs += byFirstWord[Int(stem)] }
            }
            // (an entry lies in one bucket: only the exact ones can come again)
            let exact = refs.count
            // (a word written longer than its folded key, as with soft hyphens, may fold to fewer
            // units than a stem: then it is looked up exactly only)
            for k in InflectionMatcher.minimumStem..<max(InflectionMatcher.minimumStem, min(6, key.count) + 1) {
                // Names are looked up for lower-case words too ("brexitu"), by endings only,
                // unless the dictionary knows the word and the name is one word: then it is a
                // common word ("грама", grams, is no form of the awards "Грами"), while the
                // words after it decide a longer name ("wspólnej polityki rolnej").
                guard let bucket = byPrefix[LexiconIndex.prefixHash(UnsafeBufferPointer(rebasing: key[..<k]), length: k)] else { continue }
                for ref in bucket where !refs[..<exact].contains(ref) {
                    // (the entry read in place: a copy would retain its strings and arrays)
                    if !names, ref.words == 1, lexicons[Int(ref.lexicon)].entries[Int(ref.entry)].isName, ctx.known(p) { continue }
                    if lexicons[Int(ref.lexicon)].entries[Int(ref.entry)].words[0].withUnsafeBufferPointer({ ctx.wordMatches(p, $0, inflection) }) {
                        refs.append(ref)
                    }
                }
            }
            return ctx.cache.storeFirstWords(cacheKey, refs)
        }
    }

    /// Adds the entries of `refs` (whose first word matches at `p`) whose other words follow.
    private func consider(_ refs: Slice<UnsafeBufferPointer<EntryRef>>, _ p: Int, _ ctx: MatchContext, _ out: inout [Hit]) {
        // Most multi-word entries fail on their second word: rule them out by its head,
        // which is the same for all of them.
        let nextHead = p + 1 < ctx.count ? ctx.head(p + 1) : 0
        for ref in refs {
            if ref.words == 1 { out.append(Hit(ref: ref, end: p + 1)); continue }
            guard nextHead != 0, ref.second == 0 || nextHead == ref.second else { continue }
            // (and by the heads of the words after it, before the entry is read)
            guard p + Int(ref.words) <= ctx.count, (2..<Int(ref.words)).allSatisfy({ i in
                let h = wordHeads[Int(ref.heads) + i]
                return h == 0 || ctx.head(p + i) == h
            }) else { continue }
            let entry = lexicons[Int(ref.lexicon)].entries[Int(ref.entry)]
            // (a lexicon that lists every form matches its later words as written: "w nocie" is no "w nocy")
            let inflects = lexicons[Int(ref.lexicon)].inflect
            var q = p + 1
            var ok = true
            // An entry may run over a sentence break ICU saw after an abbreviation
            // ("W. Brytanii"), never over a line break.
            for i in 1..<entry.words.count {
                guard q < ctx.count, !ctx.token(q).shape.contains(.lineStart),
                      entry.words[i].withUnsafeBufferPointer({ inflects ? ctx.wordMatches(q, $0, inflection) : ctx.folded(q).elementsEqual($0) }) else { ok = false; break }
                q += 1
            }
            if ok { out.append(Hit(ref: ref, end: q)) }
        }
    }
}
