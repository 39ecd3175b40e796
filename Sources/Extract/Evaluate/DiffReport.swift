/// The differences between two sets of pipeline outputs, per document and per rule.
public struct DiffReport: Sendable, Codable, Equatable {
    /// The changes in one document.
    public struct DocumentChanges: Sendable, Codable, Equatable {
        /// Whether the document is in both runs, or only in the new (added) or old (removed) one.
        public enum Status: String, Sendable, Codable { case both, added, removed }
        public var id: String
        public var status: Status
        public var changes: [AnnotationChange]
    }

    /// Counts of changes attributed to one rule.
    public struct RuleSummary: Sendable, Codable, Equatable {
        public var rule: String
        public var added = 0
        public var removed = 0
        public var changed = 0

        public init(rule: String, added: Int = 0, removed: Int = 0, changed: Int = 0) {
            self.rule = rule; self.added = added; self.removed = removed; self.changed = changed
        }

        /// `pl.date.day-month-year: +12 −0 ~3`
        public var line: String { "\(rule): +\(added) −\(removed) ~\(changed)" }
    }

    /// Documents with at least one change (or present in only one run), sorted by id.
    public var documents: [DocumentChanges] = []
    /// One entry per rule with changes, sorted by rule id.
    public var rules: [RuleSummary] = []
    /// Number of documents compared (present in either run).
    public var documentsCompared = 0

    public init() {}

    /// True when both runs have the same documents and annotations.
    public var isEmpty: Bool { documents.isEmpty }

    /// Totals over all rules.
    public var total: RuleSummary {
        rules.reduce(into: RuleSummary(rule: "total")) { t, r in t.added += r.added; t.removed += r.removed; t.changed += r.changed }
    }
}
