/// Decides whether an inflected word is a form of a dictionary word, for one language.
///
/// Two words match when they are equal after folding, or when they share a stem and
/// differ only in endings the language uses for inflection (Bulgarian definite articles
/// -ът/-ят/-та/-то/-те, Polish case endings), or when hunspell gives the dictionary word
/// as a lemma of the inflected one ("Krakowie" → "Kraków").
public final class InflectionMatcher: Sendable {
    public let language: Language
    /// FNV hashes of the endings (hashing slices, so nothing is allocated while matching).
    private let inflected: HashTable64<Bool>
    private let base: HashTable64<Bool>
    /// Stem alternations: (dictionary-form ending, inflected ending), as in Brexit → Brexicie
    /// and Węgry → Węgrzech.
    private let alternations: HashTable64<Bool>
    /// Pairs of listed endings that are no inflection all the same, hashed as alternations and
    /// looked up with and without the stem's last unit: a Bulgarian name in -о, -а or -я
    /// keeps it ("Делчев" is a surname, not a form of Делчево; "Доминик" a given name, not
    /// a form of Доминика; "Йордан" a given name, not a form of Йордания), and a neuter one in
    /// -е never takes -а or -я ("Загора" is no form of the region Загоре); Polish writes no y after k or g
    /// ("Energy" is no form of Energa, whose genitive is "Energi"), and keeps the i or j of
    /// a noun in -ia or -ja ("Rosa" is no form of Rosja). Such a pair decides: the
    /// word is no form of the entry, whatever hunspell's lemmas say ("Warto" → Warta).
    private let excluded: HashTable64<Bool>

    /// The Polish case endings a foreign name whose last letter is not said takes after an
    /// apostrophe (Jean-Claude'a, Farage'owi, Tony'ego).
    static let polishApostropheEndings: Set<String> = ["a", "u", "owi", "em", "m", "ego", "emu", "ym", "y", "i", "e", "ie"]

