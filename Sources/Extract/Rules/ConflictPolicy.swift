/// The one policy for overlapping matches, across all rules and dimensions:
/// the longest span wins; among equally long ones the higher priority; then the earlier
/// start; then the rule that comes first. A match that overlaps a kept one is dropped.
public enum ConflictPolicy {
    /// A dropped match and the kept match it lost to.
    public struct Dropped: Sendable {
        public var match: RuleMatch
        public var lostTo: RuleMatch
    }

    /// What the policy weighs of a match: the token positions it claims, the length of
    /// their span in the text, its rule's priority and the rule's index.
    struct Claim {
        var start: Int
        var end: Int
        var length: Int
        var priority: Int
        var rule: Int
    }

    /// The indices of the kept claims in text order, and each dropped claim's index with
    /// the index of the kept claim it lost to.
    static func select(_ claims: [Claim], positions: Int) -> (kept: [Int], dropped: [(Int, Int)]) {
        let order = packedOrder(claims) ?? claims.indices.sorted { a, b in
            let x = claims[a], y = claims[b]
            if x.length != y.length { return x.length > y.length }
            if x.priority != y.priority { return x.priority > y.priority }
            if x.start != y.start { return x.start < y.start }
            if x.rule != y.rule { return x.rule < y.rule }
            return a < b
        }
        var owner = [Int](repeating: -1, count: positions)
        var kept: [Int] = []
        var dropped: [(Int, Int)] = []
        kept.reserveCapacity(claims.count)
        dropped.reserveCapacity(claims.count)
        for i in order {
            let c = claims[i]
            if let clash = (c.start..<c.end).first(where: { owner[$0] >= 0 }) {
                dropped.append((i, owner[clash]))
                continue
            }
            for p in c.start..<c.end { owner[p] = i }
            kept.append(i)
        }
        kept.sort { claims[$0].start < claims[$1].start }
        return (kept, dropped)
    }

    /// The same order as the comparison above, by sorting one integer per claim (length,
    /// priority, start, rule and index packed from the most significant bits down); nil when
    /// a value does not fit its bits.
    private static func packedOrder(_ claims: [Claim]) -> [Int]? {
        var keys: [UInt64] = []
        keys.reserveCapacity(claims.count)
        guard claims.count < 1 << 12 else { return nil }
        for (i, c) in claims.enumerated() {
            guard c.length >= 0, c.length < 1 << 16, c.priority >= -128, c.priority < 128,
                  c.start >= 0, c.start < 1 << 16, c.rule >= 0, c.rule < 1 << 12 else { return nil }
            // longer and higher first: their complements ascend
            let length = UInt64((1 << 16) - 1 - c.length), priority = UInt64(127 - c.priority)
            keys.append(length << 48 | priority << 40 | UInt64(c.start) << 24 | UInt64(c.rule) << 12 | UInt64(i))
        }
        keys.sort()
        return keys.map { Int($0 & 0xFFF) }
    }
}
