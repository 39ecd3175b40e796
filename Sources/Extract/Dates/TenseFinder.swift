/// The tense of the clause a date expression stands in, read from the nearest verb form of its
/// sentence (HeidelTime resolves weekdays so): a word of the lexicon `tense-words` (auxiliaries
/// and frequent forms: "będzie", "ще", "jest", "беше"), else a verb, a word whose hunspell
/// lemma is another word ending as `verb-lemma-endings` say ("podpisał" → "podpisać"), which is
/// past with an ending of `past-endings`, and present with one of `present-endings` (where the
/// language has that lexicon) or with none of `nonfinite-endings`.
struct TenseFinder {
    enum Tense: String { case past, present, future }

    /// The lexicons it reads, in scope whenever date rules are.
    static let lexiconNames = ["tense-words", "verb-lemma-endings", "past-endings", "present-endings", "nonfinite-endings"]
    /// How many words on each side are looked at.
    static let reach = 12

    private let words: Int?
    private let verbLemmas: Set<UInt64>
    private let past: Set<UInt64>
    private let present: Set<UInt64>?
    private let nonfinite: Set<UInt64>

    init(_ index: LexiconIndex) {
        func lexicon(_ name: String) -> Int? { index.inScope.first { index.lexicons[Int($0)].name == name }.map(Int.init) }
        words = lexicon("tense-words")
        verbLemmas = lexicon("verb-lemma-endings").flatMap { index.suffixes[$0] } ?? []
        past = lexicon("past-endings").flatMap { index.suffixes[$0] } ?? []
        present = lexicon("present-endings").flatMap { index.suffixes[$0] }
        nonfinite = lexicon("nonfinite-endings").flatMap { index.suffixes[$0] } ?? []
    }

    /// The tense around the tokens `first...last` of `sentence` (a range of positions), or
    /// nil when no word within reach tells.
    func tense(around first: Int, _ last: Int, in sentence: Range<Int>, _ ctx: MatchContext) -> Tense? {
        guard !verbLemmas.isEmpty || words != nil else { return nil }
        for d in 1...TenseFinder.reach {
            for p in [first - d, last + d] where sentence.contains(p) {
                if let t = tense(of: p, ctx) { return t }
            }
        }
        return nil
    }

    /// What the word at `p` says of the tense, if anything.
    private func tense(of p: Int, _ ctx: MatchContext) -> Tense? {
        let t = ctx.token(p)
        guard t.kind == .word else { return nil }
        if let words, let h = ctx.hits(p).first(where: { Int($0.ref.lexicon) == words && $0.end == p + 1 }) {
            return Tense(rawValue: ctx.lexicons.lexicons[words].entries[Int(h.ref.entry)].value)
        }
        let form = Array(ctx.folded(p))
        guard ctx.lemmas(p).contains(where: { $0 != form && TenseFinder.ends($0, in: verbLemmas) }) else { return nil }
        if TenseFinder.ends(form, in: past) { return .past }
        if let present { return TenseFinder.ends(form, in: present) ? .present : nil }
        return TenseFinder.ends(form, in: nonfinite) ? nil : .present
    }

    /// Whether `word` ends with one of the suffixes (hashed, folded) and has a unit before it.
    private static func ends(_ word: [UInt16], in suffixes: Set<UInt64>) -> Bool {
        guard word.count > 1 else { return false }
        for n in 1...min(6, word.count - 1) where suffixes.contains(InflectionMatcher.hash(word.suffix(n))) { return true }
        return false
    }
}
