/// FNV-1a, the 64-bit hash the word tables use (abbreviations, lexicon forms and prefixes,
/// base-form caches): a value is added unit by unit, so a hash can be built while a text is
/// read, without a string.
enum FNV1a {
    /// The offset basis every hash starts from.
    static let seed: UInt64 = 0xcbf29ce484222325

    /// Hash `h` with value `v` (a UTF-16 unit, a byte, or another hash) added.
    @inline(__always) static func add(_ h: UInt64, _ v: UInt64) -> UInt64 { (h ^ v) &* 0x100000001b3 }

    /// The hash of `s`'s UTF-8 bytes; stable across runs and machines.
    static func hash(utf8 s: String) -> UInt64 {
        var s = s
        return s.withUTF8 { bytes in
            var h = seed
            for b in bytes { h = add(h, UInt64(b)) }
            return h
        }
    }
}
