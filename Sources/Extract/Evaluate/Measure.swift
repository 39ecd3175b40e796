/// How a system annotation is matched with a gold annotation.
public enum Measure: String, Sendable, Codable, CaseIterable {
    /// Same start, end and type; for dates also the same value. Mentions are counted one by one.
    case strict
    /// Overlapping spans (at least one shared code point) and the same type; date values are
    /// not compared. Each gold annotation matches at most one system annotation and vice versa:
    /// gold annotations in text order each take the unmatched system annotation of the same
    /// type with the largest overlap (the earliest on a tie).
    case overlap
    /// BSNLP's document-level relaxed measure: per document, the set of unique
    /// (surface text, type) pairs of the gold and of the system are compared; a pair counts once
    /// however often it is mentioned. Surface texts are compared exactly (case and
    /// diacritics included). Counts are summed over documents (micro average).
    case document

    /// One line for table titles.
    public var title: String {
        switch self {
        case .strict: return "strict: exact span and type (dates: also exact value)"
        case .overlap: return "overlap: overlapping span and same type"
        case .document: return "document: unique (surface form, type) pairs per document (BSNLP relaxed)"
        }
    }
}
