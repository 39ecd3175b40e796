import ArgumentParser
import Extract
import Foundation

/// `pipeline bench`: throughput of the ICU floor, each stage and the whole pipeline, measured
/// in one run over the same text, in rounds that measure the rule sets in turn (ratios of
/// their best rounds are what count on a shared, noisy machine).
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmark: stream at least --mb MB of the documents in FOLDER through the ICU floor, each stage and the whole pipeline, in rounds; build with -c release.")

    @Argument(help: "Folder of .txt documents to cycle through (default: corpus).")
    var folder: String = "corpus"

    @Option(help: "Megabytes to stream per measurement (over all its rounds).")
    var mb: Double = 50

    @Option(help: "Rounds: each measures the floor and every rule set in turn, on --mb / rounds MB.")
    var rounds: Int = 5

    @Option(help: "Measure only one rule set: none, dates, entities or all (for profiling).")
    var only: String?

    func run() throws {
        guard rounds >= 1 else { throw ValidationError("--rounds takes 1 or more") }
        let bench = try Benchmark(folder: URL(fileURLWithPath: folder), megabytes: mb / Double(rounds))
        let variants: [(String, Set<Extract.Dimension>)] = [("no rules", []), ("dates only", [.date]), ("entities only", [.entity]), ("all rules", [.date, .entity])]
        let chosen = only.map { o in variants.filter { $0.0.hasPrefix(o) || (o == "none" && $0.1.isEmpty) } } ?? variants
        guard !chosen.isEmpty else { throw ValidationError("--only takes none, dates, entities or all") }
        let runs = try chosen.map { ($0.0, try bench.prepare(try AnalysisResources.load(dimensions: $0.1))) }
        var floors: [Double] = []
        for _ in 0..<rounds {
            floors.append(try bench.floor())
            for (_, run) in runs { try bench.round(run) }
        }
        let all = runs.last!.1
        let floorMBps = all.mbps(floors.min()!)
        print(String(format: "corpus: %d documents, %.1f MB per round, %d rounds (cycling through %@); the best round of each measurement",
                     all.documents, Double(all.bytes) / 1e6, rounds, folder))
        print(String(format: "(a) ICU floor (UTF-8→UTF-16→NFC→word break): %.1f MB/s", floorMBps))
        print("(b) stages with \(runs.last!.0), over all rounds:")
        let seconds = all.clock.seconds, total = all.rounds.reduce(0, +)
        for stage in StageClock.Stage.allCases {
            let s = seconds[stage] ?? 0
            print(String(format: "    %-9@ %8.1f MB/s  (%4.1f%% of the time)", stage.rawValue, all.stageMBps(s), 100 * s / total))
        }
        print("(c) end to end including JSON writing (overhead: of the best rounds; in brackets, the range of each round's against the same round's no rules):")
        let base = runs.first { $0.0 == "no rules" }?.1 ?? runs[0].1
        for (name, run) in runs {
            let best = run.rounds.min()!
            let byRound = zip(run.rounds, base.rounds).map { 100 * ($0 - $1) / $1 }
            let matching = [StageClock.Stage.match, .dates, .entities].reduce(0) { $0 + (run.clock.seconds[$1] ?? 0) }
            print(String(format: "    %-13@ %8.1f MB/s  %5.2f× the floor  %+.0f%% over no rules (%+.0f..%+.0f%%)  matching and resolution %.1f MB/s",
                         name, run.mbps(best), run.mbps(best) / floorMBps, 100 * (best - base.rounds.min()!) / base.rounds.min()!,
                         byRound.min()!, byRound.max()!, run.stageMBps(matching)))
        }
        print(String(format: "(d) peak RSS: %.1f MB (pipelines loaded together: %d; a batch run's: scripts/bench-batch.sh)",
                     Benchmark.peakRSS(), runs.count))
    }
}
