import ArgumentParser
import Extract
import Foundation
import Logging

/// `pipeline run`: the batch over a folder of documents (or JSON Lines on stdin).
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyse every document under INPUT and write one JSON per document into the output folder.",
        discussion: """
            INPUT is a folder (read recursively: .txt, .html/.htm, .json, .jsonl; a folder named gold is skipped), \
            one file, or - for JSON Lines on stdin. Reruns process only new or changed documents (see the manifest \
            .manifest.sqlite in the output folder). Exit status: 0 all documents succeeded, 1 some documents failed \
            (listed in errors.jsonl), 2 the run itself failed or was interrupted.
            """)

    @Argument(help: "Input folder or file, or - for JSON Lines on stdin (default: corpus).")
    var input: String = "corpus"

    @Option(name: .shortAndLong, help: "Output folder (default: output).")
    var output: String = "output"

    @Flag(help: "Include tokens in the JSON output.")
    var tokens = false

    @Option(help: "A folder of your own rules (bg/, pl/, en/, common/ inside) that add to or override the built-in ones by id; their examples must pass.")
    var rules: String?

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Option(help: "files: one JSON per document in the output folder; jsonl: one line per document on stdout, in input order.")
    var format: String = "files"

    @Option(help: "Worker threads (default: number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Process every document again, whatever the manifest says.")
    var force = false

    @Flag(name: .customLong("keep-deleted"), help: "Keep the outputs of sources that no longer exist.")
    var keepDeleted = false

    @Option(name: .customLong("max-bytes"), help: "Fail documents larger than this many bytes (default: 50000000).")
    var maxBytes: Int = 50_000_000

    @Option(help: "Charset of every input file, overriding declared and detected ones (e.g. windows-1251).")
    var encoding: String?

    @Option(help: "Process only the documents whose id hashes to shard K of N (1-based), e.g. 2/8.")
    var shard: String?

    @Option(name: .customLong("summary-json"), help: "Also write the run summary as JSON to this file.")
    var summaryJSON: String?

    @Flag(name: .customLong("tolerate-failures"), help: "Exit 0 even when some documents failed (for mappers such as Spark RDD.pipe).")
    var tolerateFailures = false

    func validate() throws {
        guard BatchRunner.Format(rawValue: format) != nil else { throw ValidationError("--format must be files or jsonl; got '\(format)'") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1; got \(jobs)") }
        guard maxBytes >= 1 else { throw ValidationError("--max-bytes must be at least 1; got \(maxBytes)") }
        if let shard, ShardSpec(shard) == nil { throw ValidationError("--shard must be K/N with 1 <= K <= N; got '\(shard)'") }
    }

    func run() throws {
        let level: Logger.Level = quiet ? .error : .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "pipeline")
        var config = BatchRunner.Configuration(input: input, output: URL(fileURLWithPath: output))
        config.format = BatchRunner.Format(rawValue: format) ?? .files
        config.includeTokens = tokens
        config.encoding = encoding
        config.jobs = jobs
        config.force = force
        config.keepDeleted = keepDeleted
        config.maxBytes = maxBytes
        config.shard = shard.flatMap(ShardSpec.init)
        config.quiet = quiet

        let summary: BatchSummary
        do {
            let resources = try AnalysisResources.load(userRules: rules.map { URL(fileURLWithPath: $0) })
            if let rules { try UserRules.verify(resources, folder: rules) }
            let runner = BatchRunner(configuration: config, resources: resources, logger: logger)
            let signals = SignalRelay(stop: runner.stop)
            summary = try runner.run()
            withExtendedLifetime(signals) {}
        } catch let e as StageError {
            Run.fail("\(e.path): \(e.message)")
        } catch {
            Run.fail("\(error)")
        }
        if let summaryJSON {
            do { try Data(summary.json).write(to: URL(fileURLWithPath: summaryJSON)) } catch {
                Run.fail("\(summaryJSON): cannot write the summary: \(error.localizedDescription)")
            }
        }
        if !quiet { FileHandle.standardError.write(Data("pipeline: \(summary.line)\n".utf8)) }
        if let reason = summary.interrupted {
            Run.fail("interrupted by \(reason) after \(summary.processed) documents; the manifest is saved, rerun to continue")
        }
        if summary.failed > 0 {
            let where_ = config.format == .files ? " (see \(config.output.appendingPathComponent("errors.jsonl").path))" : ""
            FileHandle.standardError.write(Data("pipeline: \(summary.failed) documents failed\(where_)\n".utf8))
            if !tolerateFailures { throw ExitCode(1) }
        }
    }

    /// Prints `pipeline: message` on stderr and exits with status 2.
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("pipeline: \(message)\n".utf8))
        Foundation.exit(2)
    }
}
