import ArgumentParser
import Extract
import Foundation

/// `pipeline evaluate`: scores pipeline outputs against gold annotations.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score pipeline outputs against gold annotations (strict, overlap and document-level P/R/F1).",
        discussion: """
            Gold formats: json (corpus/gold/<id>.json, compared with OUTPUT/<id>.json) and slavicner \
            (metadata.tsv, raw/, ner/; a raw file's output id is its path under raw/ without its last extension, \
            as given by `pipeline run DIR/raw --output OUTPUT`). With --run the texts are analysed in memory \
            instead of reading OUTPUT (slavicner: with language and document date from metadata.tsv). \
            Exit codes: 0 ok, 1 F1 below --min-f1, 2 unreadable input. See the README, section Evaluation.
            """)

    enum GoldFormat: String, ExpressibleByArgument, CaseIterable { case json, slavicner }
    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Folder of pipeline outputs (ignored with --run).")
    var output: String = "output"

    @Option(help: "Gold folder: corpus/gold for json, the SlavicNER folder for slavicner.")
    var gold: String = "corpus/gold"

    @Option(name: .customLong("gold-format"), help: "Gold format: json or slavicner.")
    var goldFormat: GoldFormat = .json

    @Flag(name: .customLong("run"), help: "Analyse the gold documents' texts in memory instead of reading OUTPUT.")
    var analyse = false

    @Option(help: "With --run and json gold: the folder of the texts (default: the gold folder's parent).")
    var corpus: String?

    @Option(help: "With --run: a folder of extra or overriding rules.")
    var rules: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .customLong("min-f1"), help: "Exit with 1 when the F1 of --measure over --group is below this value (0...1).")
    var minF1: Double?

    @Option(help: "The measure --min-f1 checks: strict, overlap or document.")
    var measure: Measure = .strict

    @Option(help: "The group --min-f1 checks: all, entities, dates, a type (PER, DATE, ...) or lang:<code>.")
    var group: String = "all"

    @Option(help: "Write the scores to this file (e.g. corpus/gold/scores.json) for the regression test.")
    var record: String?

    @Option(help: "Number of false positives and negatives to list (default: 25 in text, all in json).")
    var errors: Int?

    @Option(help: "Code points of context on each side of a listed error.")
    var context: Int = 40

    func validate() throws {
        if let minF1, !(0...1).contains(minF1) { throw ValidationError("--min-f1 must be between 0 and 1; got \(minF1)") }
    }

    func run() throws {
        let report: EvaluationReport
        do {
            report = try evaluate()
        } catch {
            FileHandle.standardError.write("pipeline evaluate: \(error)\n".data(using: .utf8)!)
            throw ExitCode(2)
        }
        var shown = report
        if let errors { shown.findings = Array(report.findings.prefix(max(0, errors))) } else if format == .text {
            shown.findings = Array(report.findings.prefix(25))
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(shown), as: UTF8.self))
        case .text:
            print(EvaluationText.render(shown, totalFindings: report.findings.count), terminator: "")
        }
        let recorded = RecordedScores(report)
        if let record {
            try recorded.write(URL(fileURLWithPath: record))
            FileHandle.standardError.write("recorded scores in \(record)\n".data(using: .utf8)!)
        }
        if let minF1 {
            let f1 = recorded.scores[measure.rawValue]?[group] ?? 0
            let what = "\(measure.rawValue) F1 of \(group) = \(String(format: "%.4f", f1))"
            if f1 < minF1 {
                FileHandle.standardError.write("FAIL: \(what) is below --min-f1 \(minF1)\n".data(using: .utf8)!)
                throw ExitCode(1)
            }
            FileHandle.standardError.write("ok: \(what) >= \(minF1)\n".data(using: .utf8)!)
        }
    }

    private func evaluate() throws -> EvaluationReport {
        let goldURL = URL(fileURLWithPath: gold)
        let source: GoldSource = goldFormat == .slavicner
            ? SlavicNERCorpus(root: goldURL)
            : GoldFolder(gold: goldURL, corpus: corpus.map { URL(fileURLWithPath: $0) })
        let goldDocuments = try source.goldDocuments()
        let system: [String: AnnotatedDocument]
        if analyse {
            let pipeline = try InMemoryPipeline(resources: AnalysisResources.load(userRules: rules.map { URL(fileURLWithPath: $0) }))
            let result = pipeline.run(try source.inputs())
            for e in result.errors { FileHandle.standardError.write("error: \(e)\n".data(using: .utf8)!) }
            system = result.documents
        } else {
            let folder = AnnotatedFolder(root: URL(fileURLWithPath: output))
            var docs: [String: AnnotatedDocument] = [:]
            for g in goldDocuments where FileManager.default.fileExists(atPath: folder.root.appendingPathComponent(g.id + ".json").path) {
                docs[g.id] = try folder.read(g.id)
            }
            system = docs
        }
        return Evaluator(contextWindow: context).evaluate(gold: goldDocuments, system: system)
    }
}

extension Measure: ExpressibleByArgument {}
