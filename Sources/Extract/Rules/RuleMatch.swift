/// A rule that matched: the tokens it covers and its captures.
public struct RuleMatch: Sendable {
    /// Index of the rule in its `CompiledRules`.
    public var rule: Int
    /// Non-space token positions `start..<end`.
    public var start: Int
    public var end: Int
    /// UTF-16 span in the document.
    public var span: Span
    public var priority: Int
    /// Capture name to its value (entry value for lexicon captures, number or text otherwise) and span.
    public var captures: [String: Capture]

    public struct Capture: Sendable, Equatable {
        public var value: String
        public var span: Span
        /// Non-space token positions the capture covers.
        public var tokens: Range<Int>
    }
}
