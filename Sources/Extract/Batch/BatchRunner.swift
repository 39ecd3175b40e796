import Foundation
import Logging

/// Runs the pipeline over a corpus: a producer thread streams the file list (and JSON
/// Lines records), `jobs` worker threads (one `Analyzer` each) decode, analyse and
/// write, and the calling thread collects results, updates the manifest and reports.
///
/// At most `4 × jobs` documents are in flight, so memory does not grow with the corpus.
/// Outputs do not depend on `jobs`: each document's JSON is a function of its source,
/// errors.jsonl is sorted by path, and `--format jsonl` output keeps input order.
public final class BatchRunner: @unchecked Sendable {
    /// Where results go.
    public enum Format: String, Sendable, CaseIterable {
        /// One JSON file per document in the output folder, with a manifest.
        case files
        /// One JSON line per document on stdout, in input order; no manifest.
        case jsonl
    }

    /// What to run and how.
    public struct Configuration: Sendable {
        /// An input folder or file, or "-" for JSON Lines on stdin.
        public var input: String
        public var output: URL
        public var format: Format = .files
        public var includeTokens = false
        /// A charset that overrides declared and detected ones.
        public var encoding: String?
        public var jobs = ProcessInfo.processInfo.activeProcessorCount
        /// Redo every document, whatever the manifest says.
        public var force = false
        /// Keep the outputs of sources that were deleted.
        public var keepDeleted = false
        /// Documents (files or JSON Lines lines) larger than this fail.
        public var maxBytes = 50_000_000
        public var shard: ShardSpec?
        public var quiet = false

        public init(input: String, output: URL) { self.input = input; self.output = output }

        /// The manifest settings that, when changed, make every output stale.
        func settings(_ resources: AnalysisResources) -> Manifest.Settings {
            Manifest.Settings(rules: resources.rulesFingerprint, options: "tokens=\(includeTokens);encoding=\(encoding ?? "")")
        }
    }

    public let configuration: Configuration
    public let resources: AnalysisResources
    /// Set it (e.g. from a SIGINT handler) to stop after the documents in flight.
    public let stop = StopFlag()
    let logger: Logger

    public init(configuration: Configuration, resources: AnalysisResources, logger: Logger = Logger(label: "pipeline.batch")) {
        self.configuration = configuration
        self.resources = resources
        self.logger = logger
    }

    // MARK: Messages between threads

    enum WorkItem: Sendable {
        case file(CorpusReader.Entry, previous: Manifest.Source?, seq: Int)
        case line(source: String, defaultId: String, ordinal: Int, bytes: [UInt8], sha256: String, length: Int, tooLong: Bool, seq: Int)
        case finish
    }

    struct Outcome: Sendable {
        var record: Manifest.DocumentRecord
        var error: StageError?
        var json: [UInt8]?
        var bytes = 0
        var dates = 0
        var entities = 0
    }

    enum Message: Sendable {
        /// A work item is done: a document outcome, nothing (other shard), or an unchanged file.
        case done(source: String, seq: Int, outcome: Outcome?, file: Manifest.Source?, unchanged: Int)
        /// The producer read all of a JSON Lines source: `items` lines went to workers.
        case listed(CorpusReader.Entry, items: Int, kept: Int)
        /// The producer skipped documents: unchanged ones, or ones outside the shard.
        case skipped(unchanged: Int, otherShard: Int, keptLine: (source: String, ordinal: Int)?)
        case failed(StageError)
        case producerFinished(complete: Bool, seen: Set<UInt64>)
        case workerFinished
    }

    /// Progress of a JSON Lines source whose lines are still being processed.
    struct PendingSource {
        var items: Int?
        var kept = 0
        var done = 0
        var documents = 0
        var ok = true
        var entry: CorpusReader.Entry?
    }

    // MARK: Running

