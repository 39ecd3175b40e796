import Foundation

/// Accumulates the time spent in each stage, for the benchmark.
public final class StageClock {
    public enum Stage: String, CaseIterable, Sendable {
        case decode, segment, language, match, dates, entities, write

        /// The stage's place in `allCases`.
        var ordinal: Int {
            switch self {
            case .decode: 0
            case .segment: 1
            case .language: 2
            case .match: 3
            case .dates: 4
            case .entities: 5
            case .write: 6
            }
        }
    }

    /// Seconds spent per stage.
    public var seconds: [Stage: Double] {
        Dictionary(uniqueKeysWithValues: Stage.allCases.map { ($0, Double(nanoseconds[$0.ordinal]) / 1e9) })
    }

    /// (a plain array: a lap costs no hashing)
    private var nanoseconds = [UInt64](repeating: 0, count: Stage.allCases.count)
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
        nanoseconds[stage.ordinal] += t - last
        last = t
    }
}
