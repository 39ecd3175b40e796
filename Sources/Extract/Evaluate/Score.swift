/// Counts of true positives, false positives and false negatives, with precision, recall and F1.
///
/// A ratio whose denominator is zero is 0 (no system annotations: precision 0; no gold
/// annotations: recall 0). F1 is the harmonic mean of precision and recall, 0 when both are 0.
public struct Score: Sendable, Equatable, Codable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0

    public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
        self.truePositives = truePositives; self.falsePositives = falsePositives; self.falseNegatives = falseNegatives
    }

    /// Number of gold annotations (true positives plus false negatives).
    public var gold: Int { truePositives + falseNegatives }
    /// Number of system annotations (true positives plus false positives).
    public var system: Int { truePositives + falsePositives }
    public var precision: Double { system == 0 ? 0 : Double(truePositives) / Double(system) }
    public var recall: Double { gold == 0 ? 0 : Double(truePositives) / Double(gold) }
    public var f1: Double {
        let p = precision, r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    public static func + (a: Score, b: Score) -> Score {
        Score(truePositives: a.truePositives + b.truePositives, falsePositives: a.falsePositives + b.falsePositives,
              falseNegatives: a.falseNegatives + b.falseNegatives)
    }

    public static func += (a: inout Score, b: Score) { a = a + b }

    enum CodingKeys: String, CodingKey { case truePositives, falsePositives, falseNegatives, gold, system, precision, recall, f1 }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(truePositives, forKey: .truePositives)
        try c.encode(falsePositives, forKey: .falsePositives)
        try c.encode(falseNegatives, forKey: .falseNegatives)
        try c.encode(gold, forKey: .gold)
        try c.encode(system, forKey: .system)
        try c.encode(precision, forKey: .precision)
        try c.encode(recall, forKey: .recall)
        try c.encode(f1, forKey: .f1)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        truePositives = try c.decode(Int.self, forKey: .truePositives)
        falsePositives = try c.decode(Int.self, forKey: .falsePositives)
        falseNegatives = try c.decode(Int.self, forKey: .falseNegatives)
    }
}
