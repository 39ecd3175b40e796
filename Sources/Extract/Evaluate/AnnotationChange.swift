/// One difference between two runs: an annotation added, removed or changed.
public struct AnnotationChange: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable { case added, removed, changed }

    public var kind: Kind
    public var dimension: Annotation.Dimension
    /// The annotation in the old run (nil when added).
    public var old: Annotation?
    /// The annotation in the new run (nil when removed).
    public var new: Annotation?
    /// For a change, what differs: any of span, type, value, base, latin, grain, anchor, range, rule.
    public var fields: [String]
    /// The rule responsible: the new annotation's rule, or the old one's when removed.
    public var rule: String

    /// The fields compared, in report order.
    static let comparedFields = ["span", "type", "value", "base", "latin", "grain", "anchor", "range", "rule"]

    /// The fields in which two annotations differ.
    static func differences(_ a: Annotation, _ b: Annotation) -> [String] {
        comparedFields.filter { field in
            switch field {
            case "span": return a.start != b.start || a.end != b.end
            case "type": return a.type != b.type
            case "value": return a.value != b.value
            case "base": return a.base != b.base
            case "latin": return a.latin != b.latin
            case "grain": return a.grain != b.grain
            case "anchor": return a.anchor != b.anchor
            case "range": return a.rangeFrom != b.rangeFrom || a.rangeTo != b.rangeTo
            default: return a.rule != b.rule
            }
        }
    }
}
