import Foundation
import Logging

/// Shows how a run is going: on a terminal, one line redrawn in place (documents, MB,
/// rate, ETA); otherwise a plain log line every 10 seconds. Silent with `--quiet`.
final class ProgressReporter: @unchecked Sendable {
    enum Mode { case terminal, log, quiet }

    let mode: Mode
    let logger: Logger
    let started = Date()
    private var lastShown: Date
    private let lock = NSLock()
    private var totalBytes: Int?
    private var shownLine = false

    init(mode: Mode, logger: Logger) {
        self.mode = mode
        self.logger = logger
        lastShown = mode == .terminal ? .distantPast : started
    }

    /// Sizes the corpus on a background thread so that the terminal line can show an ETA.
    func estimateTotal(_ reader: CorpusReader) {
        guard mode == .terminal else { return }
        Thread.detachNewThread { [self] in
            var total = 0
            try? reader.forEachEntry { total += $0.size; return true }
            lock.lock(); totalBytes = total; lock.unlock()
        }
    }

    /// Called after each document; redraws at most 5 times a second.
    func update(documents: Int, bytes: Int, doneBytes: Int, failed: Int) {
        let now = Date()
        let interval: TimeInterval = mode == .terminal ? 0.2 : 10
        guard mode != .quiet, now.timeIntervalSince(lastShown) >= interval else { return }
        lastShown = now
        let seconds = now.timeIntervalSince(started)
        let mb = Double(bytes) / 1_000_000
        let rate = mb / max(seconds, 1e-9)
        var text = "\(documents) documents, \(BatchSummary.format(mb)) MB, \(BatchSummary.format(rate)) MB/s"
        if failed > 0 { text += ", \(failed) failed" }
        switch mode {
        case .terminal:
            lock.lock(); let total = totalBytes; lock.unlock()
            if let total, doneBytes > 0, doneBytes <= total {
                let eta = Int(Double(total - doneBytes) / max(Double(doneBytes) / max(seconds, 1e-9), 1))
                text += ", ETA \(eta / 60):\(eta % 60 < 10 ? "0" : "")\(eta % 60)"
            }
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
            shownLine = true
        case .log:
            logger.info("progress: \(text)")
        case .quiet:
            break
        }
    }

    /// Clears the terminal line before the summary.
    func finish() {
        if shownLine { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
