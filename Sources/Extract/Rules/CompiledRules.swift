/// The rules and lexicons of one language (its own plus the common ones), compiled once
/// and indexed by what a rule's first element can match.
public struct CompiledRules: Sendable {
    public let language: Language
    public let rules: [Rule]
    let programs: [Program]
    let contexts: [(notBefore: [[TokenTest]], notAfter: [[TokenTest]], before: [[TokenTest]], after: [[TokenTest]])]
    /// Whether a rule has any context condition (most have none; skip loading them).
    let hasContext: [Bool]
    /// Rule indices by first key.
    /// Indexed by vocabulary id, lexicon index and token kind (arrays: no hashing per token).
    let byLiteral: [[Int]]
    let byLexicon: [[Int]]
    let byKind: [[Int]]
    let usesLexicons: Bool
    /// Per rule, the captures whose values its records use (`$name`).
    let valueCaptures: [Set<String>]
    let byShape: [(Shape, [Int])]
    let always: [Int]
    let lexicons: LexiconIndex

    init(language: Language, rules: [Rule], lexicons: LexiconIndex, vocabularySize: Int) {
        self.language = language
        self.rules = rules
        self.lexicons = lexicons
        programs = rules.map { Program($0.pattern) }
        contexts = rules.map { ($0.notBefore, $0.notAfter, $0.before, $0.after) }
        hasContext = rules.map { !($0.notBefore.isEmpty && $0.notAfter.isEmpty && $0.before.isEmpty && $0.after.isEmpty) }
        var lit: [Int32: [Int]] = [:], lex: [Int: [Int]] = [:], kind: [TokenKind: [Int]] = [:]
        var shape: [UInt16: [Int]] = [:]
        var always: [Int] = []
        for (i, r) in rules.enumerated() {
            for k in Program.firstKeys(r.pattern).keys {
                switch k {
                case .literal(let id): lit[id, default: []].append(i)
                case .lexicon(let l): lex[l, default: []].append(i)
                case .kind(let kd): kind[kd, default: []].append(i)
                case .shape(let s): shape[s, default: []].append(i)
                case .always: always.append(i)
                }
            }
        }
        var litArray = [[Int]](repeating: [], count: vocabularySize)
        for (k, v) in lit { litArray[Int(k)] = v }
        var lexArray = [[Int]](repeating: [], count: lexicons.lexicons.count)
        for (k, v) in lex { lexArray[k] = v }
        var kindArray = [[Int]](repeating: [], count: TokenKind.allCases.count)
        for (k, v) in kind { kindArray[Int(k.rawValue)] = v }
        byLiteral = litArray; byLexicon = lexArray; byKind = kindArray
        usesLexicons = !lex.isEmpty
        valueCaptures = rules.map { rule in
            Set(rule.produce.flatMap { $0.fields.values.compactMap { v -> String? in if case .capture(let c) = v { return c } else { return nil } } })
        }
        byShape = shape.sorted { $0.key < $1.key }.map { (Shape(rawValue: $0.key), $0.value) }
        self.always = always
    }
}
