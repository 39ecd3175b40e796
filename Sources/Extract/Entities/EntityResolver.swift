/// Turns entity rule records into entities with base forms and Latin keys, then applies
/// document consistency: a name found once is found again where it recurs (a person's
/// surname alone, an organisation's name without its head noun). One per worker.
public final class EntityResolver {
    private var formers: [Language: BaseFormer] = [:]
    private let lemmatizers: [Language: Lemmatizer]
    private var roles: [Language: Roles] = [:]

    /// The lexicons of a language the resolver reads, by their index in its compiled
    /// lexicons (found once per language, not per name; a class, so that reading it per
    /// lexicon hit copies no set or dictionary).
    private final class Roles {
        let givenNames: Int?
        let publicFigures: Int?
        let demonyms: Int?
        /// `cities` and `countries`.
        let places: [Int]
        /// The endings of `plural-endings`, hashed.
        let pluralEndings: Set<UInt64>
        /// The `demonyms` entry that is the plural of each other one, by entry index.
        let plurals: [Int: Int]

        init(givenNames: Int?, publicFigures: Int?, demonyms: Int?, places: [Int], pluralEndings: Set<UInt64>, plurals: [Int: Int]) {
            self.givenNames = givenNames; self.publicFigures = publicFigures; self.demonyms = demonyms
            self.places = places; self.pluralEndings = pluralEndings; self.plurals = plurals
        }
    }

    /// The roles of the lexicons of `language` in `ctx`'s compiled lexicons.
    private func roles(_ ctx: MatchContext, _ language: Language) -> Roles {
        if let known = roles[language] { return known }
        let lexicons = ctx.lexicons.lexicons
        func index(_ name: String) -> Int? { lexicons.firstIndex { $0.name == name && $0.language == language } }
        let demonyms = index("demonyms")
        let made = Roles(givenNames: index("given-names"), publicFigures: index("public-figures"), demonyms: demonyms,
                         places: lexicons.indices.filter { ["cities", "countries"].contains(lexicons[$0].name) && lexicons[$0].language == language },
                         pluralEndings: index("plural-endings").map { lexicons[$0].suffixKeys } ?? [],
                         plurals: demonyms.map { pluralEntries(lexicons[$0], lemmatizers[language], ctx.lexicons.inflection) } ?? [:])
        roles[language] = made
        return made
    }

    public init(lemmatizers: [Language: Lemmatizer]) throws {
        self.lemmatizers = lemmatizers
        for lang in Language.allCases {
            formers[lang] = try BaseFormer(language: lang, lemmatizer: lemmatizers[lang])
        }
    }

    func resolve(_ records: [Extractor.Record], in doc: Document, context ctx: MatchContext) -> [EntityAnnotation] {
        // (no record, no entity: later mentions repeat a name found, namesakes change one)
        guard !records.isEmpty else { return [] }
        let former = formers[doc.language]!
        var out: [EntityAnnotation] = []
        out.reserveCapacity(records.count)
        // (each entity's first token position, looked up once)
        var starts: [Int?] = []
        starts.reserveCapacity(records.count)
        for record in records {
            let span = record.span, fields = record.fields, rule = record.rule
            guard let t = fields["type"], let type = EntityType.named(t) else { continue }
            let p = ctx.position(startingAt: span.start)
            let given = fields["base"] ?? p.flatMap { lexiconForm(at: $0, span, type, ctx, doc) }
            var name = given.map { BaseFormer.Name(base: $0, latin: former.latin($0)) } ?? former.name(doc.utf16[span.start..<span.end], type: type, head: fields["head"])
            if given == nil, type == .PER, let p { name = listedWords(name, at: p, span, ctx, doc, former) }
            out.append(EntityAnnotation(span: span, type: type, base: name.base, latin: name.latin, rule: rule))
            starts.append(p)
        }
        namesakes(&out, starts: starts, doc: doc, ctx: ctx, former: former)
        out += consistency(out, starts: starts, doc: doc, ctx: ctx, former: former)
        out.sort { $0.span.start < $1.span.start }
        return out
    }

