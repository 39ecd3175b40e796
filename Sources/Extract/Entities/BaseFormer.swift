import ICU

/// Builds the base (nominative, dictionary) form of a whole name and its Latin-script key.
///
/// - a name that is a lexicon entry takes the entry's form ("Брюксел", "Finlandia");
/// - Bulgarian: the definite article of the first word goes ("Европейската комисия" →
///   "Европейска комисия"), checked against hunspell;
/// - Polish: the head noun takes its hunspell lemma and the adjectives around it agree with
///   its gender ("Morza Bałtyckiego" → "Morze Bałtyckie", "Europejskiego Sojuszu" →
///   "Europejski Sojusz"); a genitive complement after the head stays as it is;
///   surnames in -skiego/-ckiej... become -ski/-cka.
public final class BaseFormer {
    let language: Language
    let lemmatizer: Lemmatizer?
    private let cyrillicToLatin: Transliterator
    private let toASCII: Transliterator

    public init(language: Language, lemmatizer: Lemmatizer?) throws {
        self.language = language
        self.lemmatizer = lemmatizer
        cyrillicToLatin = try Transliterator("Bulgarian-Latin/BGN")
        toASCII = try Transliterator("Latin-ASCII")
    }

    /// Caches keyed by FNV-1a hashes of the text (hashing a `String` for a `Dictionary`
    /// normalises non-ASCII text first, which costs more than the lookup): Latin keys by
    /// the base form's UTF-8, names (base form and Latin key) by the name's UTF-16 and type.
    private var latinCache = HashTable64<String>()
    private var nameCache = HashTable64<Name>()

    /// A name's base form and the Latin-script key of that form.
    public struct Name {
        public var base: String
        public var latin: String
    }

    /// A Latin-script key: Cyrillic transliterated (BGN), diacritics folded.
    public func latin(_ s: String) -> String {
        let k = FNV1a.hash(utf8: s)
        if let cached = latinCache[k] { return cached }
        let hasCyrillic = s.unicodeScalars.contains { $0.value >= 0x400 && $0.value <= 0x52F }
        let key = toASCII.transliterate(hasCyrillic ? cyrillicToLatin.transliterate(s) : s)
        if latinCache.count > 50_000 { latinCache.removeAll() }
        latinCache[k] = key
        return key
    }

    /// The base form of a name as written (UTF-16; any white space between words becomes one space), with its
    /// Latin key; `type` guides person-name handling, and `head` is the head noun the name
    /// stands for when the text leaves it out ("ul. Okopowej": ulica), which Polish
    /// adjectives agree with. Cached by the hash of the units, the type and the head, so a
    /// name seen before costs no string.
    public func name(_ units: ArraySlice<UInt16>, type: EntityType, head: String? = nil) -> Name {
        var key = FNV1a.add(FNV1a.seed, UInt64(EntityType.allCases.firstIndex(of: type)! + 1))
        for u in units { key = FNV1a.add(key, UInt64(u)) }
        if let head { key = FNV1a.add(key, FNV1a.hash(utf8: head)) }
        if let cached = nameCache[key] { return cached }
        let text = UTF.string(BaseFormer.spaced(units))
        // (a person's name written in capitals, in a photo credit, takes the case of a name)
        let words = text.split(separator: " ").map { type == .PER ? personWord($0) : String($0) }
        let base: String
        if words.isEmpty {
            base = ""
        } else {
            switch language {
            case .bg: base = bulgarian(words, type: type)
            case .pl: base = head.map { polish(words, agreeingWith: $0) } ?? polish(words, type: type)
            default: base = words.joined(separator: " ")
            }
        }
        let name = Name(base: base, latin: latin(base))
        if nameCache.count > 50_000 { nameCache.removeAll() }
        nameCache[key] = name
        return name
    }

