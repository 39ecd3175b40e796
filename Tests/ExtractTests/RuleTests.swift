@testable import Extract
import Foundation
import ICU
import XCTest

/// The rule engine: built-in examples, a user's rule folder, broken files, inflection, CLDR.
final class RuleTests: XCTestCase {
    func testEveryBuiltInExamplePasses() {
        let rules = Support.resources.ruleSet.rules
        XCTAssertGreaterThan(rules.count, 60)
        let (failures, count) = ExampleRunner(analyzer: Support.analyzer()).run(rules)
        XCTAssertGreaterThanOrEqual(count, rules.count)
        for f in failures { XCTFail(f.description) }
    }

    func testEveryRuleHasExamplesAndCategoriesAreCovered() {
        let ids = Set(Support.resources.ruleSet.rules.map(\.id))
        for r in Support.resources.ruleSet.rules { XCTAssertFalse(r.examples.isEmpty, r.id) }
        for lang in ["bg", "pl"] {
            for category in ["numeric", "day-month-year", "month-year", "year-range", "day-list", "relative-day", "relative-period", "ago", "in", "weekday", "part-of-year", "quarter", "season-year", "century", "decade", "time", "duration", "set"] {
                XCTAssertTrue(ids.contains("\(lang).date.\(category)"), "\(lang).date.\(category)")
            }
        }
    }

    func writeRules(_ files: [String: String]) throws -> URL {
        let dir = try TestSupport.temporaryFolder()
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }

