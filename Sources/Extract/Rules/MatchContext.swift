import ICU
/// Per-document state for matching: the tokens and the lexicon entries found at each.
final class MatchContext {
    /// The tokens, in order (a position is an index into this array).
    let tokens: [Token]
    let folded: [UInt16]
    let utf16: [UInt16]
    let lexicons: LexiconIndex
    let vocabulary: Vocabulary
    /// Per position, where its lexicon hits lie in `hitStore` (start << 32 | count), or
    /// `notComputed`: hits are looked up once per position, when first asked for.
    private var hitRange: [UInt64] = []
    private var hitStore: [LexiconIndex.Hit] = []
    private static let notComputed = UInt64.max
    /// `LexiconIndex.lexiconWords`.
    private let lexiconWords: Int
    /// Per position, where its lemmas lie in `lemmaStore`, or -1 (plain integers: an array of
    /// optional arrays is destroyed element by element through run-time type lookups); made
    /// when first asked for, as is `knownCache` (most rule sets ask neither).
    private var lemmaAt: [Int32] = []
    private var lemmaStore: [[[UInt16]]] = []
    private var knownCache: [Int8] = []
    private var knownEnglishCache: [Int8] = []

    /// What the worker learnt about words in earlier documents.
    let cache: WordCache
    /// Per position, where its type list lies in `cache.typePool` (set by the matcher once
    /// it has them; the lexicon entries a token may start are then read from there).
    var typeAt: [Int32] = []

    init(document doc: Document, lexicons: LexiconIndex, vocabulary: Vocabulary, cache: WordCache) {
        self.cache = cache
        tokens = doc.tokens
        folded = doc.folded
        utf16 = doc.utf16
        self.lexicons = lexicons
        self.vocabulary = vocabulary
        lexiconWords = lexicons.lexiconWords
    }

    /// Whether hunspell knows the lower-case form of the token at `p` (computed once per position).
    func known(_ p: Int) -> Bool {
        known(p, &knownCache, lexicons.lemmatizer, salt: 0)
    }

    /// Whether English hunspell knows the lower-case form of the token at `p`.
    func knownEnglish(_ p: Int) -> Bool {
        known(p, &knownEnglishCache, lexicons.english, salt: 0x5EED_E11E_5EED_E11E)
    }

    /// Whether `dictionary` knows the folded token at `p`: once per position (`positions`),
    /// and once per word for the worker (`cache.known`, under the word's hash with `salt`).
    private func known(_ p: Int, _ positions: inout [Int8], _ dictionary: Lemmatizer?, salt: UInt64) -> Bool {
        if positions.isEmpty { positions = Array(repeating: -1, count: tokens.count) }
        if positions[p] >= 0 { return positions[p] == 1 }
        let h = InflectionMatcher.hash(folded(p)) ^ salt
        let k: Bool
        if let cached = cache.known[h] { k = cached } else {
            k = dictionary?.knows(UTF.string(folded(p))) ?? false
            cache.storeKnown(h, k)
        }
        positions[p] = k ? 1 : 0
        return k
    }

    /// Whether hunspell knows the folded token at `p` with `ending` added ("замина" + "ха"): once
    /// per word and ending for the worker (`cache.known`, under the word's hash with the ending's).
    func knows(_ p: Int, plus ending: String) -> Bool {
        let h = InflectionMatcher.hash(folded(p)) ^ FNV1a.hash(utf8: ending)
        if let cached = cache.known[h] { return cached }
        let k = lexicons.lemmatizer?.knows(UTF.string(folded(p)) + ending) ?? false
        cache.storeKnown(h, k)
        return k
    }

    /// Whether hunspell knows the token at `p` only as a form of other words: it has lemmas
    /// and none of them is the word itself (folded).
    func isInflected(_ p: Int) -> Bool {
        let l = lemmas(p)
        let w = folded(p)
        return !l.isEmpty && !l.contains { $0.elementsEqual(w) }
    }

