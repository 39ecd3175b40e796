/// A temporal expression found in a document, with its TIMEX3 value.
public struct DateAnnotation: Sendable, Equatable {
    public enum Kind: String, Sendable { case date = "DATE", time = "TIME", duration = "DURATION", set = "SET" }
    /// How the value was fixed.
    public enum Anchor: String, Sendable { case absolute, documentDate = "document-date", previousMention = "previous-mention", unresolved }

    public var span: Span
    public var kind: Kind
    /// TIMEX3 value: 2012-10-10, 2016-11, 2021, 2020-Q1, P3Y, PRESENT_REF, XXXX-12-13 ...
    public var value: String
    /// The smallest unit the value names: year, quarter, month, week, day, hour, minute ...
    public var grain: String
    public var anchor: Anchor
    public var rule: String
    /// For ranges, the values of both ends.
    public var range: (from: String, to: String)?
    /// TIMEX3 modifier for parts of periods: START, MID, END.
    public var mod: String?
    /// TIMEX3 frequency of a SET: "2X" for twice per its period.
    public var freq: String?

    public init(span: Span, kind: Kind, value: String, grain: String, anchor: Anchor, rule: String,
                range: (from: String, to: String)? = nil, mod: String? = nil, freq: String? = nil) {
        self.span = span; self.kind = kind; self.value = value; self.grain = grain
        self.anchor = anchor; self.rule = rule; self.range = range; self.mod = mod; self.freq = freq
    }

    public static func == (a: DateAnnotation, b: DateAnnotation) -> Bool {
        a.span == b.span && a.kind == b.kind && a.value == b.value && a.grain == b.grain && a.anchor == b.anchor
            && a.rule == b.rule && a.mod == b.mod && a.freq == b.freq && a.range?.from == b.range?.from && a.range?.to == b.range?.to
    }
}
