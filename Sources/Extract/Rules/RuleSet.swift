import Foundation
import ICU

/// All rules and lexicons in effect: the built-in ones plus a user's folder, which adds
/// rules or overrides built-in ones by id (and adds lexicon entries), with no rebuild.
public final class RuleSet: Sendable {
    /// Every rule in effect, sorted by id.
    public let rules: [Rule]
    public let lexicons: [Lexicon]
    public let compiled: [Language: CompiledRules]
    /// hunspell lemmatizers per language (absent when a dictionary is not installed).
    public let lemmatizers: [Language: Lemmatizer]
    /// The languages rules are compiled for; `other` uses the English rules.
    public static let languages: [Language] = [.bg, .pl, .en]

    /// The compiled rules for a document language.
    public func rules(for language: Language) -> CompiledRules {
        compiled[language] ?? compiled[.en]!
    }

    init(rules: [Rule], lexicons: [Lexicon], compiled: [Language: CompiledRules], lemmatizers: [Language: Lemmatizer]) {
        self.rules = rules; self.lexicons = lexicons; self.compiled = compiled
        self.lemmatizers = lemmatizers
    }

    /// Loads the built-in rules from `builtIn` (folders rules/ and lexicons/) and the user's folder.
    /// `dimensions` limits the rules in effect (the benchmark measures each dimension's cost).
    public static func load(builtIn: URL, user: URL?, segmentation: SegmentationData,
                            dimensions: Set<Dimension> = Set(Dimension.allCases)) throws -> RuleSet {
        let words = try WordSplitter(segmentation: segmentation)
        var raw: [String: RuleFileReader.RawRule] = [:]
        var rawLexicons: [RuleFileReader.RawLexicon] = []
        func readAll(_ root: URL, display: (URL) -> String, override: Bool) throws {
            let files = try RuleFiles.files(in: root, subfolders: nil).filter { ["yaml", "yml"].contains($0.pathExtension) }
            var seenHere: [String: String] = [:]
            for f in files {
                let shown = display(f)
                let (rules, lexicon) = try RuleFileReader.read(f, displayPath: shown)
                for r in rules {
                    if let other = seenHere[r.id] {
                        throw RuleError(file: shown, line: r.line, rule: r.id, message: "duplicate id (also in \(other))")
                    }
                    seenHere[r.id] = "\(shown):\(r.line)"
                    if !override, raw[r.id] != nil { throw RuleError(file: shown, line: r.line, rule: r.id, message: "duplicate id") }
                    raw[r.id] = r
                }
                if let lexicon { rawLexicons.append(lexicon) }
            }
        }
        let builtInRoot = builtIn.standardizedFileURL.path
        let shortName = { (u: URL) -> String in
            var p = u.standardizedFileURL.path
            if p.hasPrefix(builtInRoot) { p = "Sources/Extract/Resources" + p.dropFirst(builtInRoot.count) }
            return p
        }
        try readAll(builtIn.appendingPathComponent("lexicons"), display: shortName, override: false)
        try readAll(builtIn.appendingPathComponent("rules"), display: shortName, override: false)
        if let user {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: user.path, isDirectory: &isDir), isDir.boolValue else {
                throw RuleError(file: user.path, line: 0, message: "rules folder not found")
            }
            try readAll(user, display: { $0.path }, override: true)
        }

        // Lexicons: data files (merged by name and language) plus CLDR data from ICU.
        var lexicons: [Lexicon] = []
        var lexiconIndex: [String: Int] = [:]
        func key(_ name: String, _ l: Language?) -> String { "\(l?.rawValue ?? "common")/\(name)" }
        for rl in rawLexicons {
            let k = key(rl.name, rl.language)
            var lex = lexiconIndex[k].map { lexicons[$0] } ?? Lexicon(name: rl.name, language: rl.language, summary: rl.summary, source: rl.file)
            lex.inflect = lex.inflect && rl.inflect
            lex.hyphenJoined = max(lex.hyphenJoined, rl.hyphenJoined)
            var seen: [[[UInt16]]: String] = Dictionary(uniqueKeysWithValues: lex.entries.map { ($0.words, $0.form) })
            for e in rl.entries {
                let w = words.split(e.form)
                guard !w.isEmpty else { throw RuleError(file: rl.file, line: e.line, message: "lexicon '\(rl.name)': empty form") }
                // (only a word, an abbreviation or a number starts a lexicon lookup; "-ski" is a suffix)
                guard let c = e.form.unicodeScalars.first, c.properties.isAlphabetic || c.properties.numericType != nil
                        || (c == "-" && e.form.count > 1) else {
                    throw RuleError(file: rl.file, line: e.line, message: "lexicon '\(rl.name)': form '\(e.form)' starts with punctuation, which no lexicon lookup matches; write it in the rule as a literal")
                }
                if let other = seen[w] {
                    throw RuleError(file: rl.file, line: e.line, message: "lexicon '\(rl.name)': forms '\(other)' and '\(e.form)' collide after folding")
                }
                seen[w] = e.form
                lex.entries.append(.init(form: e.base ?? e.form, words: w, value: e.value))
            }
            if let i = lexiconIndex[k] { lexicons[i] = lex } else { lexiconIndex[k] = lexicons.count; lexicons.append(lex) }
        }
        for lex in CLDRLexicons.make(languages: languages, split: words.split) {
            let k = key(lex.name, lex.language)
            if let i = lexiconIndex[k] {
                var merged = lexicons[i]
                let known = Set(merged.entries.map { $0.words })
                merged.entries += lex.entries.filter { !known.contains($0.words) }
                merged.hyphenJoined = max(merged.hyphenJoined, lex.hyphenJoined)
                lexicons[i] = merged
            } else { lexiconIndex[k] = lexicons.count; lexicons.append(lex) }
        }

