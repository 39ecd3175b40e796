import ICU
/// Interns folded keys: every literal and lexicon form the rules know gets an id, so a
/// token's folded key is looked up once and compared as an integer afterwards.
public struct Vocabulary: Sendable {
    private var ids = HashTable64<Int32>()
    private var keys: [[UInt16]] = []

    public init() {}

    public var count: Int { keys.count }

    @inline(__always)
    static func hash(_ units: UnsafeBufferPointer<UInt16>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for u in units { h = (h ^ UInt64(u)) &* 0x100000001b3 }
        return h
    }

    /// The id of a folded key, adding it when new.
    public mutating func intern(_ key: [UInt16]) -> Int32 {
        let h = key.withUnsafeBufferPointer { Vocabulary.hash($0) }
        if let id = ids[h] {
            precondition(keys[Int(id)] == key, "vocabulary hash collision")
            return id
        }
        let id = Int32(keys.count)
        ids[h] = id
        keys.append(key)
        return id
    }

    /// The id of a folded key, or -1.
    @inline(__always)
    public func id(_ units: UnsafeBufferPointer<UInt16>) -> Int32 {
        id(units, hash: Vocabulary.hash(units))
    }

    /// The id of a folded key whose `hash` the caller computed, or -1.
    @inline(__always)
    public func id(_ units: UnsafeBufferPointer<UInt16>, hash: UInt64) -> Int32 {
        guard let id = ids[hash] else { return -1 }
        return keys[Int(id)].withUnsafeBufferPointer { Vocabulary.equal($0, units) } ? id : -1
    }

    /// Whether two unit sequences are equal (a plain loop: the generic `elementsEqual`
    /// is not specialised on this path).
    @inline(__always)
    static func equal(_ a: UnsafeBufferPointer<UInt16>, _ b: UnsafeBufferPointer<UInt16>) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<a.count where a[i] != b[i] { return false }
        return true
    }

    /// The folded key of an id.
    public func key(_ id: Int32) -> String { UTF.string(keys[Int(id)]) }
}