    /// The hunspell lemmas of the token at `p`, folded (computed once per position).
    func lemmas(_ p: Int) -> [[UInt16]] {
        if lemmaAt.isEmpty { lemmaAt = Array(repeating: -1, count: tokens.count) }
        if lemmaAt[p] >= 0 { return lemmaStore[Int(lemmaAt[p])] }
        let t = token(p)
        let h = InflectionMatcher.hash(utf16[Int(t.start)..<Int(t.end)])
        let l: [[UInt16]]
        if let cached = cache.lemmas[h] { l = cached } else {
            l = lexicons.lemmatizer?.lemmas(text(p)).map { $0.utf16.map(TextFolder.simpleFold) } ?? []
            cache.storeLemmas(h, l)
        }
        lemmaAt[p] = Int32(lemmaStore.count)
        lemmaStore.append(l)
        return l
    }

    var count: Int { tokens.count }

    /// The vocabulary id of the folded token at `p`, or -1 when no rule or lexicon knows it:
    /// read from the token's type list once the matcher has them (so a word is looked up in
    /// the vocabulary once per worker, not once per occurrence).
    @inline(__always)
    func key(_ p: Int) -> Int32 {
        p < typeAt.count ? cache.typePool[Matcher.TypeList.vocabularyId(Int(typeAt[p]))] : lookUpKey(p)
    }

    @inline(never)
    private func lookUpKey(_ p: Int) -> Int32 {
        let t = token(p)
        return folded.withUnsafeBufferPointer { vocabulary.id(UnsafeBufferPointer(rebasing: $0[Int(t.foldStart)..<Int(t.foldEnd)])) }
    }

    /// The position of the token starting at UTF-16 offset `offset`, if any.
    func position(startingAt offset: Int) -> Int? {
        let p = firstPosition(atOrAfter: offset)
        return p < tokens.count && Int(token(p).start) == offset ? p : nil
    }

    /// The position of the first token that starts at or after UTF-16 offset `offset`
    /// (`count` when none does).
    func firstPosition(atOrAfter offset: Int) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if Int(token(mid).start) < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    @inline(__always) func token(_ p: Int) -> Token { tokens[p] }

    /// The folded key of the token at position `p`.
    @inline(__always) func folded(_ p: Int) -> ArraySlice<UInt16> {
        let t = token(p)
        return folded[Int(t.foldStart)..<Int(t.foldEnd)]
    }

    /// The head of the folded token at `p` (see `LexiconIndex.head`).
    @inline(__always) func head(_ p: Int) -> UInt64 {
        let t = token(p)
        return folded.withUnsafeBufferPointer { LexiconIndex.head(UnsafeBufferPointer(rebasing: $0[Int(t.foldStart)..<Int(t.foldEnd)])) }
    }

    /// The original text of the token at `p`.
    func text(_ p: Int) -> String {
        let t = token(p)
        return UTF.string(utf16[Int(t.start)..<Int(t.end)])
    }

    /// The original text from the token at `a` to the end of the token before `b`.
    func text(_ a: Int, _ b: Int) -> String {
        UTF.string(utf16[Int(token(a).start)..<Int(token(b - 1).end)])
    }

    /// UTF-16 span of tokens `a..<b`.
    func span(_ a: Int, _ b: Int) -> Span { Span(Int(token(a).start), Int(token(b - 1).end)) }

    /// Whether a one-token entry of lexicon `l` stands at `p`.
    @inline(__always)
    func inLexicon(_ p: Int, _ l: Int) -> Bool {
        if p < typeAt.count, let known = cache.typePool.withUnsafeBufferPointer({
            Matcher.TypeList.isOneWordEntry($0, Int(typeAt[p]), l, lexiconWords: lexiconWords)
        }) { return known }
        return hitsInLexicon(p, l)
    }

    /// `inLexicon` from the entries found at `p`, where the type list does not say.
    @inline(never)
    private func hitsInLexicon(_ p: Int, _ l: Int) -> Bool {
        hits(p).contains { Int($0.ref.lexicon) == l && $0.end == p + 1 }
    }