    /// The form of a gazetteer entry of the entity's type (or a country, for LOC) starting at
    /// position `p` and covering exactly `span`: one written as a name (with a capital) before
    /// a lower-case one, such as the head noun "komisja" of a cue list. A product or event
    /// name may run on past its entry ("Norweskiego Mechanizmu Finansowego 2014-2021"): the
    /// longest entry's form, then the rest as written.
    private func lexiconForm(at p: Int, _ span: Span, _ type: EntityType, _ ctx: MatchContext, _ doc: Document) -> String? {
        let lexicons = ctx.lexicons.lexicons
        var lower: String?
        var prefix: (form: String, end: Int)?
        // (a name quoted before its number, "„Северен поток“ 2", is looked up after the quote)
        let quoted = (type == .PRO || type == .EVT) && Matcher.isOpeningQuote(ctx, p)
        for h in ctx.hits(quoted ? p + 1 : p) {
            // (read in place: a copy of the lexicon or the entry retains its arrays and strings)
            let l = Int(h.ref.lexicon), e = Int(h.ref.entry)
            guard EntityType.named(lexicons[l].entries[e].value) == type || (type == .LOC && lexicons[l].name == "countries") else { continue }
            let end = Int(ctx.token(h.end - 1).end)
            if end == span.end {
                let form = lexicons[l].entries[pluralAgreeing(l, e, at: h.end - 1, ctx, doc.language)].form
                if lexicons[l].entries[e].isName { return form + EntityResolver.joinedNumber(ctx, h.end - 1) }
                if lower == nil { lower = form }
            } else if type == .PRO || type == .EVT, end < span.end, lexicons[l].entries[e].isName, end > prefix?.end ?? 0 {
                prefix = (lexicons[l].entries[e].form, end)
            }
        }
        if lower == nil, let prefix {
            return prefix.form + EntityResolver.tail(doc.utf16[prefix.end..<span.end])
        }
        // (a common noun's capital at a sentence or line start is not the name's: "Британците")
        if let lower, ctx.token(quoted ? p + 1 : p).end == span.end,
           !ctx.token(p).shape.isDisjoint(with: [.firstWord, .lineStart]) { return lower }
        return lower.map { capitalised($0, as: String(decoding: doc.utf16[span.start..<span.end], as: UTF16.self)) }
    }

