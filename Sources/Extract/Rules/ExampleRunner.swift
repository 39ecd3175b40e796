import ICU

/// Runs the examples and counterexamples of rules through the whole pipeline, as the
/// test suite and `pipeline check` do. Each example also runs behind a multi-byte prefix
/// and in NFD, so offset mistakes cannot hide.
public final class ExampleRunner {
    /// A failed example, naming the rule file, line and rule, and what was found instead.
    public struct Failure: CustomStringConvertible, Sendable {
        public var file: String
        public var line: Int
        public var rule: String
        public var message: String
        public var description: String { "\(file):\(line): rule \(rule): \(message)" }
    }

    /// The frozen reference date examples resolve against unless they give their own.
    public static let referenceDate = CivilDate(year: 2020, month: 6, day: 15)
    /// Prefix for the offset check: an emoji (outside the BMP) and a combining mark.
    static let prefix = "😀e\u{301} "

    let analyzer: Analyzer

    public init(analyzer: Analyzer) { self.analyzer = analyzer }

    /// Runs every example of `rules`; returns the failures and the number of examples run.
    public func run(_ rules: [Rule], variants: Bool = true) -> (failures: [Failure], examples: Int) {
        var failures: [Failure] = []
        var count = 0
        for rule in rules {
            for ex in rule.examples {
                count += 1
                for variant in variants ? Variant.allCases : [.plain] {
                    if let message = check(rule, ex, variant) {
                        failures.append(Failure(file: rule.file, line: ex.line, rule: rule.id, message: message + variant.label))
                        break
                    }
                }
            }
            for ex in rule.counterexamples {
                count += 1
                if let message = checkCounter(rule, ex) {
                    failures.append(Failure(file: rule.file, line: ex.line, rule: rule.id, message: message))
                }
            }
        }
        return (failures, count)
    }

    /// Splits marked text into its parts: text outside and inside ⟦ ⟧, in order.
    static func parts(_ marked: String) -> [(String, Bool)] {
        var out: [(String, Bool)] = []
        var current = ""
        for ch in marked {
            if ch == "⟦" { out.append((current, false)); current = "" } else if ch == "⟧" { out.append((current, true)); current = "" } else { current.append(ch) }
        }
        out.append((current, false))
        return out
    }

    private func analyze(_ text: String, _ rule: Rule, _ ex: RuleExample) -> Document? {
        let input = InputDocument(id: "example", path: "\(rule.file):\(ex.line)", content: .text(text),
                                  documentDate: ex.documentDate ?? ExampleRunner.referenceDate,
                                  language: ex.language ?? rule.language ?? .en)
        return try? analyzer.analyze(input)
    }

    /// The forms an example runs in.
    enum Variant: CaseIterable {
        case plain, prefixed, nfd
        var label: String {
            switch self {
            case .plain: ""
            case .prefixed: " (after a multi-byte prefix)"
            case .nfd: " (in NFD)"
            }
        }
    }

    /// The example's text in a variant, and the marked spans in it.
    static func build(_ marked: String, _ variant: Variant) -> (String, [Span]) {
        var text = variant == .prefixed ? prefix : ""
        var spans: [Span] = []
        for (part, isMarked) in parts(marked) {
            let piece = variant == .nfd ? Normalizer.nfd.normalize(part) : part
            let start = text.utf16.count
            text += piece
            if isMarked { spans.append(Span(start, text.utf16.count)) }
        }
        return (text, spans)
    }

    private func check(_ rule: Rule, _ ex: RuleExample, _ variant: Variant) -> String? {
        let (text, spans) = ExampleRunner.build(ex.text, variant)
        guard let doc = analyze(text, rule, ex) else { return "the example could not be analysed" }
        let expectations = ex.expect.mapValues { $0.components(separatedBy: " | ") }
        for (i, span) in spans.enumerated() {
            let shown = doc.text(span)
            func expected(_ key: String) -> String? {
                guard let list = expectations[key] else { return nil }
                return list.count == spans.count ? list[i] : list[0]
            }
            switch rule.dimension {
            case .date:
                guard let d = doc.dates.first(where: { $0.span == span }) else {
                    return "expected a date at ⟦\(shown)⟧, found \(describe(doc.dates.map { ($0.span, $0.rule, $0.value) }, doc))"
                }
                if d.rule != rule.id { return "⟦\(shown)⟧ was made by \(d.rule), not by this rule" }
                let actual: [String: String?] = ["value": d.value, "type": d.kind.rawValue, "grain": d.grain, "anchor": d.anchor.rawValue,
                                                 "from": d.range?.from, "to": d.range?.to, "mod": d.mod, "freq": d.freq]
                for (key, _) in expectations {
                    guard let want = expected(key) else { continue }
                    guard let got = actual[key] else { return "unknown expected field '\(key)' for a date" }
                    if got != want { return "⟦\(shown)⟧ \(key) is \(got ?? "absent"), expected \(want)" }
                }
            case .entity:
                guard let e = doc.entities.first(where: { $0.span == span }) else {
                    return "expected an entity at ⟦\(shown)⟧, found \(describe(doc.entities.map { ($0.span, $0.rule, $0.type.rawValue) }, doc))"
                }
                if e.rule != rule.id { return "⟦\(shown)⟧ was made by \(e.rule), not by this rule" }
                let actual: [String: String] = ["type": e.type.rawValue, "base": e.base, "latin": e.latin]
                for (key, _) in expectations {
                    guard let want = expected(key) else { continue }
                    guard let got = actual[key] else { return "unknown expected field '\(key)' for an entity" }
                    if got != want { return "⟦\(shown)⟧ \(key) is \(got), expected \(want)" }
                }
            }
        }
        return nil
    }

    private func describe(_ found: [(Span, String, String)], _ doc: Document) -> String {
        if found.isEmpty { return "nothing" }
        return found.map { "⟦\(doc.text($0.0))⟧ (\($0.1): \($0.2))" }.joined(separator: ", ")
    }

    private func checkCounter(_ rule: Rule, _ ex: RuleExample) -> String? {
        guard let doc = analyze(ex.text, rule, ex) else { return "the counterexample could not be analysed" }
        switch rule.dimension {
        case .date:
            if !doc.dates.isEmpty { return "counterexample produced \(describe(doc.dates.map { ($0.span, $0.rule, $0.value) }, doc))" }
        case .entity:
            let type = rule.produce.first?.fields["type"].flatMap { if case .constant(let c) = $0 { return EntityType(rawValue: c) } else { return nil } }
            let bad = doc.entities.filter { type == nil || $0.type == type }
            if !bad.isEmpty { return "counterexample produced \(describe(bad.map { ($0.span, $0.rule, $0.type.rawValue) }, doc))" }
        }
        return nil
    }
}
