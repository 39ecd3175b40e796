import Foundation
import ICU

/// The project's benchmark: streams a corpus of at least N MB (cycling through a folder's
/// documents, never holding the corpus) through the ICU floor and the pipeline's stages, in
/// rounds, so that the rule sets can be measured in turn in each round (on a shared, noisy
/// machine, the best round of each is compared).
public struct Benchmark {
    /// One rule set's pipeline, kept between rounds (its word caches stay warm), with what
    /// its rounds measured.
    public final class Run {
        let analyzer: Analyzer
        let writer: JSONWriter
        /// Seconds per stage, summed over the rounds.
        public let clock = StageClock()
        /// Seconds end to end, per round.
        public internal(set) var rounds: [Double] = []
        /// Documents and bytes of one round.
        public internal(set) var documents = 0
        public internal(set) var bytes = 0

        init(_ resources: AnalysisResources) throws {
            analyzer = try Analyzer(resources: resources)
            writer = JSONWriter(rulesFingerprint: resources.rulesFingerprint)
        }

        /// MB/s of `seconds` for one round's bytes.
        public func mbps(_ seconds: Double) -> Double { Double(bytes) / 1e6 / max(seconds, 1e-9) }
        /// MB/s of the stages' summed seconds over all rounds.
        public func stageMBps(_ seconds: Double) -> Double { mbps(seconds / Double(max(rounds.count, 1))) }
    }

    let documents: [[UInt8]]
    let megabytes: Double

    /// Reads the `.txt` documents under `folder`; each round streams `megabytes` of them.
    public init(folder: URL, megabytes: Double) throws {
        let reader = CorpusReader(root: folder)
        var docs: [[UInt8]] = []
        for e in try reader.entries() where e.kind == "txt" {
            let d = [UInt8](try Data(contentsOf: URL(fileURLWithPath: e.path)))
            if !d.isEmpty, TextDecoder.firstInvalidUTF8(d.withUnsafeBufferPointer { $0 }) == nil { docs.append(d) }
        }
        guard !docs.isEmpty else { throw StageError(path: folder.path, stage: "bench", message: "no UTF-8 .txt documents") }
        documents = docs
        self.megabytes = megabytes
    }

    /// Calls `body` with each document of the stream, until `megabytes` have passed.
    func stream(_ body: ([UInt8], Int) throws -> Void) rethrows -> (Int, Int) {
        var total = 0, n = 0
        let target = Int(megabytes * 1e6)
        while total < target {
            let d = documents[n % documents.count]
            try body(d, n)
            total += d.count
            n += 1
        }
        return (n, total)
    }

    /// (a) the floor this design cannot beat: ICU UTF-8 → UTF-16 → NFC → word break; the
    /// seconds of one round.
    public func floor() throws -> Double {
        let words = try BreakIterator(.word)
        var nfc: [UInt16] = []
        var boundaries = 0
        let t0 = StageClock.now()
        _ = try stream { bytes, _ in
            let units = try bytes.withUnsafeBufferPointer { try UTF.utf16(fromUTF8: $0) }
            nfc.removeAll(keepingCapacity: true)
            units.withUnsafeBufferPointer { Normalizer.nfc.normalize($0, appendingTo: &nfc) }
            try nfc.withUnsafeBufferPointer { try words.forEachBoundary($0) { _, _ in boundaries += 1 } }
        }
        precondition(boundaries > 0)
        return Double(StageClock.now() - t0) / 1e9
    }

    /// The pipeline with `resources`, ready for its rounds.
    public func prepare(_ resources: AnalysisResources) throws -> Run { try Run(resources) }

    /// (b) and (c): one round of `run`: every stage, and end to end including JSON writing.
    public func round(_ run: Run) throws {
        var written = 0
        let t0 = StageClock.now()
        (run.documents, run.bytes) = try stream { bytes, i in
            let doc = try run.analyzer.analyze(InputDocument(id: "d\(i)", path: "d\(i)", content: .bytes(bytes)), clock: run.clock)
            written += run.writer.write(doc).count
            run.clock.lap(.write)
        }
        run.rounds.append(Double(StageClock.now() - t0) / 1e9)
        precondition(written > 0)
    }

    /// Peak resident set size of this process in MB (VmHWM).
    public static func peakRSS() -> Double {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = s.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        let kb = Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        return kb / 1024
    }
}
