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
    /// Per type list, what each predicate's per-word checks gave for its kind of token (two
    /// bits each: decided, passed; `CompiledRules.wordChecks`): filled as the matcher asks,
    /// in memory of its own so it can be written while the pool is read.
    private(set) var memo = UnsafeMutablePointer<UInt32>.allocate(capacity: 1)
    private var memoCapacity = 1
    private var memoCount = 0
    /// hunspell lemmas (folded) by the FNV hash of the word as written.
    var lemmas = HashTable64<[[UInt16]]>()
    /// Entries per table before it is emptied (memory stays bounded).
    static let limit = 200_000

    public init() {}

    deinit { memo.deallocate() }

    /// Where `words` new zeroed memo words start.
    func addMemo(words: Int) -> Int {
        if memoCount + words > memoCapacity {
            let capacity = max(2 * memoCapacity, memoCount + words)
            let grown = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
            grown.update(from: memo, count: memoCount)
            memo.deallocate()
            memo = grown
            memoCapacity = capacity
        }
        (memo + memoCount).initialize(repeating: 0, count: words)
        memoCount += words
        return memoCount - words
    }

    /// Empties the type lists and what hangs on them.
    func removeTypes() {
        types.removeAll()
        typePool.removeAll(keepingCapacity: true)
        typeRefs.removeAll(keepingCapacity: true)
        memoCount = 0
    }

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

    /// Working arrays the matcher fills per document, kept between documents: once the
    /// worker has seen a document as long, matching one allocates none of them (a large
    /// allocation costs hundreds of instructions and memory that is cold in the cache).
    private var spare32: [[Int32]] = []
    private var spare64: [[UInt64]] = []
    private var spareFound: [[Matcher.Found]] = []
    /// Arrays larger than this are not kept (memory stays bounded).
    private static let spareLimit = 1 << 20

    /// An array of `count` copies of `value`, in memory an earlier document used.
    func int32s(_ count: Int, _ value: Int32) -> [Int32] { WordCache.take(&spare32, count, value) }
    func uint64s(_ count: Int) -> [UInt64] { WordCache.take(&spare64, count, 0) }
    /// An empty array with room for `capacity` matches.
    func found(capacity: Int) -> [Matcher.Found] {
        var a = spareFound.popLast() ?? []
        a.reserveCapacity(capacity)
        return a
    }

    /// Keeps the memory of `a` for a later document, leaving `a` empty.
    func recycle(_ a: inout [Int32]) { WordCache.keep(&spare32, &a) }
    func recycle(_ a: inout [UInt64]) { WordCache.keep(&spare64, &a) }
    func recycle(_ a: inout [Matcher.Found]) { WordCache.keep(&spareFound, &a) }

    private static func take<T>(_ spare: inout [[T]], _ count: Int, _ value: T) -> [T] {
        var a = spare.popLast() ?? []
        a.append(contentsOf: repeatElement(value, count: count))
        return a
    }

    private static func keep<T>(_ spare: inout [[T]], _ a: inout [T]) {
        var taken: [T] = []
        swap(&taken, &a)
        guard taken.capacity <= spareLimit, spare.count < 8 else { return }
        taken.removeAll(keepingCapacity: true)
        spare.append(taken)
    }
}
