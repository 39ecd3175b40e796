/// Lists of items by key, stored flat (one array of items, one of offsets), so a lookup is
/// two array reads and no list is a separately counted object.
struct Postings<Item: Sendable>: Sendable {
    private let offsets: [Int32]
    let storage: [Item]

    init(_ lists: [[Item]]) {
        var offsets: [Int32] = [0]
        var items: [Item] = []
        for l in lists {
            items += l
            offsets.append(Int32(items.count))
        }
        self.offsets = offsets
        storage = items
    }

    /// The items under `key`, as a range of `storage`.
    @inline(__always) func range(_ key: Int) -> Range<Int> { Int(offsets[key])..<Int(offsets[key + 1]) }
}

extension Postings where Item == Int32 {
    /// Lists of indices, stored as 32-bit integers.
    init(_ lists: [[Int]]) { self.init(lists.map { $0.map(Int32.init) }) }
}
