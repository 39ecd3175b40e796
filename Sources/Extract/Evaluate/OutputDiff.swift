/// Compares the annotations of two runs document by document.
///
/// Within a document and dimension, annotations identical in every field are unchanged. Of the
/// rest, an old and a new annotation with the same span are a change; then annotations with
/// overlapping spans and the same type are a change (largest overlap first); what remains is
/// removed (old) or added (new). Each change is attributed to the rule of the new annotation
/// (of the old one when removed). A document in only one run has all its annotations added or removed.
public struct OutputDiff: Sendable {
    public init() {}

    /// Differences from `old` to `new` (both keyed by document id).
    public func diff(old: [String: AnnotatedDocument], new: [String: AnnotatedDocument]) -> DiffReport {
        var report = DiffReport()
        var summaries: [String: DiffReport.RuleSummary] = [:]
        let ids = Set(old.keys).union(new.keys).sorted()
        report.documentsCompared = ids.count
        // Changes of a document come in text order.
        for id in ids {
            let o = old[id], n = new[id]
            var changes: [AnnotationChange] = []
            for dimension in Annotation.Dimension.allCases {
                changes += diff(o?.annotations(dimension) ?? [], n?.annotations(dimension) ?? [], dimension)
            }
            changes.sort { (($0.new ?? $0.old!).start, ($0.new ?? $0.old!).end) < (($1.new ?? $1.old!).start, ($1.new ?? $1.old!).end) }
            let status: DiffReport.DocumentChanges.Status = o == nil ? .added : n == nil ? .removed : .both
            guard !changes.isEmpty || status != .both else { continue }
            for c in changes {
                switch c.kind {
                case .added: summaries[c.rule, default: .init(rule: c.rule)].added += 1
                case .removed: summaries[c.rule, default: .init(rule: c.rule)].removed += 1
                case .changed: summaries[c.rule, default: .init(rule: c.rule)].changed += 1
                }
            }
            report.documents.append(.init(id: id, status: status, changes: changes))
        }
        report.rules = summaries.values.sorted { $0.rule < $1.rule }
        return report
    }

    /// The changes between two lists of one dimension.
    func diff(_ old: [Annotation], _ new: [Annotation], _ dimension: Annotation.Dimension) -> [AnnotationChange] {
        // Identical annotations are unchanged.
        var newLeft = new
        var oldLeft: [Annotation] = []
        for a in old {
            if let j = newLeft.firstIndex(of: a) { newLeft.remove(at: j) } else { oldLeft.append(a) }
        }
        var changes: [AnnotationChange] = []
        func pair(_ accept: (Annotation, Annotation) -> Bool, score: (Annotation, Annotation) -> Int) {
            var i = 0
            while i < oldLeft.count {
                let a = oldLeft[i]
                let candidates = newLeft.indices.filter { accept(a, newLeft[$0]) }
                if let j = candidates.max(by: { score(a, newLeft[$0]) < score(a, newLeft[$1]) }) {
                    let b = newLeft.remove(at: j)
                    oldLeft.remove(at: i)
                    changes.append(AnnotationChange(kind: .changed, dimension: dimension, old: a, new: b,
                                                    fields: AnnotationChange.differences(a, b), rule: b.rule ?? "(none)"))
                } else {
                    i += 1
                }
            }
        }
        pair({ $0.start == $1.start && $0.end == $1.end }, score: { a, b in a.type == b.type ? 1 : 0 })
        pair({ $0.overlaps($1) && $0.type == $1.type }, score: { $0.overlapLength($1) })
        changes += oldLeft.map { AnnotationChange(kind: .removed, dimension: dimension, old: $0, new: nil, fields: [], rule: $0.rule ?? "(none)") }
        changes += newLeft.map { AnnotationChange(kind: .added, dimension: dimension, old: nil, new: $0, fields: [], rule: $0.rule ?? "(none)") }
        return changes
    }
}
