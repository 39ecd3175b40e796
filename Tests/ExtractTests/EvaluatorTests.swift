import Extract
import Foundation
import XCTest

final class EvaluatorTests: XCTestCase {
    let slavicner = TestSupport.fixtures.appendingPathComponent("slavicner")
    let slavicnerOutput = TestSupport.fixtures.appendingPathComponent("slavicner-output")

    private func slavicnerReport() throws -> EvaluationReport {
        let gold = try SlavicNERCorpus(root: slavicner).goldDocuments()
        let system = try AnnotatedFolder(root: slavicnerOutput).readAll()
        return Evaluator(contextWindow: 10).evaluate(gold: gold, system: system)
    }

    func testSlavicNERScoresPerMeasure() throws {
        let r = try slavicnerReport()
        XCTAssertEqual(r.documents, 3)
        XCTAssertEqual(r.missingOutputs, ["t2/pl/t2_pl.txt_file_3"])
        XCTAssertEqual(r.breakdown(.strict).overall, Score(truePositives: 7, falsePositives: 3, falseNegatives: 4))
        XCTAssertEqual(r.breakdown(.overlap).overall, Score(truePositives: 8, falsePositives: 2, falseNegatives: 3))
        XCTAssertEqual(r.breakdown(.document).overall, Score(truePositives: 7, falsePositives: 3, falseNegatives: 3))
        XCTAssertEqual(r.breakdown(.strict).overall.f1, 2 * 0.7 * (7.0 / 11) / (0.7 + 7.0 / 11), accuracy: 1e-12)
        XCTAssertEqual(r.breakdown(.overlap).overall.f1, 2 * 0.8 * (8.0 / 11) / (0.8 + 8.0 / 11), accuracy: 1e-12)
        XCTAssertEqual(r.breakdown(.document).overall.f1, 0.7, accuracy: 1e-12)

        let strict = r.breakdown(.strict)
        XCTAssertEqual(strict.byType["PER"], Score(truePositives: 4, falsePositives: 1, falseNegatives: 0))
        XCTAssertEqual(strict.byType["LOC"], Score(truePositives: 2, falsePositives: 0, falseNegatives: 2))
        XCTAssertEqual(strict.byType["ORG"], Score(truePositives: 1, falsePositives: 2, falseNegatives: 1))
        XCTAssertEqual(strict.byType["EVT"], Score(truePositives: 0, falsePositives: 0, falseNegatives: 1))
        XCTAssertEqual(strict.byLanguage["bg"], Score(truePositives: 3, falsePositives: 3, falseNegatives: 2))
        XCTAssertEqual(strict.byLanguage["pl"], Score(truePositives: 4, falsePositives: 0, falseNegatives: 2))
        XCTAssertEqual(strict.byLanguageAndType["bg"]?["ORG"], Score(truePositives: 0, falsePositives: 2, falseNegatives: 1))
        XCTAssertEqual(strict.byDimension.keys.sorted(), ["entities"], "SlavicNER has no dates: dates are not scored")

        XCTAssertEqual(r.baseFormAccuracy, EvaluationReport.Accuracy(correct: 5, total: 7))
        XCTAssertEqual(r.dateValueAccuracy, EvaluationReport.Accuracy(correct: 0, total: 0))
    }

    func testFindingsCarryRuleCounterpartAndContext() throws {
        let r = try slavicnerReport()
        XCTAssertEqual(r.findings.filter { $0.kind == .falsePositive }.count, 3)
        XCTAssertEqual(r.findings.filter { $0.kind == .falseNegative }.count, 4)
        let missedBrussels = try XCTUnwrap(r.findings.first { $0.kind == .falseNegative && $0.annotation.start == 82 })
        XCTAssertEqual(missedBrussels.document, "t1/bg/t1_bg-1.txt")
        XCTAssertEqual(missedBrussels.annotation.type, "LOC")
        XCTAssertEqual(missedBrussels.rule, "bg.entity.org")
        XCTAssertEqual(missedBrussels.counterpart?.type, "ORG")
        XCTAssertEqual(missedBrussels.context, "комисия в [[Брюксел]]. ")
        let title = try XCTUnwrap(r.findings.first { $0.kind == .falsePositive && $0.annotation.start == 0 })
        XCTAssertEqual(title.rule, "bg.entity.title")
        XCTAssertNil(title.counterpart)
        XCTAssertEqual(title.context, "[[Премиерът]] Бойко Бор")
        XCTAssertEqual(r.ruleErrors.first, EvaluationReport.RuleErrors(rule: "bg.entity.org", falsePositives: 2, falseNegatives: 2))
    }