    /// Runs the batch and returns its summary; throws `StageError` when the run itself
    /// cannot start (missing input, unwritable output folder, folder locked by another run).
    public func run() throws -> BatchSummary {
        let config = configuration
        let fromStdin = config.input == "-"
        let reader = CorpusReader(root: URL(fileURLWithPath: config.input), excluded: config.output)
        var isFolder = false
        if !fromStdin {
            var st = stat()
            guard stat(config.input, &st) == 0 else {
                throw StageError(path: config.input, stage: "input", message: "input not found")
            }
            isFolder = st.st_mode & S_IFMT == S_IFDIR
        }
        let store: OutputStore? = config.format == .files ? try OutputStore(root: config.output) : nil
        let lock = try store.map { try RunLock(folder: $0.root) }
        if let swept = store?.removeTemporaryFiles(), swept > 0 {
            logger.info("removed \(swept) temporary files left by an interrupted run")
        }
        let manifestURL = config.output.appendingPathComponent(Manifest.fileName)
        let manifest: Manifest?
        do { manifest = store != nil && !fromStdin ? try Manifest(url: manifestURL) : nil } catch {
            throw StageError(path: manifestURL.path, stage: "manifest", message: "\(error)")
        }
        let runId = try manifest?.beginRun() ?? 0
        let settings = config.settings(resources)
        let jobs = max(1, config.jobs)
        let permits = DispatchSemaphore(value: 4 * jobs)
        let work = BlockingQueue<WorkItem>()
        let results = BlockingQueue<Message>()
        let writer = JSONWriter(includeTokens: config.includeTokens, rulesFingerprint: resources.rulesFingerprint)
        let loader = DocumentLoader(encoding: config.encoding)
        let reporter = ProgressReporter(mode: config.quiet ? .quiet : (isatty(2) != 0 ? .terminal : .log), logger: logger)
        if isFolder { reporter.estimateTotal(reader) }

        for _ in 0..<jobs {
            let thread = Thread { [self] in
                do {
                    let analyzer = try Analyzer(resources: resources)
                    while true {
                        let item = work.pop()
                        if case .finish = item { break }
                        results.push(process(item, analyzer: analyzer, loader: loader, writer: writer, store: store, settings: settings))
                    }
                } catch {
                    results.push(.failed(StageError(path: "-", stage: "start", message: "cannot create analyzer: \(error)")))
                }
                results.push(.workerFinished)
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        let producer = Thread { [self] in
            let complete = produce(reader: reader, fromStdin: fromStdin, manifest: manifest, settings: settings,
                                   permits: permits, work: work, results: results)
            for _ in 0..<jobs { work.push(.finish) }
            results.push(.producerFinished(complete: complete.complete, seen: complete.seen))
        }
        producer.stackSize = 8 << 20
        producer.start()

        // Collect.
        var summary = BatchSummary()
        summary.jobs = jobs
        summary.shard = config.shard
        var changes: [Manifest.Change] = []
        var lastFlush = Date()
        var pending: [String: PendingSource] = [:]
        var reorder: [Int: [UInt8]] = [:]
        var nextSeq = 0
        var out = StandardOutput()
        var workersLeft = jobs
        var producerDone = false
        var complete = false
        var seen = Set<UInt64>()
        var doneBytes = 0

        func finishSource(_ path: String) {
            guard let p = pending[path], let items = p.items, p.done == items, let entry = p.entry else { return }
            changes.append(.source(Manifest.Source(path: path, size: entry.size, mtime: entry.mtime, sha256: "", settings: settings,
                                                   ok: p.ok, documents: p.documents + p.kept)))
            pending[path] = nil
        }
        func flush() {
            guard let manifest, !changes.isEmpty else { return }
            do { try manifest.apply(changes, run: runId) } catch {
                logger.error("cannot update the manifest: \(error)")
            }
            changes.removeAll(keepingCapacity: true)
            lastFlush = Date()
        }

        while workersLeft > 0 || !producerDone {
            if config.format == .jsonl, results.isEmpty { out.flush() }
            switch results.pop() {
            case .done(let source, let seq, let outcome, let file, let unchanged):
                summary.unchanged += unchanged
                if let outcome {
                    doneBytes += outcome.bytes
                    if let error = outcome.error {
                        summary.failed += 1
                        summary.errors.append(error)
                        logger.error("\(error.path): \(error.stage): \(error.message)")
                    } else {
                        summary.processed += 1
                        summary.bytes += outcome.bytes
                        summary.dates += outcome.dates
                        summary.entities += outcome.entities
                    }
                    changes.append(.document(outcome.record, settings))
                } else if unchanged == 0 {
                    summary.skipped += 1
                }
                if let file, unchanged > 0 {
                    changes.append(.touch(path: file.path, size: file.size, mtime: file.mtime))
                    doneBytes += file.size
                } else if let file {
                    changes.append(.source(file))
                } else if manifest != nil {
                    pending[source, default: PendingSource()].done += 1
                    if let outcome {
                        if outcome.error == nil { pending[source]!.documents += 1 } else { pending[source]!.ok = false }
                    }
                    finishSource(source)
                }
                if config.format == .jsonl {
                    reorder[seq] = outcome.flatMap { $0.json } ?? []
                    while let line = reorder.removeValue(forKey: nextSeq) {
                        if !line.isEmpty { out.write(line) }
                        nextSeq += 1
                        permits.signal()
                    }
                } else {
                    permits.signal()
                }
                reporter.update(documents: summary.processed + summary.failed, bytes: summary.bytes, doneBytes: doneBytes, failed: summary.failed)
            case .listed(let entry, let items, let kept):
                pending[entry.relativePath, default: PendingSource()].items = items
                pending[entry.relativePath]!.kept = kept
                pending[entry.relativePath]!.entry = entry
                finishSource(entry.relativePath)
            case .skipped(let unchanged, let otherShard, let keptLine):
                summary.unchanged += unchanged
                summary.skipped += otherShard
                if let keptLine { changes.append(.keepLine(source: keptLine.source, ordinal: keptLine.ordinal)) }
            case .failed(let error):
                summary.failed += 1
                summary.errors.append(error)
                logger.error("\(error.path): \(error.stage): \(error.message)")
            case .producerFinished(let c, let s):
                producerDone = true
                complete = c
                seen = s
            case .workerFinished:
                workersLeft -= 1
            }
            if changes.count >= 512 || (!changes.isEmpty && Date().timeIntervalSince(lastFlush) > 1) { flush() }
        }
        flush()
        out.flush()
        reporter.finish()

        if let manifest, let store, complete, isFolder {
            do {
                for id in try manifest.removeStaleDocuments(run: runId) { store.remove(id: id); summary.removed += 1 }
                if !config.keepDeleted {
                    for id in try manifest.removeSources(where: { !seen.contains(ShardSpec.fnv1a($0)) }) {
                        store.remove(id: id)
                        summary.removed += 1
                    }
                }
            } catch {
                logger.error("cannot remove stale outputs: \(error)")
            }
        }
        summary.interrupted = complete ? nil : (stop.requested ?? "an error")
        summary.errors.sort { ($0.path, $0.stage) < ($1.path, $1.stage) }
        summary.seconds = Date().timeIntervalSince(reporter.started)
        if let store {
            do { try store.writeErrors(summary.errors) } catch {
                logger.error("cannot write errors.jsonl: \(error)")
            }
        }
        try? manifest?.finishRun(runId, status: complete ? "complete" : "interrupted", processed: summary.processed,
                                 unchanged: summary.unchanged, failed: summary.failed, seconds: summary.seconds)
        withExtendedLifetime(lock) {}
        return summary
    }

    // MARK: Producer

    /// Streams the input into work items; returns whether it got through all of it, and
    /// the hashes of every source path seen (for removing outputs of deleted sources).
    func produce(reader: CorpusReader, fromStdin: Bool, manifest: Manifest?, settings: Manifest.Settings,
                 permits: DispatchSemaphore, work: BlockingQueue<WorkItem>, results: BlockingQueue<Message>) -> (complete: Bool, seen: Set<UInt64>) {
        let config = configuration
        var seq = 0
        var seen = Set<UInt64>()
        func enqueue(_ make: (Int) -> WorkItem) {
            permits.wait()
            work.push(make(seq))
            seq += 1
        }
        func body(_ snapshot: Manifest.Snapshot?) -> Bool {
            if fromStdin {
                return lines(fd: 0, source: "stdin", idPrefix: "", entry: nil, snapshot: nil, settings: settings,
                             enqueue: enqueue, results: results)
            }
            var complete = true
            do {
                try reader.forEachEntry { entry in
                    if stop.requested != nil { complete = false; return false }
                    seen.insert(ShardSpec.fnv1a(entry.relativePath))
                    if let shard = config.shard, ["txt", "html", "htm"].contains(entry.kind), !shard.contains(entry.id) {
                        results.push(.skipped(unchanged: 0, otherShard: 1, keptLine: nil))
                        return true
                    }
                    let previous = try snapshot?.source(entry.relativePath)
                    if let p = previous, !config.force, p.ok, p.size == entry.size, p.mtime == entry.mtime, p.settings == settings {
                        results.push(.skipped(unchanged: p.documents, otherShard: 0, keptLine: nil))
                        return true
                    }
                    if entry.kind == "jsonl" {
                        let fd = open(entry.path, O_RDONLY | O_CLOEXEC)
                        guard fd >= 0 else {
                            results.push(.failed(StageError(path: entry.relativePath, stage: "read", message: String(cString: strerror(errno)))))
                            return true
                        }
                        defer { close(fd) }
                        if !lines(fd: fd, source: entry.relativePath, idPrefix: entry.id + "-", entry: entry, snapshot: snapshot,
                                  settings: settings, enqueue: enqueue, results: results) {
                            complete = false
                            return false
                        }
                    } else {
                        enqueue { .file(entry, previous: previous, seq: $0) }
                    }
                    return true
                }
            } catch {
                let e = error as? StageError ?? StageError(path: config.input, stage: "input", message: "\(error)")
                results.push(.failed(e))
                return false
            }
            return complete
        }
        let complete: Bool
        if let manifest {
            complete = (try? manifest.read { body($0) }) ?? false
        } else {
            complete = body(nil)
        }
        return (complete, seen)
    }

    /// Streams the lines of a JSON Lines source; returns false when stopped early.
    func lines(fd: Int32, source: String, idPrefix: String, entry: CorpusReader.Entry?, snapshot: Manifest.Snapshot?,
               settings: Manifest.Settings, enqueue: ((Int) -> WorkItem) -> Void, results: BlockingQueue<Message>) -> Bool {
        var reader = LineReader(fd: fd, limit: configuration.maxBytes) { [stop] in stop.requested != nil }
        var ordinal = 0
        var items = 0
        var kept = 0
        do {
            while let line = try reader.next() {
                ordinal += 1
                if stop.requested != nil { return false }
                if !line.tooLong, line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                let sha = SHA256.hex(line.bytes)
                if let snapshot, !configuration.force, let (record, recorded) = try snapshot.document(source: source, ordinal: ordinal),
                   record.ok, record.sha256 == sha, recorded == settings {
                    results.push(.skipped(unchanged: 1, otherShard: 0, keptLine: (source, ordinal)))
                    kept += 1
                    continue
                }
                let n = ordinal
                enqueue { .line(source: source, defaultId: idPrefix + String(n), ordinal: n, bytes: line.bytes, sha256: sha,
                                length: line.length, tooLong: line.tooLong, seq: $0) }
                items += 1
            }
        } catch {
            results.push(.failed(StageError(path: source, stage: "read", message: "\(error)")))
            return true
        }
        if let entry { results.push(.listed(entry, items: items, kept: kept)) }
        return true
    }

    // MARK: Worker

    /// Processes one work item on a worker thread.
    func process(_ item: WorkItem, analyzer: Analyzer, loader: DocumentLoader, writer: JSONWriter, store: OutputStore?,
                 settings: Manifest.Settings) -> Message {
        let config = configuration
        switch item {
        case .file(let entry, let previous, let seq):
            let path = entry.relativePath
            func source(ok: Bool, sha: String, documents: Int) -> Manifest.Source {
                Manifest.Source(path: path, size: entry.size, mtime: entry.mtime, sha256: sha, settings: settings, ok: ok, documents: documents)
            }
            func failure(_ e: StageError, sha: String) -> Message {
                store?.remove(id: entry.id)
                let record = Manifest.DocumentRecord(id: entry.id, source: path, ordinal: 0, sha256: sha, ok: false, message: e.message, seconds: 0)
                return .done(source: path, seq: seq, outcome: Outcome(record: record, error: e, json: errorLine(id: entry.id, e)),
                             file: source(ok: false, sha: sha, documents: 0), unchanged: 0)
            }
            if entry.size > config.maxBytes {
                return failure(StageError(path: path, stage: "read", message: "larger than --max-bytes (\(entry.size) > \(config.maxBytes) bytes)"), sha: "")
            }
            let bytes: [UInt8]
            do { bytes = try BatchRunner.readFile(entry.path, limit: config.maxBytes) } catch let e as StageError {
                return failure(StageError(path: path, stage: e.stage, message: e.message), sha: "")
            } catch {
                return failure(StageError(path: path, stage: "read", message: "\(error)"), sha: "")
            }
            let sha = SHA256.hex(bytes)
            if let p = previous, !config.force, p.ok, p.sha256 == sha, p.settings == settings {
                var touched = p
                touched.size = entry.size
                touched.mtime = entry.mtime
                return .done(source: path, seq: seq, outcome: nil, file: touched, unchanged: p.documents)
            }
            let input: InputDocument
            do { input = try loader.document(bytes: bytes, kind: entry.kind, id: entry.id, path: path) } catch let e as StageError {
                return failure(e, sha: sha)
            } catch {
                return failure(StageError(path: path, stage: "read", message: "\(error)"), sha: sha)
            }
            if let shard = config.shard, !shard.contains(input.id) {
                return .done(source: path, seq: seq, outcome: nil, file: source(ok: true, sha: sha, documents: 0), unchanged: 0)
            }
            let outcome = analyze(input, ordinal: 0, sha: sha, analyzer: analyzer, writer: writer, store: store)
            return .done(source: path, seq: seq, outcome: outcome, file: source(ok: outcome.error == nil, sha: sha, documents: 1), unchanged: 0)

        case .line(let source, let defaultId, let ordinal, let bytes, let sha, let length, let tooLong, let seq):
            let path = "\(source)#\(ordinal)"
            func failure(_ e: StageError, id: String) -> Message {
                let record = Manifest.DocumentRecord(id: id, source: source, ordinal: ordinal, sha256: sha, ok: false, message: e.message, seconds: 0)
                return .done(source: source, seq: seq, outcome: Outcome(record: record, error: e, json: errorLine(id: id, e)), file: nil, unchanged: 0)
            }
            if tooLong {
                return failure(StageError(path: path, stage: "read", message: "line larger than --max-bytes (\(length) > \(config.maxBytes) bytes)"), id: defaultId)
            }
            var input: InputDocument
            do { input = try loader.record(line: bytes, path: path, defaultId: defaultId) } catch let e as StageError {
                return failure(e, id: defaultId)
            } catch {
                return failure(StageError(path: path, stage: "read", message: "\(error)"), id: defaultId)
            }
            // A stream's line numbers depend on how it was split (e.g. into Spark partitions);
            // the output names just "stdin" so that it does not.
            if source == "stdin" { input.source?.path = source }
            if let shard = config.shard, !shard.contains(input.id) {
                return .done(source: source, seq: seq, outcome: nil, file: nil, unchanged: 0)
            }
            return .done(source: source, seq: seq, outcome: analyze(input, ordinal: ordinal, sha: sha, analyzer: analyzer, writer: writer, store: store),
                         file: nil, unchanged: 0)

        case .finish:
            return .workerFinished
        }
    }

    /// Analyses one document and writes its JSON (to the store, or into the outcome for stdout).
    func analyze(_ input: InputDocument, ordinal: Int, sha: String, analyzer: Analyzer, writer: JSONWriter, store: OutputStore?) -> Outcome {
        let started = DispatchTime.now().uptimeNanoseconds
        var record = Manifest.DocumentRecord(id: input.id, source: sourcePath(input.path), ordinal: ordinal, sha256: sha, ok: true, message: nil, seconds: 0)
        func fail(_ e: StageError) -> Outcome {
            store?.remove(id: input.id)
            record.ok = false
            record.message = e.message
            return Outcome(record: record, error: e, json: errorLine(id: input.id, e))
        }
        if let problem = BatchRunner.invalidId(input.id) {
            return fail(StageError(path: input.path, stage: "read", message: problem))
        }
        let doc: Document
        do { doc = try analyzer.analyze(input) } catch let e as StageError {
            return fail(e)
        } catch {
            return fail(StageError(path: input.path, stage: "analyze", message: "\(error)"))
        }
        let json = writer.write(doc)
        var outcome = Outcome(record: record, bytes: doc.source.bytes, dates: doc.dates.count, entities: doc.entities.count)
        if let store {
            do { try store.write(id: doc.id, bytes: json) } catch let e as StageError {
                return fail(e)
            } catch {
                return fail(StageError(path: input.path, stage: "write", message: "\(error)"))
            }
        } else {
            outcome.json = json + [0x0A]
        }
        outcome.record.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return outcome
    }

    /// The source part of a document path ("a.jsonl#3" -> "a.jsonl").
    func sourcePath(_ path: String) -> String {
        guard let hash = path.lastIndex(of: "#") else { return path }
        return String(path[..<hash])
    }

    /// `{"id":..,"error":..,"stage":..,"path":..}` for the stdout stream.
    func errorLine(id: String, _ e: StageError) -> [UInt8] {
        let o = JSONBuffer()
        o.raw("{\"id\":"); o.string(id); o.raw(",\"error\":"); o.string(e.message)
        o.raw(",\"stage\":"); o.string(e.stage); o.raw(",\"path\":"); o.string(e.path); o.raw("}\n")
        return o.bytes
    }

    /// Why `id` cannot name an output file, or nil when it can.
    static func invalidId(_ id: String) -> String? {
        if id.isEmpty { return "empty id" }
        if id.utf8.count > 200 { return "id longer than 200 bytes" }
        if id.hasPrefix("/") || id.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) {
            return "invalid id '\(id)': must be a relative path without '.', '..' or empty parts"
        }
        if id.utf8.contains(0) { return "invalid id: contains NUL" }
        return nil
    }

    /// Reads a whole file with POSIX calls; fails when it grew past `limit`.
    static func readFile(_ path: String, limit: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StageError(path: path, stage: "read", message: String(cString: strerror(errno))) }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw StageError(path: path, stage: "read", message: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
            if out.count > limit { throw StageError(path: path, stage: "read", message: "larger than --max-bytes (\(limit) bytes)") }
        }
        return out
    }
}

/// Buffered writes to file descriptor 1.
struct StandardOutput {
    private var buffer: [UInt8] = []

    mutating func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Foundation.write(1, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 { if errno == EINTR { continue }; break }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
