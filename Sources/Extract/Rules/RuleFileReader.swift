import Foundation
import Yams

/// Reads rule files and lexicon files (YAML) into unchecked records, keeping line numbers
/// and rejecting unknown keys. Patterns are compiled later, per language.
struct RuleFileReader {
    /// A rule as written, before its pattern is compiled.
    struct RawRule {
        var id: String
        var summary: String
        var dimension: Dimension
        var language: Language?
        var priority: Int
        var pattern: String
        var produce: [ProducedRecord]
        var notBefore: [String], notAfter: [String], before: [String], after: [String]
        var examples: [RuleExample]
        var counterexamples: [RuleExample]
        var file: String
        var line: Int
        var patternLine: Int
    }

    /// A lexicon as written.
    struct RawLexicon {
        var name: String
        var summary: String
        var language: Language?
        /// Each form with its value and line, and for an inflected form listed under its
        /// dictionary form, that form (the entry's base).
        var entries: [(form: String, value: String, line: Int, base: String?)]
        var inflect: Bool
        var hyphenJoined: Lexicon.HyphenJoin
        var file: String
        var line: Int
    }

    static let ruleKeys: Set<String> = ["id", "summary", "pattern", "priority", "produce", "not-before", "not-after", "before", "after", "examples", "counterexamples"]
    static let lexiconKeys: Set<String> = ["name", "summary", "value", "entries", "inflect", "hyphen-joined"]

    /// The language of a folder name (bg, pl, en; common is nil).
    static func language(ofFolder name: String, file: String) throws -> Language? {
        if name == "common" { return nil }
        guard let l = Language(rawValue: name), l != .other else {
            throw RuleError(file: file, line: 1, message: "rule files live in a folder named bg, pl, en or common, not '\(name)'")
        }
        return l
    }

