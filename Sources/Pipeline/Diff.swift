import ArgumentParser
import Extract
import Foundation

/// `pipeline diff`: what changed between two runs, per document and per rule.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the annotations added, removed and changed between two output folders, or between two rule folders over a corpus.",
        discussion: """
            pipeline diff OLD NEW                        compare two output folders
            pipeline diff --rules-a A --rules-b B CORPUS  analyse CORPUS with rule folders A and B, compare in memory
            Exit codes: 0 ok (or no change with --fail-on-change), 1 changes with --fail-on-change, 2 unreadable input.
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "OLD and NEW output folders, or the CORPUS with --rules-a/--rules-b.")
    var paths: [String]

    @Option(name: .customLong("rules-a"), help: "Rule folder of the old run (analyse CORPUS in memory).")
    var rulesA: String?

    @Option(name: .customLong("rules-b"), help: "Rule folder of the new run.")
    var rulesB: String?

    @Flag(name: .customLong("fail-on-change"), help: "Exit with 1 when anything differs.")
    var failOnChange = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if (rulesA == nil) != (rulesB == nil) { throw ValidationError("give both --rules-a and --rules-b, or neither") }
        if rulesA != nil, paths.count != 1 { throw ValidationError("with --rules-a/--rules-b, give one CORPUS folder") }
        if rulesA == nil, paths.count != 2 { throw ValidationError("give two output folders: OLD NEW") }
    }

    func run() throws {
        let report: DiffReport
        do {
            let (old, new) = try load()
            report = OutputDiff().diff(old: old, new: new)
        } catch {
            FileHandle.standardError.write("pipeline diff: \(error)\n".data(using: .utf8)!)
            throw ExitCode(2)
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        case .text:
            print(Self.render(report), terminator: "")
        }
        if failOnChange && !report.isEmpty { throw ExitCode(1) }
    }

    private func load() throws -> (old: [String: AnnotatedDocument], new: [String: AnnotatedDocument]) {
        guard let rulesA, let rulesB else {
            return (try AnnotatedFolder(root: URL(fileURLWithPath: paths[0])).readAll(keepText: false),
                    try AnnotatedFolder(root: URL(fileURLWithPath: paths[1])).readAll(keepText: false))
        }
        let reader = CorpusReader(root: URL(fileURLWithPath: paths[0]))
        let inputs = try reader.entries().flatMap { try reader.read($0) }
        func analyse(_ rules: String) throws -> [String: AnnotatedDocument] {
            let pipeline = try InMemoryPipeline(resources: AnalysisResources.load(userRules: URL(fileURLWithPath: rules)))
            let result = pipeline.run(inputs)
            for e in result.errors { FileHandle.standardError.write("error (\(rules)): \(e)\n".data(using: .utf8)!) }
            return result.documents
        }
        return (try analyse(rulesA), try analyse(rulesB))
    }

    /// The report as readable text: each document's changes, then the summary per rule.
    static func render(_ report: DiffReport) -> String {
        var out = ""
        for d in report.documents {
            let counts = d.changes.reduce(into: (0, 0, 0)) { c, x in
                switch x.kind { case .added: c.0 += 1; case .removed: c.1 += 1; case .changed: c.2 += 1 }
            }
            let note = d.status == .both ? "" : " (document only in the \(d.status == .added ? "new" : "old") run)"
            out += "\(d.id): +\(counts.0) −\(counts.1) ~\(counts.2)\(note)\n"
            for c in d.changes {
                switch c.kind {
                case .added: out += "  + \(c.new!.summary)\n"
                case .removed: out += "  − \(c.old!.summary)\n"
                case .changed:
                    out += "  ~ \(c.new!.summary)  (\(c.fields.joined(separator: ", ")))\n"
                    out += "      was \(c.old!.summary)\n"
                }
            }
        }
        if report.isEmpty {
            out += "no differences in \(report.documentsCompared) documents\n"
            return out
        }
        out += "\nby rule:\n"
        for r in report.rules { out += "  \(r.line)\n" }
        let t = report.total
        out += "total: +\(t.added) −\(t.removed) ~\(t.changed) in \(report.documents.count) of \(report.documentsCompared) documents\n"
        return out
    }
}
