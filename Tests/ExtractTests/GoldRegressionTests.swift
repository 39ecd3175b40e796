import Extract
import Foundation
import XCTest

/// Runs the analyser over `corpus/` and scores it against `corpus/gold`; fails when a score
/// falls below the one recorded in `corpus/gold/scores.json`.
final class GoldRegressionTests: XCTestCase {
    static let record = "swift run pipeline evaluate --gold corpus/gold --run --record corpus/gold/scores.json"

    func testScoresDoNotDropBelowRecorded() throws {
        let corpus = TestSupport.packageRoot.appendingPathComponent("corpus")
        guard !AnnotatedFolder(root: corpus.appendingPathComponent("gold")).isEmpty() else {
            throw XCTSkip("corpus/gold has no gold files (<id>.json) yet: nothing to score; the regression check starts with the first gold file")
        }
        if let failure = try Self.regression(corpus: corpus) { XCTFail(failure) }
    }

    /// The check on a small corpus: passes at the recorded scores, fails with the drops, the
    /// per-type tables and the errors when a recorded score is not reached.
    func testRegressionCheckReportsDrops() throws {
        let corpus = try TestSupport.temporaryFolder()
        try Data("Warszawa i Kraków.\n".utf8).write(to: corpus.appendingPathComponent("w.txt"))
        try TestSupport.write(#"{"id":"w","language":"pl","dates":[],"entities":[{"start":0,"end":8,"text":"Warszawa","type":"EVT","base":"Warszawa"}]}"#,
                              to: corpus, "gold/w.json")
        let missing = try XCTUnwrap(try Self.regression(corpus: corpus))
        XCTAssertTrue(missing.hasPrefix("no recorded scores in corpus/gold/scores.json"), missing)

        let scores = corpus.appendingPathComponent("gold/scores.json")
        try RecordedScores(scores: ["strict": ["EVT": 0]]).write(scores)
        XCTAssertNil(try Self.regression(corpus: corpus))

        try RecordedScores(scores: ["strict": ["EVT": 1], "document": ["lang:pl": 0.5]]).write(scores)
        let failure = try XCTUnwrap(try Self.regression(corpus: corpus))
        XCTAssertTrue(failure.hasPrefix("""
            scores fell below corpus/gold/scores.json:
              document lang:pl: 0.0000 < recorded 0.5000
              strict EVT: 0.0000 < recorded 1.0000
            """), failure)
        XCTAssertTrue(failure.contains("FN w EVT 0-8 \"Warszawa\" base=Warszawa"), failure)
        XCTAssertTrue(failure.contains("[[Warszawa]] i Kraków."), failure)
    }

    /// Analyses the texts of `corpus` that have gold files and compares the scores with
    /// `corpus/gold/scores.json`; returns the failure message, or nil when no score dropped.
    static func regression(corpus: URL) throws -> String? {
        let goldURL = corpus.appendingPathComponent("gold")
        let gold = GoldFolder(gold: goldURL, corpus: corpus)
        let pipeline = try InMemoryPipeline(resources: AnalysisResources.load())
        let run = pipeline.run(try gold.inputs())
        let report = Evaluator().evaluate(gold: try gold.goldDocuments(), system: run.documents)
        var listed = report
        listed.findings = Array(report.findings.prefix(60))
        var text = EvaluationText.render(listed, totalFindings: report.findings.count)
        if !run.errors.isEmpty { text = "analysis errors:\n" + run.errors.map { "  \($0)\n" }.joined() + text }

        let scoresURL = goldURL.appendingPathComponent(RecordedScores.fileName)
        guard FileManager.default.fileExists(atPath: scoresURL.path) else {
            return "no recorded scores in corpus/gold/scores.json; record the current ones with\n  \(record)\n\n\(text)"
        }
        let drops = try RecordedScores.read(scoresURL).drops(in: RecordedScores(report))
        guard !drops.isEmpty else { return nil }
        return "scores fell below corpus/gold/scores.json:\n" + drops.map { "  \($0)\n" }.joined()
            + "(after an intended change, record the new scores with \(record))\n\n" + text
    }
}
