import Foundation
import XCTest
@testable import Extract

/// End-to-end tests of `pipeline run`: the built executable over corpora made in the test.
final class BatchTests: XCTestCase {
    var scratch: URL!

    override func setUpWithError() throws {
        scratch = TestSupport.scratchPath("batch-tests")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    // MARK: Corpus helpers

    /// The press releases in the repository's corpus folder.
    static let releases: [String] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("corpus")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()) ?? []
        return names.compactMap { try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
    }()

    func write(_ text: String, _ relative: String, in folder: URL) throws {
        try write(Data(text.utf8), relative, in: folder)
    }

    func write(_ data: Data, _ relative: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// A corpus of every input kind: `count` text files in subfolders, HTML, JSON, a JSON
    /// Lines file, and a gold folder that must be skipped. Returns the expected output ids.
    @discardableResult
    func makeMixedCorpus(_ folder: URL, count: Int) throws -> Set<String> {
        var ids = Set<String>()
        for i in 0..<count {
            let text = BatchTests.releases[i % BatchTests.releases.count] + "\n\nДокумент номер \(i)."
            let rel = "\(i % 3 == 0 ? "a" : "b/c")/doc\(i).txt"
            try write(text, rel, in: folder)
            ids.insert((rel as NSString).deletingPathExtension)
        }
        try write(HTMLTests.pressRelease.replacingOccurrences(of: "windows-1251", with: "utf-8"), "web/release.html", in: folder)
        ids.insert("web/release")
        try write(#"{"id": "json/one", "text": "Spółka ogłosiła wyniki za 2023 rok.", "language": "pl", "documentDate": "2024-01-02"}"#, "records/one.json", in: folder)
        ids.insert("json/one")
        var lines = ""
        for i in 1...5 { lines += #"{"text": "Line \#(i): the company reported results on 3 May 2024."}"# + "\n" }
        lines += #"{"id": "lines/named", "html": "<p>Komunikat prasowy nr 7.</p>"}"# + "\n"
        try write(lines, "records/batch.jsonl", in: folder)
        for i in 1...5 { ids.insert("records/batch-\(i)") }
        ids.insert("lines/named")
        try write("Gold annotations are not documents.", "gold/ignored.txt", in: folder)
        return ids
    }

    /// Every output file (relative path -> bytes), without hidden files.
    func outputs(_ folder: URL, includeErrors: Bool = false) throws -> [String: Data] {
        var out: [String: Data] = [:]
        guard let e = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) else { return out }
        let base = folder.standardizedFileURL.path + "/"
        for case let url as URL in e where url.pathExtension == "json" || (includeErrors && url.lastPathComponent == "errors.jsonl") {
            out[String(url.standardizedFileURL.path.dropFirst(base.count))] = try Data(contentsOf: url)
        }
        return out
    }

    func ids(_ outputs: [String: Data]) -> Set<String> {
        Set(outputs.keys.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) })
    }

    func json(_ data: Data) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func temporaryFiles(_ folder: URL) -> [String] {
        let e = FileManager.default.enumerator(atPath: folder.path)
        var out: [String] = []
        while let p = e?.nextObject() as? String {
            if p.hasSuffix(".tmp") { out.append(p) }
        }
        return out
    }

    // MARK: Inputs and encodings

