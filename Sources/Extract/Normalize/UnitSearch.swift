/// Finds a UTF-16 unit in a text four units at a time.
enum UnitSearch {
    /// The position of the first `unit` at or after `from`, or the text's end.
    static func first(_ unit: UInt16, in text: UnsafeBufferPointer<UInt16>, from: Int) -> Int {
        var i = from
        let n = text.count
        if let base = text.baseAddress {
            let raw = UnsafeRawPointer(base)
            let pattern = UInt64(unit) &* 0x0001_0001_0001_0001
            while i + 4 <= n {
                // (a lane equal to `unit` becomes zero; the classic test for a zero lane)
                let v = raw.loadUnaligned(fromByteOffset: 2 * i, as: UInt64.self) ^ pattern
                if (v &- 0x0001_0001_0001_0001) & ~v & 0x8000_8000_8000_8000 != 0 { break }
                i += 4
            }
        }
        while i < n, text[i] != unit { i += 1 }
        return i
    }
}