    public init(language: Language) {
        self.language = language
        let endings: ([String], [String])
        switch language {
        case .bg:
            endings = (["", "а", "я", "о", "е", "и", "ът", "ят", "та", "то", "те", "ия", "ията", "ите", "ове", "овете", "ища", "ата", "ото", "ия", "ия", "ия"],
                       ["", "а", "я", "о", "е", "и", "ия", "ий"])
        case .pl:
            endings = (["", "a", "u", "owi", "em", "ie", "e", "y", "i", "ą", "ę", "om", "ami", "ach", "ów", "ego", "emu", "ym", "im", "ej", "ych", "ich", "ymi", "imi", "o", "ii", "ji", "ią", "iu", "ia",
                        // (-iem: the instrumental after k or g, rok → rokiem, Hamburg → Hamburgiem)
                        "iego", "iemu", "iej", "owie", "iem"]
                        // (after an apostrophe, folded to a quotation mark)
                        + InflectionMatcher.polishApostropheEndings.map { "\"" + $0 },
                       ["", "a", "o", "e", "y", "i", "ia", "ie", "ja", "um"])
        case .en, .other:
            endings = (["", "s", "\"s", "es"], [""])
        }
        inflected = InflectionMatcher.table(endings.0.map { InflectionMatcher.hash(Array($0.utf16)[...]) })
        base = InflectionMatcher.table(endings.1.map { InflectionMatcher.hash(Array($0.utf16)[...]) })
        let pairs = language == .pl
            ? ["t>cie", "d>dzie", "st>ście", "r>rze", "ł>le", "ka>ce", "ga>dze", "cha>sze", "ta>cie", "da>dzie", "ra>rze", "ła>le", "sta>ście", "ec>ca", "ec>cu", "ek>ku", "ek>ka",
               // (plural names in the locative: Węgry → Węgrzech, Włochy → Włoszech, Niemcy → Niemczech)
               "ry>rzech", "chy>szech", "cy>czech",
               // (ó that opens in inflection: obwód → obwodzie, Kraków → Krakowie, kościół →
               // kościoła, pokój → pokoju, wieczór → wieczoru; for words
               // hunspell is not asked about, as lower-case ones)
               "ód>odu", "ód>odzie", "ód>odem", "ód>ody", "ód>odów", "ód>odach", "ód>odami", "ód>odom",
               "ór>oru", "ór>orze", "ór>orem", "ór>ory", "ór>orów", "ór>orach", "ór>orami", "ór>orom",
               "ów>owa", "ów>owie", "ów>owem", "ów>owowi",
               "ół>oła", "ół>ole", "ół>ele", "ół>ołem", "ół>ołowi", "ół>oły", "ół>ołów", "ół>ołach", "ół>ołami", "ół>ołom",
               "ój>oju", "ój>oje", "ój>ojem", "ój>oi", "ój>ojów",
               // (a fleeting e: Paweł → Pawła, Pawłem; Marek → Markiem, Markowi)
               "eł>ła", "eł>łem", "eł>łowi", "eł>le", "ek>kiem", "ek>kowi",
               // (and in the genitive plural: Węgry → Węgier)
               "ry>ier",
               // (a name in the plural of men in -ci or -cy, and its adjective: Liberalni
               // Demokraci → Liberalnych Demokratów, Szwedzcy Demokraci → Szwedzkich Demokratów)
               "ci>tów", "ci>tom", "ci>tami", "ci>tach", "cy>kich", "cy>kim", "cy>kimi"]
            : []
        alternations = InflectionMatcher.pairTable(pairs)
        // (Polish: the i or j of a dictionary form in -ia or -ja stays in every form: "Rosa" is
        // no form of Rosja, nor "Dane" of Dania)
        let softKept = language == .pl
            ? ["ia", "ja"].flatMap { soft in endings.0.filter { !$0.hasPrefix(String(soft.prefix(1))) }.map { "\(soft)>\($0)" } }
            : []
        excluded = InflectionMatcher.pairTable(softKept + (language == .bg ? ["о>", "а>", "я>", "ия>", "е>а", "е>я"] : language == .pl
            ? ["ka>ky", "ga>gy", "k>ky", "g>gy",
               // (nor -ie after k or g: the locative of Polska is "Polsce"; "Polskie" is the adjective)
               "ka>kie", "ga>gie",
               // (-o is the vocative, which news does not use: "Warto" is no form of Warta;
               // and no case ending of a word in a consonant: "Porto" is no form of port)
               "a>o", ">o",
               // (an i after the stem comes with the dictionary form's -ia or -ja, never with
               // a plain -a: "Rosji" is a form of Rosja, not of the name Rosa)
               "a>ia", "a>ią", "a>iu", "a>ii", "a>ji",
               // (a country named in the plural has no -ów: "Niemców" are people, the country's
               // genitive is "Niemiec"; but "Stany" → "Stanów")
               "cy>ców", "ry>rów", "chy>chów",
               // (nor the singular's -u, -em, -owi: "Sekretarza Stanu" names no Stany)
               "y>u", "y>em", "y>owi",
               // (a town's adjective is no form of the town, nor the masculine of a province's
               // name in -ie a form of it: "Starosta Płocki", "Wojewoda Pomorski")
               "k>ki", "ie>i",
               // (a name in the plural of men in -i has no singular forms: "Zielonej Wyspy",
               // "Zielone światło" are no forms of the party Zieloni; nor is a woman's -a, -ą,
               // -ej a form of a man's surname in -i)
               "i>a", "i>ą", "i>ej", "i>e",
               // (-ie is no form of a neuter name in -e: "Równie" (equally) is none of Równe,
               // whose locative is "Równem")
               "e>ie",
               // (a name in -a has no masculine or plural adjective endings: "Polskich",
               // "Polskim" are forms of the adjective polski, not of Polska)
               "a>ego", "a>emu", "a>ym", "a>ych", "a>ymi", "a>iego", "a>iemu", "a>im", "a>ich", "a>imi"]
            : []))
    }

    /// The hashes of "dictionary-form ending>inflected ending" pairs.
    private static func pairTable(_ pairs: [String]) -> HashTable64<Bool> {
        table(pairs.map { p in
            let parts = p.split(separator: ">", omittingEmptySubsequences: false).map { Array($0.utf16)[...] }
            return InflectionMatcher.hash(parts[0], then: parts[1])
        })
    }

    static func table(_ keys: [UInt64]) -> HashTable64<Bool> {
        var t = HashTable64<Bool>()
        for k in keys { t[k] = true }
        return t
    }

    @inline(__always)
    static func hash<C: Collection>(_ a: C) -> UInt64 where C.Element == UInt16 {
        var h = FNV1a.seed
        for u in a { h = FNV1a.add(h, UInt64(u)) }
        return h
    }

    /// The hash of "a>b" (an alternation pair).
    @inline(__always)
    static func hash<A: Collection, B: Collection>(_ a: A, then b: B) -> UInt64 where A.Element == UInt16, B.Element == UInt16 {
        var h = hash(a)
        h = FNV1a.add(h, 0x3E)
        for u in b { h = FNV1a.add(h, UInt64(u)) }
        return h
    }

    /// The shortest common stem a match needs.
    static let minimumStem = 3

