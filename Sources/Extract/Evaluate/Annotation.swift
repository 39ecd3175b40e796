/// One date or entity annotation as read from an output or gold JSON file.
///
/// Offsets are Unicode code point indices into the document text, end exclusive.
public struct Annotation: Sendable, Hashable, Codable {
    /// Which list of the document the annotation comes from.
    public enum Dimension: String, Sendable, Hashable, Codable, CaseIterable {
        case entity, date

        /// The plural used in reports and table rows ("entities", "dates").
        public var plural: String { self == .entity ? "entities" : "dates" }
    }

    public var dimension: Dimension
    public var start: Int
    public var end: Int
    public var text: String
    /// Entity type (PER, ORG, LOC, EVT, PRO) or date type (DATE, TIME, DURATION, SET).
    public var type: String
    /// TIMEX3 value of a date.
    public var value: String?
    /// Base (nominative) form of an entity.
    public var base: String?
    public var latin: String?
    public var grain: String?
    public var anchor: String?
    public var rangeFrom: String?
    public var rangeTo: String?
    /// Id of the rule that produced the annotation (absent in gold files).
    public var rule: String?

    public init(dimension: Dimension, start: Int, end: Int, text: String, type: String, value: String? = nil,
                base: String? = nil, latin: String? = nil, grain: String? = nil, anchor: String? = nil,
                rangeFrom: String? = nil, rangeTo: String? = nil, rule: String? = nil) {
        self.dimension = dimension; self.start = start; self.end = end; self.text = text; self.type = type
        self.value = value; self.base = base; self.latin = latin; self.grain = grain; self.anchor = anchor
        self.rangeFrom = rangeFrom; self.rangeTo = rangeTo; self.rule = rule
    }

    /// Reads one element of a `dates` or `entities` array; throws a message naming the missing field.
    init(_ object: [String: Any], dimension: Dimension) throws {
        guard let start = object["start"] as? Int, let end = object["end"] as? Int else {
            throw AnnotatedDocument.FormatError("an annotation needs integer \"start\" and \"end\"")
        }
        guard let type = object["type"] as? String else {
            throw AnnotatedDocument.FormatError("the annotation at \(start)-\(end) has no \"type\"")
        }
        let range = object["range"] as? [String: Any]
        self.init(dimension: dimension, start: start, end: end, text: object["text"] as? String ?? "", type: type,
                  value: object["value"] as? String, base: object["base"] as? String, latin: object["latin"] as? String,
                  grain: object["grain"] as? String, anchor: object["anchor"] as? String,
                  rangeFrom: range?["from"] as? String, rangeTo: range?["to"] as? String, rule: object["rule"] as? String)
    }

    /// The normalised value that strict matching compares: the date value, or nothing for entities.
    var strictValue: String? { dimension == .date ? (value ?? "") : nil }

    /// Whether the two spans share at least one code point.
    public func overlaps(_ other: Annotation) -> Bool { start < other.end && other.start < end }

    /// Number of code points both spans cover.
    func overlapLength(_ other: Annotation) -> Int { max(0, min(end, other.end) - max(start, other.start)) }

    /// A one-line description: `ORG 12-29 "Unii Europejskiej" base=Unia Europejska [pl.entity.org]`.
    public var summary: String {
        var s = "\(type) \(start)-\(end) \"\(text)\""
        if let value { s += " value=\(value)" }
        if let base { s += " base=\(base)" }
        if let rule { s += " [\(rule)]" }
        return s
    }
}
