/// What a batch run did, for the final summary line and `--summary-json`.
public struct BatchSummary: Sendable {
    /// Documents analysed and written in this run.
    public var processed = 0
    /// Documents left as they were (source unchanged since the manifest recorded it).
    public var unchanged = 0
    /// Documents outside this shard.
    public var skipped = 0
    public var failed = 0
    /// Outputs removed because their source was deleted or no longer yields them.
    public var removed = 0
    public var dates = 0
    public var entities = 0
    /// Source bytes of the processed documents.
    public var bytes = 0
    public var seconds = 0.0
    public var jobs = 1
    public var shard: ShardSpec?
    /// Why the run stopped early (a signal), or nil when it went through the whole input.
    public var interrupted: String?
    /// Failures in path order.
    public var errors: [StageError] = []

    /// Megabytes (10^6 bytes) per second over the processed documents.
    public var megabytesPerSecond: Double { Double(bytes) / 1_000_000 / max(seconds, 1e-9) }

    /// One human line: "12 processed, 3 unchanged, ...".
    public var line: String {
        var s = "\(processed) processed, \(unchanged) unchanged, \(skipped) skipped, \(failed) failed"
        if removed > 0 { s += ", \(removed) removed" }
        s += "; \(dates) dates, \(entities) entities; "
        s += "\(BatchSummary.format(Double(bytes) / 1_000_000)) MB in \(BatchSummary.format(seconds)) s (\(BatchSummary.format(megabytesPerSecond)) MB/s, \(jobs) jobs)"
        if let interrupted { s += "; interrupted by \(interrupted)" }
        return s
    }

    /// The summary as a JSON object (keys in a fixed order).
    public var json: [UInt8] {
        let o = JSONBuffer()
        o.raw("{\"processed\":"); o.int(processed)
        o.raw(",\"unchanged\":"); o.int(unchanged)
        o.raw(",\"skipped\":"); o.int(skipped)
        o.raw(",\"failed\":"); o.int(failed)
        o.raw(",\"removed\":"); o.int(removed)
        o.raw(",\"dates\":"); o.int(dates)
        o.raw(",\"entities\":"); o.int(entities)
        o.raw(",\"bytes\":"); o.int(bytes)
        o.raw(",\"seconds\":"); o.raw(string: BatchSummary.format(seconds, digits: 3))
        o.raw(",\"mbPerSecond\":"); o.raw(string: BatchSummary.format(megabytesPerSecond, digits: 3))
        o.raw(",\"jobs\":"); o.int(jobs)
        if let shard { o.raw(",\"shard\":"); o.string(shard.description) }
        o.raw(",\"interrupted\":")
        if let interrupted { o.string(interrupted) } else { o.raw("null") }
        o.raw(",\"errors\":[")
        for (i, e) in errors.enumerated() {
            if i > 0 { o.raw(",") }
            o.raw("{\"path\":"); o.string(e.path); o.raw(",\"stage\":"); o.string(e.stage)
            o.raw(",\"message\":"); o.string(e.message); o.raw("}")
        }
        o.raw("]}\n")
        return o.bytes
    }

    /// A number with a fixed count of decimals, without Foundation formatting.
    static func format(_ v: Double, digits: Int = 1) -> String {
        guard v.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((abs(v) * scale).rounded())
        let whole = scaled / Int(scale)
        var frac = String(scaled % Int(scale))
        while frac.count < digits { frac = "0" + frac }
        return (v < 0 ? "-" : "") + "\(whole)" + (digits > 0 ? "." + frac : "")
    }
}