    func testOffsetsAreCodePoints() throws {
        let gold = try SlavicNERCorpus(root: slavicner).goldDocuments()
        let bg = try XCTUnwrap(gold.first { $0.language == "bg" })
        let afterEmoji = try XCTUnwrap(bg.entities?.first { $0.start == 42 })
        XCTAssertEqual(afterEmoji.text, "Борисов")
        XCTAssertEqual(bg.text(from: 42, to: 49), "Борисов")
        XCTAssertEqual(bg.context(of: afterEmoji, window: 2), "😀 [[Борисов]] г")
    }

    func testSlavicNEROutputIdsAreTheRunIds() throws {
        let corpus = SlavicNERCorpus(root: slavicner)
        let entries = try corpus.entries()
        let runIds = try CorpusReader(root: slavicner.appendingPathComponent("raw")).entries().map(\.id)
        XCTAssertEqual(entries.map(\.outputId).sorted(), runIds)
        XCTAssertEqual(entries.map(\.outputId), ["t1/bg/t1_bg-1.txt", "t1/pl/t1_pl.txt_file_2", "t2/pl/t2_pl.txt_file_3"])
        let inputs = try corpus.inputs()
        XCTAssertEqual(inputs.map(\.documentDate), [CivilDate(year: 2021, month: 3, day: 4), CivilDate(year: 2021, month: 5, day: 6),
                                                    CivilDate(year: 2021, month: 6, day: 7)])
        XCTAssertEqual(inputs.map(\.language), [.bg, .pl, .pl])
    }

    func testInMemoryRunTakesLanguageAndDateFromMetadata() throws {
        let corpus = SlavicNERCorpus(root: slavicner)
        let pipeline = try InMemoryPipeline(resources: AnalysisResources.load())
        let result = pipeline.run(try corpus.inputs())
        XCTAssertEqual(result.errors.count, 0)
        let bg = try XCTUnwrap(result.documents["t1/bg/t1_bg-1.txt"])
        XCTAssertEqual(bg.language, "bg")
        XCTAssertEqual(bg.documentDate, "2021-03-04")
        XCTAssertEqual(bg.documentDateSource, "input")
        XCTAssertEqual(bg.text(from: 42, to: 49), "Борисов")
        let report = Evaluator().evaluate(gold: try corpus.goldDocuments(), system: result.documents)
        XCTAssertEqual(report.missingOutputs, [])
        XCTAssertEqual(report.breakdown(.strict).overall.gold, 11)
    }

    func testPythonScriptAgreesOnDocumentLevelScores() throws {
        let script = TestSupport.packageRoot.appendingPathComponent("scripts/slavicner_score.py")
        let outcome = try TestSupport.execute(URL(fileURLWithPath: "/usr/bin/env"),
                                              ["python3", script.path, "--json", slavicner.path, slavicnerOutput.path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let python = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: [String: Double]])
        let swift = try slavicnerReport().breakdown(.document)
        var groups: [(String, Score)] = [("all", swift.overall)]
        groups += swift.byType.map { ($0.key, $0.value) }
        groups += swift.byLanguage.map { ("lang:" + $0.key, $0.value) }
        XCTAssertEqual(Set(python.keys), Set(groups.map(\.0)))
        for (key, s) in groups {
            let p = try XCTUnwrap(python[key], key)
            XCTAssertEqual(p["tp"], Double(s.truePositives), key)
            XCTAssertEqual(p["fp"], Double(s.falsePositives), key)
            XCTAssertEqual(p["fn"], Double(s.falseNegatives), key)
            XCTAssertEqual(p["precision"]!, s.precision, accuracy: 1e-12, key)
            XCTAssertEqual(p["recall"]!, s.recall, accuracy: 1e-12, key)
            XCTAssertEqual(p["f1"]!, s.f1, accuracy: 1e-12, key)
        }
        XCTAssertEqual(python["all"]?["f1"] ?? 0, 0.7, accuracy: 1e-12)
    }