        // A common lexicon's entries join the language lexicons of the same name
        // (`@organisations` in a Polish rule sees pl/organisations and common/organisations).
        for (i, lex) in lexicons.enumerated() where lex.language == nil {
            for lang in languages {
                guard let j = lexiconIndex[key(lex.name, lang)] else { continue }
                let known = Set(lexicons[j].entries.map { $0.words })
                lexicons[j].entries += lexicons[i].entries.filter { !known.contains($0.words) }
                lexicons[j].inflect = lexicons[j].inflect && lex.inflect
                lexicons[j].hyphenJoined = max(lexicons[j].hyphenJoined, lex.hyphenJoined)
            }
        }

        // The vocabulary: the rules' literals and the words of the lexicons they refer to (a
        // lexicon no rule in effect uses costs the segmenter nothing).
        var vocabulary = Vocabulary()

        // Compile rules per language: the language's own and the common ones.
        var compiledRules: [Language: [Rule]] = [:]
        for lang in languages {
            var list: [Rule] = []
            for r in raw.values.sorted(by: { $0.id < $1.id }) where (r.language == nil || r.language == lang) && dimensions.contains(r.dimension) {
                let env = PatternParser.Environment(
                    literal: { w in words.split(w).map { vocabulary.intern($0) } },
                    // (`@en/stop-caps` names another language's lexicon: English phrases inside
                    // Bulgarian or Polish text)
                    lexicon: { name in name.contains("/") ? lexiconIndex[name] : lexiconIndex[key(name, lang)] ?? lexiconIndex[key(name, nil)] })
                list.append(try compile(r, env: env))
            }
            compiledRules[lang] = list
        }
        // Only lexicons the language's rules refer to are looked up in the text.
        var used: [Language: Set<Int32>] = [:]
        for lang in languages {
            for r in compiledRules[lang]! { RuleSet.lexicons(in: r, into: &used[lang, default: []]) }
        }
        for l in used.values.reduce(into: Set<Int32>(), { $0.formUnion($1) }).sorted() {
            for e in lexicons[Int(l)].entries { for w in e.words { _ = vocabulary.intern(w) } }
        }
        var lemmatizers: [Language: Lemmatizer] = [:]
        for lang in languages { lemmatizers[lang] = try? Lemmatizer.shared(lang) }
        let english = lemmatizers[.en] ?? (try? Lemmatizer.shared(.en))
        var compiled: [Language: CompiledRules] = [:]
        for lang in languages {
            let index = LexiconIndex(lexicons: lexicons, inScope: used[lang] ?? [], vocabulary: vocabulary,
                                     inflection: InflectionMatcher(language: lang),
                                     lemmatizer: lemmatizers[lang], english: english)
            compiled[lang] = CompiledRules(language: lang, rules: compiledRules[lang]!, lexicons: index, vocabulary: vocabulary)
        }
        let all = raw.values.filter { dimensions.contains($0.dimension) }.sorted { $0.id < $1.id }.compactMap { r in compiledRules[r.language ?? .en]?.first { $0.id == r.id } }
        return RuleSet(rules: all, lexicons: lexicons, compiled: compiled, lemmatizers: lemmatizers)
    }

    /// The lexicons a rule refers to (pattern and context).
    static func lexicons(in rule: Rule, into set: inout Set<Int32>) {
        func tests(_ ts: [TokenTest]) {
            for t in ts {
                switch t {
                case .lexicon(let l), .suffix(let l): set.insert(Int32(l))
                case .not(let inner): tests([inner])
                default: break
                }
            }
        }
        func walk(_ n: PatternNode) {
            switch n {
            case .token(let ts): tests(ts)
            case .phrase(let l, let first): set.insert(Int32(l)); tests(first)
            case .quoted: break
            case .sequence(let xs), .alternatives(let xs): xs.forEach(walk)
            case .repeated(let x, _, _), .capture(_, let x): walk(x)
            }
        }
        walk(rule.pattern)
        for ts in rule.notBefore + rule.notAfter + rule.before + rule.after { tests(ts) }
    }

    static func compile(_ r: RuleFileReader.RawRule, env: PatternParser.Environment) throws -> Rule {
        var parser = PatternParser(env: env)
        let pattern: PatternNode
        do { pattern = try parser.parse(r.pattern) } catch let e as PatternParser.ParseError {
            throw RuleError(file: r.file, line: r.patternLine, rule: r.id, message: "pattern: \(e.message)")
        }
        let names = pattern.captureNames
        if Set(names).count != names.count {
            throw RuleError(file: r.file, line: r.patternLine, rule: r.id, message: "a capture name is used twice")
        }
        for rec in r.produce {
            for case .capture(let c) in rec.fields.values where !names.contains(c) {
                throw RuleError(file: r.file, line: r.line, rule: r.id, message: "produce refers to unknown capture '$\(c)'")
            }
            for c in rec.span where !names.contains(c) {
                throw RuleError(file: r.file, line: r.line, rule: r.id, message: "produce span refers to unknown capture '\(c)'")
            }
        }
        if r.examples.isEmpty {
            throw RuleError(file: r.file, line: r.line, rule: r.id, message: "rule has no examples (every rule carries the examples that prove it)")
        }
        func element(_ s: String, _ key: String) throws -> [TokenTest] {
            var p = PatternParser(env: env)
            do {
                let node = try p.parse(s)
                switch node {
                case .token(let tests): return tests
                case .phrase(let l, let first): return [.lexicon(l)] + first
                default: throw PatternParser.ParseError(message: "`\(key)` entries test one token")
                }
            } catch let e as PatternParser.ParseError {
                throw RuleError(file: r.file, line: r.line, rule: r.id, message: "\(key): \(e.message)")
            }
        }
        return Rule(id: r.id, summary: r.summary, dimension: r.dimension, language: r.language, priority: r.priority,
                    patternSource: r.pattern, pattern: pattern, produce: r.produce,
                    notBefore: try r.notBefore.map { try element($0, "not-before") },
                    notAfter: try r.notAfter.map { try element($0, "not-after") },
                    before: try r.before.map { try element($0, "before") },
                    after: try r.after.map { try element($0, "after") },
                    examples: r.examples, counterexamples: r.counterexamples, file: r.file, line: r.line)
    }
}

