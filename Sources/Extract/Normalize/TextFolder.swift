import ICU

/// Builds folded match keys: NFKC_Casefold with typographic variants unified.
///
/// - „“”«»‚‘’, the primes ′ ″ (typed for quotes and apostrophes) and " become `"`;
///   –—‒− become `-`; NBSP, thin and narrow spaces become a space;
/// - soft hyphen, zero-width space and joiners are removed;
/// - stress accents (U+0300, U+0301) on Cyrillic vowels are removed;
/// - in a word that mixes Cyrillic and Latin letters (confirmed by ICU's spoof checker),
///   look-alike letters of the minority script are replaced by the majority script's.
///
/// The original is never changed: folding appends to a buffer and can report, for each
/// folded unit, the UTF-16 offset in the original it came from.
public final class TextFolder {
    private let spoof: SpoofChecker
    private var scratch: [UInt16] = []
    private var chunk: [UInt16] = []

    public init() throws { spoof = try SpoofChecker() }

    /// Folds `units[range]` (a token), appending the key to `out`. When `map` is given, appends
    /// for each folded unit the UTF-16 offset in `units` it came from. Returns whether the
    /// word mixed scripts and was repaired.
    @discardableResult
    public func fold(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, into out: inout [UInt16],
                     map: UnsafeMutablePointer<[Int]>? = nil) -> Bool {
        // Fast path: letters whose case folding is one unit and needs no normalisation.
        var simple = true
        var hasCyr = false, hasLat = false
        for i in range {
            let u = units[i]
            if !TextFolder.foldsAlone(u) { simple = false; continue }
            if u >= 0x400 && u <= 0x45F { hasCyr = true } else if (u | 0x20) >= 0x61 && (u | 0x20) <= 0x7A || u >= 0xC0 { hasLat = true }
        }
        let repaired = hasCyr && hasLat && repairMixedScript(units, range)
        if simple && !repaired {
            for i in range { out.append(TextFolder.simpleFold(units[i])) }
            if let map { for i in range { map.pointee.append(i) } }
            return false
        }
        if !repaired {
            chunk.removeAll(keepingCapacity: true)
            chunk.append(contentsOf: units[range])
        }
        let before = out.count
        chunk.withUnsafeBufferPointer { src in
            if map == nil {
                scratch.removeAll(keepingCapacity: true)
                prefold(src, 0..<src.count)
                scratch.withUnsafeBufferPointer { Normalizer.nfkcCasefold.normalize($0, appendingTo: &out) }
                return
            }
            // Chunk by normalisation boundaries so each folded unit maps to its source chunk.
            var i = 0
            while i < src.count {
                var j = i + 1
                while j < src.count && (src[j] & 0xFC00 == 0xDC00 || !Normalizer.nfkcCasefold.hasBoundaryBefore(UInt32(src[j]))) { j += 1 }
                scratch.removeAll(keepingCapacity: true)
                prefold(src, i..<j)
                let n0 = out.count
                scratch.withUnsafeBufferPointer { Normalizer.nfkcCasefold.normalize($0, appendingTo: &out) }
                for _ in n0..<out.count { map!.pointee.append(range.lowerBound + i) }
                i = j
            }
        }
        // NFKC may yield ASCII quote variants; unify them too.
        for i in before..<out.count where out[i] == 0x27 || out[i] == 0x60 { out[i] = 0x22 }
        return repaired
    }

    /// Folds a whole text, returning the folded units and for each the UTF-16 offset in
    /// the original it came from; `map` has one more entry, `units.count`.
    public func foldWithMap(_ units: UnsafeBufferPointer<UInt16>) -> (folded: [UInt16], map: [Int]) {
        var folded: [UInt16] = []
        var map: [Int] = []
        guard let words = try? BreakIterator(.word) else { return ([], []) }
        var start = 0
        try? words.forEachBoundary(units) { end, _ in
            withUnsafeMutablePointer(to: &map) { m in _ = fold(units, start..<end, into: &folded, map: m) }
            start = end
        }
        map.append(units.count)
        return (folded, map)
    }

    /// Applies the typographic mapping and removals ahead of NFKC_Casefold into `scratch`.
    private func prefold(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) {
        var prev: UInt16 = 0
        for i in range {
            let u = units[i]
            switch u {
            case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
                continue
            case 0x0300 where TextFolder.isCyrillicVowel(prev), 0x0301 where TextFolder.isCyrillicVowel(prev):
                continue
            case 0x201E, 0x201C, 0x201D, 0x00AB, 0x00BB, 0x201A, 0x2018, 0x2019, 0x0027, 0x0060, 0x2032, 0x2033:
                scratch.append(0x22)
            case 0x2013, 0x2014, 0x2012, 0x2212:
                scratch.append(0x2D)
            case 0x00A0, 0x2009, 0x202F, 0x2007, 0x2002...0x2008, 0x200A:
                scratch.append(0x20)
            default:
                scratch.append(u)
            }
            prev = u
        }
    }

