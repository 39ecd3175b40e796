/// Lists of integers by key, stored flat (one array of items, one of offsets), so a
/// lookup is two array reads and no list is a separately counted object.
struct Postings: Sendable {
    private let offsets: [Int32]
    private let items: [Int32]

    init(_ lists: [[Int]]) {
        var offsets: [Int32] = [0]
        var items: [Int32] = []
        for l in lists {
            items += l.map(Int32.init)
            offsets.append(Int32(items.count))
        }
        self.offsets = offsets
        self.items = items
    }

    /// The items under `key`, as a range of `storage`.
    @inline(__always) func range(_ key: Int) -> Range<Int> { Int(offsets[key])..<Int(offsets[key + 1]) }
    var storage: [Int32] { items }
}