/// Splits a literal or lexicon form into folded words exactly as the segmenter splits text.
final class WordSplitter: @unchecked Sendable {
    private let segmenter: Segmenter
    private let lock = NSLock()

    init(segmentation: SegmentationData) throws { segmenter = try Segmenter(data: segmentation) }

    func split(_ s: String) -> [[UInt16]] {
        lock.lock()
        defer { lock.unlock() }
        var doc = Document(id: "", source: SourceInfo(path: "", sha256: "", bytes: 0, encoding: ""), utf16: Array(s.utf16))
        guard (try? segmenter.segment(&doc)) != nil else { return [] }
        return doc.tokens.map { Array(doc.folded[Int($0.foldStart)..<Int($0.foldEnd)]) }
    }
}

/// Lexicons read from ICU's CLDR data: month and weekday names in every form, country names,
/// currency codes.
enum CLDRLexicons {
    static func make(languages: [Language], split words: (String) -> [[UInt16]]) -> [Lexicon] {
        var out: [Lexicon] = []
        let currencyCodes = CLDR.currencyCodes()
        for lang in languages {
            let locale = lang.rawValue
            var months = Lexicon(name: "months", language: lang, summary: "Month names in every CLDR form (format and standalone, wide and abbreviated), from ICU.", source: "ICU/CLDR")
            var weekdays = Lexicon(name: "weekdays", language: lang, summary: "Weekday names in every CLDR form, from ICU; values 1 (Monday) to 7 (Sunday).", source: "ICU/CLDR")
            var seen = Set<[[UInt16]]>()
            for set in CLDR.SymbolSet.allCases {
                let names = CLDR.dateSymbols(set, locale: locale)
                let isWeekday = set.rawValue >= 4
                for (i, name) in names.enumerated() {
                    let form = name.hasSuffix(".") ? String(name.dropLast()) : name
                    let w = words(form)
                    guard !w.isEmpty, !seen.contains(w) else { continue }
                    seen.insert(w)
                    let value = isWeekday ? String(i == 0 ? 7 : i) : String(i + 1)
                    if isWeekday { weekdays.entries.append(.init(form: form, words: w, value: value)) }
                    else { months.entries.append(.init(form: form, words: w, value: value)) }
                }
            }
            var countries = Lexicon(name: "countries", language: lang, summary: "Country and territory names from ICU (uloc_getDisplayCountry); values are ISO 3166 codes.", source: "ICU/CLDR")
            countries.hyphenJoined = .always
            var seenCountries = Set<[[UInt16]]>()
            for code in CLDR.regionCodes() {
                guard let name = CLDR.countryName(code, locale: locale) else { continue }
                let w = words(name)
                guard !w.isEmpty, !seenCountries.contains(w) else { continue }
                seenCountries.insert(w)
                countries.entries.append(.init(form: name, words: w, value: code))
            }
            var currencies = Lexicon(name: "currency-codes", language: lang, summary: "ISO 4217 codes of the current currencies, from ICU (ucurr_openISOCurrencies): EUR, PLN, JPY are no organisations.", source: "ICU/CLDR")
            currencies.inflect = false
            for code in currencyCodes { currencies.entries.append(.init(form: code, words: words(code), value: code)) }
            out += [months, weekdays, countries, currencies]
        }
        return out
    }
}
