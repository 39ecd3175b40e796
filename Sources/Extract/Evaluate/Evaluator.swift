/// Compares pipeline outputs with gold annotations; see `Measure` for the three ways of matching.
///
/// Only gold documents are evaluated: an output without a gold file is ignored, a gold file
/// without an output counts all its annotations as false negatives. Only the dimensions a gold
/// document annotates are scored for it (SlavicNER has no dates).
public struct Evaluator: Sendable {
    /// Code points of context on each side of a finding.
    public var contextWindow: Int

    public init(contextWindow: Int = 40) { self.contextWindow = contextWindow }

    /// Scores `system` (keyed by document id) against `gold`.
    public func evaluate(gold: [AnnotatedDocument], system: [String: AnnotatedDocument]) -> EvaluationReport {
        var report = EvaluationReport()
        var breakdowns = [Measure: EvaluationReport.Breakdown]()
        var ruleErrors: [String: EvaluationReport.RuleErrors] = [:]
        for g in gold.sorted(by: { $0.id < $1.id }) {
            report.documents += 1
            let s = system[g.id]
            if s == nil { report.missingOutputs.append(g.id) }
            let language = g.language ?? s?.language ?? "unknown"
            for dimension in Annotation.Dimension.allCases {
                guard let goldList = g.annotations(dimension) else { continue }
                let gl = goldList.map { a -> Annotation in
                    var a = a
                    if a.text.isEmpty { a.text = g.text(from: a.start, to: a.end) ?? s?.text(from: a.start, to: a.end) ?? "" }
                    return a
                }
                let sl = s?.annotations(dimension) ?? []
                func add(_ measure: Measure, _ type: String, tp: Int = 0, fp: Int = 0, fn: Int = 0) {
                    breakdowns[measure, default: .init()].add(Score(truePositives: tp, falsePositives: fp, falseNegatives: fn),
                                                             language: language, dimension: dimension, type: type)
                }

                let strict = Self.strictMatch(gl, sl)
                for (gi, si) in strict.pairs {
                    add(.strict, gl[gi].type, tp: 1)
                    if dimension == .entity {
                        report.baseFormAccuracy.total += 1
                        if (sl[si].base ?? "") == (gl[gi].base ?? "") { report.baseFormAccuracy.correct += 1 }
                    }
                }
                for gi in strict.unmatchedGold {
                    add(.strict, gl[gi].type, fn: 1)
                    let other = Self.largestOverlap(gl[gi], in: sl)
                    let rule = other?.rule
                    ruleErrors[rule ?? "(none)", default: .init(rule: rule ?? "(none)", falsePositives: 0, falseNegatives: 0)].falseNegatives += 1
                    report.findings.append(EvaluationFinding(kind: .falseNegative, document: g.id, language: language, annotation: gl[gi],
                                                             rule: rule, counterpart: other,
                                                             context: (g.text != nil ? g : s)?.context(of: gl[gi], window: contextWindow)))
                }
                for si in strict.unmatchedSystem {
                    add(.strict, sl[si].type, fp: 1)
                    let rule = sl[si].rule ?? "(none)"
                    ruleErrors[rule, default: .init(rule: rule, falsePositives: 0, falseNegatives: 0)].falsePositives += 1
                    report.findings.append(EvaluationFinding(kind: .falsePositive, document: g.id, language: language, annotation: sl[si],
                                                             rule: sl[si].rule, counterpart: Self.largestOverlap(sl[si], in: gl),
                                                             context: s?.context(of: sl[si], window: contextWindow)))
                }

                let overlap = Self.overlapMatch(gl, sl)
                for (gi, _) in overlap.pairs { add(.overlap, gl[gi].type, tp: 1) }
                for gi in overlap.unmatchedGold { add(.overlap, gl[gi].type, fn: 1) }
                for si in overlap.unmatchedSystem { add(.overlap, sl[si].type, fp: 1) }

                struct Form: Hashable { var text: String, type: String }
                let goldForms = Set(gl.map { Form(text: $0.text, type: $0.type) })
                let systemForms = Set(sl.map { Form(text: $0.text, type: $0.type) })
                for f in goldForms { add(.document, f.type, tp: systemForms.contains(f) ? 1 : 0, fn: systemForms.contains(f) ? 0 : 1) }
                for f in systemForms.subtracting(goldForms) { add(.document, f.type, fp: 1) }

                if dimension == .date {
                    for (gi, si) in Self.spanMatch(gl, sl) {
                        report.dateValueAccuracy.total += 1
                        if sl[si].value == gl[gi].value { report.dateValueAccuracy.correct += 1 }
                    }
                }
            }
        }
        for m in Measure.allCases { report.scores[m.rawValue] = breakdowns[m] ?? .init() }
        report.findings.sort { ($0.document, $0.annotation.start, $0.annotation.end, $0.kind.rawValue) < ($1.document, $1.annotation.start, $1.annotation.end, $1.kind.rawValue) }
        report.ruleErrors = ruleErrors.values.sorted {
            ($0.falsePositives + $0.falseNegatives, $1.rule) > ($1.falsePositives + $1.falseNegatives, $0.rule)
        }
        return report
    }

