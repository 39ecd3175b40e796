import ArgumentParser
import Extract
import Foundation

/// `pipeline export`: outputs into SQLite or flat JSON Lines for analysis.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export an output folder to SQLite (--sqlite) and/or one flat JSON record per annotation (--jsonl).",
        discussion: "Tables and fields are described in the README, section Analytics.")

    @Argument(help: "Output folder of `pipeline run`.")
    var output: String = "output"

    @Option(help: "SQLite database to write (replaced if it exists).")
    var sqlite: String?

    @Option(help: "JSON Lines file to write, one record per annotation.")
    var jsonl: String?

    func validate() throws {
        if sqlite == nil && jsonl == nil { throw ValidationError("give --sqlite FILE and/or --jsonl FILE") }
    }

    func run() throws {
        let documents: [AnnotatedDocument]
        do {
            documents = Array(try AnnotatedFolder(root: URL(fileURLWithPath: output)).readAll(keepText: false).values)
        } catch {
            FileHandle.standardError.write("pipeline export: \(error)\n".data(using: .utf8)!)
            throw ExitCode(2)
        }
        let entities = documents.reduce(0) { $0 + ($1.entities?.count ?? 0) }
        let dates = documents.reduce(0) { $0 + ($1.dates?.count ?? 0) }
        if let sqlite {
            try SQLiteExporter().export(documents, to: URL(fileURLWithPath: sqlite))
            print("\(sqlite): \(documents.count) documents, \(entities) entities, \(dates) dates")
        }
        if let jsonl {
            try JSONLExporter().export(documents, to: URL(fileURLWithPath: jsonl))
            print("\(jsonl): \(entities + dates) records")
        }
    }
}
