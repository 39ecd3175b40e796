/// A false positive or false negative of the strict measure, with where it is.
public struct EvaluationFinding: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable { case falsePositive = "FP", falseNegative = "FN" }

    public var kind: Kind
    public var document: String
    public var language: String
    /// The system annotation (false positive) or the gold annotation (false negative).
    public var annotation: Annotation
    /// The rule behind it: the system annotation's rule for a false positive; for a false negative,
    /// the rule of the overlapping system annotation when there is one.
    public var rule: String?
    /// The annotation on the other side overlapping this one (a gold annotation for a false
    /// positive, a system annotation for a false negative): a wrong span, type or value rather
    /// than a miss.
    public var counterpart: Annotation?
    /// The text around the annotation with the annotation in `[[ ]]`.
    public var context: String?
}