    /// The annotations of `dimension` ("dates", "entities") rule `rule` of the folder `dir`
    /// makes in Polish `text`, after `pipeline check` passed on the folder.
    func annotations(_ dimension: String, of rule: String, rules dir: URL, in text: String,
                     file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        let check = try PipelineExecutable.run(["check", "--rules", dir.path])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr, file: file, line: line)
        let out = try PipelineExecutable.run(["annotate", "--lang", "pl", "--rules", dir.path, "--text", text])
        XCTAssertEqual(out.status, 0, out.stderr, file: file, line: line)
        let json = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as! [String: Any]
        return (json[dimension] as! [[String: Any]]).filter { $0["rule"] as? String == rule }
    }

    static let userRule = """
    rules:
      - id: pl.entity.test-fairs
        summary: Targi <City> (a fair named after its city)
        pattern: 'n:(Targi (@test-cities | Cap))'
        priority: 9
        produce: {type: EVT, span: n}
        examples:
          - {text: "Firma pojechała na ⟦Targi Zgierskie⟧ w maju.", type: EVT}
    """

    func testUserRuleFolderAddsRulesWithoutRebuild() throws {
        let dir = try writeRules([
            "pl/entities.yaml": RuleTests.userRule,
            "pl/test-cities.yaml": "name: test-cities\nsummary: Test cities.\nentries: [Zgierz]\n",
        ])
        let check = try PipelineExecutable.run(["check", "--rules", dir.path, "--fast"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains("0 failed"), check.stdout)
        let input = try TestSupport.temporaryFolder(), output = try TestSupport.temporaryFolder()
        try "Firma pojechała na Targi Zgierskie w maju. Spółka działa od lat.".write(to: input.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        let run = try PipelineExecutable.run(["run", input.path, "--output", output.path, "--rules", dir.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("a.json"))) as! [String: Any]
        let entities = json["entities"] as! [[String: Any]]
        let fair = entities.first { $0["rule"] as? String == "pl.entity.test-fairs" }
        XCTAssertEqual(fair?["text"] as? String, "Targi Zgierskie")
        XCTAssertEqual(fair?["type"] as? String, "EVT")
        // annotate takes the same folder.
        let one = try PipelineExecutable.run(["annotate", "--lang", "pl", "--rules", dir.path, "--text", "Byliśmy na Targi Zgierskie."])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertTrue(one.stdout.contains("\"rule\":\"pl.entity.test-fairs\""), one.stdout)
    }

    /// A token test is decided once per kind of word, its position's shape bits per place:
    /// the same word passes where its surroundings fit and fails where they do not. (A date
    /// rule: entities would add later mentions of a name already found.)
    func testPositionTestsAreDecidedPerOccurrence() throws {
        let dir = try writeRules(["pl/dates.yaml": """
            rules:
              - id: pl.date.test-mid-sentence
                summary: Nowak wyszedł inside a sentence, after a space
                pattern: 'n:(nowak&Cap&!sentstart&!glued wyszedł)'
                produce: {span: n, ref: PAST_REF}
                examples:
                  - {text: "Potem pan ⟦Nowak wyszedł⟧ z żoną.", value: PAST_REF}
                counterexamples:
                  - {text: "Nowak wyszedł."}
            """])
        let text = "Nowak wyszedł. Pan Nowak wyszedł, a (Nowak wyszedł) i NOWAK wyszedł. Nowak wyszedł."
        let found = try annotations("dates", of: "pl.date.test-mid-sentence", rules: dir, in: text)
        XCTAssertEqual(found.map { $0["start"] as? Int }, [19], "\(found)")
    }

    /// What a rule needs of the token after its first is decided by the element that took
    /// the first: after "w", only "w sali Kolumnowej" can go on; after a one-word lexicon
    /// entry, the quote; after a two-word entry, its second word. A match that has one token
    /// is not held to any of them.
    func testNextTokenTestsFollowTheFirstElement() throws {
        let dir = try writeRules(["pl/test-heads.yaml": """
            name: test-heads
            summary: heads of the test rule
            entries: [fundacja, rada nadzorcza]
            """, "pl/entities.yaml": """
            rules:
              - id: pl.entity.test-next
                summary: Zenon, w sali Kolumnowej, or a head before a quoted name
                pattern: 'n:(Zenon | "w sali Kolumnowej" | @test-heads "\\"" (!"\\""){1,3} "\\"")'
                produce: {type: EVT, span: n}
                priority: 100
                examples:
                  - {text: "Obrady odbyły się ⟦w sali Kolumnowej⟧ Sejmu.", type: EVT}
                  - {text: 'Powstała ⟦Fundacja "Dobry Start"⟧ w Gdańsku.', type: EVT}
                  - {text: 'Obradowała ⟦rada nadzorcza "Orlen"⟧ wczoraj.', type: EVT}
                counterexamples:
                  - {text: "Mieszka w sali obok."}
            """])
        // (after "rada", only the head of "nadzorcza" may follow, inflected or not)
        let text = "Zenon był w sali Kolumnowej, a potem w sali obok. Fundacja \"Nowa\" i fundacja Nowa; rada nadzorcza \"Orlen\" i rada \"X\"; "
            + "rady nadzorczej \"Orlen\" i rada naukowa \"Y\"."
        let found = try annotations("entities", of: "pl.entity.test-next", rules: dir, in: text)
        XCTAssertEqual(found.map { $0["text"] as? String },
                       ["Zenon", "w sali Kolumnowej", "Fundacja \"Nowa\"", "rada nadzorcza \"Orlen\"", "rady nadzorczej \"Orlen\""], "\(found)")
    }

    /// A rule is tried only where one of the words it needs occurs before the sentence ends:
    /// one of its alternatives' lexicons or literal words. A rule whose branches need
    /// different words still matches through each branch, and the built-in rules anchored
    /// that way are indexed with each branch's need.
    func testRulesAreTriedWhereOneBranchsWordsOccur() throws {
        let dir = try writeRules(["pl/test-heads.yaml": """
            name: test-heads
            summary: heads of the test rule
            entries: [fundacja]
            """, "pl/entities.yaml": """
            rules:
              - id: pl.entity.test-branches
                summary: a head before a name, or a name vel a name
                pattern: 'n:(@test-heads&Cap Cap | Cap&!sentstart vel Cap)'
                produce: {type: ORG, span: n}
                priority: 100
                examples:
                  - {text: "Dotację dała ⟦Fundacja Batorego⟧ wczoraj.", type: ORG}
                  - {text: "Kredytu udzielił ⟦Kredyt vel Pożyczka⟧ wczoraj.", type: ORG}
            """])
        let text = "Kredytu udzielił Kredyt vel Pożyczka. Dotację dała Fundacja Batorego. Nowa Huta czeka."
        let found = try annotations("entities", of: "pl.entity.test-branches", rules: dir, in: text)
        XCTAssertEqual(found.map { $0["text"] as? String }, ["Kredyt vel Pożyczka", "Fundacja Batorego"], "\(found)")
        let pl = Support.resources.ruleSet.rules(for: .pl)
        func alternatives(_ id: String) -> Int { pl.required.range(pl.ids.firstIndex(of: id)!).count }
        XCTAssertEqual(alternatives("pl.entity.airport"), 2, "a Polish or an English airport head")
        XCTAssertEqual(alternatives("common.entity.foreign-organisation-of"), 3, "for, of or and")
        XCTAssertEqual(alternatives("pl.entity.legal-form"), 1, "a legal form in both branches")
    }

    /// A date rule's fields are typed as its record is made: a two-digit year captured from
    /// a number token is 20xx, a range's ends take the fields without a prefix, and a
    /// field whose text is no number counts as absent. A `from.` field of a name no date
    /// rule uses still makes a range.
    func testDateRecordFieldsFromCaptures() throws {
        let dir = try writeRules(["pl/dates.yaml": """
            rules:
              - id: pl.date.test-season
                summary: sezon <yy>/<yy> in month <m>
                pattern: 'sezon a:num(0..99) "/" b:num(0..99) m:(num(1..12) | ostatni)'
                produce: {from.year: $a, to.year: $b, month: $m}
                examples:
                  - {text: "Otwarto ⟦sezon 05/06 3⟧.", value: "2005-03", from: "2005-03", to: "2006-03"}
              - id: pl.date.test-volume
                summary: rocznik <year>, with a field no date rule uses
                pattern: 'rocznik y:year(1900..2100)'
                produce: {from.volume: $y, year: $y}
                examples:
                  - {text: "To ⟦rocznik 2004⟧.", value: "2004", from: "2004", to: "2004"}
            """])
        let volume = try annotations("dates", of: "pl.date.test-volume", rules: dir, in: "To rocznik 2004.")
        XCTAssertEqual(volume.map { $0["range"] as? [String: String] }, [["from": "2004", "to": "2004"]], "\(volume)")
        let found = try annotations("dates", of: "pl.date.test-season", rules: dir, in: "Otwarto sezon 05/06 3. Potem sezon 98/99 ostatni.")
        XCTAssertEqual(found.map { $0["value"] as? String }, ["2005-03", "1998"], "\(found)")
        XCTAssertEqual(found.map { $0["range"] as? [String: String] }, [["from": "2005-03", "to": "2006-03"], ["from": "1998", "to": "1999"]])
    }

    /// Alternatives of one token each run as one op (`either`); a match through them
    /// backtracks as through any other element: the greedy loop gives a token back to the
    /// legal form after it, and an alternative with two tokens still runs as a branch.
    func testOneTokenAlternativesMatchAsBranchesWould() throws {
        let rule = "n:((Cap | CAPS)+ (Holding | \"Sp. j.\" | spółka akcyjna))"
        var parser = PatternParser(env: .init(literal: { [Int32($0.utf8.count)] }, lexicon: { _ in nil }))
        let ops = Program(try parser.parse(rule)).ops
        XCTAssertEqual(ops.filter { if case .either = $0 { true } else { false } }.count, 2, "\(ops)")
        XCTAssertEqual(ops.filter { if case .split = $0 { true } else { false } }.count, 3, "the loop, and the legal forms' branch: \(ops)")
        let dir = try writeRules(["pl/entities.yaml": """
            rules:
              - id: pl.entity.test-company
                summary: capitalised words before a legal form
                pattern: '\(rule)'
                produce: {type: ORG, span: n}
                priority: 10
                examples:
                  - {text: "Umowę podpisał wczoraj ⟦Mostostal Warszawa Holding⟧.", type: ORG}
                  - {text: "Umowę podpisała wczoraj ⟦Grupa Azoty spółka akcyjna⟧.", type: ORG}
            """])
        let text = "Umowę podpisał Mostostal Warszawa Holding, a potem Nowa Era spółka akcyjna."
        let found = try annotations("entities", of: "pl.entity.test-company", rules: dir, in: text)
        XCTAssertEqual(found.map { $0["text"] as? String }, ["Mostostal Warszawa Holding", "Nowa Era spółka akcyjna"], "\(found)")
    }

    func testLengthTestCountsUnitsAsWritten() throws {
        var parser = PatternParser(env: .init(literal: { [Int32($0.utf8.count)] }, lexicon: { _ in nil }))
        XCTAssertEqual(try parser.parse("n:(CAPS&len(2..4))"), try parser.parse("n:(CAPS&len(2 .. 4))"))
        XCTAssertThrowsError(try parser.parse("len()")) { XCTAssertEqual("\($0)", "len() needs a range, e.g. len(2..4)") }
        XCTAssertThrowsError(try parser.parse("n:(CAPS&lenght(2..4))")) { XCTAssertEqual("\($0)", "unknown function 'lenght(' (one of num, year, ord, is, suffix, len, known)") }
        let dir = try writeRules(["pl/entities.yaml": """
            rules:
              - id: pl.entity.test-short-caps
                summary: a word in capitals of two to four letters after "zespół"
                pattern: 'zespół n:(CAPS&len(2..4))'
                produce: {type: ORG, span: n}
                priority: 10
                examples:
                  - {text: "Wygrał zespół ⟦DUP⟧ wczoraj.", type: ORG}
            """])
        let found = try annotations("entities", of: "pl.entity.test-short-caps", rules: dir, in: "Grał zespół ABBA, zespół WIEDZIEĆ i zespół XY.")
        XCTAssertEqual(found.map { $0["text"] as? String }, ["ABBA", "XY"], "\(found)")
    }

    func testInitialsAreCapitalsEachFollowedByAFullStop() throws {
        let dir = try writeRules(["pl/entities.yaml": """
            rules:
              - id: pl.entity.test-initials
                summary: initials after "przez"
                pattern: 'przez n:(initials ".")'
                produce: {type: PER, span: n}
                priority: 10
                examples:
                  - {text: "Podpisane przez ⟦J.K.⟧ wczoraj.", type: PER}
            """])
        let found = try annotations("entities", of: "pl.entity.test-initials", rules: dir,
                                    in: "Przez Ł.D. i przez A.B.C. oraz przez ABC, przez J., przez a.b. i przez A.B.C.D.E.")
        XCTAssertEqual(found.map { $0["text"] as? String }, ["Ł.D.", "A.B.C."], "\(found)")
    }

    func testKnownEnTestsTheEnglishDictionaryInAnyLanguage() throws {
        var parser = PatternParser(env: .init(literal: { [Int32($0.utf8.count)] }, lexicon: { _ in nil }))
        XCTAssertThrowsError(try parser.parse("n:(Cap&known(fr))")) { XCTAssertEqual("\($0)", "known() takes en, e.g. known(en); bare `known` is the text's own dictionary") }
        let dir = try writeRules(["pl/entities.yaml": """
            rules:
              - id: pl.entity.test-english-word
                summary: a campaign named by two English common words
                pattern: 'kampania n:(latin&Cap&known(en) latin&Cap&known(en))'
                produce: {type: ORG, span: n}
                priority: 10
                examples:
                  - {text: "Ruszyła kampania ⟦Vote Leave⟧ w Anglii.", type: ORG}
            """])
        let found = try annotations("entities", of: "pl.entity.test-english-word", rules: dir, in: "Ruszyła kampania Vote Leave, a potem kampania Gisela Stuart w Londynie.")
        XCTAssertEqual(found.map { $0["text"] as? String }, ["Vote Leave"], "\(found)")
    }

    func testBrokenRuleFilesNameFileLineAndRule() throws {
        let cases: [(String, String, String)] = [
            ("rules:\n  - id: pl.date.x\n    summary: [unclosed\n", "bad YAML", "dates.yaml:4"),
            ("rules:\n  - id: pl.date.x\n    summary: s\n    pattern: 'x'\n    colour: red\n    examples:\n      - {text: \"⟦x⟧\", value: \"1\"}\n", "unknown key 'colour'", "pl.date.x"),
            ("rules:\n  - id: pl.date.x\n    summary: s\n    pattern: 'x'\n", "rule has no examples", "pl.date.x"),
            ("rules:\n  - id: pl.date.x\n    summary: s\n    pattern: 'num('\n    examples:\n      - {text: \"⟦x⟧\", value: \"1\"}\n", "pattern:", ":4"),
            ("rules:\n  - id: pl.date.x\n    summary: s\n    pattern: 'jutro'\n    examples:\n      - {text: \"⟦jutro⟧\", lang: de}\n", "lang must be bg, pl or en", "dates.yaml:6"),
        ]
        for (text, message, detail) in cases {
            let dir = try writeRules(["pl/dates.yaml": text])
            let r = try PipelineExecutable.run(["check", "--rules", dir.path])
            XCTAssertEqual(r.status, 1)
            XCTAssertTrue(r.stderr.contains("pl/dates.yaml"), r.stderr)
            XCTAssertTrue(r.stderr.contains(message), r.stderr)
            XCTAssertTrue(r.stderr.contains(detail), r.stderr)
            let run = try PipelineExecutable.run(["run", "--rules", dir.path, "--output", try TestSupport.temporaryFolder().path])
            XCTAssertEqual(run.status, 2, "run must refuse to start: \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("pl/dates.yaml"), run.stderr)
        }
        // A duplicate id, and a failing example.
        let dup = try writeRules(["pl/dates.yaml": """
        rules:
          - id: pl.date.x
            summary: s
            pattern: 'jutro'
            produce: {relative: day, offset: 1}
            examples:
              - {text: "⟦jutro⟧", value: 2020-06-16}
          - id: pl.date.x
            summary: s
            pattern: 'dziś'
            produce: {relative: day, offset: 0}
            examples:
              - {text: "⟦dziś⟧", value: 2020-06-15}
        """])
        let d = try PipelineExecutable.run(["check", "--rules", dup.path])
        XCTAssertTrue(d.stderr.contains("duplicate id") && d.stderr.contains("pl.date.x"), d.stderr)
        // A lexicon form no lookup can match (it starts with punctuation) is an error, not dead data.
        let symbol = try writeRules(["pl/units.yaml": "name: test-units\nsummary: Units.\nentries:\n  - zł\n  - \"%\"\n"])
        let u = try PipelineExecutable.run(["check", "--rules", symbol.path])
        XCTAssertEqual(u.status, 1)
        XCTAssertTrue(u.stderr.contains("pl/units.yaml:5") && u.stderr.contains("form '%' starts with punctuation"), u.stderr)
        let nested = try writeRules(["pl/places.yaml": "name: test-places\nsummary: Places.\nentries:\n  - Rzeczpospolita: [Rzeczypospolitej, [Rzeczpospolitą]]\n"])
        let n = try PipelineExecutable.run(["check", "--rules", nested.path])
        XCTAssertEqual(n.status, 1)
        XCTAssertTrue(n.stderr.contains("pl/places.yaml:4") && n.stderr.contains("inflected forms must be strings"), n.stderr)
        let joined = try writeRules(["pl/places.yaml": "name: test-places\nsummary: Places.\nhyphen-joined: sometimes\nentries: [Porto]\n"])
        let j = try PipelineExecutable.run(["check", "--rules", joined.path])
        XCTAssertEqual(j.status, 1)
        XCTAssertTrue(j.stderr.contains("pl/places.yaml:3") && j.stderr.contains("hyphen-joined must be true, false or with-others"), j.stderr)
        let failing = try writeRules(["pl/dates.yaml": """
        rules:
          - id: pl.date.wrong
            summary: s
            pattern: 'pojutrze'
            priority: 5
            produce: {relative: day, offset: 2}
            examples:
              - {text: "Spotkanie ⟦pojutrze⟧.", value: 2020-06-18}
        """])
        let f = try PipelineExecutable.run(["check", "--rules", failing.path])
        XCTAssertEqual(f.status, 1)
        XCTAssertTrue(f.stdout.contains("pl/dates.yaml:8: rule pl.date.wrong: ⟦pojutrze⟧ value is 2020-06-17, expected 2020-06-18"), f.stdout)
        let run = try PipelineExecutable.run(["run", "--rules", failing.path, "--output", try TestSupport.temporaryFolder().path])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("pl.date.wrong"), run.stderr)
    }

    func testLoadingAndDroppingRulesKeepsLemmasOfCapitalisedWords() throws {
        // hunspell's instances share a case table that destroying instances can free: rule
        // sets loaded and dropped in the same process (a user's rule folder, other dimensions)
        // must leave the others stemming capitalised words ("Окръжният" → окръжен, which
        // matches the seated head "окръжен съд", and gives its base form).
        _ = try Support.annotate("Тест.", language: .bg)
        for dimensions in [Set([Dimension.date]), Set([Dimension.entity]), Set(Dimension.allCases), Set([Dimension.date])] {
            _ = try AnalysisResources.load(dimensions: dimensions)
        }
        let entities = try Support.annotate("Присъдата потвърди Окръжният съд в Пловдив вчера.", language: .bg)["entities"] as! [[String: Any]]
        XCTAssertEqual(entities.map { "\($0["text"]!)|\($0["base"]!)" }, ["Окръжният съд в Пловдив|Окръжен съд в Пловдив"])
    }

    func testInflectedFormsMatchDictionaryForms() throws {
        let dir = try writeRules([
            "pl/places.yaml": "name: test-places\nsummary: Test places.\nentries: [Finlandia, Bruksela, Kraków, Rumunia, Węgry, Włochy, Dania, Warta, Niemcy, Polska, Rosa, Azja, Zieloni, Brexit, Równe, Łódź, Port, Donieck]\n",
            "pl/entities.yaml": """
            rules:
              - id: pl.entity.test-place
                summary: a test place
                pattern: 'n:@test-places'
                priority: 9
                produce: {type: LOC, span: n}
                examples:
                  - {text: "Jadę do ⟦Finlandii⟧.", base: Finlandia}
            """,
            "bg/places.yaml": "name: test-places\nsummary: Test places.\nentries: [Европейска комисия, Брюксел, Делчево, Доминика, Дания]\n",
            "bg/entities.yaml": """
            rules:
              - id: bg.entity.test-place
                summary: a test place
                pattern: 'n:@test-places'
                priority: 9
                produce: {type: ORG, span: n}
                examples:
                  - {text: "Решение на ⟦Европейската комисия⟧.", base: Европейска комисия}
            """,
        ])
        let resources = try AnalysisResources.load(userRules: dir)
        let analyzer = try Analyzer(resources: resources)
        func bases(_ text: String, _ lang: Language) throws -> [String] {
            try analyzer.analyze(InputDocument(id: "t", path: "t", content: .text(text), language: lang)).entities.filter { $0.rule.hasSuffix("test-place") }.map { "\($0.base)" }
        }
        XCTAssertEqual(try bases("Delegacja z Finlandii i Brukseli spotkała się w Krakowie.", .pl), ["Finlandia", "Bruksela", "Kraków"])
        // Endings alone would take "Rumuni" (Romanians) for Rumunia; hunspell knows it as a form of "Rumun".
        XCTAssertEqual(try bases("Rumuni przyjechali z Rumunii.", .pl), ["Rumunia"])
        // Hunspell does not know the locatives with a changed stem consonant.
        XCTAssertEqual(try bases("Wybory na Węgrzech i we Włoszech.", .pl), ["Węgry", "Włochy"])
        // The genitive of Węgry; not the vocative ("Warto": it is worth), a plural -e of a
        // noun in -ia ("Dane": data), or -ów of a country named in the plural (Germans).
        XCTAssertEqual(try bases("Warto wiedzieć. Dane pokazują, że wielu Niemców wyjechało z Węgier.", .pl), ["Węgry"])
        // An ó of a short stem opens into o ("Łodzi"), which hunspell confirms; -o is no case
        // ending of a word in a consonant: "Porto" is no form of Port.
        XCTAssertEqual(try bases("Z Porto polecimy do Łodzi, a stamtąd pod Łodzią do Warszawy.", .pl), ["Łódź", "Łódź"])
        // Nor an adjective hunspell knows, made from the name: "Donieckim" is a form of doniecki.
        XCTAssertEqual(try bases("Kopalnie w Zagłębiu Donieckim i w Doniecku.", .pl), ["Donieck"])
        // Nor -ie after k: "Polskie" is the adjective, the locative is "Polsce".
        XCTAssertEqual(try bases("Polskie firmy inwestują w Polsce.", .pl), ["Polska"])
        // An i after the stem belongs to -ia or -ja: "Rosji" is no form of the name Rosa; "Azji" is Azja.
        XCTAssertEqual(try bases("Prezydent Rosji był w Azji. Rosa przyjechała.", .pl), ["Azja", "Rosa"])
        // An adjective made from a name is no form of it: "brexitowej" is no form of Brexit.
        // Nor is -ie a form of a neuter name in -e: "Równie" (equally) is no form of Równe.
        for (text, found) in [("Po brexitowej debacie i po Brexicie.", ["Brexicie"]), ("Równie dobrze było w Równem.", ["Równem"])] {
            XCTAssertEqual(try analyzer.analyze(InputDocument(id: "t", path: "t", content: .text(text), language: .pl)).entities
                .filter { $0.rule.hasSuffix("test-place") }.map { Support.slice(text, $0.span.start, $0.span.end) }, found)
        }
        // A name in the plural of men in -i has no singular forms: "Zielonej" is no form of Zieloni.
        let greens = "Na Zielonej Wyspie głosowali Zieloni i posłowie Zielonych."
        XCTAssertEqual(try analyzer.analyze(InputDocument(id: "t", path: "t", content: .text(greens), language: .pl)).entities
            .filter { $0.rule.hasSuffix("test-place") }.map { Support.slice(greens, $0.span.start, $0.span.end) }, ["Zieloni", "Zielonych"])
        let province = try Analyzer(resources: AnalysisResources.load()).analyze(InputDocument(id: "t", path: "t", content: .text("Walki trwają w obwodzie donieckim."), language: .pl)).entities
        XCTAssertEqual(province.map { "\($0.span.start)-\($0.span.end)|\($0.base)|\($0.type)" }, ["15-33|obwód doniecki|LOC"])
        // Polish writes no y after g: "Energy" is no form of Energa (whose genitive is "Energi").
        let energa = try Analyzer(resources: AnalysisResources.load()).analyze(InputDocument(id: "t", path: "t", content: .text("Akcje Energy i Energi spadły."), language: .pl)).entities
        XCTAssertEqual(energa.filter { $0.base == "Energa" }.map { "\($0.span.start)-\($0.span.end)" }, ["15-21"])
        XCTAssertEqual(try bases("Представители на Европейската комисия в Брюксел.", .bg), ["Европейска комисия", "Брюксел"])
        // A town in -ово keeps its -о: "Делчев" is a surname.
        XCTAssertEqual(try bases("Кметът Христо Делчев посети Делчево.", .bg), ["Делчево"])
        // So does a name in -а or -я: "Доминик" and "Дани" are given names; the article still inflects.
        XCTAssertEqual(try bases("Доминик Грийв и Дани Данон посетиха Доминиката и Дания.", .bg), ["Доминика", "Дания"])
    }

    /// A double prime typed for a closing quote ends a quoted company name like a quote.
    func testDoublePrimeClosesQuotedName() throws {
        XCTAssertEqual(try entities("Пловдивското тържище „Родопи-95″АД е пред събрание."), ["„Родопи-95″АД|ORG"])
    }

    /// The entities of Bulgarian `text` with the built-in rules, as "text|TYPE".
    private func entities(_ text: String) throws -> [String] {
        try Support.analyzer().analyze(InputDocument(id: "t", path: "t", content: .text(text), language: .bg)).entities
            .map { "\(Support.slice(text, $0.span.start, $0.span.end))|\($0.type)" }
    }

    /// A hyphen compound of names (a route, the sides of talks) is split into its names;
    /// one with a part that is no such name, a name written with a hyphen, and two
    /// companies joined (one company) stay one word.
    func testHyphenCompoundsOfNamesSplitIntoTheirNames() throws {
        func found(_ text: String, _ language: Language) throws -> [String] {
            try Support.analyzer().analyze(InputDocument(id: "t", path: "t", content: .text(text), language: language)).entities
                .map { "\(Support.slice(text, $0.span.start, $0.span.end))|\($0.type)|\($0.base)" }
        }
        XCTAssertEqual(try found("Odwołano trasy Porto-Kraków-Porto i Bruksela-Kraków-Brukseli.", .pl),
                       ["Porto|LOC|Porto", "Kraków|LOC|Kraków", "Porto|LOC|Porto", "Bruksela|LOC|Bruksela", "Kraków|LOC|Kraków", "Brukseli|LOC|Bruksela"])
        XCTAssertEqual(try found("Rozmowy UE-USA i umowa UE-Wielka Brytania.", .pl),
                       ["UE|ORG|UE", "USA|LOC|USA", "UE|ORG|UE", "Wielka Brytania|LOC|Wielka Brytania"])
        XCTAssertEqual(try found("Полетът по маршрута Лондон-Пловдив беше отклонен.", .bg), ["Лондон|LOC|Лондон", "Пловдив|LOC|Пловдив"])
        XCTAssertEqual(try found("Powiedział Jean-Claude Juncker.", .pl), ["Jean-Claude Juncker|PER|Jean-Claude Juncker"])
        let doc = try Support.analyzer().analyze(InputDocument(id: "t", path: "t", content: .text("Spółka BASF-Wintershall i miasto Bielsko-Biała."), language: .pl))
        XCTAssertEqual(doc.tokens.map { Support.slice(doc.text, Int($0.start), Int($0.end)) }, ["Spółka", "BASF-Wintershall", "i", "miasto", "Bielsko-Biała", "."])
        // The parts are tokens of their own: the hyphen between them is punctuation.
        let route = try Support.analyzer().analyze(InputDocument(id: "t", path: "t", content: .text("Lot Porto-Kraków."), language: .pl))
        XCTAssertEqual(route.tokens.map { "\(Support.slice(route.text, Int($0.start), Int($0.end)))|\($0.kind.name)" },
                       ["Lot|word", "Porto|word", "-|punctuation", "Kraków|word", ".|punctuation"])
    }

    /// An acronym with a Polish case ending after a hyphen is the acronym's entry: an
    /// organisation's, or a common noun's of `stop-caps`, which is then no name.
    func testAcronymsWithACaseEndingMatchTheirEntries() throws {
        let text = "Pismo trafiło do ZUS-u. Dostali SMS-a z kodem, potem SMS-em. Podatek VAT-u wzrósł."
        let doc = try Support.analyzer().analyze(InputDocument(id: "t", path: "t", content: .text(text), language: .pl))
        XCTAssertEqual(doc.entities.map { "\(Support.slice(text, $0.span.start, $0.span.end))|\($0.type)|\($0.base)" }, ["ZUS-u|ORG|ZUS"])
    }

    func testPlaceNamedLikeAPersonOfTheDocumentIsThatPerson() throws {
        // "Азия" alone, after "Азия Биби" in the same document, is her; without her, the continent.
        XCTAssertEqual(try entities("Азия Биби беше освободена. Съпругът на Азия благодари."),
                       ["Азия Биби|PER", "Азия|PER"])
        XCTAssertEqual(try entities("Съпругът на Азия благодари."), ["Азия|LOC"])
        // A city keeps its type: "София" after "София Петрова" is still the capital.
        XCTAssertEqual(try entities("София Петрова пристигна в София."), ["София Петрова|PER", "София|LOC"])
    }

    /// A name that ends in a symbol recurs only with it: "Днес+" later in the text, not the
    /// word "Днес" ("today") that opens a sentence.
    func testNameEndingInASymbolRecursOnlyWithIt() throws {
        XCTAssertEqual(try entities("Новината съобщи сайтът Днес+. Днес училищата отвориха отново."), ["Днес+|ORG"])
        XCTAssertEqual(try entities("Сайтът Днес+ съобщи новината. Според Днес+ училищата отвориха."), ["Днес+|ORG", "Днес+|ORG"])
    }

    /// A head that names one institution with its adjective takes no complement or place
    /// after it (`single-institution-heads`); another head does, without a relative day.
    func testSingleInstitutionHeadTakesNoComplement() throws {
        XCTAssertEqual(try entities("Преговарящият на Европейския съюз по въпросите на търговията дойде."), ["Европейския съюз|ORG"])
        XCTAssertEqual(try entities("Тя говори пред Европейски парламент София прие."), ["Европейски парламент|ORG", "София|LOC"])
        XCTAssertEqual(try entities("Говори пред Европейската асоциация за свободна търговия днес."), ["Европейската асоциация за свободна търговия|ORG"])
    }

    func testBaseFormsOfPluralPeopleApostropheEndingsAndSpaces() throws {
        func bases(_ text: String, _ lang: Language) throws -> [String] {
            try Support.analyzer().analyze(InputDocument(id: "t", path: "t", content: .text(text), language: lang)).entities
                .map { "\(Support.slice(text, $0.span.start, $0.span.end))|\($0.base)" }
        }
        // A plural people noun's base is the nominative plural (SlavicNER's), though hunspell
        // gives the singular; the singular keeps its own; a common noun's sentence capital goes.
        XCTAssertEqual(try bases("Wielu Brytyjczyków spotkało się z Polakami i jednym Polakiem.", .pl),
                       ["Brytyjczyków|Brytyjczycy", "Polakami|Polacy", "Polakiem|Polak"])
        XCTAssertEqual(try bases("Британците и евродепутатите питат един британец.", .bg),
                       ["Британците|британци", "евродепутатите|евродепутати", "британец|британец"])
        // A foreign name takes its Polish ending after an apostrophe: it matches the listed name
        // and its base drops the ending; a listed surname and a given name hunspell does not know
        // take their listed forms, but not in the nominative, nor a woman's surname in -ska in
        // any case ("Bożeny Kamińskiej" is no form of the listed Kamiński); a town whose two
        // halves decline in one word takes its listed forms ("Białymstoku").
        XCTAssertEqual(try bases("Spotkał się z Jean-Claude'em Junckerem i z Farage'owi.", .pl),
                       ["Jean-Claude'em Junckerem|Jean-Claude Juncker", "Farage'owi|Farage"])
        XCTAssertEqual(try bases("Rozmowa z Theresą May. Potem Angela Merkel, Marianne Thyssen i Marta Kaczyńska.", .pl),
                       ["Theresą May|Theresa May", "Angela Merkel|Angela Merkel", "Marianne Thyssen|Marianne Thyssen", "Marta Kaczyńska|Marta Kaczyńska"])
        XCTAssertEqual(try bases("Spotkanie z udziałem posłanki Bożeny Kamińskiej w Białymstoku.", .pl),
                       ["Bożeny Kamińskiej|Bożena Kamińska", "Białymstoku|Białystok"])
        // A man's surname in -a declines as a woman's noun: after his given name in the genitive
        // its -y is its -a, in the instrumental its -ą; an English name in -y stays as written.
        XCTAssertEqual(try bases("Film Jana Komasy wygrał. Rozmawiał z Janem Komasą. Gol Pawła Maślony i wywiad Michaela O'Leary.", .pl),
                       ["Jana Komasy|Jan Komasa", "Janem Komasą|Jan Komasa", "Pawła Maślony|Paweł Maślona", "Michaela O'Leary|Michael O'Leary"])
        // A foreign man's name hunspell knows no word of, each word in the instrumental or dative.
        XCTAssertEqual(try bases("Spotkał się z Guentherem Oettingerem. Podziękował Janosowi Aderowi.", .pl),
                       ["Guentherem Oettingerem|Guenther Oettinger", "Janosowi Aderowi|Janos Ader"])
        // A foreign surname in -i in the genitive (-iego) shows a man's name: his unknown given
        // name loses the -a of the genitive; a given name in -o is in the nominative.
        XCTAssertEqual(try bases("Spotkał Saooda Tirmiziego i Asifa Aliego Zardariego. Mario Draghiego nie było.", .pl),
                       ["Saooda Tirmiziego|Saood Tirmizi", "Asifa Aliego Zardariego|Asif Ali Zardari", "Mario Draghiego|Mario Draghi"])
        // A town with its adjective in an oblique case: the noun's lemma of the gender the
        // adjective shows, where hunspell lists the form as a lemma of its own too.
        XCTAssertEqual(try bases("Firma z Sędziszowa Małopolskiego i huta z Ostrowca Świętokrzyskiego.", .pl),
                       ["Sędziszowa Małopolskiego|Sędziszów Małopolski", "Ostrowca Świętokrzyskiego|Ostrowiec Świętokrzyski"])
        // A head with a fleeting ъ loses its short article before a complement, though hunspell
        // gives the form as a lemma of its own.
        XCTAssertEqual(try bases("Документи се приемат в Центъра за административно обслужване.", .bg), ["Центъра за административно обслужване|Център за административно обслужване"])
        // Two listed companies joined by "i" after a kind of organisation are two.
        XCTAssertEqual(try bases("Szczepionki firm Pfizer i Moderna zatwierdzono.", .pl), ["Pfizer|Pfizer", "Moderna|Moderna"])
        // A region's or city's name is no word of an organisation or foreign name after it.
        XCTAssertEqual(try bases("W 2000 roku na Florydzie Sąd Najwyższy zadecydował. Na wschód od Nowego Jorku Pensylwania ma 20 głosów.", .pl),
                       ["Florydzie|Floryda", "Sąd Najwyższy|Sąd Najwyższy", "Nowego Jorku|Nowy Jork", "Pensylwania|Pensylwania"])
        // An adjective in -dzka before a feminine head keeps its gender, as one in -ska does.
        XCTAssertEqual(try bases("Wczoraj głos zabrała Północnoirlandzka Demokratyczna Partia w Londynie.", .pl),
                       ["Północnoirlandzka Demokratyczna Partia|Północnoirlandzka Demokratyczna Partia", "Londynie|Londyn"])
        // A given name hunspell lists as written ("Pawła", "Pawłem") takes the first listed
        // given name it is a form of, and the surname its case: not Pawło, not "Nowaka".
        XCTAssertEqual(try bases("Spotkał Pawła Nowaka i rozmawiał z Pawłem Kowalskim.", .pl),
                       ["Pawła Nowaka|Paweł Nowak", "Pawłem Kowalskim|Paweł Kowalski"])
        // With a woman's surname in the nominative the given name is hers, not a man's in the
        // genitive ("Wiesława", not Wiesław), and a double surname keeps its ending; an
        // abbreviation in an organisation's name stays as written.
        XCTAssertEqual(try bases("Wiesława Przybylska-Kapuścińska i Wiesława Szymborska przyszły do PROFESCAPITAL Sp. z o.o. w Łodzi.", .pl),
                       ["Wiesława Przybylska-Kapuścińska|Wiesława Przybylska-Kapuścińska", "Wiesława Szymborska|Wiesława Szymborska",
                        "PROFESCAPITAL Sp. z o.o.|PROFESCAPITAL Sp. z o.o.", "Łodzi|Łódź"])
        // A surname hunspell does not know loses the ending the man's given name lost; an
        // acronym in capitals stays as written.
        XCTAssertEqual(try bases("Rozmawiał z Jensem Stoltenbergiem o Siergieju Skripalu i Siergieja Skripala. Według IALPA to błąd.", .pl),
                       ["Jensem Stoltenbergiem|Jens Stoltenberg", "Siergieju Skripalu|Siergiej Skripal", "Siergieja Skripala|Siergiej Skripal", "IALPA|IALPA"])
        // A man's given name in -ego leaves his surname a noun's -a to lose, even one hunspell
        // knows as written; a foreign given name's ending after an apostrophe is the
        // surname's without it; a woman's foreign surname in a consonant does not inflect,
        // her given name does (hunspell knows neither "Kamala" nor "Kamali").
        XCTAssertEqual(try bases("Słowa Konstantego Radziwiłła i Pete'a Buttigiega. Wybór Kamali Harris i rozmowa z Kamalą Harris.", .pl),
                       ["Konstantego Radziwiłła|Konstanty Radziwiłł", "Pete'a Buttigiega|Pete Buttigieg",
                        "Kamali Harris|Kamala Harris", "Kamalą Harris|Kamala Harris"])
        // A surname hunspell knows only as a form of the common word it is made of ("ortyla",
        // of ortyl) loses the ending too; a surname alone later takes its base from the full name.
        XCTAssertEqual(try bases("Przemawiał Władysław Ortyl. Słowa Władysława Ortyla i Siergieja Skripala. Skripala otruto.", .pl),
                       ["Władysław Ortyl|Władysław Ortyl", "Władysława Ortyla|Władysław Ortyl", "Siergieja Skripala|Siergiej Skripal", "Skripala|Skripal"])
        // An indeclinable head in -um shows no case: the adjective after it agrees with it; a
        // verb opening the sentence is no adjective of the name.
        XCTAssertEqual(try bases("Zwiedzili Muzeum Narodowego w Krakowie. Dyrektor Centrum Urazowego przyszedł.", .pl),
                       ["Muzeum Narodowego w Krakowie|Muzeum Narodowe w Krakowie", "Centrum Urazowego|Centrum Urazowe"])
        // A head in -y that is a feminine noun's genitive or a masculine one's plural is the
        // genitive in a name ("Gminy" → Gmina, not the plural of "gmin"), and a locative in -owie
        // is a town's ("Staszowie" → Staszów, not the Staszes); after a given name in the
        // nominative the surname is nominative too, though it ends like a genitive ("Chudy").
        XCTAssertEqual(try bases("Umowę podpisał Wójt Gminy Sławoborze. W Staszowie był Jerzy Chudy.", .pl),
                       ["Gminy Sławoborze|Gmina Sławoborze", "Staszowie|Staszów", "Jerzy Chudy|Jerzy Chudy"])
        // A Polish given name rather than the Italian one it could also be a form of.
        XCTAssertEqual(try bases("Spotkali się z Arturem Nowakiem. Chodzi o Artura Kowalskiego.", .pl),
                       ["Arturem Nowakiem|Artur Nowak", "Artura Kowalskiego|Artur Kowalski"])
        // A surname with a man's case ending makes the given name a man's, where hunspell
        // also knows a woman's name it could be a form of (Krzysztofa).
        XCTAssertEqual(try bases("Mówiono o Krzysztofie Nowaku, a potem o Ewie Nowak.", .pl),
                       ["Krzysztofie Nowaku|Krzysztof Nowak", "Ewie Nowak|Ewa Nowak"])
        // Forms hunspell does not know are listed under their entry's form, which they take
        // as their base.
        XCTAssertEqual(try bases("Prezydent Rzeczypospolitej Polskiej podpisał umowę z Rzecząpospolitą Polską.", .pl),
                       ["Rzeczypospolitej Polskiej|Rzeczpospolita Polska", "Rzecząpospolitą Polską|Rzeczpospolita Polska"])
        // A woman's surname hunspell does not know takes her given name's -a for its -ę or -ą
        // (a man's stem that changes, "Markiem" → Marek, leaves the surname's as it is);
        // "Sekretarza Stanu" (of stan) is no form of the country alias Stany, a town's or
        // province's adjective none of the town or province, nor a person after a title.
        XCTAssertEqual(try bases("Zespół prowadzi Annę Mrowcę z Markiem Kowalczykiem. Mówił Sekretarz Stanu USA. Wojewoda Pomorski i Starosta Płocki byli w Gdańsku z Anną Mrowcą.", .pl),
                       ["Annę Mrowcę|Anna Mrowca", "Markiem Kowalczykiem|Marek Kowalczyk", "USA|USA", "Gdańsku|Gdańsk", "Anną Mrowcą|Anna Mrowca"])
        // A Bulgarian neuter name in -е takes no -а: "Загора" keeps its own base, not Загоре's.
        XCTAssertEqual(try bases("Той живее в Загора, а тя в Стара Загора.", .bg), ["Загора|Загора", "Стара Загора|Стара Загора"])
        // A no-break space or a run of spaces inside a name is one space in its base form.
        XCTAssertEqual(try bases("Projekt prowadzi sieć ICEI\u{00A0}Alliance z Finlandii, a koncern Tata  Motors z Indii.", .pl),
                       ["ICEI\u{00A0}Alliance|ICEI Alliance", "Finlandii|Finlandia", "Tata  Motors|Tata Motors", "Indii|Indie"])
        // A head hunspell also lists as a capitalised word of its own ("Komisji") takes the
        // common noun's lemma; "ds." goes on with the sentence before a capital, and a name
        // after the remit stays out.
        XCTAssertEqual(try bases("Raport Komisji ds. Energii Marosz Szefczowicz przyjął w Krakowie.", .pl),
                       ["Komisji ds. Energii|Komisja ds. Energii", "Marosz Szefczowicz|Marosz Szefczowicz", "Krakowie|Kraków"])
    }

    /// A later mention of a name's tail is the name ("Wspólna Ziemia" after "Fundacja Wspólna
    /// Ziemia"), except after a locative preposition, where it is the place the name names (a
    /// town, `pl.entity.adjective-town`).
    func testNameTailAfterLocativeIsNoMention() throws {
        let json = try Support.annotate("Festiwal „Dni Nowej Dęby 2025” potrwa trzy dni. Radni spotkali się w Nowej Dębie. Umowę podpisała Fundacja Wspólna Ziemia. Wspólna Ziemia pomaga rolnikom.", language: .pl)
        let found = (json["entities"] as! [[String: Any]]).map { "\($0["text"]!)|\($0["type"]!)" }
        XCTAssertEqual(found, ["Dni Nowej Dęby 2025|EVT", "Nowej Dębie|LOC", "Fundacja Wspólna Ziemia|ORG", "Wspólna Ziemia|ORG"])
    }

    func testShortAcronymsMatchOnlyWordsInCapitals() throws {
        let dir = try writeRules([
            "pl/orgs.yaml": "name: test-orgs\nsummary: Test organisations.\nentries: [LOT, E.ON, Frontex, PiS]\n",
            "pl/entities.yaml": """
            rules:
              - id: pl.entity.test-org
                summary: a test organisation after "marka"
                pattern: 'marka n:@test-orgs'
                priority: 9
                produce: {type: ORG, span: n}
                examples:
                  - {text: "Jest marka ⟦LOT⟧ tutaj.", type: ORG}
            """,
        ])
        func found(_ text: String) throws -> [String?] {
            try annotations("entities", of: "pl.entity.test-org", rules: dir, in: text).map { $0["text"] as? String }
        }
        // "Loty" (flights), "Lot" and "lotu" are words; LOT, its inflected forms in capitals, E.ON
        // and longer names written with one capital are the organisations.
        XCTAssertEqual(try found("Była marka Loty, marka lotu i marka Lot."), [])
        XCTAssertEqual(try found("Jest marka LOT, marka E.On i marka Frontexu."), ["LOT", "E.On", "Frontexu"])
        // A short form with a capital inside matches a word with one inside, not "Pis" or "pis",
        // and document consistency does not find "PiS" again in "Pis".
        XCTAssertEqual(try found("Jest marka pis i marka PiS. Pis i marka PIS."), ["PiS", "PIS"])
    }

    func testMonthNamesComeFromICU() {
        let pl = CLDR.dateSymbols(.months, locale: "pl")
        let plStandalone = CLDR.dateSymbols(.standaloneMonths, locale: "pl")
        XCTAssertEqual(pl[4], "maja")
        XCTAssertEqual(pl[8], "września")
        XCTAssertEqual(plStandalone[4], "maj")
        XCTAssertEqual(plStandalone[8], "wrzesień")
        XCTAssertEqual(CLDR.dateSymbols(.months, locale: "bg")[8], "септември")
        let months = Support.resources.ruleSet.lexicons.first { $0.name == "months" && $0.language == .pl }!
        let forms = Set(months.entries.map(\.form))
        XCTAssertTrue(forms.isSuperset(of: ["maja", "maj", "września", "wrzesień", "wrz"]))
        XCTAssertEqual(months.entries.first { $0.form == "września" }?.value, "9")
        XCTAssertEqual(CLDR.countryName("FI", locale: "pl"), "Finlandia")
        XCTAssertEqual(CLDR.countryName("BE", locale: "bg"), "Белгия")
        XCTAssertTrue(Set(CLDR.currencyCodes()).isSuperset(of: ["EUR", "PLN", "BGN", "JPY", "NZD"]))
    }

    func testExplainShowsDroppedMatches() throws {
        let r = try PipelineExecutable.run(["explain", "--lang", "pl", "Umowę podpisano 27 maja 2021 r. w Gdańsku."])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("pl.date.day-month-year ⟦27 maja 2021 r.⟧"), r.stdout)
        XCTAssertTrue(r.stdout.contains("pl.date.day-month ⟦27 maja⟧"), r.stdout)
        XCTAssertTrue(r.stdout.contains("overlaps pl.date.day-month-year"), r.stdout)
    }

    func testRulesMarkdownDocumentsEveryRule() throws {
        let r = try PipelineExecutable.run(["rules", "--markdown"])
        XCTAssertEqual(r.status, 0)
        for rule in Support.resources.ruleSet.rules { XCTAssertTrue(r.stdout.contains("### `\(rule.id)`"), rule.id) }
    }
}
