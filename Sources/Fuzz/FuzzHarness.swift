import Extract
import Foundation

/// Feeds arbitrary bytes through decode, HTML extraction, JSON records, normalise, segment
/// and analysis, and checks the invariants every document must keep (spans inside the
/// text, in order). The first byte picks the input kind.
enum FuzzHarness {
    static let resources = try! AnalysisResources.load()
    nonisolated(unsafe) static let analyzer = try! Analyzer(resources: resources)
    static let loader = DocumentLoader()
    static let writer = JSONWriter(includeTokens: true, rulesFingerprint: "fuzz")

    /// Runs one input; crashes (for the fuzzer to report) when an invariant breaks.
    static func run(_ data: [UInt8]) {
        guard let selector = data.first else { return }
        let body = Array(data.dropFirst())
        let kinds = ["txt", "html", "json", "jsonl"]
        let kind = kinds[Int(selector) % kinds.count]
        let input: InputDocument
        do {
            input = kind == "jsonl" ? try loader.record(line: body, path: "fuzz", defaultId: "fuzz")
                                    : try loader.document(bytes: body, kind: kind, id: "fuzz", path: "fuzz")
        } catch is StageError {
            return
        } catch {
            fatalError("loader threw a non-StageError: \(error)")
        }
        let doc: Document
        do { doc = try analyzer.analyze(input) } catch is StageError { return } catch {
            fatalError("analyze threw a non-StageError: \(error)")
        }
        check(doc)
        let json = writer.write(doc)
        precondition(json.first == UInt8(ascii: "{") && json.last == UInt8(ascii: "}"), "JSON output is not an object")
    }

    static func check(_ doc: Document) {
        let n = doc.utf16.count
        var previous = 0
        for s in doc.sentences {
            precondition(0 <= s.start && s.start <= s.end && s.end <= n, "sentence \(s) outside 0..<\(n)")
            precondition(s.start >= previous, "sentences out of order")
            previous = s.end
        }
        for t in doc.tokens {
            precondition(0 <= Int(t.start) && t.start <= t.end && Int(t.end) <= n, "token outside the text")
            precondition(Int(t.foldStart) <= Int(t.foldEnd) && Int(t.foldEnd) <= doc.folded.count, "token fold outside folded text")
        }
        for l in doc.languages { precondition(l.span.start <= l.span.end && l.span.end <= n, "language span outside the text") }
        for d in doc.dates { precondition(d.span.start <= d.span.end && d.span.end <= n, "date outside the text") }
        for e in doc.entities { precondition(e.span.start <= e.span.end && e.span.end <= n, "entity outside the text") }
    }
}

#if FUZZING
/// libFuzzer's driver, from the fuzzer runtime that `-sanitize=fuzzer` links.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// libFuzzer's entry point: one input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzHarness.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// The fuzzer build (scripts/fuzz.sh): hands control to libFuzzer. SwiftPM names the
/// entry point itself, so this runs libFuzzer's driver instead of linking libFuzzer's `main`.
@main
struct FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzTestOneInput))
    }
}
#else
/// Without the fuzzer: replays the files given as arguments (e.g. a crash a fuzzer found).
@main
struct FuzzReplay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("Fuzz: cannot read \(path)\n".utf8))
                exit(2)
            }
            FuzzHarness.run([UInt8](data))
            print("ok \(path)")
        }
    }
}
#endif
