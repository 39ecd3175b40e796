/// A problem in a rule or lexicon file, with the file, line and rule it concerns.
public struct RuleError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let line: Int
    public let rule: String?
    public let message: String

    public init(file: String, line: Int, rule: String? = nil, message: String) {
        self.file = file; self.line = line; self.rule = rule; self.message = message
    }

    public var description: String {
        "\(file):\(line): \(rule.map { "rule \($0): " } ?? "")\(message)"
    }
}