    /// Reads one YAML file: returns its rules or its lexicon.
    static func read(_ url: URL, displayPath: String) throws -> (rules: [RawRule], lexicon: RawLexicon?) {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw RuleError(file: displayPath, line: 1, message: "cannot read: \(error.localizedDescription)")
        }
        let language = try language(ofFolder: url.deletingLastPathComponent().lastPathComponent, file: displayPath)
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch let e as YamlError {
            throw RuleError(file: displayPath, line: RuleFileReader.line(of: e), message: "bad YAML: \(e)")
        }
        guard let root, let map = root.mapping else {
            throw RuleError(file: displayPath, line: 1, message: "expected a mapping with `rules:` (a rule file) or `entries:` (a lexicon)")
        }
        if map["rules"] != nil {
            return (try readRules(map, language: language, file: displayPath, stem: url.deletingPathExtension().lastPathComponent), nil)
        }
        if map["entries"] != nil {
            return ([], try readLexicon(map, language: language, file: displayPath))
        }
        throw RuleError(file: displayPath, line: line(root), message: "expected `rules:` (a rule file) or `entries:` (a lexicon)")
    }

    /// Yams marks count lines from 1.
    static func line(_ node: Node) -> Int { node.mark?.line ?? 1 }
    static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return 1
        }
    }

    static func string(_ node: Node?) -> String? { node?.scalar?.string }

    static func strings(_ node: Node?, file: String, key: String) throws -> [String] {
        guard let node else { return [] }
        if let s = node.scalar { return [s.string] }
        guard let seq = node.sequence else { throw RuleError(file: file, line: line(node), message: "`\(key)` must be a list") }
        return seq.compactMap { $0.scalar?.string }
    }

    static func readRules(_ map: Node.Mapping, language: Language?, file: String, stem: String) throws -> [RawRule] {
        for (k, v) in map where !["rules", "dimension"].contains(k.string ?? "") {
            throw RuleError(file: file, line: line(v), message: "unknown key '\(k.string ?? "?")' (a rule file has `rules:` and optionally `dimension:`)")
        }
        let dimName = string(map["dimension"]) ?? ["dates": "date", "entities": "entity"][stem] ?? stem
        guard let dimension = Dimension(rawValue: dimName) else {
            throw RuleError(file: file, line: 1, message: "unknown dimension '\(dimName)' (name the file dates.yaml or entities.yaml, or set `dimension:`)")
        }
        guard let list = map["rules"]?.sequence else {
            throw RuleError(file: file, line: line(map["rules"]!), message: "`rules` must be a list")
        }
        var out: [RawRule] = []
        for node in list {
            guard let r = node.mapping else { throw RuleError(file: file, line: line(node), message: "a rule must be a mapping") }
            let id = string(r["id"])
            for (k, v) in r where !ruleKeys.contains(k.string ?? "") {
                throw RuleError(file: file, line: line(v), rule: id, message: "unknown key '\(k.string ?? "?")' (known: \(ruleKeys.sorted().joined(separator: ", ")))")
            }
            guard let id, !id.isEmpty else { throw RuleError(file: file, line: line(node), message: "rule without `id`") }
            let expectedPrefix = "\(language?.rawValue ?? "common").\(dimension.rawValue)."
            guard id.hasPrefix(expectedPrefix) else {
                throw RuleError(file: file, line: line(node), rule: id, message: "id must start with '\(expectedPrefix)'")
            }
            guard let pattern = string(r["pattern"]) else { throw RuleError(file: file, line: line(node), rule: id, message: "missing `pattern`") }
            guard let summary = string(r["summary"]) else { throw RuleError(file: file, line: line(node), rule: id, message: "missing `summary`") }
            var priority = 0
            if let p = r["priority"] {
                guard let v = p.int else { throw RuleError(file: file, line: line(p), rule: id, message: "`priority` must be an integer") }
                priority = v
            }
            let produce = try readProduce(r["produce"], file: file, rule: id)
            let examples = try readExamples(r["examples"], file: file, rule: id, requireMarks: true)
            let counter = try readExamples(r["counterexamples"], file: file, rule: id, requireMarks: false)
            out.append(RawRule(id: id, summary: summary, dimension: dimension, language: language, priority: priority,
                               pattern: pattern, produce: produce,
                               notBefore: try strings(r["not-before"], file: file, key: "not-before"),
                               notAfter: try strings(r["not-after"], file: file, key: "not-after"),
                               before: try strings(r["before"], file: file, key: "before"),
                               after: try strings(r["after"], file: file, key: "after"),
                               examples: examples, counterexamples: counter, file: file, line: line(node),
                               patternLine: line(r["pattern"]!)))
        }
        return out
    }

    static func readProduce(_ node: Node?, file: String, rule: String) throws -> [ProducedRecord] {
        guard let node else { return [ProducedRecord(fields: [:], span: [])] }
        let records: [Node]
        if node.mapping != nil { records = [node] } else if let seq = node.sequence { records = Array(seq) } else {
            throw RuleError(file: file, line: line(node), rule: rule, message: "`produce` must be a mapping or a list of mappings")
        }
        return try records.map { rec in
            guard let m = rec.mapping else { throw RuleError(file: file, line: line(rec), rule: rule, message: "`produce` items must be mappings") }
            var fields: [String: ProducedValue] = [:]
            var span: [String] = []
            for (k, v) in m {
                guard let key = k.string else { continue }
                if key == "span" {
                    span = try strings(v, file: file, key: "span")
                    continue
                }
                guard let s = v.scalar?.string else { throw RuleError(file: file, line: line(v), rule: rule, message: "`produce.\(key)` must be a scalar") }
                fields[key] = s.hasPrefix("$") ? .capture(String(s.dropFirst())) : .constant(s)
            }
            return ProducedRecord(fields: fields, span: span)
        }
    }

    static func readExamples(_ node: Node?, file: String, rule: String, requireMarks: Bool) throws -> [RuleExample] {
        guard let node else { return [] }
        guard let seq = node.sequence else { throw RuleError(file: file, line: line(node), rule: rule, message: "examples must be a list") }
        return try seq.map { ex in
            if let s = ex.scalar?.string {
                if requireMarks { throw RuleError(file: file, line: line(ex), rule: rule, message: "an example needs `text` and the expected value") }
                return RuleExample(text: s, expect: [:], documentDate: nil, language: nil, line: line(ex))
            }
            guard let m = ex.mapping, let text = string(m["text"]) else {
                throw RuleError(file: file, line: line(ex), rule: rule, message: "an example is a mapping with `text`")
            }
            var expect: [String: String] = [:]
            var date: CivilDate?
            var language: Language?
            for (k, v) in m {
                guard let key = k.string, key != "text" else { continue }
                guard let value = v.scalar?.string else { throw RuleError(file: file, line: line(v), rule: rule, message: "example field `\(key)` must be a scalar") }
                if key == "document-date" {
                    guard let d = CivilDate(iso: value) else { throw RuleError(file: file, line: line(v), rule: rule, message: "document-date must be YYYY-MM-DD") }
                    date = d
                } else if key == "lang" {
                    guard let l = Language(rawValue: value), l != .other else {
                        throw RuleError(file: file, line: line(v), rule: rule, message: "lang must be bg, pl or en")
                    }
                    language = l
                } else {
                    expect[key] = value
                }
            }
            if requireMarks {
                guard text.contains("⟦"), text.contains("⟧") else {
                    throw RuleError(file: file, line: line(ex), rule: rule, message: "example text must mark the expected span with ⟦ ⟧")
                }
            } else if text.contains("⟦") {
                throw RuleError(file: file, line: line(ex), rule: rule, message: "a counterexample has no marked span")
            }
            return RuleExample(text: text, expect: expect, documentDate: date, language: language, line: line(ex))
        }
    }

    static func readLexicon(_ map: Node.Mapping, language: Language?, file: String) throws -> RawLexicon {
        for (k, v) in map where !lexiconKeys.contains(k.string ?? "") {
            throw RuleError(file: file, line: line(v), message: "unknown key '\(k.string ?? "?")' in lexicon (known: \(lexiconKeys.sorted().joined(separator: ", ")))")
        }
        guard let name = string(map["name"]) else { throw RuleError(file: file, line: 1, message: "lexicon without `name`") }
        let defaultValue = string(map["value"]) ?? "true"
        var entries: [(form: String, value: String, line: Int, base: String?)] = []
        let node = map["entries"]!
        if let seq = node.sequence {
            for e in seq {
                // (a form with the inflected forms hunspell does not know, which match as the
                // form: "- Rzeczpospolita Polska: [Rzeczypospolitej Polskiej, …]")
                if let m = e.mapping, m.count == 1, let (k, v) = m.first, let base = k.string, let forms = v.sequence {
                    entries.append((base, defaultValue, line(k), nil))
                    for f in forms {
                        guard let s = f.scalar?.string else { throw RuleError(file: file, line: line(f), message: "inflected forms must be strings") }
                        entries.append((s, defaultValue, line(f), base))
                    }
                    continue
                }
                guard let s = e.scalar?.string else { throw RuleError(file: file, line: line(e), message: "lexicon entries must be strings, or a form mapped to a list of its inflected forms") }
                entries.append((s, defaultValue, line(e), nil))
            }
        } else if let m = node.mapping {
            for (k, v) in m {
                guard let form = k.string, let value = v.scalar?.string else { throw RuleError(file: file, line: line(k), message: "lexicon entries map forms to scalar values") }
                entries.append((form, value, line(k), nil))
            }
        } else {
            throw RuleError(file: file, line: line(node), message: "`entries` must be a list or a mapping")
        }
        return RawLexicon(name: name, summary: string(map["summary"]) ?? "", language: language,
                          entries: entries,
                          inflect: map["inflect"]?.bool ?? true, hyphenJoined: try hyphenJoin(map["hyphen-joined"], file: file), file: file, line: 1)
    }

    /// A lexicon's `hyphen-joined`: absent or false, true, or with-others.
    private static func hyphenJoin(_ node: Node?, file: String) throws -> Lexicon.HyphenJoin {
        guard let node else { return .never }
        if node.string == "with-others" { return .withOthers }
        guard let b = node.bool else { throw RuleError(file: file, line: line(node), message: "hyphen-joined must be true, false or with-others") }
        return b ? .always : .never
    }
}
