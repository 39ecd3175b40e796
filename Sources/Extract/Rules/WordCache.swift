/// What one worker has learnt about words, kept across its documents: which lexicon
/// entries a word is an inflected first word of, and whether hunspell knows it. Words
/// repeat from document to document, so each distinct word is looked up once. One per
/// worker and language (not thread-safe); bounded in size.
public final class WordCache {
    /// Keyed by the FNV hash of the folded word (salted for capitalised words).
    var inflected = HashTable64<[LexiconIndex.EntryRef]>()
    var known = HashTable64<Bool>()
    /// Entries per table before it is emptied (memory stays bounded).
    static let limit = 200_000

    public init() {}

    func store(_ key: UInt64, _ refs: [LexiconIndex.EntryRef]) {
        if inflected.count >= WordCache.limit { inflected.removeAll() }
        inflected[key] = refs
    }

    func storeKnown(_ key: UInt64, _ value: Bool) {
        if known.count >= WordCache.limit { known.removeAll() }
        known[key] = value
    }
}
