import ICU
/// Interns folded keys: every literal and lexicon form the rules know gets an id, so a
/// token's folded key is looked up once and compared as an integer afterwards.
///
/// Looked up for every token, so kept compact: an open-addressing table of 8-byte slots
/// (the upper 40 bits of the key's hash and the id) and all keys in one array of units.
public struct Vocabulary: Sendable {
    private var slots = [UInt64](repeating: 0, count: 1024)
    /// One bit per hash value (the hash's top 18 bits): most tokens are in no rule or
    /// lexicon, and this 32 KB filter says so without touching the table.
    private var filter = [UInt64](repeating: 0, count: 1 << 12)
    private var units: [UInt16] = []
    /// Key k is `units[offsets[k]..<offsets[k + 1]]`.
    private var offsets: [Int32] = [0]

    public init() {}

    public var count: Int { offsets.count - 1 }

    @inline(__always)
    static func hash(_ units: UnsafeBufferPointer<UInt16>) -> UInt64 {
        var h = FNV1a.seed
        for u in units { h = FNV1a.add(h, UInt64(u)) }
        return h
    }

    private static let idBits: UInt64 = 24

    /// The id of a folded key, adding it when new.
    public mutating func intern(_ key: [UInt16]) -> Int32 {
        let existing = key.withUnsafeBufferPointer { id($0) }
        if existing >= 0 { return existing }
        if (count + 1) * 2 > slots.count { grow() }
        let newID = Int32(count)
        precondition(UInt64(newID) + 1 < 1 << Vocabulary.idBits, "vocabulary too large")
        units += key
        offsets.append(Int32(units.count))
        place(key.withUnsafeBufferPointer { Vocabulary.hash($0) }, newID)
        return newID
    }

    private mutating func place(_ hash: UInt64, _ id: Int32) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = (hash >> Vocabulary.idBits) << Vocabulary.idBits | (UInt64(id) + 1)
        let bit = Int(hash >> 46)
        filter[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        for k in 0..<count {
            let h = units.withUnsafeBufferPointer { Vocabulary.hash(UnsafeBufferPointer(rebasing: $0[Int(offsets[k])..<Int(offsets[k + 1])])) }
            place(h, Int32(k))
        }
    }

    /// The id of a folded key, or -1.
    @inline(__always)
    public func id(_ units: UnsafeBufferPointer<UInt16>) -> Int32 {
        id(units, hash: Vocabulary.hash(units))
    }

    /// The id of a folded key whose `hash` the caller computed, or -1.
    @inline(__always)
    public func id(_ key: UnsafeBufferPointer<UInt16>, hash: UInt64) -> Int32 {
        let bit = Int(hash >> 46)
        if filter.withUnsafeBufferPointer({ $0[bit >> 6] }) & (1 << UInt64(bit & 63)) == 0 { return -1 }
        let tag = hash >> Vocabulary.idBits
        let idMask: UInt64 = (1 << Vocabulary.idBits) - 1
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: hash) & mask
            while true {
                let s = slots[i]
                if s == 0 { return -1 }
                if s >> Vocabulary.idBits == tag {
                    let id = Int(s & idMask) - 1
                    let same = units.withUnsafeBufferPointer {
                        Vocabulary.equal(UnsafeBufferPointer(rebasing: $0[Int(offsets[id])..<Int(offsets[id + 1])]), key)
                    }
                    if same { return Int32(id) }
                }
                i = (i + 1) & mask
            }
        }
    }

    /// Whether two unit sequences are equal (a plain loop: the generic `elementsEqual`
    /// is not specialised on this path).
    @inline(__always)
    static func equal(_ a: UnsafeBufferPointer<UInt16>, _ b: UnsafeBufferPointer<UInt16>) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<a.count where a[i] != b[i] { return false }
        return true
    }

    /// Calls `body` with every key.
    func forEachKey(_ body: (UnsafeBufferPointer<UInt16>) -> Void) {
        units.withUnsafeBufferPointer { u in
            for k in 0..<count { body(UnsafeBufferPointer(rebasing: u[Int(offsets[k])..<Int(offsets[k + 1])])) }
        }
    }

    /// The folded key of an id.
    public func key(_ id: Int32) -> String { UTF.string(units[Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1])]) }
}
