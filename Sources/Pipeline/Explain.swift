import ArgumentParser
import Extract
import Foundation

/// `pipeline explain`: every match in a text, with rule ids, captures and conflicts.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show every rule match in a text with its rule id and captures, including matches the conflict policy dropped and why.")

    @Option(help: "Language of the text (bg, pl, en).")
    var lang: String

    @Option(name: .customLong("document-date"), help: "Document date (YYYY-MM-DD) for relative dates.")
    var documentDate: String?

    @Option(help: "A folder of your own rules.")
    var rules: String?

    @Argument(help: "The text.")
    var text: String

    func validate() throws {
        guard Language(rawValue: lang) != nil else { throw ValidationError("--lang must be bg, pl or en; got '\(lang)'") }
        if let documentDate, CivilDate(iso: documentDate) == nil { throw ValidationError("--document-date must be YYYY-MM-DD") }
    }

    func run() throws {
        let resources = try AnalysisResources.load(userRules: rules.map { URL(fileURLWithPath: $0) })
        let analyzer = try Analyzer(resources: resources)
        let input = InputDocument(id: "explain", path: "explain", content: .text(text),
                                  documentDate: documentDate.flatMap(CivilDate.init(iso:)), language: Language(rawValue: lang))
        let (doc, trace) = try analyzer.explain(input)
        func show(_ m: RuleMatch) -> String {
            let rule = trace.rules.rules[m.rule]
            let caps = m.captures.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.value.isEmpty ? doc.text($0.value.span) : $0.value.value)" }.joined(separator: " ")
            return "\(rule.id) ⟦\(doc.text(m.span))⟧ [\(doc.offsets.codePoint(m.span.start))..\(doc.offsets.codePoint(m.span.end))) \(caps)"
        }
        print("kept:")
        for m in trace.kept { print("  " + show(m)) }
        print("dropped by the conflict policy (longest span, then priority, then earliest start):")
        for d in trace.dropped { print("  " + show(d.match) + "  — overlaps " + trace.rules.rules[d.lostTo.rule].id + " ⟦\(doc.text(d.lostTo.span))⟧") }
        if let d = doc.documentDate { print("document date: \(d.value) (\(d.source.rawValue))") }
        print("dates:")
        for d in doc.dates { print("  ⟦\(doc.text(d.span))⟧ \(d.kind.rawValue) \(d.value)\(d.range.map { " range \($0.from)..\($0.to)" } ?? "") \(d.anchor.rawValue) — \(d.rule)") }
        print("entities:")
        for e in doc.entities { print("  ⟦\(doc.text(e.span))⟧ \(e.type.rawValue) base=\(e.base) latin=\(e.latin) — \(e.rule)") }
    }
}