    /// Whether the endings of `word` and `entry` after `p`, or after `p - 1`, are an excluded pair.
    private func isExcluded(_ word: UnsafeBufferPointer<UInt16>, _ entry: UnsafeBufferPointer<UInt16>, at p: Int) -> Bool {
        excluded.contains(InflectionMatcher.hash(entry[p...], then: word[p...]))
            || p > 0 && excluded.contains(InflectionMatcher.hash(entry[(p - 1)...], then: word[(p - 1)...]))
    }

    /// Whether folded `word` is a form of folded `entry`. `lemmas`, when given, yields the
    /// word's hunspell lemmas (folded); it is asked only when endings alone do not decide.
    func matches(_ word: UnsafeBufferPointer<UInt16>, entry: UnsafeBufferPointer<UInt16>, lemmas: (() -> [[UInt16]])?) -> Bool {
        if Vocabulary.equal(word, entry) { return true }
        var common = 0
        let n = min(word.count, entry.count)
        while common < n && word[common] == entry[common] { common += 1 }
        guard InflectionMatcher.isStem(common, of: word, entry) else {
            // (an ó of a short stem that opens into o, "Łódź" → "Łodzi": hunspell decides)
            guard let lemmas, language == .pl, InflectionMatcher.sharesOpenedStem(word, entry) else { return false }
            return lemmas().contains { $0.withUnsafeBufferPointer { Vocabulary.equal($0, entry) } }
        }
        // Try every stem length down from the common prefix: "bałtyck|iego" ~ "bałtyck|ie".
        var p = common
        while p >= max(InflectionMatcher.minimumStem, entry.count - 4) {
            let wordEnd = word[p...], entryEnd = entry[p...]
            // (an excluded pair decides: hunspell is not asked either)
            if !excluded.isEmpty, isExcluded(word, entry, at: p) { return false }
            if wordEnd.count <= 5 {
                if inflected.contains(InflectionMatcher.hash(wordEnd)) && base.contains(InflectionMatcher.hash(entryEnd)) { return !isFormOfShorter(word, entry, lemmas) }
                if !alternations.isEmpty, alternations.contains(InflectionMatcher.hash(entryEnd, then: wordEnd)) { return !isFormOfShorter(word, entry, lemmas) }
            }
            p -= 1
        }
        guard let lemmas else { return false }
        return lemmas().contains { $0.withUnsafeBufferPointer { Vocabulary.equal($0, entry) } }
    }

    /// Whether `common` leading units are a stem `word` and `entry` may share: at least
    /// `minimumStem`, all but three units of the entry, and at most five more in the word.
    @inline(__always)
    private static func isStem(_ common: Int, of word: UnsafeBufferPointer<UInt16>, _ entry: UnsafeBufferPointer<UInt16>) -> Bool {
        common >= minimumStem && common >= entry.count - 3 && word.count - common <= 5
    }

    /// The Polish ó (folded) and the o it opens into in inflection ("Łódź" → "Łodzi").
    static let closedO: UInt16 = 0xF3, openedO: UInt16 = 0x6F

    /// Whether `word` shares a stem with `entry` once an ó of the entry's is opened into o.
    private static func sharesOpenedStem(_ word: UnsafeBufferPointer<UInt16>, _ entry: UnsafeBufferPointer<UInt16>) -> Bool {
        var common = 0, opens = false
        let n = min(word.count, entry.count)
        while common < n, word[common] == entry[common] || entry[common] == closedO && word[common] == openedO {
            if word[common] != entry[common] { opens = true }
            common += 1
        }
        return opens && isStem(common, of: word, entry)
    }

    /// Whether hunspell gives `word` as a form of a word two or more letters shorter that
    /// `entry` is made from, or of a longer word made from `entry`, and not of `entry`
    /// itself: then the endings mislead ("Rumuni" and "Hiszpanie" are forms of "Rumun" and
    /// "Hiszpan", not of "Rumunia" and "Hiszpania"; "Donieckim" of the adjective "doniecki",
    /// not of "Donieck"; an adjective's lemma, "wschodni" of "wschodnia", is one letter shorter).
    private func isFormOfShorter(_ word: UnsafeBufferPointer<UInt16>, _ entry: UnsafeBufferPointer<UInt16>, _ lemmas: (() -> [[UInt16]])?) -> Bool {
        guard let lemmas else { return false }
        let all = lemmas()
        if all.contains(where: { $0.withUnsafeBufferPointer { Vocabulary.equal($0, entry) } }) { return false }
        return all.contains { lemma in
            (lemma.count >= InflectionMatcher.minimumStem && lemma.count <= entry.count - 2 && entry.starts(with: lemma)
                || lemma.count > entry.count && lemma.starts(with: entry))
                && !lemma.withUnsafeBufferPointer { Vocabulary.equal($0, word) }
        }
    }
}
