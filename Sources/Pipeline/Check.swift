import ArgumentParser
import Extract
import Foundation

/// `pipeline check`: validate rule files and run their examples.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the rule and lexicon files and run every rule's examples and counterexamples (run it before committing a rule change).")

    @Option(help: "A folder of your own rules (bg/, pl/, en/, common/ inside) that add to or override the built-in ones by id.")
    var rules: String?

    @Flag(help: "Run the examples only as written (skip the multi-byte-prefix and NFD variants).")
    var fast = false

    func run() throws {
        let resources: AnalysisResources
        do {
            resources = try AnalysisResources.load(userRules: rules.map { URL(fileURLWithPath: $0) })
        } catch {
            FileHandle.standardError.write("error: \(error)\n".data(using: .utf8)!)
            throw ExitCode(1)
        }
        let runner = ExampleRunner(analyzer: try Analyzer(resources: resources))
        let (failures, count) = runner.run(resources.ruleSet.rules, variants: !fast)
        for f in failures { print("FAIL \(f)") }
        print("\(resources.ruleSet.rules.count) rules, \(resources.ruleSet.lexicons.count) lexicons, \(count) examples: \(count - failures.count) passed, \(failures.count) failed")
        if !failures.isEmpty { throw ExitCode(1) }
    }
}
