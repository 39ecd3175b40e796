/// The tense of the clause a date expression stands in, read from the nearest verb form of its
/// sentence (HeidelTime resolves weekdays so): a word of the lexicon `tense-words` (auxiliaries
/// and frequent forms: "będzie", "ще", "jest", "беше"), else a verb, a word whose hunspell
/// lemma is another word ending as `verb-lemma-endings` say ("podpisał" → "podpisać"), which is
/// past with an ending of `past-endings`, and present with one of `present-endings` (where the
/// language has that lexicon) or with none of `nonfinite-endings`. The date's own clause is
/// read first: a verb before a word of `subordinators` ("че", "że", "który") or after the
/// next one belongs to another clause, and counts only when the date's clause has no past or
/// future verb.
struct TenseFinder {
    enum Tense: String { case past, present, future }

    /// How many words on each side are looked at.
    static let reach = 20

    /// `tense-words` by the hash of the folded word (read here, not by the matcher: no rule
    /// asks for these frequent words).
    private let words: [UInt64: Tense]
    /// The endings of the suffix lexicons, hashed, folded.
    private let verbLemmas: Set<UInt64>
    private let past: Set<UInt64>
    private let present: Set<UInt64>?
    private let nonfinite: Set<UInt64>
    private let participles: Set<UInt64>
    /// `aorist-lemma-endings` and the ending hunspell must know after such a word.
    private let aoristLemmas: (endings: Set<UInt64>, plural: String)?
    /// `subordinators` by the hash of the folded word.
    private let openers: Set<UInt64>
    /// `until-words` by the hash of the folded word.
    private let until: Set<UInt64>
    /// `present-lemma-endings`: a present form's ending and its lemma's, folded.
    private let presentLemmas: [(form: [UInt16], lemma: [UInt16])]

    /// Reads its lexicons of `language` from `lexicons`.
    init(_ lexicons: [Lexicon], language: Language) {
        func lexicon(_ name: String) -> Lexicon? { lexicons.first { $0.name == name && $0.language == language } }
        func endings(_ name: String) -> Set<UInt64>? { lexicon(name)?.suffixKeys }
        var words: [UInt64: Tense] = [:]
        for e in lexicon("tense-words")?.entries ?? [] where e.words.count == 1 {
            if let t = Tense(rawValue: e.value) { words[InflectionMatcher.hash(e.words[0])] = t }
        }
        self.words = words
        verbLemmas = endings("verb-lemma-endings") ?? []
        past = endings("past-endings") ?? []
        present = endings("present-endings")
        nonfinite = endings("nonfinite-endings") ?? []
        participles = endings("participle-endings") ?? []
        aoristLemmas = lexicon("aorist-lemma-endings").map { ($0.suffixKeys, $0.entries.first?.value ?? "") }
        openers = lexicon("subordinators")?.wordKeys ?? []
        until = lexicon("until-words")?.wordKeys ?? []
        presentLemmas = (lexicon("present-lemma-endings")?.entries ?? []).map { ($0.words.first ?? [], Array($0.value.lowercased().utf16)) }
    }

    /// The tense around the tokens `first...last` of `sentence` (a range of positions), or
    /// nil when no word within reach tells.
    func tense(around first: Int, _ last: Int, in sentence: Range<Int>, _ ctx: MatchContext) -> Tense? {
        guard !verbLemmas.isEmpty || !words.isEmpty else { return nil }
        let clause = self.clause(around: first, last, in: sentence, ctx)
        let own = tense(around: first, last, in: clause, within: sentence, ctx)
        // (a present in a subordinate clause is often the reported present of a past
        // statement: "припомни, че от 1 януари фирмите могат"; the nearest verb decides then)
        if clause == sentence || own == .past || own == .future { return own }
        return tense(around: first, last, in: sentence, within: sentence, ctx) ?? own
    }

    /// Whether a word of `until-words` stands right before position `first` ("до средата на
    /// януари"): a deadline, the nearest such date whatever the tense but future.
    func isDeadline(_ first: Int, in sentence: Range<Int>, _ ctx: MatchContext) -> Bool {
        sentence.contains(first - 1) && ctx.token(first - 1).kind == .word && until.contains(InflectionMatcher.hash(ctx.folded(first - 1)))
    }

