import Extract
import Foundation

/// A user's rule folder must prove itself before a run uses it: every example of every
/// rule from that folder passes, or the run refuses to start.
enum UserRules {
    struct Failed: Error, CustomStringConvertible {
        let failures: [ExampleRunner.Failure]
        var description: String { failures.map(\.description).joined(separator: "\n") }
    }

    static func verify(_ resources: AnalysisResources, folder: String) throws {
        let root = URL(fileURLWithPath: folder).standardizedFileURL.path
        let own = resources.ruleSet.rules.filter { $0.file.hasPrefix(root) }
        let (failures, _) = ExampleRunner(analyzer: try Analyzer(resources: resources)).run(own, variants: false)
        if !failures.isEmpty { throw Failed(failures: failures) }
    }
}