    /// A Polish person's name with the listed forms of its words: the surname's from
    /// `public-figures` ("Jean-Claude'a Junckera" → "Jean-Claude Juncker"), and a given name
    /// hunspell does not know, or knows only as written, from `given-names` ("Theresy May" →
    /// "Theresa May", "Pawła Nowaka" → "Paweł Nowak") when entries have it as a form (the first
    /// listed of several), none is it as written, and the name is not in the nominative: a
    /// surname as written that ends in a consonant would inflect if the name did ("Marianne
    /// Thyssen", "Alexandr Kogan" stay; "Angela Merkel" keeps the listed "Angela").
    private func listedWords(_ name: BaseFormer.Name, at p: Int, _ span: Span, _ ctx: MatchContext, _ doc: Document, _ former: BaseFormer) -> BaseFormer.Name {
        guard doc.language == .pl else { return name }
        let lexicons = ctx.lexicons.lexicons
        let roles = roles(ctx, doc.language)
        guard let givenNames = roles.givenNames, let figures = roles.publicFigures else { return name }
        var base = name.base.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        // (the words' token positions, when each written word is one word token)
        var positions: [Int] = []
        var q = p
        while q < ctx.count, Int(ctx.token(q).start) < span.end {
            guard ctx.token(q).kind == .word else { return name }
            positions.append(q)
            q += 1
        }
        guard positions.count >= 2, positions.count == base.count else { return name }
        /// The forms of the one-word entries of lexicon `l` the word at `q` is, in the order the
        /// lexicon lists them, and whether one is the word as written.
        func entries(_ q: Int, _ l: Int) -> (forms: [String], exact: Bool) {
            var found: [(entry: Int32, form: String)] = [], exact = false
            // (the type list answers most words without looking their entries up)
            guard ctx.inLexicon(q, l) else { return ([], exact) }
            for h in ctx.hits(q) where h.end == q + 1 && Int(h.ref.lexicon) == l {
                let entry = lexicons[l].entries[Int(h.ref.entry)]
                guard entry.isName, !found.contains(where: { $0.form == entry.form }) else { continue }
                found.append((h.ref.entry, entry.form))
                if entry.words[0].elementsEqual(ctx.folded(q)) { exact = true }
            }
            return (found.sorted { $0.entry < $1.entry }.map(\.form), exact)
        }
        var changed = false
        let last = positions.count - 1
        let surname = entries(positions[last], figures), surnameWritten = ctx.text(positions[last])
        // (a woman's surname in -ska, in any case, is no form of the man's in -ski:
        // "Kaczyńska", "Bożeny Kamińskiej"; a surname in a consonant is no form of a longer
        // one, as no case ending takes an e off a person's name: "Agnieszki Holland" is no Hollande)
        // (-im of an adjective's instrumental and -iem end in a consonant too: "Pawłem Kowalskim")
        let consonantFinal = !"aeiouyąęó".contains(surnameWritten.last.map { Character($0.lowercased()) } ?? "a")
            && !["skim", "ckim", "dzkim", "iem"].contains { surnameWritten.hasSuffix($0) }
        if surname.forms.count == 1, !surname.exact, !(BaseFormer.isWomansSurname(surnameWritten) && surname.forms[0].hasSuffix("i")),
           !(consonantFinal && surname.forms[0].count > surnameWritten.count) {
            base[last] = surname.forms[0]
            changed = true
        }
        let nominative = base[last] == surnameWritten && consonantFinal
        // (a public figure's listed surname in -i as written, which a man's takes only in the
        // nominative, "Giulianiego" in the genitive, leaves a listed given name as written too:
        // "Rudy Giuliani", not Ruda)
        let keepsListed = nominative || base[last] == surnameWritten && surname.exact && surnameWritten.hasSuffix("i")
        for i in 0..<last {
            let given = entries(positions[i], givenNames), word = ctx.text(positions[i])
            if keepsListed, given.exact {
                // (in the nominative a listed given name stays as written: "Angela", not Angel)
                if base[i] != word { base[i] = word; changed = true }
            } else if base[i] == word, let first = given.forms.first, !given.exact,
                      // (a woman's surname in a consonant does not inflect, her given name
                      // does: "Kamali Harris", "Kamalą Harris" → Kamala Harris)
                      !nominative || first.hasSuffix("a") && "iyęą".contains(word.last.map(Character.init) ?? " ") {
                // (of several, the one listed first: `given-names` lists Polish names before
                // foreign ones, "Pawła" is Paweł's, not the Ukrainian Pawło's)
                base[i] = first
                changed = true
                // (the surname was kept as written for a given name hunspell took for a
                // nominative; it is in the given name's case: "Pawła Nowaka" → Nowak)
                if !nominative, i == 0, base[last] == surnameWritten {
                    base[last] = (first.hasSuffix("a") ? nil : former.surnameInA(surnameWritten, afterMansGiven: word))
                        ?? former.surname(surnameWritten, takingEndingOf: word, base: first)
                        ?? former.polishNamePart(surnameWritten, man: false)
                }
            }
        }
        guard changed else { return name }
        let joined = base.joined(separator: " ")
        return BaseFormer.Name(base: joined, latin: former.latin(joined))
    }

