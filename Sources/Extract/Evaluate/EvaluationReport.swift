/// The result of comparing pipeline outputs with gold annotations.
public struct EvaluationReport: Sendable, Codable {
    /// Scores of one measure, overall and broken down.
    public struct Breakdown: Sendable, Codable, Equatable {
        public var overall = Score()
        /// Keyed by "entities" and "dates".
        public var byDimension: [String: Score] = [:]
        /// Keyed by entity type (PER, ORG, LOC, EVT, PRO) and date type (DATE, TIME, DURATION, SET).
        public var byType: [String: Score] = [:]
        /// Keyed by the gold document's language.
        public var byLanguage: [String: Score] = [:]
        /// Language, then type.
        public var byLanguageAndType: [String: [String: Score]] = [:]

        public init() {}

        mutating func add(_ score: Score, language: String, dimension: Annotation.Dimension, type: String) {
            overall += score
            byDimension[dimension.plural, default: Score()] += score
            byType[type, default: Score()] += score
            byLanguage[language, default: Score()] += score
            byLanguageAndType[language, default: [:]][type, default: Score()] += score
        }
    }

    /// A share of correct items.
    public struct Accuracy: Sendable, Codable, Equatable {
        public var correct = 0
        public var total = 0
        /// correct / total, 0 when there is nothing to count.
        public var value: Double { total == 0 ? 0 : Double(correct) / Double(total) }

        public init(correct: Int = 0, total: Int = 0) { self.correct = correct; self.total = total }

        enum CodingKeys: String, CodingKey { case correct, total, value }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(correct, forKey: .correct); try c.encode(total, forKey: .total); try c.encode(value, forKey: .value)
        }
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            correct = try c.decode(Int.self, forKey: .correct); total = try c.decode(Int.self, forKey: .total)
        }
    }

    /// Strict-measure errors attributed to one rule.
    public struct RuleErrors: Sendable, Codable, Equatable {
        public var rule: String
        public var falsePositives: Int
        public var falseNegatives: Int

        public init(rule: String, falsePositives: Int, falseNegatives: Int) {
            self.rule = rule; self.falsePositives = falsePositives; self.falseNegatives = falseNegatives
        }
    }

    /// Number of gold documents evaluated.
    public var documents = 0
    /// Gold documents without a pipeline output (all their gold annotations are false negatives).
    public var missingOutputs: [String] = []
    /// Keyed by `Measure.rawValue`.
    public var scores: [String: Breakdown] = [:]
    /// Share of strictly matched entities whose base form equals the gold base form.
    public var baseFormAccuracy = Accuracy()
    /// Share of dates with exactly the gold span (any type) whose value equals the gold value.
    public var dateValueAccuracy = Accuracy()
    /// Strict false positives and false negatives, by document then offset.
    public var findings: [EvaluationFinding] = []
    /// Strict errors per rule, most errors first (a false negative without an overlapping
    /// system annotation is counted under "(none)").
    public var ruleErrors: [RuleErrors] = []

    public init() {}

    /// The scores of one measure.
    public func breakdown(_ measure: Measure) -> Breakdown { scores[measure.rawValue] ?? Breakdown() }
}
