import Foundation

/// Accumulates the time spent in each stage, for the benchmark.
public final class StageClock {
    public enum Stage: String, CaseIterable, Sendable { case decode, segment, language, match, dates, entities, write }
    public private(set) var seconds: [Stage: Double] = [:]
    private var last: UInt64 = 0

    public init() {}

    static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// Starts timing the next stage.
    public func start() { last = StageClock.now() }

    /// Adds the time since the last lap to `stage`.
    public func lap(_ stage: Stage) {
        let t = StageClock.now()
        seconds[stage, default: 0] += Double(t - last) / 1e9
        last = t
    }
}
