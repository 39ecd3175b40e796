/// A rule that matched: the tokens it covers and its captures.
public struct RuleMatch: Sendable {
    /// Index of the rule in its `CompiledRules`.
    public var rule: Int
    /// Non-space token positions `start..<end` the match claims: the union of the spans it
    /// produces (context such as a trigger word outside them is not claimed).
    public var start: Int
    public var end: Int
    /// UTF-16 span of the claimed tokens.
    public var span: Span
    public var priority: Int
    /// Capture name to its value (entry value for lexicon captures, number or text otherwise) and span.
    public var captures: Captures

    public struct Capture: Sendable, Equatable {
        public var value: String
        public var span: Span
        /// Non-space token positions the capture covers.
        public var tokens: Range<Int>
    }

    /// A match's captures by name.
    public typealias Captures = NamedList<Capture>
}
