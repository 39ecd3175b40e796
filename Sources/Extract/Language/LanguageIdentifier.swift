/// Tells bg, pl, en and other apart per paragraph and per document, from the script
/// share, letters that belong to one language (ъ; ą ę ł ń ś ź ż) and frequent function words.
public struct LanguageIdentifier: Sendable {
    /// Function words by FNV hash of their folded form; the value has one bit per language
    /// (bit 0 bg, 1 pl, 2 en).
    private let functionWords: HashTable64<UInt8>
    private static let ordered: [Language] = [.bg, .pl, .en]

    public init(data: SegmentationData) {
        var table = HashTable64<UInt8>()
        for (bit, lang) in LanguageIdentifier.ordered.enumerated() {
            for w in data.functionWords[lang] ?? [] {
                let h = Array(w.utf16).withUnsafeBufferPointer { Vocabulary.hash($0) }
                table[h] = (table[h] ?? 0) | UInt8(1 << bit)
            }
        }
        functionWords = table
    }

    struct Evidence {
        var cyrillic = 0, latin = 0
        var bgLetters = 0, ruLetters = 0, plLetters = 0
        /// Function words seen, per language in `LanguageIdentifier.ordered` order.
        var words = (0, 0, 0)
        var start = 0, end = 0
        /// The two languages the script leaves (bg and other, or pl and en), with their scores.
        var scores: (first: (Language, Double), second: (Language, Double)) {
            if cyrillic >= latin {
                return ((.bg, Double(words.0) * 2 + Double(bgLetters) * 0.5), (.other, Double(ruLetters) * 1.5))
            }
            return ((.pl, Double(words.1) * 2 + Double(plLetters)), (.en, Double(words.2) * 2))
        }
    }

    /// Sets `doc.languages` (one span per paragraph) and `doc.language`.
    public func identify(_ doc: inout Document) {
        var paragraphs: [Evidence] = []
        paragraphs.reserveCapacity(16)
        var current = Evidence()
        var started = false
        LanguageIdentifier.letterCounts.withUnsafeBufferPointer { letterCounts in
        doc.folded.withUnsafeBufferPointer { folded in
            for t in doc.tokens {
                if t.shape.contains(.paragraphStart), started {
                    paragraphs.append(current)
                    current = Evidence()
                    current.start = Int(t.start)
                }
                if !started { current.start = Int(t.start); started = true }
                current.end = Int(t.end)
                guard t.kind == .word || t.kind == .abbreviation else { continue }
                let key = UnsafeBufferPointer(rebasing: folded[Int(t.foldStart)..<Int(t.foldEnd)])
                // (per unit, its letter classes from a table, summed in packed counters that
                // are emptied every 255 units, before the narrowest can overflow; a unit past
                // the table reads its last entry, which counts nothing)
                let last = Int(LanguageIdentifier.letterTableSize)
                var i = 0
                while i < key.count {
                    let stop = min(key.count, i + 255)
                    var counts: UInt64 = 0
                    while i < stop { counts &+= letterCounts[min(Int(key[i]), last)]; i += 1 }
                    current.cyrillic += Int(counts & 0xFFFF)
                    current.latin += Int(counts >> 16 & 0xFFFF)
                    current.bgLetters += Int(counts >> 32 & 0xFF)
                    current.ruLetters += Int(counts >> 40 & 0xFF)
                    current.plLetters += Int(counts >> 48 & 0xFF)
                }
                if t.length <= 6, let bits = functionWords[Vocabulary.hash(key)] {
                    current.words.0 += Int(bits & 1)
                    current.words.1 += Int(bits >> 1 & 1)
                    current.words.2 += Int(bits >> 2 & 1)
                }
            }
        }
        }
        if started { paragraphs.append(current) }

        // Document language: evidence summed over all paragraphs.
        var total = Evidence()
        for p in paragraphs {
            total.cyrillic += p.cyrillic; total.latin += p.latin
            total.bgLetters += p.bgLetters; total.ruLetters += p.ruLetters; total.plLetters += p.plLetters
            total.words.0 += p.words.0; total.words.1 += p.words.1; total.words.2 += p.words.2
        }
        let (docLang, _) = LanguageIdentifier.decide(total, fallback: .other)
        doc.language = docLang
        doc.languages = paragraphs.compactMap { p in
            guard p.cyrillic + p.latin > 0 else { return nil }
            let (lang, conf) = LanguageIdentifier.decide(p, fallback: docLang)
            return LanguageSpan(span: Span(p.start, p.end), language: lang, confidence: conf)
        }
        // Merge neighbouring paragraphs of one language into one span.
        var merged: [LanguageSpan] = []
        merged.reserveCapacity(doc.languages.count)
        for s in doc.languages {
            if var last = merged.last, last.language == s.language {
                let a = Double(last.span.end - last.span.start), b = Double(s.span.end - s.span.start)
                last.confidence = (last.confidence * a + s.confidence * b) / max(1, a + b)
                last.span.end = s.span.end
                merged[merged.count - 1] = last
            } else {
                merged.append(s)
            }
        }
        for i in merged.indices { merged[i].confidence = (merged[i].confidence * 100).rounded() / 100 }
        doc.languages = merged
    }

    /// Per folded unit up to `letterTableSize` (which counts nothing), what it counts
    /// towards, as packed counters:
    /// Cyrillic (bits 0–15), Latin (16–31), Bulgarian-only letters ъ ѝ (32–39), Russian and
    /// Ukrainian ones ы э ё і ї є (40–47), Polish ones ą ę ł ń ś ź ż ć (48–55).
    static let letterTableSize: UInt16 = 0x460
    static let letterCounts: [UInt64] = (0...Int(letterTableSize)).map { u in
        switch u {
        case 0x44A, 0x45D: return 1 | 1 << 32
        case 0x44B, 0x44D, 0x451, 0x456, 0x457, 0x454: return 1 | 1 << 40
        case 0x430...0x45F: return 1
        case 0x61...0x7A: return 1 << 16
        case 0x105, 0x119, 0x142, 0x144, 0x15B, 0x17A, 0x17C, 0x107: return 1 << 16 | 1 << 48
        case 0xC0...0x24F: return 1 << 16
        default: return 0
        }
    }

    /// The language of some evidence and a confidence in 0...1; weak evidence falls back
    /// to `fallback` when the script agrees with it.
    static func decide(_ e: Evidence, fallback: Language) -> (Language, Double) {
        let letters = e.cyrillic + e.latin
        guard letters > 0 else { return (fallback, 0) }
        let scriptShare = Double(max(e.cyrillic, e.latin)) / Double(letters)
        let (a, b) = e.scores
        let sum = a.1 + b.1
        // The higher score; on a tie, the language whose code sorts first.
        let best = b.1 > a.1 || (b.1 == a.1 && b.0.rawValue < a.0.rawValue) ? b : a
        let fallbackFits = (e.cyrillic >= e.latin) == (fallback == .bg || fallback == .other)
        if sum < 2 || best.1 == 0 {
            // Too little to tell: a short headline takes the document's language if the script fits.
            if fallback != .other && fallbackFits { return (fallback, (0.5 * scriptShare * 100).rounded() / 100) }
            return (e.cyrillic >= e.latin ? .bg : .other, 0.3)
        }
        let share = best.1 / sum
        return (best.0, min(1, scriptShare * (0.5 + 0.5 * share) * min(1, sum / 6)))
    }
}
