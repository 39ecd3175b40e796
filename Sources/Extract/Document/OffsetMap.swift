/// Maps UTF-16 offsets of a text to Unicode code point offsets (Python `str` indices).
///
/// Most news text has no characters outside the BMP, so the map is the identity and
/// stores nothing; otherwise it keeps the sorted positions of surrogate pairs.
public struct OffsetMap: Sendable {
    /// UTF-16 offsets at which a surrogate pair starts, ascending.
    let pairStarts: [Int32]

    public init(utf16 units: UnsafeBufferPointer<UInt16>) {
        var starts: [Int32] = []
        var i = 0
        let n = units.count
        let raw = units.baseAddress.map(UnsafeRawPointer.init)
        while i < n {
            // Four units at a time while none is a high surrogate (a lane of them masked
            // with 0xFC00 and compared with 0xD800 becomes zero).
            if let raw {
                while i + 4 <= n {
                    let v = raw.loadUnaligned(fromByteOffset: 2 * i, as: UInt64.self) & 0xFC00_FC00_FC00_FC00 ^ 0xD800_D800_D800_D800
                    if (v &- 0x0001_0001_0001_0001) & ~v & 0x8000_8000_8000_8000 != 0 { break }
                    i += 4
                }
                if i >= n { break }
            }
            if units[i] & 0xFC00 == 0xD800, i + 1 < n, units[i + 1] & 0xFC00 == 0xDC00 {
                starts.append(Int32(i))
                i += 2
            } else {
                i += 1
            }
        }
        pairStarts = starts
    }

    /// The code point index of UTF-16 offset `u` (which must not split a pair).
    @inline(__always)
    public func codePoint(_ u: Int) -> Int {
        if pairStarts.isEmpty { return u }
        // Pairs starting strictly before u each contribute one extra unit.
        var lo = 0, hi = pairStarts.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if Int(pairStarts[mid]) < u { lo = mid + 1 } else { hi = mid }
        }
        return u - lo
    }

    /// The UTF-16 offset of code point index `c`.
    public func utf16(_ c: Int) -> Int {
        if pairStarts.isEmpty { return c }
        var u = c
        for p in pairStarts {
            if Int(p) < u { u += 1 } else { break }
        }
        return u
    }
}
