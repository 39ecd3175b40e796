/// Finds the lexicon entries that start at a token, exactly or inflected.
struct LexiconIndex: Sendable {
    struct EntryRef: Sendable, Hashable { var lexicon: Int32; var entry: Int32 }

    let lexicons: [Lexicon]
    /// Entries by the vocabulary id of their first word.
    let byFirstWord: [Int32: [EntryRef]]
    /// Entries by a hash of the first three folded units of their first word (inflected lookup).
    let byPrefix: [UInt64: [EntryRef]]
    /// Which lexicons are in scope for this language.
    let inScope: Set<Int32>
    let inflection: InflectionMatcher
    /// Suffix entries ("-ski") per lexicon, folded, without the hyphen.
    let suffixes: [Int: Set<[UInt16]>]
    let lemmatizer: Lemmatizer?

    init(lexicons: [Lexicon], inScope: Set<Int32>, vocabulary: Vocabulary, inflection: InflectionMatcher, lemmatizer: Lemmatizer?) {
        self.lexicons = lexicons
        self.inScope = inScope
        self.inflection = inflection
        self.lemmatizer = lemmatizer
        var suffixes: [Int: Set<[UInt16]>] = [:]
        for l in inScope {
            for e in lexicons[Int(l)].entries where e.form.hasPrefix("-") && e.form.count > 1 {
                suffixes[Int(l), default: []].insert(e.form.dropFirst().lowercased().utf16.map(TextFolder.simpleFold))
            }
        }
        self.suffixes = suffixes
        var first: [Int32: [EntryRef]] = [:]
        var prefix: [UInt64: [EntryRef]] = [:]
        for l in inScope.sorted() {
            for (e, entry) in lexicons[Int(l)].entries.enumerated() {
                guard let w = entry.words.first, !entry.form.hasPrefix("-") else { continue }
                let ref = EntryRef(lexicon: l, entry: Int32(e))
                let id = w.withUnsafeBufferPointer { vocabulary.id($0) }
                if id >= 0 { first[id, default: []].append(ref) }
                if lexicons[Int(l)].inflect, w.count >= InflectionMatcher.minimumStem, inflection.language != .en {
                    prefix[LexiconIndex.prefixHash(w), default: []].append(ref)
                }
            }
        }
        byFirstWord = first
        byPrefix = prefix
    }

    static func prefixHash<C: Collection>(_ w: C) -> UInt64 where C.Element == UInt16 {
        var h: UInt64 = 0xcbf29ce484222325
        for u in w.prefix(InflectionMatcher.minimumStem) { h = (h ^ UInt64(u)) &* 0x100000001b3 }
        return h
    }

    /// A lexicon entry found in the text: tokens `start..<end` (positions in the non-space list).
    struct Hit: Sendable { var ref: EntryRef; var end: Int }

    /// Entries starting at non-space position `p`.
    func hits(at p: Int, in ctx: MatchContext) -> [Hit] {
        let t = ctx.token(p)
        guard t.kind == .word || t.kind == .abbreviation || t.kind == .number || t.kind == .punctuation else { return [] }
        var out: [Hit] = []
        var seen = Set<EntryRef>()
        func consider(_ refs: [EntryRef], exactFirst: Bool) {
            for ref in refs where !seen.contains(ref) {
                let entry = lexicons[Int(ref.lexicon)].entries[Int(ref.entry)]
                if !exactFirst && !ctx.wordMatches(p, entry.words[0], inflection) { continue }
                var q = p + 1
                var ok = true
                for w in entry.words.dropFirst() {
                    guard q < ctx.count, !ctx.startsBlock(q), ctx.wordMatches(q, w, inflection) else { ok = false; break }
                    q += 1
                }
                if ok { seen.insert(ref); out.append(Hit(ref: ref, end: q)) }
            }
        }
        if t.key >= 0, let refs = byFirstWord[t.key] { consider(refs, exactFirst: true) }
        if t.kind == .word, t.length > InflectionMatcher.minimumStem, !byPrefix.isEmpty {
            let key = ctx.folded(p)
            if let refs = byPrefix[LexiconIndex.prefixHash(key)] { consider(refs, exactFirst: false) }
        }
        return out
    }
}