    func testDateScoresAndValueAccuracy() throws {
        let text = "Od 5 marca 2021 do końca roku, co tydzień."
        func date(_ s: String, _ type: String, _ value: String, rule: String? = nil) -> Annotation {
            let r = text.range(of: s)!
            let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: r.lowerBound)
            return Annotation(dimension: .date, start: start, end: start + s.unicodeScalars.count, text: s, type: type, value: value, rule: rule)
        }
        let gold = AnnotatedDocument(id: "d", language: "pl", text: text, dates: [
            date("5 marca 2021", "DATE", "2021-03-05"), date("końca roku", "DATE", "2021"), date("co tydzień", "SET", "P1W"),
        ], entities: [])
        let system = AnnotatedDocument(id: "d", language: "pl", text: text, dates: [
            date("5 marca 2021", "DATE", "2021-03-05", rule: "pl.date.day-month-year"),
            date("końca roku", "DATE", "2021-12", rule: "pl.date.end-of-year"),
            date("tydzień", "SET", "P1W", rule: "pl.date.every-week"),
        ], entities: [])
        let r = Evaluator().evaluate(gold: [gold], system: ["d": system])
        XCTAssertEqual(r.breakdown(.strict).byDimension["dates"], Score(truePositives: 1, falsePositives: 2, falseNegatives: 2))
        XCTAssertEqual(r.breakdown(.overlap).byDimension["dates"], Score(truePositives: 3, falsePositives: 0, falseNegatives: 0))
        XCTAssertEqual(r.breakdown(.strict).byType["SET"], Score(truePositives: 0, falsePositives: 1, falseNegatives: 1))
        XCTAssertEqual(r.dateValueAccuracy, EvaluationReport.Accuracy(correct: 1, total: 2))
        XCTAssertEqual(r.breakdown(.strict).byDimension["entities"], nil)
        let wrongValue = try XCTUnwrap(r.findings.first { $0.kind == .falseNegative && $0.annotation.text == "końca roku" })
        XCTAssertEqual(wrongValue.rule, "pl.date.end-of-year")
        XCTAssertEqual(wrongValue.counterpart?.value, "2021-12")
    }

    func testGoldFolderReadsJSONAndSkipsDimensionsItLacks() throws {
        let dir = try TestSupport.temporaryFolder()
        let gold = dir.appendingPathComponent("corpus/gold"), output = dir.appendingPathComponent("output")
        try TestSupport.write(#"{"id":"a/1","language":"en","documentDate":"2021-02-03","entities":[{"start":0,"end":5,"text":"Paris","type":"LOC","base":"Paris"}]}"#,
                              to: gold, "a/1.json")
        try TestSupport.write(#"{"recorded":"not a gold file"}"#, to: gold, "scores.json")
        try TestSupport.write(#"""
            {"schema":1,"id":"a/1","source":{"path":"a/1.txt","sha256":"x","bytes":9,"encoding":"UTF-8"},"language":"en","languages":[],
             "text":"Paris, 2021","sentences":[{"start":0,"end":11}],
             "dates":[{"start":7,"end":11,"text":"2021","type":"DATE","value":"2021","grain":"year","anchor":"absolute","rule":"en.date.year"}],
             "entities":[{"start":0,"end":5,"text":"Paris","type":"LOC","base":"Paris","latin":"Paris","rule":"en.entity.city"}],
             "pipeline":{"version":"0.1.0","rules":"sha256:x"}}
            """#, to: output, "a/1.json")
        let folder = GoldFolder(gold: gold)
        XCTAssertEqual(folder.corpus.standardizedFileURL.path, dir.appendingPathComponent("corpus").standardizedFileURL.path)
        let golds = try folder.goldDocuments()
        XCTAssertEqual(golds.map(\.id), ["a/1"])
        XCTAssertEqual(golds[0].documentDate, "2021-02-03")
        XCTAssertNil(golds[0].dates)
        let r = Evaluator().evaluate(gold: golds, system: try AnnotatedFolder(root: output).readAll())
        XCTAssertEqual(r.breakdown(.strict).overall, Score(truePositives: 1))
        XCTAssertEqual(r.baseFormAccuracy, EvaluationReport.Accuracy(correct: 1, total: 1))
    }

    func testRecordedScoresReportDrops() throws {
        let r = try slavicnerReport()
        let recorded = RecordedScores(r)
        XCTAssertEqual(recorded.scores["strict"]?["all"], 0.6667)
        XCTAssertEqual(recorded.scores["document"]?["lang:pl"], 0.8)
        XCTAssertEqual(recorded.scores["accuracy"]?["base"], 0.7143)
        XCTAssertEqual(recorded.drops(in: recorded), [])
        var worse = recorded
        worse.scores["strict"]?["PER"] = 0.5
        XCTAssertEqual(recorded.drops(in: worse).map(\.description), ["strict PER: 0.5000 < recorded 0.8889"])
        let file = try TestSupport.temporaryFolder().appendingPathComponent("scores.json")
        try recorded.write(file)
        XCTAssertEqual(try RecordedScores.read(file), recorded)
    }

    func testEvaluateCommandMinF1ExitCodes() throws {
        let args = ["evaluate", "--gold-format", "slavicner", "--gold", slavicner.path, slavicnerOutput.path]
        let failing = try TestSupport.pipeline(args + ["--min-f1", "0.7"])
        XCTAssertEqual(failing.status, 1)
        XCTAssertEqual(failing.stderr, "FAIL: strict F1 of all = 0.6667 is below --min-f1 0.7\n")
        XCTAssertTrue(failing.stdout.contains("FN t1/bg/t1_bg-1.txt LOC 82-89 \"Брюксел\" base=Брюксел [near bg.entity.org]"), failing.stdout)
        let passing = try TestSupport.pipeline(args + ["--min-f1", "0.6"])
        XCTAssertEqual(passing.status, 0)
        let document = try TestSupport.pipeline(args + ["--min-f1", "0.75", "--measure", "document", "--group", "lang:pl"])
        XCTAssertEqual(document.status, 0, document.stderr)
        XCTAssertEqual(document.stderr, "ok: document F1 of lang:pl = 0.8000 >= 0.75\n")
        let json = try TestSupport.pipeline(args + ["--format", "json", "--errors", "2"])
        XCTAssertEqual(json.status, 0)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((object["findings"] as? [Any])?.count, 2)
        let strict = (object["scores"] as? [String: Any])?["strict"] as? [String: Any]
        XCTAssertEqual((strict?["overall"] as? [String: Any])?["truePositives"] as? Int, 7)
        let scores = try TestSupport.temporaryFolder().appendingPathComponent("scores.json")
        let recording = try TestSupport.pipeline(args + ["--record", scores.path, "--format", "json"])
        XCTAssertEqual(recording.status, 0)
        XCTAssertEqual(try RecordedScores.read(scores).scores["strict"]?["ORG"], 0.4)
        XCTAssertEqual(try RecordedScores.read(scores).scores["overlap"]?["ORG"], 0.8)
        let missing = try TestSupport.pipeline(["evaluate", "--gold", "/nonexistent/gold"])
        XCTAssertEqual(missing.status, 2)
    }
}
