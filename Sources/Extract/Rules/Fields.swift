/// The fields of one record a rule produced, as a short list of pairs: a record has a
/// handful of fields with short names, and a linear search comparing small strings is
/// much cheaper than hashing them for a dictionary.
public struct Fields: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    public typealias Element = (key: String, value: String)
    /// A named pair type, not a tuple: an array of tuples looks its type up at run time
    /// each time it allocates.
    fileprivate struct Pair: Sendable {
        var key: String
        var value: String
    }
    private var pairs: [Pair] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, String)...) {
        for (k, v) in elements { self[k] = v }
    }

    /// The value of field `key`; setting nil removes it.
    public subscript(key: String) -> String? {
        get {
            // (the byte count first: it is stored in the string, and most keys differ in it)
            let count = key.utf8.count
            for p in pairs where p.key.utf8.count == count && p.key == key { return p.value }
            return nil
        }
        set {
            if let i = pairs.firstIndex(where: { $0.key == key }) {
                if let newValue { pairs[i].value = newValue } else { pairs.remove(at: i) }
            } else if let newValue {
                pairs.append(Pair(key: key, value: newValue))
            }
        }
    }

    /// Adds a field whose key is not there yet (a rule record's keys are unique), with no search.
    mutating func add(_ key: String, _ value: String) { pairs.append(Pair(key: key, value: value)) }

    public struct Iterator: IteratorProtocol {
        fileprivate var base: IndexingIterator<[Pair]>
        public mutating func next() -> Element? { base.next().map { ($0.key, $0.value) } }
    }

    public func makeIterator() -> Iterator { Iterator(base: pairs.makeIterator()) }
}
