/// An open-addressing table keyed by 64-bit hashes the caller already computed (FNV-1a of
/// folded text): no second hashing on the hot path, unlike `Dictionary` and `Set`.
/// Key 0 is reserved for empty slots (a real key of 0 is stored as 1).
public struct HashTable64<Value>: @unchecked Sendable {
    /// Key and value side by side, so a probe touches one cache line.
    private struct Slot {
        var key: UInt64
        var value: Value?
    }

    private var slots: [Slot]
    private var mask: Int
    public private(set) var count = 0

    public init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(key: 0, value: nil), count: size)
        mask = size - 1
    }

    @inline(__always) static func slotKey(_ k: UInt64) -> UInt64 { k == 0 ? 1 : k }

    /// The value stored under `key`, or nil.
    @inline(__always)
    public subscript(key: UInt64) -> Value? {
        get {
            let k = HashTable64.slotKey(key)
            var i = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
            return slots.withUnsafeBufferPointer { slots in
                while true {
                    let s = slots[i].key
                    if s == k { return slots[i].value }
                    if s == 0 { return nil }
                    i = (i + 1) & mask
                }
            }
        }
        set {
            guard let newValue else { return }
            if (count + 1) * 2 > slots.count { grow() }
            let k = HashTable64.slotKey(key)
            var i = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
            while slots[i].key != 0 && slots[i].key != k { i = (i + 1) & mask }
            if slots[i].key == 0 { count += 1 }
            slots[i] = Slot(key: k, value: newValue)
        }
    }

    @inline(__always)
    public func contains(_ key: UInt64) -> Bool { self[key] != nil }

    public var isEmpty: Bool { count == 0 }

    /// Removes everything, keeping the capacity.
    public mutating func removeAll() {
        for i in slots.indices { slots[i] = Slot(key: 0, value: nil) }
        count = 0
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(key: 0, value: nil), count: old.count * 2)
        mask = slots.count - 1
        count = 0
        for s in old where s.key != 0 { self[s.key] = s.value }
    }
}