    /// Replaces look-alike letters of the minority script, writing the word to `chunk`.
    private func repairMixedScript(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Bool {
        let word = UnsafeBufferPointer(rebasing: units[range])
        guard spoof.isMixedScript(word) else { return false }
        var cyr = 0, lat = 0
        for u in word {
            if u >= 0x400 && u <= 0x4FF { cyr += 1 } else if (u | 0x20) >= 0x61 && (u | 0x20) <= 0x7A { lat += 1 }
        }
        chunk.removeAll(keepingCapacity: true)
        let toCyrillic = cyr >= lat
        var changed = false
        for u in word {
            let m = toCyrillic ? TextFolder.latinToCyrillic(u) : TextFolder.cyrillicToLatin(u)
            if m != u { changed = true }
            chunk.append(m)
        }
        return changed
    }

    static func isCyrillicVowel(_ u: UInt16) -> Bool {
        switch u | 0x20 {
        case 0x430, 0x435, 0x438, 0x43E, 0x443, 0x44A, 0x44E, 0x44F: return true
        default: break
        }
        switch u {
        case 0x410, 0x415, 0x418, 0x41E, 0x423, 0x42A, 0x42E, 0x42F, 0x44D, 0x42D, 0x44B, 0x42B, 0x451, 0x401, 0x456, 0x406: return true
        default: return false
        }
    }

    /// Case folding for units the fast path admits (ASCII, Latin-1, Latin Extended-A, basic Cyrillic).
    /// Whether `u` folds to `simpleFold(u)` with no normalisation and no unification: ASCII
    /// but the apostrophes, basic Cyrillic, and the Latin-1 and Latin Extended-A letters
    /// whose case folding is one unit.
    @inline(__always)
    static func foldsAlone(_ u: UInt16) -> Bool {
        if u < 0x80 { return u != 0x27 && u != 0x60 }
        if u >= 0x400 && u <= 0x45F { return true }
        return u >= 0xC0 && u <= 0x17F && u != 0xDF && u != 0x130 && u != 0x149 && u != 0x17F && u != 0xD7 && u != 0xF7
    }

    @inline(__always)
    static func simpleFold(_ u: UInt16) -> UInt16 {
        if u < 0x80 {
            if u >= 0x41 && u <= 0x5A { return u + 0x20 }
            return u
        }
        if u >= 0x410 && u <= 0x42F { return u + 0x20 }
        if u >= 0x400 && u <= 0x40F { return u + 0x50 }
        if u >= 0xC0 && u <= 0xDE { return u + 0x20 }
        if u >= 0x100 && u <= 0x137 || u >= 0x14A && u <= 0x177 { return u | 1 }
        if u >= 0x139 && u <= 0x148 || u >= 0x179 && u <= 0x17E { return (u & 1) == 1 ? u + 1 : u }
        if u == 0x178 { return 0xFF }
        return u
    }

    static func latinToCyrillic(_ u: UInt16) -> UInt16 {
        switch u {
        case 0x61: 0x430; case 0x6F: 0x43E; case 0x65: 0x435; case 0x63: 0x441; case 0x70: 0x440
        case 0x78: 0x445; case 0x79: 0x443; case 0x69: 0x456; case 0x6B: 0x43A
        case 0x41: 0x410; case 0x4F: 0x41E; case 0x45: 0x415; case 0x43: 0x421; case 0x50: 0x420
        case 0x58: 0x425; case 0x59: 0x423; case 0x4B: 0x41A; case 0x4D: 0x41C; case 0x48: 0x41D
        case 0x54: 0x422; case 0x42: 0x412; case 0x49: 0x406
        default: u
        }
    }

    static func cyrillicToLatin(_ u: UInt16) -> UInt16 {
        switch u {
        case 0x430: 0x61; case 0x43E: 0x6F; case 0x435: 0x65; case 0x441: 0x63; case 0x440: 0x70
        case 0x445: 0x78; case 0x443: 0x79; case 0x456: 0x69; case 0x43A: 0x6B; case 0x455: 0x73; case 0x458: 0x6A; case 0x4BB: 0x68
        case 0x410: 0x41; case 0x41E: 0x4F; case 0x415: 0x45; case 0x421: 0x43; case 0x420: 0x50
        case 0x425: 0x58; case 0x423: 0x59; case 0x41A: 0x4B; case 0x41C: 0x4D; case 0x41D: 0x48
        case 0x422: 0x54; case 0x412: 0x42; case 0x406: 0x49
        default: u
        }
    }

    /// The folded key of a string (for rule loading and tests; not for hot paths).
    public func key(_ s: String) -> String {
        let units = Array(s.utf16)
        var out: [UInt16] = []
        units.withUnsafeBufferPointer { _ = fold($0, 0..<$0.count, into: &out) }
        return UTF.string(out)
    }
}