    /// Lexicon entries starting at `p` (computed once per position).
    @inline(__always)
    func hits(_ p: Int) -> ArraySlice<LexiconIndex.Hit> {
        if hitRange.isEmpty { makeHitTables() }
        if hitRange[p] == MatchContext.notComputed { computeHits(p) }
        let r = hitRange[p]
        let start = Int(r >> 32)
        return hitStore[start..<start + Int(r & 0xFFFF_FFFF)]
    }

    /// Made when first needed: most lexicon tests are answered from the type lists.
    private func makeHitTables() {
        hitRange = Array(repeating: MatchContext.notComputed, count: tokens.count)
        hitStore.reserveCapacity(tokens.count / 8 + 8)
    }

    private func computeHits(_ p: Int) {
        let start = hitStore.count
        if !typeAt.isEmpty, let refs = Matcher.TypeList.refs(cache.typePool, Int(typeAt[p]), lexiconWords: lexicons.lexiconWords) {
            cache.typeRefs.withUnsafeBufferPointer { lexicons.hits(UnsafeBufferPointer(rebasing: $0[refs]), at: p, in: self, into: &hitStore) }
        } else {
            lexicons.hits(at: p, in: self, into: &hitStore)
        }
        hitRange[p] = UInt64(start) << 32 | UInt64(hitStore.count - start)
    }

    /// Whether the token at `p` is initials: two to four capital letters, each but the last
    /// followed by a full stop ("Ł.D", "Д.Д.С").
    func isInitials(_ p: Int) -> Bool {
        let t = token(p)
        let s = Int(t.start), e = Int(t.end)
        guard (3...7).contains(e - s), (e - s) % 2 == 1 else { return false }
        return (s..<e).allSatisfy { i in
            (i - s) % 2 == 1 ? utf16[i] == 0x2E : CharacterProperties.isUpper(UInt32(utf16[i]))
        }
    }

    /// Whether the folded token at `p` ends with a suffix entry of lexicon `l` (a stem of
    /// at least two units left).
    func hasSuffix(_ p: Int, lexicon l: Int) -> Bool {
        guard let set = lexicons.suffixes[l] else { return false }
        return Lexicon.ends(folded(p), with: set, shortest: 2, stem: 2)
    }

    /// The length of the acronym in token `p` when it is an acronym in capitals with a case
    /// ending of one to three small letters after a hyphen, as Polish inflects acronyms
    /// ("SMS-em", "VAT-u", "ZUS-owi"): the entries of the acronym are the token's entries.
    func inflectedAcronym(_ p: Int) -> Int? {
        let t = token(p)
        guard t.kind == .word, t.shape.contains(.hyphenated), t.foldEnd - t.foldStart == t.end - t.start else { return nil }
        let s = Int(t.start), e = Int(t.end)
        guard let dash = (s..<e).first(where: { utf16[$0] == 0x2D }), dash - s >= 2, (1...3).contains(e - dash - 1),
              (s..<dash).allSatisfy({ CharacterProperties.isUpper(UInt32(utf16[$0])) }),
              (dash + 1..<e).allSatisfy({ CharacterProperties.isLower(UInt32(utf16[$0])) }) else { return nil }
        return dash - s
    }

    /// Whether the token at `p` is `word` (folded) or an inflected form of it: by endings, and
    /// for a capitalised token also by its hunspell lemmas ("Urzędem" → urząd).
    func wordMatches(_ p: Int, _ word: UnsafeBufferPointer<UInt16>, _ inflection: InflectionMatcher) -> Bool {
        let key = folded(p)
        let t = token(p)
        if key.count == word.count, key.withUnsafeBufferPointer({ Vocabulary.equal($0, word) }) { return true }
        guard t.kind == .word else { return false }
        // "поток-2" is "поток" with a number joined on.
        if t.shape.contains(.hyphenated), let dash = key.firstIndex(of: 0x2D), key[key.startIndex..<dash].elementsEqual(word),
           key[(dash + 1)...].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) || inflectedAcronym(p) == dash - key.startIndex { return true }
        let useLemmas = !t.shape.isDisjoint(with: [.capitalized, .allCaps, .camelCase])
        return key.withUnsafeBufferPointer { buf in
            inflection.matches(buf, entry: word, lemmas: useLemmas ? { self.lemmas(p) } : nil)
        }
    }
}