    /// Entry `e` of lexicon `l`, or its plural entry when `l` is `demonyms` and the word at `p`
    /// has an ending of `plural-endings`: a plural people noun's base form is the nominative
    /// plural, as in SlavicNER ("Brytyjczyków" → "Brytyjczycy", "британците" → "британци"),
    /// though hunspell lemmatises it to the singular.
    private func pluralAgreeing(_ l: Int, _ e: Int, at p: Int, _ ctx: MatchContext, _ language: Language) -> Int {
        let roles = roles(ctx, language)
        guard l == roles.demonyms, Lexicon.ends(ctx.folded(p), with: roles.pluralEndings, shortest: 2, stem: 3) else { return e }
        return roles.plurals[e] ?? e
    }

    /// For each entry of `lexicon` that hunspell gives as the lemma of another one, that other
    /// one (the plural: "Brytyjczycy" → Brytyjczyk); for a word hunspell does not know, the
    /// longer entry that is a form of it by endings ("евродепутати" of евродепутат).
    private func pluralEntries(_ lexicon: Lexicon, _ lemmatizer: Lemmatizer?, _ inflection: InflectionMatcher) -> [Int: Int] {
        var index: [String: Int] = [:]
        for (i, entry) in lexicon.entries.enumerated() where index[entry.form] == nil { index[entry.form] = i }
        var out: [Int: Int] = [:]
        for (i, entry) in lexicon.entries.enumerated() where entry.words.count == 1 {
            let lemmas = lemmatizer?.lemmas(entry.form) ?? []
            for lemma in lemmas where lemma != entry.form {
                if let singular = index[lemma], out[singular] == nil { out[singular] = i }
            }
            guard lemmas.isEmpty else { continue }
            entry.words[0].withUnsafeBufferPointer { word in
                for (k, other) in lexicon.entries.enumerated() where other.words.count == 1 && out[k] == nil
                    && other.words[0].count < word.count && other.words[0].first == word.first {
                    if other.words[0].withUnsafeBufferPointer({ inflection.matches(word, entry: $0, lemmas: nil) }) { out[k] = i }
                }
            }
        }
        return out
    }

