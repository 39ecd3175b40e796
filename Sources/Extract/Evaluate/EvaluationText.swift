import Foundation

/// Renders an evaluation report as plain text for the terminal and for test failures.
public enum EvaluationText {
    /// The report as terminal tables: one per measure, the accuracies, errors per rule and the
    /// listed findings (`totalFindings` is how many there were before the list was cut).
    public static func render(_ report: EvaluationReport, totalFindings: Int) -> String {
        func pct(_ x: Double) -> String { String(format: "%.1f", x * 100) }
        var out = "\(report.documents) gold documents"
        if !report.missingOutputs.isEmpty {
            out += ", \(report.missingOutputs.count) without output (all their gold counted as missed), e.g. <output>/"
                + report.missingOutputs.prefix(3).map { $0 + ".json" }.joined(separator: ", ")
        }
        out += "\n"
        for m in Measure.allCases {
            let b = report.breakdown(m)
            var t = TextTable(["group", "gold", "system", "tp", "fp", "fn", "P", "R", "F1"], rightAligned: Set(1...8))
            func row(_ name: String, _ s: Score) {
                t.add([name, "\(s.gold)", "\(s.system)", "\(s.truePositives)", "\(s.falsePositives)", "\(s.falseNegatives)",
                       pct(s.precision), pct(s.recall), pct(s.f1)])
            }
            row("all", b.overall)
            for (k, s) in b.byDimension.sorted(by: { $0.key < $1.key }) { row(k, s) }
            for (k, s) in b.byType.sorted(by: { $0.key < $1.key }) { row(k, s) }
            for (lang, types) in b.byLanguageAndType.sorted(by: { $0.key < $1.key }) {
                row(lang, b.byLanguage[lang] ?? Score())
                for (k, s) in types.sorted(by: { $0.key < $1.key }) { row("  \(lang) \(k)", s) }
            }
            out += "\n" + m.title + "\n" + t.render()
        }
        out += "\nbase-form accuracy (strictly matched entities): \(pct(report.baseFormAccuracy.value))% "
            + "(\(report.baseFormAccuracy.correct)/\(report.baseFormAccuracy.total))\n"
        out += "date-value accuracy (dates with the gold span): \(pct(report.dateValueAccuracy.value))% "
            + "(\(report.dateValueAccuracy.correct)/\(report.dateValueAccuracy.total))\n"
        if !report.ruleErrors.isEmpty {
            var t = TextTable(["rule", "FP", "FN"], rightAligned: [1, 2])
            for r in report.ruleErrors.prefix(20) { t.add([r.rule, "\(r.falsePositives)", "\(r.falseNegatives)"]) }
            out += "\nstrict errors by rule (FN: rule of the overlapping system annotation)\n" + t.render()
        }
        if !report.findings.isEmpty {
            out += "\nstrict errors (\(report.findings.count) of \(totalFindings)):\n"
            for f in report.findings {
                out += "\(f.kind.rawValue) \(f.document) \(f.annotation.summary)"
                if f.kind == .falseNegative, let rule = f.rule { out += " [near \(rule)]" }
                out += "\n"
                if let c = f.counterpart { out += "   \(f.kind == .falsePositive ? "gold" : "system"): \(c.summary)\n" }
                if let ctx = f.context { out += "   … \(ctx) …\n" }
            }
        }
        return out
    }
}