    func testEveryInputKindAndEncodingIsReadRight() throws {
        let corpus = scratch.appendingPathComponent("corpus"), output = scratch.appendingPathComponent("out")
        let expected = try makeMixedCorpus(corpus, count: 3)
        var encodings: [String: (text: String, encoding: String)] = [:]
        for c in try DecodeTests.cases() {
            try write(Data(c.bytes), "enc/\(c.name).txt", in: corpus)
            encodings["enc/\(c.name)"] = (c.text, c.encoding)
        }
        let result = try PipelineExecutable.run(["run", corpus.path, "-o", output.path, "--summary-json", scratch.appendingPathComponent("s.json").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let written = try outputs(output)
        XCTAssertEqual(ids(written), expected.union(encodings.keys))
        for (id, e) in encodings {
            let doc = try json(written[id + ".json"]!)
            XCTAssertEqual(doc["text"] as? String, e.text, id)
            XCTAssertEqual((doc["source"] as? [String: Any])?["encoding"] as? String, e.encoding, id)
        }
        let html = try json(written["web/release.json"]!)
        XCTAssertEqual(html["text"] as? String, HTMLTests.expectedText)
        XCTAssertEqual((html["documentDate"] as? [String: Any])?["value"] as? String, "2024-03-15")
        let record = try json(written["json/one.json"]!)
        XCTAssertEqual(record["language"] as? String, "pl")
        XCTAssertEqual((record["documentDate"] as? [String: Any])?["value"] as? String, "2024-01-02")
        XCTAssertEqual(try json(written["lines/named.json"]!)["text"] as? String, "Komunikat prasowy nr 7.")
        XCTAssertEqual(try json(written["records/batch-3.json"]!)["text"] as? String, "Line 3: the company reported results on 3 May 2024.")
        let summary = try json(Data(contentsOf: scratch.appendingPathComponent("s.json")))
        XCTAssertEqual(summary["processed"] as? Int, expected.count + encodings.count)
        XCTAssertEqual(summary["failed"] as? Int, 0)
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("errors.jsonl"), encoding: .utf8), "")
    }

    func testMojibakeFileIsRepairedInTheOutput() throws {
        let corpus = scratch.appendingPathComponent("corpus"), output = scratch.appendingPathComponent("out")
        let broken = String(decoding: try DecodeTests.mojibake(DecodeTests.bulgarianShort, "windows-1252"), as: UTF16.self)
        try write(broken, "broken.txt", in: corpus)
        XCTAssertEqual(try PipelineExecutable.run(["run", corpus.path, "-o", output.path, "-q"]).status, 0)
        let doc = try json(Data(contentsOf: output.appendingPathComponent("broken.json")))
        XCTAssertEqual(doc["text"] as? String, DecodeTests.bulgarianShort)
        XCTAssertEqual((doc["source"] as? [String: Any])?["repaired"] as? String, "UTF-8 misread as windows-1252")
    }

    // MARK: Errors and exit codes

