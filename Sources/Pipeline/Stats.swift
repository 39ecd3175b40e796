import ArgumentParser
import Extract
import Foundation

/// `pipeline stats`: what the outputs talk about, and when.
struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Counts over an output folder: documents per language, top entities per type, mentions per month and date, co-occurring entities.",
        discussion: "Entities are counted by type and base form; time is the document date. See the README, section Analytics.")

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Output folder of `pipeline run`.")
    var output: String = "output"

    @Option(help: "Number of entities per type and of entity pairs to show.")
    var top: Int = 10

    @Option(help: "Also write a self-contained HTML report with charts to this file.")
    var html: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let stats: CorpusStatistics
        do {
            stats = CorpusStatistics(documents: Array(try AnnotatedFolder(root: URL(fileURLWithPath: output)).readAll(keepText: false).values), top: top)
        } catch {
            FileHandle.standardError.write("pipeline stats: \(error)\n".data(using: .utf8)!)
            throw ExitCode(2)
        }
        if let html {
            let page = HTMLReport(statistics: stats, title: "Statistics of \(output)").render()
            try Data(page.utf8).write(to: URL(fileURLWithPath: html), options: .atomic)
            FileHandle.standardError.write("wrote \(html)\n".data(using: .utf8)!)
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(stats), as: UTF8.self))
        case .text:
            print(Self.render(stats), terminator: "")
        }
    }

    /// The statistics as terminal tables.
    static func render(_ s: CorpusStatistics) -> String {
        var out = "\(s.documents) documents\n\ndocuments per language\n"
        var languages = TextTable(["language", "documents", "entities", "dates"], rightAligned: [1, 2, 3])
        for l in s.languages { languages.add([l.language, "\(l.documents)", "\(l.entities)", "\(l.dates)"]) }
        out += languages.render()
        for type in s.topEntities.keys.sorted() {
            var t = TextTable(["\(type) (base form)", "mentions", "documents"], rightAligned: [1, 2])
            for e in s.topEntities[type]! { t.add([e.base, "\(e.mentions)", "\(e.documents)"]) }
            out += "\ntop \(type)\n" + t.render()
        }
        let types = ["PER", "ORG", "LOC", "EVT", "PRO"]
        func periods(_ title: String, _ list: [CorpusStatistics.PeriodCount]) -> String {
            var t = TextTable([title, "documents", "entities", "dates"] + types, rightAligned: Set(1...8))
            for p in list + (s.undated.documents > 0 ? [s.undated] : []) {
                t.add([p.period, "\(p.documents)", "\(p.entities)", "\(p.dates)"] + types.map { "\(p.entitiesByType[$0] ?? 0)" })
            }
            return t.render()
        }
        out += "\nmentions per month\n" + periods("month", s.byMonth)
        out += "\nmentions per document date\n" + periods("date", s.byDate)
        var pairs = TextTable(["entity", "entity", "documents"], rightAligned: [2])
        for p in s.pairs { pairs.add([p.first, p.second, "\(p.documents)"]) }
        out += "\nentities mentioned in the same documents\n" + pairs.render()
        return out
    }
}
