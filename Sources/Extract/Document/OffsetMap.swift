/// Maps UTF-16 offsets of a text to Unicode code point offsets (Python `str` indices).
///
/// Most news text has no characters outside the BMP, so the map is the identity and
/// stores nothing; otherwise it keeps the sorted positions of surrogate pairs.
public struct OffsetMap: Sendable {
    /// UTF-16 offsets at which a surrogate pair starts, ascending.
    let pairStarts: [Int32]

    public init(utf16 units: UnsafeBufferPointer<UInt16>) {
        var starts: [Int32] = []
        let n = units.count
        // (from one high surrogate to the next)
        var i = UnitSearch.first(0xD800, mask: 0xFC00, in: units, from: 0)
        while i < n {
            if i + 1 < n, units[i + 1] & 0xFC00 == 0xDC00 {
                starts.append(Int32(i))
                i += 2
            } else {
                i += 1
            }
            i = UnitSearch.first(0xD800, mask: 0xFC00, in: units, from: i)
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
