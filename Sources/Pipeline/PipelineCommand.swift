import ArgumentParser
import Extract
import Foundation

/// The `pipeline` command: a tree of subcommands.
struct PipelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Extract sentences, tokens, dates and named entities from Bulgarian, Polish and English press releases.",
        version: PipelineInfo.version,
        subcommands: [Run.self, Annotate.self, Check.self, Explain.self, Rules.self, Bench.self, Evaluate.self, Diff.self, Export.self, Stats.self],
        defaultSubcommand: Run.self)
}