    /// The number joined to the last word of an entry by a hyphen, as a word of its own
    /// ("Северен поток-2" → " 2"), or "".
    private static func joinedNumber(_ ctx: MatchContext, _ p: Int) -> String {
        let t = ctx.token(p)
        guard t.shape.contains(.hyphenated) else { return "" }
        let units = ctx.utf16[Int(t.start)..<Int(t.end)]
        guard let dash = units.lastIndex(of: 0x2D), dash + 1 < units.endIndex,
              units[(dash + 1)...].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return "" }
        return " " + String(decoding: units[(dash + 1)...], as: UTF16.self)
    }

    /// What follows a name's lexicon entry, as its base form ends: without quotation marks,
    /// and a number after a dash as a word of its own ("“ 2", " – 2" → " 2").
    private static func tail(_ units: ArraySlice<UInt16>) -> String {
        var kept = units.filter { !Matcher.isOpeningQuote($0) && !Matcher.isClosingQuote($0) }
        let isSpace: (UInt16) -> Bool = { $0 == 0x20 || $0 == 0xA0 }
        var i = 0
        while i < kept.count, isSpace(kept[i]) { i += 1 }
        if i < kept.count, kept[i] == 0x2D || kept[i] == 0x2013 {
            kept.removeSubrange(0...i)
            while let f = kept.first, isSpace(f) { kept.removeFirst() }
            kept.insert(0x20, at: 0)
        } else if i == 0, let f = kept.first, f >= 0x30 && f <= 0x39 {
            kept.insert(0x20, at: 0)
        }
        return String(decoding: kept, as: UTF16.self)
    }

    /// A lower-case lexicon form with the capitals of the name as written, word by word
    /// ("urząd marszałkowski" for "Urzędu Marszałkowskiego": "Urząd Marszałkowski").
    private func capitalised(_ form: String, as written: String) -> String {
        let words = form.split(separator: " "), text = written.split(separator: " ")
        guard words.count == text.count else { return form }
        return zip(words, text).map { w, t in t.first?.isUppercase == true ? w.prefix(1).uppercased() + w.dropFirst() : String(w) }.joined(separator: " ")
    }

    /// A one-word place that is the listed given name of a person named in full in the same
    /// document is that person ("Азия" after "Азия Биби"), unless it is a city or a country (a
    /// town named like a woman stays a town: "София").
    private func namesakes(_ found: inout [EntityAnnotation], starts: [Int?], doc: Document, ctx: MatchContext, former: BaseFormer) {
        let roles = roles(ctx, doc.language)
        guard let givenNames = roles.givenNames else { return }
        let places = roles.places
        /// The word position of a one-word annotation, else nil.
        func single(_ k: Int) -> Int? {
            guard let p = starts[k], ctx.token(p).kind == .word, Int(ctx.token(p).end) == found[k].span.end else { return nil }
            return p
        }
        var given: [Int] = []
        for k in found.indices where found[k].type == .PER {
            guard let p = starts[k], single(k) == nil, ctx.inLexicon(p, givenNames) else { continue }
            given.append(p)
        }
        guard !given.isEmpty else { return }
        ctx.folded.withUnsafeBufferPointer { folded in
            for k in found.indices where found[k].type == .LOC {
                guard let p = single(k), !places.contains(where: { ctx.inLexicon(p, $0) }),
                      given.contains(where: { g in
                          let t = ctx.token(g)
                          return ctx.wordMatches(p, UnsafeBufferPointer(rebasing: folded[Int(t.foldStart)..<Int(t.foldEnd)]), ctx.lexicons.inflection)
                      }) else { continue }
                let span = found[k].span
                let name = former.name(doc.utf16[span.start..<span.end], type: .PER)
                found[k] = EntityAnnotation(span: span, type: .PER, base: name.base, latin: name.latin, rule: found[k].rule)
            }
        }
    }

    /// The locative prepositions of Polish and Bulgarian, folded.
    static let locatives: [[UInt16]] = ["w", "we", "в", "във"].map { Array($0.utf16) }

    /// Later mentions of names already found: the full name, a person's last name (or given
    /// name, when listed or no dictionary word), or a multi-word name's tail without its head
    /// noun. Marked with the rule that found the name.
    /// `starts` holds each found entity's first token position.
    private func consistency(_ found: [EntityAnnotation], starts: [Int?], doc: Document, ctx: MatchContext, former: BaseFormer) -> [EntityAnnotation] {
        guard !found.isEmpty else { return [] }
        // The word positions of each name found (`names[k]` is a range of `words`), and the
        // word runs to look for: a variant is (name, first word, end word), chained by the
        // hash of its first word's folded form (the words themselves are compared on use).
        // (the annotations are read in place: copying one retains its strings)
        var words: [Int32] = []
        var names: [Range<Int>] = []
        var variants: [(name: Int, from: Int, to: Int)] = []
        let givenNames = roles(ctx, doc.language).givenNames
        var heads = HashTable64<Int32>(capacity: 3 * found.count) // first variant of a hash
        var next: [Int32] = [] // the variant after each in its hash's chain, or -1
        words.reserveCapacity(4 * found.count)
        names.reserveCapacity(found.count)
        variants.reserveCapacity(3 * found.count)
        next.reserveCapacity(3 * found.count)
        func addVariant(_ k: Int, _ a: Int, _ b: Int) {
            let h = InflectionMatcher.hash(ctx.folded(Int(words[names[k].lowerBound + a])))
            next.append(heads[h] ?? -1)
            heads[h] = Int32(variants.count)
            variants.append((k, a, b))
        }
        for k in found.indices {
            let span = found[k].span, type = found[k].type
            let first = words.count
            // (a name that ends in a symbol recurs only with it: "Днес+" is no "Днес")
            var endsInSymbol = false
            if var p = starts[k] {
                while p < ctx.count, Int(ctx.token(p).end) <= span.end {
                    if ctx.token(p).kind == .word || ctx.token(p).kind == .abbreviation { words.append(Int32(p)) }
                    endsInSymbol = ctx.token(p).kind == .symbol
                    p += 1
                }
            }
            names.append(first..<words.count)
            let n = words.count - first
            guard n > 0, !endsInSymbol else { continue }
            addVariant(k, 0, n)
            if type == .PER, n >= 2 {
                addVariant(k, n - 1, n)
                // (a person's given name alone, when listed or no dictionary word: "Лия" after
                // "Лия Шарибу")
                let p = Int(words[first])
                if givenNames.map({ ctx.inLexicon(p, $0) }) == true || !ctx.known(p) { addVariant(k, 0, 1) }
            }
            if (type == .ORG || type == .EVT || type == .PRO), n >= 3 { addVariant(k, 1, n) }
        }
        var taken = [Bool](repeating: false, count: ctx.count)
        for k in found.indices {
            let span = found[k].span
            guard var p = starts[k] else { continue }
            while p < ctx.count, Int(ctx.token(p).start) < span.end { taken[p] = true; p += 1 }
        }
        var out: [EntityAnnotation] = []
        ctx.folded.withUnsafeBufferPointer { folded in
            var p = 0
            while p < ctx.count {
                let t = ctx.token(p)
                guard !taken[p], t.kind == .word, !t.shape.isDisjoint(with: [.capitalized, .allCaps, .camelCase]),
                      var v = heads[InflectionMatcher.hash(UnsafeBufferPointer(rebasing: folded[Int(t.foldStart)..<Int(t.foldEnd)]))].map(Int.init)
                else { p += 1; continue }
                var best: (end: Int, name: Int, from: Int)? // (`from`: the variant's first word in the name)
                // (the chain runs from the last variant added to the first; `>=` below lets
                // the first added win among the longest, as in the order they were added)
                while v >= 0 {
                    let (k, a, b) = variants[v]
                    v = Int(next[v])
                    var q = p, ok = true
                    for w in words[(names[k].lowerBound + a)..<(names[k].lowerBound + b)] {
                        let word = ctx.token(Int(w))
                        let key = UnsafeBufferPointer(rebasing: folded[Int(word.foldStart)..<Int(word.foldEnd)])
                        guard q < ctx.count, !taken[q], ctx.wordMatches(q, key, ctx.lexicons.inflection) else { ok = false; break }
                        // (a short word with a capital inside, an acronym, recurs only so written:
                        // "PiS" is not found again in "Pis", as in `Lexicon.Entry.isAcronym`)
                        if word.length <= 6, !word.shape.isDisjoint(with: Shape.capitalInside),
                           ctx.token(q).shape.isDisjoint(with: Shape.capitalInside) { ok = false; break }
                        q += 1
                    }
                    if ok, q - p >= (best.map { $0.end - p } ?? 0) { best = (q, k, a) }
                }
                guard let (end, k, a) = best else { p += 1; continue }
                // A name's tail after a locative preposition is the place it names, not the
                // name ("Dni Nowej Dęby" and then "w Nowej Dębie").
                if a > 0, found[k].type != .PER, p > 0, EntityResolver.locatives.contains(where: { $0.elementsEqual(ctx.folded(p - 1)) }) { p += 1; continue }
                let span = ctx.span(p, end), type = found[k].type
                // A person's surname or given name alone takes its base form from the full
                // name, whose other words tell its case ("Siergieja Skripala" → Siergiej
                // Skripal, so "Skripala" → Skripal), when the full name's base has as many words.
                var name: BaseFormer.Name?
                if type == .PER, end - p < names[k].count {
                    let base = found[k].base.split(separator: " "), latin = found[k].latin.split(separator: " ")
                    if base.count == names[k].count, latin.count == names[k].count {
                        name = BaseFormer.Name(base: base[a..<a + end - p].joined(separator: " "), latin: latin[a..<a + end - p].joined(separator: " "))
                    }
                }
                let formed = name ?? former.name(doc.utf16[span.start..<span.end], type: type)
                out.append(EntityAnnotation(span: span, type: type, base: formed.base, latin: formed.latin, rule: found[k].rule))
                for q in p..<end { taken[q] = true }
                p = end
            }
        }
        return out
    }
}