    /// The positions of the clause of `first...last`: from after the last word of
    /// `subordinators` before it up to the next one after it, within reach.
    private func clause(around first: Int, _ last: Int, in sentence: Range<Int>, _ ctx: MatchContext) -> Range<Int> {
        guard !openers.isEmpty else { return sentence }
        func opens(_ p: Int) -> Bool { ctx.token(p).kind == .word && openers.contains(InflectionMatcher.hash(ctx.folded(p))) }
        let before = stride(from: first - 1, through: max(sentence.lowerBound, first - TenseFinder.reach), by: -1).first(where: opens)
        let after = (last + 1..<min(sentence.upperBound, last + 1 + TenseFinder.reach)).first(where: opens)
        return (before.map { $0 + 1 } ?? sentence.lowerBound)..<(after ?? sentence.upperBound)
    }

    /// The tense of the nearest verb to `first...last` in `clause`; the words around a verb
    /// that make it future or past are read in `sentence`.
    private func tense(around first: Int, _ last: Int, in clause: Range<Int>, within sentence: Range<Int>, _ ctx: MatchContext) -> Tense? {
        for d in 1...TenseFinder.reach {
            for p in [first - d, last + d] where clause.contains(p) {
                if let t = tense(of: p, ctx) {
                    // ("ще са затворени": the future word first, then a past made with "е", "са")
                    if t != .future, futureBefore(p, in: sentence, ctx) { return .future }
                    return t == .present && participleAfter(p, in: sentence, ctx) ? .past : t
                }
            }
        }
        return nil
    }

    /// Whether a future word stands up to three words before the verb at `p` ("ще се
    /// проведе": the verb's own ending reads as past).
    private func futureBefore(_ p: Int, in sentence: Range<Int>, _ ctx: MatchContext) -> Bool {
        for q in stride(from: p - 1, through: max(sentence.lowerBound, p - 3), by: -1) where ctx.token(q).kind == .word {
            if words[InflectionMatcher.hash(ctx.folded(q))] == .future { return true }
        }
        return false
    }

    /// Whether a present auxiliary at `p` ("е", "са") makes a past with the participle after it:
    /// a word with an ending of `participle-endings` that hunspell lemmatises to a verb ("са
    /// обявени" → обявя, "е подписано" → подпиша) or an l-participle ("е подписал"); not an
    /// adjective ("е важно" → важен) nor a word hunspell knows only as itself ("е от").
    private func participleAfter(_ p: Int, in sentence: Range<Int>, _ ctx: MatchContext) -> Bool {
        guard !participles.isEmpty, sentence.contains(p + 1), ctx.token(p + 1).kind == .word,
              words[InflectionMatcher.hash(ctx.folded(p))] == .present else { return false }
        let form = ctx.folded(p + 1), lemmas = ctx.lemmas(p + 1)
        if TenseFinder.ends(form, in: past) { return lemmas.contains { TenseFinder.ends($0[...], in: verbLemmas) } }
        return TenseFinder.ends(form, in: participles) && lemmas.contains { !$0.elementsEqual(form) && TenseFinder.ends($0[...], in: verbLemmas) }
    }

    /// What the word at `p` says of the tense, if anything.
    private func tense(of p: Int, _ ctx: MatchContext) -> Tense? {
        let t = ctx.token(p)
        guard t.kind == .word else { return nil }
        let form = ctx.folded(p)
        if let t = words[InflectionMatcher.hash(form)] { return t }
        // (the ending first: hunspell's lemmas are asked only of a word that could tell)
        let tense: Tense
        if TenseFinder.ends(form, in: past) {
            tense = .past
        } else if let (e, l) = presentLemmas.first(where: { form.count > $0.form.count + 1 && form.suffix($0.form.count).elementsEqual($0.form) }) {
            let stem = form.dropLast(e.count)
            return ctx.lemmas(p).contains { $0.count == stem.count + l.count && $0.starts(with: stem) && $0.suffix(l.count).elementsEqual(l) } ? .present : nil
        } else if let aorist = aoristLemmas, TenseFinder.ends(form, in: aorist.endings) {
            // "замина", "пристигна": its own lemma and a verb with a plural aorist ("заминаха")
            return ctx.lemmas(p).contains { $0.elementsEqual(form) } && ctx.knows(p, plus: aorist.plural) ? .past : nil
        } else if let present {
            guard TenseFinder.ends(form, in: present) else { return nil }
            tense = .present
        } else {
            guard !TenseFinder.ends(form, in: nonfinite) else { return nil }
            tense = .present
        }
        return ctx.lemmas(p).contains(where: { !$0.elementsEqual(form) && TenseFinder.ends($0[...], in: verbLemmas) }) ? tense : nil
    }

    /// Whether `word` ends with one of the suffixes, a unit or more before it.
    private static func ends(_ word: ArraySlice<UInt16>, in suffixes: Set<UInt64>) -> Bool {
        Lexicon.ends(word, with: suffixes, shortest: 1, stem: 1)
    }
}
