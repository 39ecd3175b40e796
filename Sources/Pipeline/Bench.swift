import ArgumentParser
import Extract
import Foundation

/// `pipeline bench`: throughput of the ICU floor, each stage and the whole pipeline, measured
/// in one run over the same text (ratios are what count on a shared, noisy machine).
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmark: stream at least --mb MB of the documents in FOLDER through the ICU floor, each stage and the whole pipeline; build with -c release.")

    @Argument(help: "Folder of .txt documents to cycle through (default: corpus).")
    var folder: String = "corpus"

    @Option(help: "Megabytes to stream per measurement.")
    var mb: Double = 50

    @Option(help: "Measure only one rule set: none, dates, entities or all (for profiling).")
    var only: String?

    func run() throws {
        let bench = try Benchmark(folder: URL(fileURLWithPath: folder), megabytes: mb)
        let floor = try bench.floor()
        let variants: [(String, Set<Extract.Dimension>)] = [("no rules", []), ("dates only", [.date]), ("entities only", [.entity]), ("all rules", [.date, .entity])]
        var results: [(String, Benchmark.Result)] = []
        let chosen = only.map { o in variants.filter { $0.0.hasPrefix(o) || (o == "none" && $0.1.isEmpty) } } ?? variants
        guard !chosen.isEmpty else { throw ValidationError("--only takes none, dates, entities or all") }
        for (name, dims) in chosen {
            results.append((name, try bench.pipeline(try AnalysisResources.load(dimensions: dims))))
        }
        let all = results.last!.1
        let floorMBps = all.mbps(floor)
        print(String(format: "corpus: %d documents, %.1f MB (cycling through %@)", all.documents, Double(all.bytes) / 1e6, folder))
        print(String(format: "(a) ICU floor (UTF-8→UTF-16→NFC→word break): %.1f MB/s", floorMBps))
        print("(b) stages with all rules:")
        for stage in StageClock.Stage.allCases {
            let s = all.stageSeconds[stage] ?? 0
            print(String(format: "    %-9@ %8.1f MB/s  (%4.1f%% of the time)", stage.rawValue, all.mbps(s), 100 * s / all.endToEndSeconds))
        }
        print("(c) end to end including JSON writing:")
        let base = results.first { $0.0 == "no rules" }?.1.endToEndSeconds ?? results[0].1.endToEndSeconds
        for (name, r) in results {
            print(String(format: "    %-13@ %8.1f MB/s  %5.2f× the floor  +%.0f%% over no rules  matching and resolution %.1f MB/s",
                         name, r.mbps(r.endToEndSeconds), r.mbps(r.endToEndSeconds) / floorMBps,
                         100 * (r.endToEndSeconds - base) / base, r.mbps((r.stageSeconds[.match] ?? 0) + (r.stageSeconds[.dates] ?? 0) + (r.stageSeconds[.entities] ?? 0))))
        }
        print(String(format: "(d) peak RSS: %.1f MB", Benchmark.peakRSS()))
    }
}
