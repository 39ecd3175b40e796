/// Decides whether an inflected word is a form of a dictionary word, for one language.
///
/// Two words match when they are equal after folding, or when they share a stem and
/// differ only in endings the language uses for inflection (Bulgarian definite articles
/// -ът/-ят/-та/-то/-те, Polish case endings), or when hunspell gives the dictionary word
/// as a lemma of the inflected one ("Krakowie" → "Kraków").
public struct InflectionMatcher: Sendable {
    public let language: Language
    private let inflected: Set<[UInt16]>
    private let base: Set<[UInt16]>
    /// Stem alternations: (dictionary-form ending, inflected ending), as in Brexit → Brexicie.
    private let alternations: Set<[UInt16]>
    private let lemmatizer: Lemmatizer?

    public init(language: Language, lemmatizer: Lemmatizer?) {
        self.language = language
        self.lemmatizer = lemmatizer
        let endings: ([String], [String])
        switch language {
        case .bg:
            endings = (["", "а", "я", "о", "е", "и", "ът", "ят", "та", "то", "те", "ия", "ията", "ите", "ове", "овете", "ища", "ата", "ото", "ия", "ия", "ия"],
                       ["", "а", "я", "о", "е", "и", "ия", "ий"])
        case .pl:
            endings = (["", "a", "u", "owi", "em", "ie", "e", "y", "i", "ą", "ę", "om", "ami", "ach", "ów", "ego", "emu", "ym", "im", "ej", "ych", "ich", "ymi", "imi", "o", "ii", "ji", "ią", "iu", "ia",
                        "iego", "iemu", "iej", "owie", "owa", "owej", "ową"],
                       ["", "a", "o", "e", "y", "i", "ia", "ie", "ja", "um"])
        case .en, .other:
            endings = (["", "s", "'s", "es"], [""])
        }
        inflected = Set(endings.0.map { Array($0.utf16) })
        base = Set(endings.1.map { Array($0.utf16) })
        let pairs = language == .pl
            ? ["t>cie", "d>dzie", "st>ście", "r>rze", "ł>le", "ka>ce", "ga>dze", "cha>sze", "ta>cie", "da>dzie", "ra>rze", "ła>le", "sta>ście", "ec>ca", "ec>cu", "ek>ku", "ek>ka"]
            : []
        alternations = Set(pairs.map { Array($0.utf16) })
    }

    /// The shortest common stem a match needs.
    static let minimumStem = 3

    /// Whether folded `word` (as written in the text: `original`) is a form of folded `entry`.
    public func matches(_ word: UnsafeBufferPointer<UInt16>, original: () -> String, entry: [UInt16]) -> Bool {
        if word.elementsEqual(entry) { return true }
        var common = 0
        let n = min(word.count, entry.count)
        while common < n && word[common] == entry[common] { common += 1 }
        guard common >= InflectionMatcher.minimumStem, common >= entry.count - 3, word.count - common <= 5 else { return false }
        // Try every stem length down from the common prefix: "bałtyck|iego" ~ "bałtyck|ie".
        var p = common
        while p >= max(InflectionMatcher.minimumStem, entry.count - 4) {
            let wordEnd = Array(word[p...]), entryEnd = Array(entry[p...])
            if wordEnd.count <= 5 {
                if inflected.contains(wordEnd) && base.contains(entryEnd) { return true }
                if !alternations.isEmpty, alternations.contains(entryEnd + [0x3E] + wordEnd) { return true }
            }
            p -= 1
        }
        guard let lemmatizer else { return false }
        for lemma in lemmatizer.lemmas(original()) {
            let folded = lemma.utf16.map(TextFolder.simpleFold)
            if folded.elementsEqual(entry) { return true }
        }
        return false
    }
}
