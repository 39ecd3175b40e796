/// Values by name as a short list, searched in order: a rule's record has a handful of
/// fields and a match a handful of captures, and comparing small strings costs less than
/// hashing them for a dictionary.
public struct NamedList<Value: Sendable>: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    public typealias Element = (key: String, value: Value)
    /// A named pair, not a tuple: an array of tuples looks its type up at run time each time
    /// it allocates.
    fileprivate struct Item: Sendable {
        var name: String
        var value: Value
    }
    fileprivate var items: [Item] = []

    public init() {}

    /// The value at position `i` of the list.
    func value(at i: Int) -> Value { items[i].value }

    /// An empty list with room for `capacity` values (so that adding them does not regrow it).
    public init(capacity: Int) { items.reserveCapacity(capacity) }

    public init(dictionaryLiteral elements: (String, Value)...) {
        for (k, v) in elements { self[k] = v }
    }

    /// The value named `name`; setting one replaces the value of the same name, setting nil
    /// removes it.
    public subscript(name: String) -> Value? {
        get {
            // (the byte count first: it is stored in the string, and most names differ in it)
            let count = name.utf8.count
            for item in items where item.name.utf8.count == count && item.name == name { return item.value }
            return nil
        }
        set {
            if let i = items.firstIndex(where: { $0.name == name }) {
                if let newValue { items[i].value = newValue } else { items.remove(at: i) }
            } else if let newValue {
                items.append(Item(name: name, value: newValue))
            }
        }
    }

    /// Adds a value whose name is not there yet (a rule record's keys are unique), with no search.
    mutating func add(_ name: String, _ value: Value) { items.append(Item(name: name, value: value)) }

    public struct Iterator: IteratorProtocol {
        fileprivate var base: IndexingIterator<[Item]>
        public mutating func next() -> Element? { base.next().map { ($0.name, $0.value) } }
    }

    public func makeIterator() -> Iterator { Iterator(base: items.makeIterator()) }
}

/// The fields of one record a rule produced.
public typealias Fields = NamedList<String>
