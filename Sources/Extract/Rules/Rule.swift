/// What a rule extracts.
public enum Dimension: String, Sendable, CaseIterable {
    case date, entity
}

/// A value a rule produces: the value of a named capture, or a constant.
public enum ProducedValue: Sendable, Equatable {
    case capture(String)
    case constant(String)
}

/// One record a rule produces per match: field name to value, plus an optional sub-span
/// (the union of the named captures) for rules that yield several annotations (lists).
public struct ProducedRecord: Sendable, Equatable {
    public var fields: [String: ProducedValue]
    /// Capture names whose extent is the annotation's span; empty means the whole match.
    public var span: [String]
}

/// A worked example of a rule: text with the expected span marked ⟦like this⟧.
public struct RuleExample: Sendable {
    public var text: String
    /// Expected fields: `value` for dates, `type`/`base` for entities (any field of the output item).
    public var expect: [String: String]
    public var documentDate: CivilDate?
    /// The language the example runs in (`lang`), for a language-neutral rule shown with a
    /// language's lexicons; nil: the rule's language (English for a `common` rule).
    public var language: Language?
    public var line: Int
}

/// An extraction rule loaded from a rule file.
public struct Rule: Sendable {
    /// Stable id, `<language>.<dimension>.<name>` (e.g. pl.date.day-month-year).
    public var id: String
    public var summary: String
    public var dimension: Dimension
    /// nil for language-neutral rules (the `common` folder).
    public var language: Language?
    public var priority: Int
    public var patternSource: String
    public var pattern: PatternNode
    public var produce: [ProducedRecord]
    /// Tests the previous / next token must not pass (context conditions), and must pass.
    public var notBefore: [[TokenTest]]
    public var notAfter: [[TokenTest]]
    public var before: [[TokenTest]]
    public var after: [[TokenTest]]
    public var examples: [RuleExample]
    public var counterexamples: [RuleExample]
    /// The rule file and the line the rule starts on.
    public var file: String
    public var line: Int
}
