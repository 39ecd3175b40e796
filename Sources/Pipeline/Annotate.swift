import ArgumentParser
import Extract
import Foundation

/// `pipeline annotate`: one text (or a JSON Lines stream) in, JSON out.
struct Annotate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Annotate one text (from --text or stdin) and print its JSON; with --jsonl, annotate a stream of JSON Lines documents.")

    @Option(help: "Language of the text (bg, pl, en); identified when absent.")
    var lang: String?

    @Option(name: .customLong("document-date"), help: "Document date (YYYY-MM-DD) that relative dates resolve against.")
    var documentDate: String?

    @Option(help: "The text to annotate; read from stdin when absent.")
    var text: String?

    @Flag(help: "Read JSON Lines on stdin ({\"id\", \"text\", \"language\"?, \"documentDate\"?}) and write one result line per input line, in order.")
    var jsonl = false

    @Flag(help: "Include tokens in the JSON output.")
    var tokens = false

    @Option(help: "A folder of your own rules that add to or override the built-in ones by id.")
    var rules: String?

    func validate() throws {
        if let lang, Language(rawValue: lang) == nil { throw ValidationError("--lang must be one of bg, pl, en, other; got '\(lang)'") }
        if let documentDate, CivilDate(iso: documentDate) == nil { throw ValidationError("--document-date must be YYYY-MM-DD; got '\(documentDate)'") }
    }

    func run() throws {
        let resources = try AnalysisResources.load(userRules: rules.map { URL(fileURLWithPath: $0) })
        let analyzer = try Analyzer(resources: resources)
        let writer = JSONWriter(includeTokens: tokens, rulesFingerprint: resources.rulesFingerprint)
        if jsonl {
            var failed = false
            var lineNumber = 0
            while let line = readLine(strippingNewline: true) {
                lineNumber += 1
                if line.isEmpty { continue }
                do {
                    let input = try JSONLinesRecord.parse(line, path: "stdin#\(lineNumber)", defaultId: "\(lineNumber)")
                    let doc = try analyzer.analyze(input)
                    print(String(decoding: writer.write(doc), as: UTF8.self))
                } catch {
                    failed = true
                    let o = JSONBuffer()
                    o.raw("{\"error\":"); o.string("\(error)"); o.raw(",\"line\":"); o.int(lineNumber); o.raw("}")
                    print(String(decoding: o.bytes, as: UTF8.self))
                }
            }
            if failed { throw ExitCode(1) }
            return
        }
        let content: String
        if let text { content = text } else {
            content = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        let input = InputDocument(id: "stdin", path: "stdin", content: .text(content),
                                  documentDate: documentDate.flatMap(CivilDate.init(iso:)),
                                  language: lang.flatMap(Language.init(rawValue:)))
        let doc = try analyzer.analyze(input)
        print(String(decoding: writer.write(doc), as: UTF8.self))
    }
}
