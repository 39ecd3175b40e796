/// What one worker has learnt about words, kept across its documents: which lexicon
/// entries a word is an inflected first word of, and whether hunspell knows it. Words
/// repeat from document to document, so each distinct word is looked up once. One per
/// worker and language (not thread-safe); bounded in size.
public final class WordCache {
    /// The lexicon entries a word can start (its exact or inflected first word), as a range
    /// of `entryPool` (start << 32 | count), keyed by the FNV hash of the folded word
    /// (salted for capitalised words).
    var firstWords = HashTable64<UInt64>()
    var entryPool: [LexiconIndex.EntryRef] = []
    var known = HashTable64<Bool>()
    /// The matcher's rule lists per kind of token (see `Matcher.TypeList`): offsets into
    /// `typePool`, keyed by a hash of the token's text, kind and shape.
    var types = HashTable64<UInt32>()
    var typePool: [Int32] = []
    /// The lexicon entries each kind of token may start, which its type list points into
    /// (emptied with `typePool`).
    var typeRefs: [LexiconIndex.EntryRef] = []
    /// hunspell lemmas (folded) by the FNV hash of the word as written.
    var lemmas = HashTable64<[[UInt16]]>()
    /// Entries per table before it is emptied (memory stays bounded).
    static let limit = 200_000

    public init() {}

    func storeFirstWords(_ key: UInt64, _ refs: [LexiconIndex.EntryRef]) -> Range<Int> {
        if firstWords.count >= WordCache.limit { firstWords.removeAll(); entryPool.removeAll(keepingCapacity: true) }
        let start = entryPool.count
        entryPool += refs
        firstWords[key] = UInt64(start) << 32 | UInt64(refs.count)
        return start..<entryPool.count
    }

    func storeLemmas(_ key: UInt64, _ value: [[UInt16]]) {
        if lemmas.count >= WordCache.limit { lemmas.removeAll() }
        lemmas[key] = value
    }

    func storeKnown(_ key: UInt64, _ value: Bool) {
        if known.count >= WordCache.limit { known.removeAll() }
        known[key] = value
    }
}
