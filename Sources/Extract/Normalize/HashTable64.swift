/// An open-addressing table keyed by 64-bit hashes the caller already computed (FNV-1a of
/// folded text): no second hashing on the hot path, unlike `Dictionary` and `Set`.
/// Key 0 is reserved for empty slots (a real key of 0 is stored as 1).
public struct HashTable64<Value>: @unchecked Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private var mask: Int
    public private(set) var count = 0

    public init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Value?](repeating: nil, count: size)
        mask = size - 1
    }

    @inline(__always) static func slotKey(_ k: UInt64) -> UInt64 { k == 0 ? 1 : k }

    /// The value stored under `key`, or nil.
    @inline(__always)
    public subscript(key: UInt64) -> Value? {
        get {
            let k = HashTable64.slotKey(key)
            var i = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
            while true {
                let s = keys[i]
                if s == k { return values[i] }
                if s == 0 { return nil }
                i = (i + 1) & mask
            }
        }
        set {
            guard let newValue else { return }
            if (count + 1) * 2 > keys.count { grow() }
            let k = HashTable64.slotKey(key)
            var i = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
            while keys[i] != 0 && keys[i] != k { i = (i + 1) & mask }
            if keys[i] == 0 { count += 1 }
            keys[i] = k
            values[i] = newValue
        }
    }

    @inline(__always)
    public func contains(_ key: UInt64) -> Bool { self[key] != nil }

    public var isEmpty: Bool { count == 0 }

    /// Removes everything, keeping the capacity.
    public mutating func removeAll() {
        for i in keys.indices { keys[i] = 0; values[i] = nil }
        count = 0
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Value?](repeating: nil, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (i, k) in oldKeys.enumerated() where k != 0 { self[k] = oldValues[i] }
    }
}