    /// The units with each run of white space (a line break, a no-break or thin space) as
    /// one space.
    static func spaced(_ units: ArraySlice<UInt16>) -> [UInt16] {
        var out: [UInt16] = []
        out.reserveCapacity(units.count)
        for u in units {
            if !Segmenter.isWhitespace(u) { out.append(u) } else if out.last != 0x20 { out.append(0x20) }
        }
        return out
    }

    static let bgArticles: [(String, String)] = [("ската", "ска"), ("цката", "цка"), ("ата", "а"), ("ята", "я"), ("ът", ""), ("ят", ""), ("та", ""), ("то", ""), ("те", "")]

    /// Whether lower-case `w` ends as a woman's Polish surname in the nominative (-ska, -cka,
    /// -dzka), which hunspell and inflected matching take for the man's.
    static func isFeminineSurname(_ w: String) -> Bool { ["ska", "cka", "dzka"].contains { w.hasSuffix($0) } }

    /// Whether `w`, as written, is a woman's Polish surname of an adjective's form in any case:
    /// in the nominative (-ska, -cka, -dzka) or with a feminine ending ("Kamińskiej", "Kowalską").
    static func isWomansSurname(_ w: String) -> Bool { isFeminineSurname(w.lowercased()) || showsFeminine(w) == true }

    /// Prepositions that open a complement after a head noun ("Закона за …", "Съвета на …",
    /// "Университета в …").
    static let bgComplementOpeners: Set<String> = ["за", "на", "по", "от", "относно", "към", "в", "във"]

    private func bulgarian(_ words: [String], type: EntityType) -> String {
        var out = words
        // Only the first inflecting word of a Bulgarian noun phrase carries the article.
        if let whole = out.first, whole.count > 4, !isAllCaps(whole) {
            // (of a hyphenated adjective only the last part inflects: "Културно-информационния")
            let lead = whole.lastIndex(of: "-").map { String(whole[...$0]) } ?? ""
            let first = String(whole.dropFirst(lead.count))
            out[0] = first
            let lower = first.lowercased()
            // The article of a masculine adjective before its noun, -ия / -ият: the adjective
            // in -и when hunspell gives the word as its form or it ends in -ски, -цки or -шки,
            // as one made from a name does that hunspell need not know ("британския
            // парламент", "пакистанския върховен съд"); else hunspell's adjective with its
            // fleeting vowel ("Окръжният съд" → Окръжен, "Административния" → Административен;
            // not "България", a form of no "Българи", nor a noun of its own lemma).
            if words.count > 1, type != .PER, lower.hasSuffix("ия") || lower.hasSuffix("ият") {
                let adjective = String(lower.dropLast(lower.hasSuffix("ия") ? 1 : 2))
                let lemmas = lemmatizer?.lemmas(lower) ?? []
                if ["ски", "цки", "шки"].contains(where: { adjective.hasSuffix($0) }) || lemmas.contains(adjective) {
                    out[0] = String(first.prefix(adjective.count))
                } else if let lemma = lemmas.first(where: { $0 != lower && $0.count >= 4 && !$0.hasSuffix("я") && !$0.hasSuffix("а") && lower.hasPrefix($0.dropLast(2)) }) {
                    out[0] = String(first.prefix(1)) + lemma.dropFirst()
                }
            }
            if out[0] == first {
                for (suffix, replacement) in BaseFormer.bgArticles where lower.hasSuffix(suffix) {
                    let stripped = String(first.dropLast(suffix.count)) + replacement
                    if stripped.count >= 3, lemmatizer?.knows(stripped) ?? false || lemmatizer?.knows(stripped.lowercased()) ?? false {
                        out[0] = stripped
                    }
                    break
                }
            }
            // The short article of a masculine head, -а / -я, where a complement follows (an
            // adjective in -а is followed by its noun, not a preposition: "Стара Загора").
            if out[0] == first, words.count > 1, BaseFormer.bgComplementOpeners.contains(words[1]), lower.hasSuffix("а") || lower.hasSuffix("я") {
                let stem = String(lower.dropLast())
                if lemmatizer?.lemmas(lower).contains(stem) ?? false {
                    out[0] = String(first.dropLast())
                } else if stem.count >= 4, stem.dropLast().hasSuffix("ъ"), lemmatizer?.knows(stem) ?? false {
                    // (a noun with a fleeting ъ, which hunspell may not give as the lemma of
                    // its forms: "Центъра за …" → Център)
                    out[0] = String(first.dropLast())
                }
            }
            out[0] = lead + out[0]
        }
        return out.joined(separator: " ")
    }

