/// Finds a UTF-16 unit in a text four units at a time.
enum UnitSearch {
    /// The position of the first unit at or after `from` that equals `unit` where `mask`
    /// has bits (all of them by default), or the text's end.
    static func first(_ unit: UInt16, mask: UInt16 = 0xFFFF, in text: UnsafeBufferPointer<UInt16>, from: Int) -> Int {
        var i = from
        let n = text.count
        if let base = text.baseAddress {
            let raw = UnsafeRawPointer(base)
            let lanes: UInt64 = 0x0001_0001_0001_0001
            let pattern = UInt64(unit) &* lanes, masks = UInt64(mask) &* lanes
            while i + 4 <= n {
                // (a lane that matches becomes zero; the classic test for a zero lane)
                let v = raw.loadUnaligned(fromByteOffset: 2 * i, as: UInt64.self) & masks ^ pattern
                if (v &- lanes) & ~v & 0x8000_8000_8000_8000 != 0 { break }
                i += 4
            }
        }
        while i < n, text[i] & mask != unit { i += 1 }
        return i
    }
}
