import Foundation
import ICU

/// The project's benchmark: streams a corpus of at least N MB (cycling through a folder's
/// documents, never holding the corpus) through the ICU floor and the pipeline's stages.
public struct Benchmark {
    public struct Result: Sendable {
        public var documents = 0
        public var bytes = 0
        public var floorSeconds = 0.0
        public var stageSeconds: [StageClock.Stage: Double] = [:]
        public var endToEndSeconds = 0.0
        public func mbps(_ seconds: Double) -> Double { Double(bytes) / 1e6 / max(seconds, 1e-9) }
    }

    let documents: [[UInt8]]
    let megabytes: Double

    /// Reads the `.txt` documents under `folder`; the benchmark streams `megabytes` of them.
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

    /// (a) the floor this design cannot beat: ICU UTF-8 → UTF-16 → NFC → word break.
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

    /// (b) and (c): every stage with `resources`, and end to end including JSON writing.
    public func pipeline(_ resources: AnalysisResources) throws -> Result {
        let analyzer = try Analyzer(resources: resources)
        let writer = JSONWriter(rulesFingerprint: resources.rulesFingerprint)
        let clock = StageClock()
        var written = 0
        let t0 = StageClock.now()
        let (n, total) = try stream { bytes, i in
            let doc = try analyzer.analyze(InputDocument(id: "d\(i)", path: "d\(i)", content: .bytes(bytes)), clock: clock)
            written += writer.write(doc).count
            clock.lap(.write)
        }
        let seconds = Double(StageClock.now() - t0) / 1e9
        precondition(written > 0)
        return Result(documents: n, bytes: total, floorSeconds: 0, stageSeconds: clock.seconds, endToEndSeconds: seconds)
    }

    /// Peak resident set size of this process in MB (VmHWM).
    public static func peakRSS() -> Double {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = s.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        let kb = Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        return kb / 1024
    }
}
