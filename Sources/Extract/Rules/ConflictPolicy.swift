/// The one policy for overlapping matches, across all rules and dimensions:
/// the longest span wins; among equally long ones the higher priority; then the earlier
/// start; then the rule that comes first. A match that overlaps a kept one is dropped.
public enum ConflictPolicy {
    /// A dropped match and the kept match it lost to.
    public struct Dropped: Sendable {
        public var match: RuleMatch
        public var lostTo: RuleMatch
    }

    public static func select(_ matches: [RuleMatch], positions: Int) -> (kept: [RuleMatch], dropped: [Dropped]) {
        let order = matches.indices.sorted { a, b in
            let x = matches[a], y = matches[b]
            let lx = x.span.end - x.span.start, ly = y.span.end - y.span.start
            if lx != ly { return lx > ly }
            if x.priority != y.priority { return x.priority > y.priority }
            if x.start != y.start { return x.start < y.start }
            return x.rule < y.rule
        }
        var owner = [Int](repeating: -1, count: positions)
        var kept: [RuleMatch] = []
        var dropped: [Dropped] = []
        for i in order {
            let m = matches[i]
            if let clash = (m.start..<m.end).first(where: { owner[$0] >= 0 }) {
                dropped.append(Dropped(match: m, lostTo: kept[owner[clash]]))
                continue
            }
            for p in m.start..<m.end { owner[p] = kept.count }
            kept.append(m)
        }
        kept.sort { $0.start < $1.start }
        return (kept, dropped)
    }
}