    private enum Gender { case masculine, feminine, neuter }

    static let plAdjectiveEndings = ["owego", "iego", "ego", "emu", "ym", "im", "ej", "ą", "ych", "ich", "ymi", "imi", "y", "i", "a", "e"]

    private func isAllCaps(_ w: String) -> Bool { w.count > 1 && w == w.uppercased() && w != w.lowercased() }

    /// A word of a person's name in the case of a name when written in capitals: each
    /// hyphen-joined part with a capital and small letters after it ("JEAN-CLAUDE" →
    /// "Jean-Claude"); an initial, initials ("Ł.D.") or a regnal number stay ("XVI").
    private func personWord(_ w: Substring) -> String {
        guard w.count > 2, isAllCaps(String(w)), !w.allSatisfy("IVXLCDM".contains), !w.contains(".") else { return String(w) }
        return w.split(separator: "-", omittingEmptySubsequences: false).map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: "-")
    }

    /// Whether `w` is an adjective: it has an adjective ending and, when hunspell knows it,
    /// a lemma in -y or -i (the masculine nominative: "Rzeszowską" → rzeszowski), not only a
    /// noun's ("Gmina", "Politechniką", "Energia" end like adjectives too).
    private func isAdjective(_ w: String) -> Bool {
        let l = w.lowercased()
        guard ["ego", "emu", "ej", "ym", "im", "ych", "ich", "ą", "ski", "cki", "dzki", "ska", "cka", "dzka", "skie", "ckie", "dzkie", "ny", "na", "ne", "wy", "wa", "we"].contains(where: { l.hasSuffix($0) }) else { return false }
        guard let lemmas = lemmatizer?.lemmas(w), !lemmas.isEmpty else { return true }
        return lemmas.contains { $0.hasSuffix("y") || $0.hasSuffix("i") }
    }

    private func polish(_ words: [String], type: EntityType) -> String {
        if type == .PER { return polishPerson(words) }
        // (the patron of an institution stays in the genitive: "Politechnika Rzeszowska im.
        // Ignacego Łukasiewicza")
        if let im = words.firstIndex(where: { $0 == "im." || $0 == "imienia" }), im > 0 {
            return (polish(Array(words[..<im]), type: type).split(separator: " ").map(String.init) + words[im...]).joined(separator: " ")
        }
        var out = words
        // Head: the first word that is not an adjective.
        guard let head = words.firstIndex(where: { !isAdjective($0) && !isAllCaps($0) }) else {
            // (an acronym in capitals stays as written: "IALPA" is no adjective in -a)
            return words.map { isAllCaps($0) ? $0 : adjectiveBase($0, gender: .masculine) }.joined(separator: " ")
        }
        // (the head is in the nominative when its lemma is the word, unless an adjective before
        // it shows another case, as before an indeclinable head: "Międzynarodowym Forum")
        // (where hunspell lists the form as a lemma of its own too, "Sędziszowa" beside
        // Sędziszów, the gender of the adjective that ends the name chooses: "Sędziszowa
        // Małopolskiego"; not one before a noun of a complement, "Święta Bożego Narodzenia")
        let plain = nounLemma(words[head])
        let hint = plain == words[head] && head + 2 == words.count && isAdjective(words[head + 1]) ? BaseFormer.showsFeminine(words[head + 1]) : nil
        let headNominative = (hint == nil ? plain : nounLemma(words[head], feminine: hint)).lowercased() == words[head].lowercased()
            && !words[..<head].contains { !isAllCaps($0) && !BaseFormer.isNominativeAdjective($0) }
        // (the adjective next to the head tells its gender where hunspell gives lemmas of two:
        // "Energetyki Cieszyńskiej" → Energetyka, not Energetyk)
        let after = head + 1 < words.count && isAdjective(words[head + 1]) && agreesInCase(headNominative, words[head + 1]) ? words[head + 1] : nil
        let headLemma = nounLemma(words[head], feminine: (after ?? (head > 0 ? words[head - 1] : nil)).flatMap(BaseFormer.showsFeminine))
        out[head] = headLemma
        let gender = BaseFormer.gender(of: headLemma)
        for i in 0..<head where !isAllCaps(words[i]) { out[i] = adjectiveBase(words[i], gender: gender) }
        var i = head + 1
        // (an indeclinable head in -um shows no case: an adjective after it in an oblique case
        // of the neuter singular agrees with it, "Centrum Urazowego" → Centrum Urazowe; only
        // that one, as the next may belong to a noun after it)
        if headNominative, words[head].lowercased().hasSuffix("um"), i < words.count, !isAllCaps(words[i]),
           BaseFormer.showsFeminine(words[i]) == false, isAdjective(words[i]) {
            out[i] = adjectiveBase(words[i], gender: .neuter)
            return out.joined(separator: " ")
        }
        // (a plural adjective after a singular head begins a complement: "Klastra Czystych
        // Technologii"; so does one of another gender: "Zarządu Górnośląsko-Zagłębiowskiej Metropolii")
        while i < words.count, isAdjective(words[i]), !isAllCaps(words[i]), agreesInCase(headNominative, words[i]),
              !["ych", "ich"].contains(where: { words[i].hasSuffix($0) }),
              BaseFormer.showsFeminine(words[i]).map({ $0 == (gender == .feminine) }) ?? true {
            out[i] = adjectiveBase(words[i], gender: gender)
            i += 1
        }
        return out.joined(separator: " ")
    }

    /// A name whose head noun is left out ("przy ul. Okopowej", head ulica): the adjectives
    /// in a case the preposition gave them (-ej, -ą, -ym, -im) agree with the head in the
    /// nominative ("Okopowa"); the rest, a genitive that belongs to the name ("Pokoju",
    /// "3 Maja", "Daszyńskiego"), stays as written.
    private func polish(_ words: [String], agreeingWith head: String) -> String {
        let gender = BaseFormer.gender(of: head)
        return words.map { w in
            let l = w.lowercased()
            guard ["ej", "ą", "ym", "im"].contains(where: { l.hasSuffix($0) }), !isAllCaps(w), isAdjective(w) else { return w }
            return adjectiveBase(w, gender: gender)
        }.joined(separator: " ")
    }

    /// An adjective after the head agrees with it when both are in the same case; a genitive
    /// complement after a nominative head does not ("Partia Niepodległości").
    private func agreesInCase(_ headNominative: Bool, _ adjective: String) -> Bool {
        !headNominative || BaseFormer.isNominativeAdjective(adjective)
    }

    /// Whether an adjective's ending is a nominative's (-y, -i, -a, -e, -ie; not -ej).
    private static func isNominativeAdjective(_ adjective: String) -> Bool {
        let a = adjective.lowercased()
        return ["y", "i", "a", "e", "ie"].contains { a.hasSuffix($0) } && !a.hasSuffix("ej")
    }

    /// Whether an inflected adjective's ending shows a feminine noun (-ej, -ą) or another
    /// (-ego, -emu, -ym, -im); nil when the ending does not say (a nominative, a plural).
    private static func showsFeminine(_ adjective: String) -> Bool? {
        let a = adjective.lowercased()
        if a.hasSuffix("ej") || a.hasSuffix("ą") { return true }
        if ["ego", "emu", "ym", "im"].contains(where: { a.hasSuffix($0) }) { return false }
        return nil
    }

    /// The lemma of noun `w`; where hunspell gives several and `feminine` says which gender
    /// the adjective beside it shows, a lemma of that gender first.
    private func nounLemma(_ w: String, feminine: Bool? = nil) -> String {
        // (an abbreviation stays as written: "PROFESCAPITAL Sp. z o.o.")
        guard !w.hasSuffix(".") else { return w }
        guard var lemmas = lemmatizer?.lemmas(w), !lemmas.isEmpty else { return w }
        // (hunspell lists some forms of a name as capitalised words of their own, "Komisji"
        // beside "komisja": a common noun's lemma that differs in the ending only is the
        // word's; "Kraków" beside "krakać" stays)
        if w.first?.isUppercase == true, lemmas.contains(w), lemmas.contains(where: { l in
            l.first?.isLowercase == true && abs(l.count - w.count) <= 1
                && zip(l, w.lowercased()).prefix { $0 == $1 }.count >= w.count - 2 }) { lemmas.removeAll { $0 == w } }
        let capital = w.first?.isUppercase ?? false
        // Prefer a lemma of the gender the adjective shows ("Nowej Hucie" → huta, not the
        // neuter-looking "Hucie" hunspell also lists), then one sharing the word's
        // capitalisation (proper nouns), then the shortest change.
        if let feminine {
            let agreeing = lemmas.filter { (BaseFormer.gender(of: $0) == .feminine) == feminine }
            if !agreeing.isEmpty { lemmas = agreeing }
        }
        var candidates = lemmas.filter { ($0.first?.isUppercase ?? false) == capital }
        if candidates.isEmpty { candidates = lemmas }
        /// The lemma written with the word's capital.
        func cased(_ lemma: String) -> String { capital ? lemma.prefix(1).uppercased() + lemma.dropFirst() : lemma }
        // (a feminine noun's genitive in -y/-i beside a masculine plural: in a name, the
        // genitive, "Gminy Sławoborze" → Gmina, not the plural of "gmin")
        if "yi".contains(w.last ?? " "), let genitive = candidates.first(where: { $0.count == w.count && $0.lowercased() == w.lowercased().dropLast() + "a" }) {
            return cased(genitive)
        }
        // (so does a town's locative in -owie beside a family's plural: "w Staszowie" →
        // Staszów, not the Staszes)
        if w.lowercased().hasSuffix("owie"), let town = candidates.first(where: { $0.lowercased() == w.lowercased().dropLast(4) + "ów" }) {
            return cased(town)
        }
        return cased(candidates.min { distance($0, w) < distance($1, w) }!)
    }

    private func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased()), y = Array(b.lowercased())
        var p = 0
        while p < min(x.count, y.count) && x[p] == y[p] { p += 1 }
        return (x.count - p) + (y.count - p)
    }

    private static func gender(of noun: String) -> Gender {
        let l = noun.lowercased()
        if l.hasSuffix("a") { return .feminine }
        if l.hasSuffix("o") || l.hasSuffix("e") || l.hasSuffix("ę") || l.hasSuffix("um") { return .neuter }
        return .masculine
    }

    private func adjectiveBase(_ w: String, gender: Gender) -> String {
        var masc = w
        if let lemma = lemmatizer?.lemmas(w).first(where: { $0.hasSuffix("y") || $0.hasSuffix("i") }) {
            masc = (w.first?.isUppercase ?? false) ? lemma.prefix(1).uppercased() + lemma.dropFirst() : lemma
        } else {
            let l = w.lowercased()
            for e in ["iego", "iemu", "iej", "im", "ich", "imi", "ie", "ią", "ia"] where l.hasSuffix(e) && l.count > e.count + 2 {
                masc = String(w.dropLast(e.count)) + "i"; break
            }
            if masc == w {
                for e in ["ego", "emu", "ej", "ym", "ych", "ymi", "ą", "a", "e"] where l.hasSuffix(e) && l.count > e.count + 2 {
                    let stem = String(w.dropLast(e.count))
                    masc = stem + (stem.hasSuffix("k") || stem.hasSuffix("g") ? "i" : "y"); break
                }
            }
        }
        switch gender {
        case .masculine: return masc
        case .feminine: return String(masc.dropLast()) + (masc.hasSuffix("i") && !(masc.hasSuffix("ki") || masc.hasSuffix("gi")) ? "ia" : "a")
        case .neuter: return String(masc.dropLast()) + (masc.hasSuffix("i") ? "ie" : "e")
        }
    }

    /// A person's name word by word; a surname hunspell does not know, or knows only as a
    /// form of the common word it is made of, takes off the case ending its man's given name
    /// took off ("Siergieja Skripala" → "Siergiej Skripal", "Jensem Stoltenbergiem" → "Jens
    /// Stoltenberg", "Władysława Ortyla" → "Władysław Ortyl", where "ortyla" is a form of ortyl);
    /// the ending a given name took, a woman's surname takes too ("Annę Mrowcę" → "Anna Mrowca").
    private func polishPerson(_ words: [String]) -> String {
        // (a woman's surname in the nominative: the whole name is in the nominative,
        // "Wiesława Szymborska" is no form of Wiesław)
        if words.count >= 2, BaseFormer.isFeminineSurname(words.last!.lowercased()) { return words.joined(separator: " ") }
        // (a surname with a man's case ending, -u, -owi, -em, tells a given name's gender where
        // hunspell gives a woman's lemma too: "Krzysztofie Grzelczyku" → Krzysztof, not Krzysztofa)
        let foreignGenitive = isForeignGenitive(words.last!)
        let man = words.count >= 2 && ["u", "owi", "em"].contains { words.last!.hasSuffix($0) } || foreignGenitive
        var out = words.map { polishNamePart($0, man: man) }
        // (a foreign man's surname in -i takes the adjective's -iego in the genitive, and his
        // given name, when hunspell knows it not, the -a of a man's: "Saooda Tirmiziego" →
        // Saood Tirmizi, "Asifa Aliego Zardariego" → Asif Ali Zardari)
        if foreignGenitive {
            for i in out.indices where out[i] == words[i] {
                if isForeignGenitive(words[i]) { out[i] = String(words[i].dropLast(3)) }
                else if i < out.count - 1, words[i].hasSuffix("a"), words[i].count >= 4, lemmatizer?.lemmas(words[i]).isEmpty ?? true {
                    out[i] = String(words[i].dropLast())
                }
            }
            return out.joined(separator: " ")
        }
        // (after a given name in the nominative the surname is in the nominative too, though it
        // ends like an oblique case: "Jerzy Chudy" is no form of Chuda)
        if out.count >= 2, out[0] == words[0], lemmatizer?.lemmas(words[0]).contains(words[0]) == true {
            out[out.count - 1] = words[words.count - 1]
        }
        // (a foreign man's name hunspell knows no word of, each word with the instrumental's or
        // dative's ending, which only a man's name takes: "Rexem Tillersonem" → Rex Tillerson,
        // "Guentherowi Oettingerowi" → Guenther Oettinger, "Stoltenbergiem" → Stoltenberg)
        if out.count >= 2, out == words,
           let ending = ["em", "owi"].first(where: { e in words.allSatisfy { $0.hasSuffix(e) && $0.count >= e.count + 2 } }) {
            return words.map { w in
                let softened = ending == "em" && w.hasSuffix("iem") && "kg".contains(w.dropLast(3).last ?? " ")
                return String(w.dropLast(softened ? 3 : ending.count))
            }.joined(separator: " ")
        }
        // (a man's surname in -a after his given name in an oblique case: "Jana Komasy")
        if out.count >= 2, out.last == words.last!, out[0] != words[0], !out[0].hasSuffix("a"),
           let surname = surnameInA(words.last!, afterMansGiven: words[0]) {
            out[out.count - 1] = surname
            return out.joined(separator: " ")
        }
        // (the surname takes the ending its given name took)
        if out.count >= 2, out.last == words.last!, out[0] != words[0],
           let surname = surname(words.last!, takingEndingOf: words[0], base: out[0]) {
            out[out.count - 1] = surname
        }
        return out.joined(separator: " ")
    }

    /// A surname as written in the case its given name is written in, `given`, whose base is
    /// `givenBase`: with the ending the given name took off, a man's case ending dropped
    /// ("Siergieja Skripala" → Skripal), a woman's -ę, -ą or -y made -a ("Annę Mrowcę" →
    /// Mrowca); nil when the given name's ending tells nothing of the surname's.
    func surname(_ last: String, takingEndingOf given: String, base givenBase: String) -> String? {
        let common = zip(given, givenBase).prefix { $0 == $1 }.count
        var ending = String(given.dropFirst(common)), replacement = String(givenBase.dropFirst(common))
        // (a foreign given name takes its ending after an apostrophe, the surname without:
        // "Pete'a Buttigiega" → Buttigieg)
        if ending.hasPrefix("'") || ending.hasPrefix("’") { ending.removeFirst() }
        // (a man's given name of an adjective's form takes -ego in the genitive, his surname
        // a noun's -a: "Konstantego Radziwiłła" → Radziwiłł, "Jerzego Owsiaka" → Owsiak)
        var known = false
        if ending == "ego", replacement == "y" || replacement == "i" {
            (ending, replacement) = ("a", "")
            known = !(lemmatizer?.lemmas(String(last.dropLast())).isEmpty ?? true)
        }
        // (only those: a stem that changes, "Markiem" → Marek, tells nothing of the surname's)
        guard replacement.isEmpty || replacement == "a" && ["ę", "ą", "y"].contains(ending) else { return nil }
        let lemmas = lemmatizer?.lemmas(last) ?? []
        // (-iem and -em are one ending: the i softens k and g only, "Markiem", "Stoltenbergiem")
        for e in ending == "em" || ending == "iem" ? ["iem", "em"] : [ending]
        where !e.isEmpty && last.hasSuffix(e) && last.count >= e.count + 3 {
            let stem = last.dropLast(e.count)
            let softened = stem.hasSuffix("k") || stem.hasSuffix("g")
            if e == "iem" ? !softened : e == "em" && stem.hasSuffix("i") { continue }
            let base = String(stem) + replacement
            return lemmas.isEmpty || known || lemmas.contains(base.lowercased()) ? base : nil
        }
        return nil
    }

    /// The case endings of a Polish surname of an adjective's form and its nominative's
    /// ("Kowalskiego" → Kowalski, "Kamińskiej" → Kamińska).
    static let adjectiveSurnameEndings: [(String, String)] = [("skiego", "ski"), ("skiemu", "ski"), ("skim", "ski"), ("ckiego", "cki"), ("ckiemu", "cki"), ("ckim", "cki"),
                                                               ("dzkiego", "dzki"), ("skiej", "ska"), ("ską", "ska"), ("ckiej", "cka"), ("cką", "cka")]

    /// Whether `word` is a foreign surname in -i in the genitive, -iego, which hunspell does
    /// not know (not a Polish surname of an adjective's form, -skiego, -ckiego, -dzkiego).
    private func isForeignGenitive(_ word: String) -> Bool {
        word.hasSuffix("iego") && word.count >= 6 && !BaseFormer.adjectiveSurnameEndings.contains { word.hasSuffix($0.0) }
            && lemmatizer?.lemmas(word).isEmpty ?? true
    }

    /// A man's surname in -a, which declines as a woman's noun does, in the nominative: after
    /// his given name written `given` in the genitive, -y or -ki, -gi is its -a ("Jana Komasy"
    /// → Komasa, "Przemka Płachety" → Płacheta); after one in the instrumental, -ą ("Janem
    /// Komasą"); nil for another ending, a word hunspell knows as something else, or an English
    /// name in -y, which stays as written ("Michaela O'Leary", "Tilly": an apostrophe, a vowel
    /// or a doubled letter before the -y).
    func surnameInA(_ surname: String, afterMansGiven given: String) -> String? {
        let g = given.lowercased(), l = Array(surname.lowercased())
        guard l.count >= 4, !l.contains(where: { "'’‘".contains($0) }) else { return nil }
        let genitive = g.hasSuffix("a") && (l.last == "y" && !"aeiouy".contains(l[l.count - 2]) && l[l.count - 2] != l[l.count - 3]
            || l.last == "i" && "kg".contains(l[l.count - 2]))
        guard genitive || g.hasSuffix("em") && l.last == "ą" else { return nil }
        let base = String(surname.dropLast()) + "a"
        let lemmas = lemmatizer?.lemmas(surname) ?? []
        return lemmas.isEmpty || lemmas.contains(base) || lemmas.contains(base.lowercased()) ? base : nil
    }

    /// One word of a Polish person's name in the nominative (`man`: the surname shows a man's
    /// case ending, so a given name's lemma is a man's).
    func polishNamePart(_ w: String, man: Bool) -> String {
        // (an initial stays as written: "Anna K. Nowak", whose "K." hunspell takes for "K")
        if w.hasSuffix(".") { return w }
        let l = w.lowercased()
        // (a foreign name whose last letter is not said takes its ending after an apostrophe:
        // "Jean-Claude'a", "Tony’ego" → "Jean-Claude", "Tony")
        if let mark = w.lastIndex(where: { $0 == "'" || $0 == "’" }), mark > w.startIndex,
           InflectionMatcher.polishApostropheEndings.contains(String(w[w.index(after: mark)...])) {
            return String(w[..<mark])
        }
        for (suffix, repl) in BaseFormer.adjectiveSurnameEndings where l.hasSuffix(suffix) && l.count > suffix.count + 1 { return String(w.dropLast(suffix.count)) + repl }
        // (a woman's surname in the nominative: hunspell lemmatises it to the man's; and a
        // name in -o is in the nominative, as news never uses the vocative: "Mario" is no Maria)
        if BaseFormer.isFeminineSurname(l) || l.hasSuffix("o") { return w }
        // (a form with a case ending that is a name of its own as well, "Anny": the other
        // lemma, when it is no longer; "Marek" is no form of "Marki", nor "Jan" of "Jana";
        // of two, the longer, the Polish name with its mobile e: "Jackiem" → Jacek, not Jack,
        // "Marka" → Marek; never a possessive adjective: "Donaldowi" → Donald, not Donaldowy;
        // nor the Italian or Spanish name of a Polish one, "Artura" → Artur, not Arturo)
        let all = lemmatizer?.lemmas(w).filter { ($0.first?.isUppercase ?? false) && !$0.hasSuffix("owy") } ?? []
        var names = all.filter { !($0.hasSuffix("o") && all.contains(String($0.dropLast()))) }
        if man, names.contains(where: { !$0.hasSuffix("a") }) { names.removeAll { $0.hasSuffix("a") } }
        let oblique = ["y", "i", "ie", "ę", "ą", "u", "owi", "em", "a"].contains { l.hasSuffix($0) }
        // (`max` keeps the first of equally long lemmas)
        let other = oblique ? names.filter { $0 != w && $0.count <= w.count }.max { $0.count < $1.count } : nil
        return other ?? (names.contains(w) ? w : names.first ?? w)
    }
}
