import Foundation

/// Scores recorded in the repository (`corpus/gold/scores.json`) that later runs must not fall below.
///
/// The file maps each measure to the F1 of every group (`all`, `entities`, `dates`, each type,
/// `lang:<code>` for each language), plus `accuracy.base` and `accuracy.dateValue`:
/// `{"schema":1,"scores":{"strict":{"all":0.71,"PER":0.8,"lang:pl":0.7},...,"accuracy":{"base":0.9,"dateValue":0.95}}}`.
public struct RecordedScores: Sendable, Codable, Equatable {
    /// The file name inside the gold folder; `AnnotatedFolder` does not read it as a document.
    public static let fileName = "scores.json"

    public var schema = 1
    /// Measure (or "accuracy") → group → value.
    public var scores: [String: [String: Double]]

    public init(scores: [String: [String: Double]]) { self.scores = scores }

    /// The values of a report, rounded to 4 decimals.
    public init(_ report: EvaluationReport) {
        func r(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
        var scores: [String: [String: Double]] = [:]
        for m in Measure.allCases {
            let b = report.breakdown(m)
            var groups = ["all": r(b.overall.f1)]
            for (k, v) in b.byDimension { groups[k] = r(v.f1) }
            for (k, v) in b.byType { groups[k] = r(v.f1) }
            for (k, v) in b.byLanguage { groups["lang:" + k] = r(v.f1) }
            scores[m.rawValue] = groups
        }
        scores["accuracy"] = ["base": r(report.baseFormAccuracy.value), "dateValue": r(report.dateValueAccuracy.value)]
        self.init(scores: scores)
    }

    public static func read(_ url: URL) throws -> RecordedScores {
        try JSONDecoder().decode(RecordedScores.self, from: Data(contentsOf: url))
    }

    /// Writes the file with sorted keys, one value per line.
    public func write(_ url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var data = try encoder.encode(self)
        data.append(0x0A)
        try data.write(to: url, options: .atomic)
    }

    /// A recorded value that the current scores fall below.
    public struct Drop: Sendable, Equatable, CustomStringConvertible {
        public var measure: String
        public var group: String
        public var recorded: Double
        public var current: Double
        public var description: String {
            "\(measure) \(group): \(String(format: "%.4f", current)) < recorded \(String(format: "%.4f", recorded))"
        }
    }

    /// Every recorded value that `current` is below (a group missing from `current` counts as 0).
    /// Values are compared at the recorded precision of 4 decimals.
    public func drops(in current: RecordedScores) -> [Drop] {
        var out: [Drop] = []
        for (measure, groups) in scores.sorted(by: { $0.key < $1.key }) {
            for (group, recorded) in groups.sorted(by: { $0.key < $1.key }) {
                let now = current.scores[measure]?[group] ?? 0
                if now < recorded - 1e-9 { out.append(Drop(measure: measure, group: group, recorded: recorded, current: now)) }
            }
        }
        return out
    }
}