    /// A one-to-one matching of gold and system annotations (indices into both lists).
    struct Matching {
        var pairs: [(Int, Int)] = []
        var unmatchedGold: [Int] = []
        var unmatchedSystem: [Int] = []
    }

    /// Pairs annotations with equal keys, in list order; the rest is unmatched.
    static func match<Key: Hashable>(_ gold: [Annotation], _ system: [Annotation], key: (Annotation) -> Key) -> Matching {
        var free: [Key: [Int]] = [:]
        for (i, a) in system.enumerated() { free[key(a), default: []].append(i) }
        var m = Matching()
        var used = Set<Int>()
        for (gi, a) in gold.enumerated() {
            let k = key(a)
            if var list = free[k], !list.isEmpty {
                let si = list.removeFirst()
                free[k] = list
                used.insert(si)
                m.pairs.append((gi, si))
            } else {
                m.unmatchedGold.append(gi)
            }
        }
        m.unmatchedSystem = system.indices.filter { !used.contains($0) }
        return m
    }

    static func strictMatch(_ gold: [Annotation], _ system: [Annotation]) -> Matching {
        struct Key: Hashable { var start: Int, end: Int, type: String, value: String? }
        return match(gold, system) { Key(start: $0.start, end: $0.end, type: $0.type, value: $0.strictValue) }
    }

    static func spanMatch(_ gold: [Annotation], _ system: [Annotation]) -> [(Int, Int)] {
        struct Key: Hashable { var start: Int, end: Int }
        return match(gold, system) { Key(start: $0.start, end: $0.end) }.pairs
    }

    static func overlapMatch(_ gold: [Annotation], _ system: [Annotation]) -> Matching {
        var m = Matching()
        var used = Set<Int>()
        let order = gold.indices.sorted { (gold[$0].start, gold[$0].end) < (gold[$1].start, gold[$1].end) }
        for gi in order {
            let g = gold[gi]
            var best: Int?
            for (si, s) in system.enumerated() where !used.contains(si) && s.type == g.type && s.overlaps(g) {
                if let b = best {
                    let (lb, ls) = (system[b].overlapLength(g), s.overlapLength(g))
                    if ls > lb || (ls == lb && s.start < system[b].start) { best = si }
                } else {
                    best = si
                }
            }
            if let best { used.insert(best); m.pairs.append((gi, best)) } else { m.unmatchedGold.append(gi) }
        }
        m.unmatchedSystem = system.indices.filter { !used.contains($0) }
        return m
    }

    /// The annotation of `list` sharing the most code points with `a`, if any overlaps it.
    static func largestOverlap(_ a: Annotation, in list: [Annotation]) -> Annotation? {
        list.filter { $0.overlaps(a) }.max { $0.overlapLength(a) < $1.overlapLength(a) }
    }
}
