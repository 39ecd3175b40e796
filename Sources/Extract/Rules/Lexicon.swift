/// A named list of surface forms mapping to values (months to 1...12, titles, gazetteers).
///
/// Forms are stored folded and split into words; they match inflected text through
/// `InflectionMatcher` (shared endings and hunspell lemmas).
public struct Lexicon: Sendable {
    /// One form and the value it stands for.
    public struct Entry: Sendable {
        /// The form as written in the data file.
        public var form: String
        /// The folded words of the form.
        public var words: [[UInt16]]
        public var value: String
        /// Written with a capital: a name, matched inflected through hunspell lemmas too.
        public var isName: Bool
        /// The form is a short acronym: two to four capitals and nothing else ("НЕК", "NASA"),
        /// or one word of up to six letters with a capital inside ("БиХ", "PiS", "UOKiK"). It
        /// matches only a word with a capital inside, in capitals or mixed, since the same
        /// letters written otherwise are mostly a common word ("Нека", "това" for ТОВ, "Loty"
        /// for LOT, "Бих" for БиХ). Longer ones are often written with one capital ("Frontex",
        /// "Astrazeneca"), as are "E.ON" and the acronym in "РИА Новости", and match as names do.
        public var isAcronym: Bool

        public init(form: String, words: [[UInt16]], value: String) {
            self.form = form; self.words = words; self.value = value
            isName = form.first?.isUppercase ?? false
            let capitals = form.filter(\.isUppercase).count
            isAcronym = ((2...4).contains(form.count) && capitals == form.count && form.allSatisfy(\.isLetter))
                || (form.count <= 6 && capitals >= 2 && form.dropFirst().contains(where: \.isUppercase) && form.allSatisfy(\.isLetter))
        }
    }

    public var name: String
    public var language: Language?
    public var summary: String
    public var entries: [Entry] = []
    /// Where the lexicon came from (a file path or "ICU/CLDR").
    public var source: String
    /// Whether inflected forms of the entries match (false when the file lists every form).
    public var inflect = true
    /// Whether its names may be joined by hyphens into a compound of names (a route, a
    /// meeting: "Porto-Kraków-Porto", "UE-Londyn"), which is then split into them.
    public var hyphenJoined = HyphenJoin.never

    /// How a lexicon's names join others in a hyphen compound of names (`NameCompounds`).
    public enum HyphenJoin: UInt8, Sendable, Comparable {
        /// Its names are never parts of such a compound.
        case never
        /// Only beside a name of an `always` lexicon: two companies joined are one company
        /// ("BASF-Wintershall"), a company and a country two sides ("UE-USA").
        case withOthers
        /// Its names are parts of such a compound ("Porto-Kraków-Porto", "Тръмп-Меркел").
        case always

        public static func < (a: HyphenJoin, b: HyphenJoin) -> Bool { a.rawValue < b.rawValue }
    }

    public init(name: String, language: Language?, summary: String, source: String) {
        self.name = name; self.language = language; self.summary = summary; self.source = source
    }

    /// The suffix entries ("-ski"), folded, without the hyphen, hashed.
    var suffixKeys: Set<UInt64> {
        Set(entries.filter { $0.form.hasPrefix("-") && $0.form.count > 1 }.map { InflectionMatcher.hash($0.form.dropFirst().lowercased().utf16.map(TextFolder.simpleFold)) })
    }

    /// The one-word entries, folded, hashed (`InflectionMatcher.hash`): what a word list such
    /// as `subordinators` or `duration-joiners` is asked.
    var wordKeys: Set<UInt64> {
        Set(entries.filter { $0.words.count == 1 }.map { InflectionMatcher.hash($0.words[0]) })
    }

    /// Whether folded `word` ends with one of `suffixes` (`suffixKeys`) of at least `shortest`
    /// units, with at least `stem` units before it.
    static func ends(_ word: ArraySlice<UInt16>, with suffixes: Set<UInt64>, shortest: Int, stem: Int) -> Bool {
        guard word.count >= shortest + stem else { return false }
        for n in shortest...min(6, word.count - stem) where suffixes.contains(InflectionMatcher.hash(word.suffix(n))) { return true }
        return false
    }
}