    func testBadDocumentsAreReportedAndTheRunGoesOn() throws {
        let corpus = scratch.appendingPathComponent("corpus"), output = scratch.appendingPathComponent("out")
        let good = try makeMixedCorpus(corpus, count: 6)
        try write(Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08]), "bad/binary.txt", in: corpus)
        try write("", "bad/empty.txt", in: corpus)
        try write("{\"id\": \"x\", \"text\": ", "bad/truncated.json", in: corpus)
        try write("<html><body><p>Text<!-- never closed", "bad/broken.html", in: corpus)
        let huge = String(repeating: "Много дълъг текст. ", count: 1000)
        try write(huge, "bad/huge.txt", in: corpus)
        try write("{\"text\": \"fine\"}\nnot json\n", "bad/lines.jsonl", in: corpus)
        let result = try PipelineExecutable.run(["run", corpus.path, "-o", output.path, "--max-bytes", "20000"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("pipeline: 6 documents failed (see \(output.path)/errors.jsonl)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("bad/binary.txt: decode: binary file: NUL byte at offset 4"), result.stderr)
        let errors = try String(contentsOf: output.appendingPathComponent("errors.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try json(Data($0.utf8)) }
        let byPath = Dictionary(uniqueKeysWithValues: errors.map { ($0["path"] as! String, ($0["stage"] as! String, $0["message"] as! String)) })
        XCTAssertEqual(byPath["bad/binary.txt"]?.0, "decode")
        XCTAssertEqual(byPath["bad/empty.txt"]?.1, "empty document (0 bytes)")
        XCTAssertEqual(byPath["bad/truncated.json"]?.1, "malformed JSON")
        XCTAssertEqual(byPath["bad/broken.html"]?.0, "extract")
        XCTAssertEqual(byPath["bad/broken.html"]?.1, "malformed HTML: comment at character 19 never ends")
        XCTAssertEqual(byPath["bad/huge.txt"]?.1, "larger than --max-bytes (\(huge.utf8.count) > 20000 bytes)")
        XCTAssertEqual(byPath["bad/lines.jsonl#2"]?.1, "malformed JSON")
        XCTAssertEqual(errors.count, 6)
        let written = ids(try outputs(output))
        // Every good document is written, and the good line of the JSON Lines file with a bad one.
        XCTAssertEqual(written, good.union(["bad/lines-1"]))
    }

    /// A worker that removes a failed document's output may remove its folder, empty for a
    /// moment, while another worker is about to write there: the write still lands.
    func testWriteSurvivesAFolderRemovedByAnotherWorker() throws {
        let root = TestSupport.scratchPath("store")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try OutputStore(root: root)
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for i in 0..<3000 {
                if worker == 0 {
                    do { try store.write(id: "shared/doc\(i)", bytes: Array("{}".utf8)) } catch { failures.add("\(error)") }
                    store.remove(id: "shared/doc\(i)")
                } else {
                    store.remove(id: "shared/failed")
                }
            }
        }
        XCTAssertEqual(failures.all.count, 0, "first failure: \(failures.all.first ?? "")")
    }

    /// Errors collected from several threads.
    private final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
    }

    func testRunFailuresExitWith2AndNameTheProblem() throws {
        let missing = try PipelineExecutable.run(["run", scratch.appendingPathComponent("nope").path, "-o", scratch.appendingPathComponent("o").path])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr, "pipeline: \(scratch.appendingPathComponent("nope").path): input not found\n")
        let corpus = scratch.appendingPathComponent("corpus")
        try makeMixedCorpus(corpus, count: 1)
        let blocker = scratch.appendingPathComponent("file")
        try write("x", "file", in: scratch)
        let unwritable = try PipelineExecutable.run(["run", corpus.path, "-o", blocker.appendingPathComponent("out").path])
        XCTAssertEqual(unwritable.status, 2)
        XCTAssertTrue(unwritable.stderr.hasPrefix("pipeline: \(blocker.path)/out: cannot create output folder: Not a directory"), unwritable.stderr)
        let badShard = try PipelineExecutable.run(["run", corpus.path, "--shard", "0/3"])
        XCTAssertEqual(badShard.status, 2)
        XCTAssertTrue(badShard.stderr.contains("--shard must be K/N with 1 <= K <= N; got '0/3'"), badShard.stderr)
    }

    // MARK: Determinism, parallelism and shards

    func testJobs2OutputIsByteIdenticalToJobs1() throws {
        let corpus = scratch.appendingPathComponent("corpus")
        try makeMixedCorpus(corpus, count: 40)
        try write(Data([0, 1, 2]), "bad.txt", in: corpus)
        let one = scratch.appendingPathComponent("one"), two = scratch.appendingPathComponent("two")
        XCTAssertEqual(try PipelineExecutable.run(["run", corpus.path, "-o", one.path, "--jobs", "1", "-q"]).status, 1)
        XCTAssertEqual(try PipelineExecutable.run(["run", corpus.path, "-o", two.path, "--jobs", "2", "-q"]).status, 1)
        let a = try outputs(one, includeErrors: true), b = try outputs(two, includeErrors: true)
        XCTAssertEqual(a.count, 40 + 8 + 1)
        XCTAssertEqual(a, b)
        let streamOne = try PipelineExecutable.run(["run", corpus.path, "--format", "jsonl", "--jobs", "1", "-q"])
        let streamTwo = try PipelineExecutable.run(["run", corpus.path, "--format", "jsonl", "--jobs", "2", "-q"])
        XCTAssertEqual(streamOne.stdout, streamTwo.stdout)
        XCTAssertEqual(streamOne.stdout.split(separator: "\n").count, 40 + 8 + 1)
    }

    func testShardsTogetherEqualTheFullRun() throws {
        let corpus = scratch.appendingPathComponent("corpus"), full = scratch.appendingPathComponent("full")
        try makeMixedCorpus(corpus, count: 30)
        XCTAssertEqual(try PipelineExecutable.run(["run", corpus.path, "-o", full.path, "-q"]).status, 0)
        let all = try outputs(full)
        var union: [String: Data] = [:]
        for k in 1...3 {
            let out = scratch.appendingPathComponent("shard\(k)")
            let r = try PipelineExecutable.run(["run", corpus.path, "-o", out.path, "--shard", "\(k)/3", "--summary-json", out.path + ".json"])
            XCTAssertEqual(r.status, 0, r.stderr)
            let part = try outputs(out)
            XCTAssertFalse(part.isEmpty)
            XCTAssertTrue(Set(union.keys).isDisjoint(with: part.keys))
            union.merge(part) { a, _ in a }
            let summary = try json(Data(contentsOf: URL(fileURLWithPath: out.path + ".json")))
            XCTAssertEqual(summary["processed"] as? Int, part.count)
            XCTAssertEqual(summary["shard"] as? String, "\(k)/3")
            for id in ids(part) { XCTAssertTrue(ShardSpec("\(k)/3")!.contains(id), id) }
        }
        XCTAssertEqual(union, all)
    }

    func testStdinJSONLinesStreamKeepsInputOrder() throws {
        var input = ""
        for i in 1...30 { input += #"{"id": "d\#(i)", "text": "Документ \#(i) от 5 май 2024 г."}"# + "\n" }
        input += "{broken\n"
        input += #"{"id": "last", "text": "Ostatni dokument."}"# + "\n"
        let r = try PipelineExecutable.run(["run", "-", "--format", "jsonl", "--jobs", "2", "-q"], input: Data(input.utf8))
        XCTAssertEqual(r.status, 1, r.stderr)
        let lines = try r.stdout.split(separator: "\n").map { try json(Data($0.utf8)) }
        XCTAssertEqual(lines.count, 32)
        XCTAssertEqual(lines.map { $0["id"] as? String }, (1...30).map { "d\($0)" } + ["31", "last"])
        XCTAssertEqual(lines[30]["error"] as? String, "malformed JSON")
        XCTAssertEqual(lines[4]["text"] as? String, "Документ 5 от 5 май 2024 г.")
        let tolerant = try PipelineExecutable.run(["run", "-", "--format", "jsonl", "--tolerate-failures", "-q"], input: Data(input.utf8))
        XCTAssertEqual(tolerant.status, 0)
        XCTAssertEqual(tolerant.stdout, r.stdout)
    }

    // MARK: Incremental runs

    func testRerunProcessesOnlyNewOrChangedDocumentsAndRemovesDeletedOnes() throws {
        let corpus = scratch.appendingPathComponent("corpus"), output = scratch.appendingPathComponent("out")
        let expected = try makeMixedCorpus(corpus, count: 10)
        let summaryURL = scratch.appendingPathComponent("s.json")
        func run(_ extra: [String] = []) throws -> [String: Any] {
            let r = try PipelineExecutable.run(["run", corpus.path, "-o", output.path, "-q", "--summary-json", summaryURL.path] + extra)
            XCTAssertEqual(r.status, 0, r.stderr)
            return try json(Data(contentsOf: summaryURL))
        }
        XCTAssertEqual(try run()["processed"] as? Int, expected.count)
        let first = try outputs(output)
        var s = try run()
        XCTAssertEqual(s["processed"] as? Int, 0)
        XCTAssertEqual(s["unchanged"] as? Int, expected.count)
        // Touching a file without changing it: hashed, found equal, not reprocessed.
        let touched = corpus.appendingPathComponent("a/doc0.txt")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 100)], ofItemAtPath: touched.path)
        XCTAssertEqual(try run()["processed"] as? Int, 0)
        // One changed text, one changed JSON Lines line, one new file, one deleted file.
        try write("Нов текст на документа.", "a/doc3.txt", in: corpus)
        let jsonl = corpus.appendingPathComponent("records/batch.jsonl")
        var lines = try String(contentsOf: jsonl, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[1] = #"{"text": "Changed second line."}"#
        lines.removeLast()
        try (lines.joined(separator: "\n") + "\n").write(to: jsonl, atomically: true, encoding: .utf8)
        try write("Brand new.", "new.txt", in: corpus)
        try FileManager.default.removeItem(at: corpus.appendingPathComponent("b/c/doc1.txt"))
        s = try run()
        XCTAssertEqual(s["processed"] as? Int, 3)
        XCTAssertEqual(s["removed"] as? Int, 2) // b/c/doc1 (deleted) and lines/named (line removed)
        let second = try outputs(output)
        XCTAssertEqual(ids(second), expected.subtracting(["b/c/doc1", "lines/named"]).union(["new"]))
        XCTAssertEqual(try json(second["a/doc3.json"]!)["text"] as? String, "Нов текст на документа.")
        XCTAssertEqual(try json(second["records/batch-2.json"]!)["text"] as? String, "Changed second line.")
        XCTAssertEqual(second["a/doc6.json"], first["a/doc6.json"])
        // --keep-deleted keeps outputs of deleted sources.
        try FileManager.default.removeItem(at: corpus.appendingPathComponent("new.txt"))
        s = try run(["--keep-deleted"])
        XCTAssertEqual(s["removed"] as? Int, 0)
        XCTAssertNotNil(try outputs(output)["new.json"])
        // Changed output settings, --force, or a new pipeline version redo everything.
        let count = expected.count - 2 // b/c/doc1 and lines/named are gone; new.txt too (its output kept)
        XCTAssertEqual(try run(["--tokens"])["processed"] as? Int, count)
        XCTAssertEqual(try run(["--tokens"])["processed"] as? Int, 0)
        XCTAssertEqual(try run(["--tokens", "--force"])["processed"] as? Int, count)
        let manifest = try Manifest(url: output.appendingPathComponent(Manifest.fileName))
        var old = try XCTUnwrap(try manifest.read { try $0.source("a/doc0.txt") })
        old.settings.version = "0.0.1"
        try manifest.apply([.source(old)], run: 0)
        XCTAssertEqual(try run(["--tokens"])["processed"] as? Int, 1)
    }

    // MARK: Crash safety and concurrency

    func testRunsKilledAtAnyMomentThenRerunProcessEveryDocumentExactlyOnce() throws {
        let corpus = scratch.appendingPathComponent("corpus"), output = scratch.appendingPathComponent("out")
        let expected = try makeMixedCorpus(corpus, count: 1500)
        let reference = scratch.appendingPathComponent("reference")
        XCTAssertEqual(try PipelineExecutable.run(["run", corpus.path, "-o", reference.path, "-q"]).status, 0)
        // Kill at several points of progress: before any output, and after more and more.
        for (i, progress) in [0, 20, 150, 500].enumerated() {
            let running = try PipelineExecutable.start(["run", corpus.path, "-o", output.path, "-q", "--jobs", "2"])
            if i == 0 { Thread.sleep(forTimeInterval: 0.1) } else { waitForOutputs(output, more: progress, process: running.process) }
            kill(running.process.processIdentifier, SIGKILL)
            running.process.waitUntilExit()
            XCTAssertEqual(running.process.terminationReason, .uncaughtSignal)
            // Whatever is in place is a whole JSON document.
            for (path, data) in try outputs(output) { XCTAssertNoThrow(try json(data), path) }
        }
        let final = try PipelineExecutable.run(["run", corpus.path, "-o", output.path, "--summary-json", scratch.appendingPathComponent("s.json").path])
        XCTAssertEqual(final.status, 0, final.stderr)
        XCTAssertEqual(temporaryFiles(output), [])
        let written = try outputs(output)
        XCTAssertEqual(ids(written), expected)
        XCTAssertEqual(written, try outputs(reference))
        let counts = try Manifest(url: output.appendingPathComponent(Manifest.fileName)).counts()
        XCTAssertEqual(counts.documents, expected.count)
        let summary = try json(Data(contentsOf: scratch.appendingPathComponent("s.json")))
        XCTAssertEqual((summary["processed"] as! Int) + (summary["unchanged"] as! Int), expected.count)
        XCTAssertGreaterThan(summary["unchanged"] as! Int, 0, "the killed runs made progress that was kept")
    }

    /// Waits until `more` outputs beyond those present now exist in `folder` (or the process ends).
    func waitForOutputs(_ folder: URL, more: Int, process: Process) {
        func count() -> Int {
            (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".json") }.count
        }
        let target = count() + more
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, count() < target, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    }

    func testASecondRunOnTheSameOutputFolderIsRefused() throws {
        let output = scratch.appendingPathComponent("out")
        let stdin = Pipe()
        let first = try PipelineExecutable.start(["run", "-", "-o", output.path, "-q"], stdin: stdin)
        stdin.fileHandleForWriting.write(Data(#"{"id": "one", "text": "Първи документ."}"#.utf8 + [0x0A]))
        // The first run holds the lock while it waits for more input.
        var locked = false
        for _ in 0..<100 where !locked {
            Thread.sleep(forTimeInterval: 0.05)
            locked = FileManager.default.fileExists(atPath: output.appendingPathComponent("one.json").path)
        }
        XCTAssertTrue(locked)
        let corpus = scratch.appendingPathComponent("corpus")
        try makeMixedCorpus(corpus, count: 1)
        let second = try PipelineExecutable.run(["run", corpus.path, "-o", output.path])
        XCTAssertEqual(second.status, 2)
        XCTAssertEqual(second.stderr, "pipeline: \(output.path): another pipeline run (pid \(first.process.processIdentifier)) is using this output folder; wait for it to finish or use another --output\n")
        try stdin.fileHandleForWriting.close()
        XCTAssertEqual(first.finish().status, 0)
        XCTAssertEqual(try PipelineExecutable.run(["run", corpus.path, "-o", output.path, "-q"]).status, 0)
    }

    func testSIGTERMFinishesTheDocumentsInFlightAndSavesTheManifest() throws {
        let corpus = scratch.appendingPathComponent("corpus"), output = scratch.appendingPathComponent("out")
        let expected = try makeMixedCorpus(corpus, count: 1500)
        let running = try PipelineExecutable.start(["run", corpus.path, "-o", output.path, "--jobs", "2"])
        waitForOutputs(output, more: 10, process: running.process)
        running.process.terminate()
        let result = running.finish()
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("pipeline: interrupted by SIGTERM after "), result.stderr)
        XCTAssertTrue(result.stderr.contains("the manifest is saved, rerun to continue"), result.stderr)
        let written = try outputs(output)
        XCTAssertLessThan(written.count, expected.count)
        XCTAssertEqual(temporaryFiles(output), [])
        // Every output in place is in the manifest: the rerun does exactly the rest.
        XCTAssertEqual(try Manifest(url: output.appendingPathComponent(Manifest.fileName)).counts().documents, written.count)
        let summaryURL = scratch.appendingPathComponent("s.json")
        XCTAssertEqual(try PipelineExecutable.run(["run", corpus.path, "-o", output.path, "-q", "--summary-json", summaryURL.path]).status, 0)
        let summary = try json(Data(contentsOf: summaryURL))
        XCTAssertEqual(summary["processed"] as? Int, expected.count - written.count)
        XCTAssertEqual(summary["unchanged"] as? Int, written.count)
    }
}
