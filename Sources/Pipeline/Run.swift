import ArgumentParser
import Extract
import Foundation

/// `pipeline run`: the batch over a folder of documents.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyse every document under INPUT and write one JSON per document into the output folder.")

    @Argument(help: "Input folder or file (default: corpus).")
    var input: String = "corpus"

    @Option(name: .shortAndLong, help: "Output folder (default: output).")
    var output: String = "output"

    @Flag(help: "Include tokens in the JSON output.")
    var tokens = false

    @Option(help: "A folder of your own rules (bg/, pl/, en/, common/ inside) that add to or override the built-in ones by id; their examples must pass.")
    var rules: String?

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    func run() throws {
        let started = Date()
        let resources: AnalysisResources
        let store: OutputStore
        let entries: [CorpusReader.Entry]
        let reader = CorpusReader(root: URL(fileURLWithPath: input))
        do {
            resources = try AnalysisResources.load(userRules: rules.map { URL(fileURLWithPath: $0) })
            if let rules { try UserRules.verify(resources, folder: rules) }
            store = try OutputStore(root: URL(fileURLWithPath: output))
            entries = try reader.entries()
        } catch {
            FileHandle.standardError.write("pipeline: \(error)\n".data(using: .utf8)!)
            throw ExitCode(2)
        }
        let analyzer = try Analyzer(resources: resources)
        let writer = JSONWriter(includeTokens: tokens, rulesFingerprint: resources.rulesFingerprint)
        var errors: [StageError] = []
        var documents = 0, bytes = 0
        for entry in entries {
            let inputs: [InputDocument]
            do { inputs = try reader.read(entry) } catch {
                errors.append(StageError(path: entry.relativePath, stage: "read", message: "\(error.localizedDescription)"))
                continue
            }
            for doc in inputs {
                do {
                    let analysed = try analyzer.analyze(doc)
                    try store.write(id: analysed.id, bytes: writer.write(analysed))
                    documents += 1
                    bytes += analysed.source.bytes
                } catch let e as StageError {
                    errors.append(e)
                } catch {
                    errors.append(StageError(path: doc.path, stage: "write", message: "\(error)"))
                }
            }
        }
        for e in errors { FileHandle.standardError.write("error: \(e)\n".data(using: .utf8)!) }
        try store.writeErrors(errors)
        let seconds = Date().timeIntervalSince(started)
        if !quiet {
            let mb = Double(bytes) / 1_000_000
            print(String(format: "%d documents, %d bytes, %.2f s, %.1f MB/s, %d failed", documents, bytes, seconds, mb / max(seconds, 1e-9), errors.count))
        }
        if !errors.isEmpty { throw ExitCode(1) }
    }
}
