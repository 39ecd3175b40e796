import Foundation

/// Set from a signal handler (or a test) to ask a running batch to stop reading new
/// documents, finish those in flight, save its manifest and return.
public final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var reason: String?

    public init() {}

    /// Asks the run to stop; the first reason is kept.
    public func request(_ why: String) {
        lock.lock()
        if reason == nil { reason = why }
        lock.unlock()
    }

    /// Why the run was asked to stop, or nil.
    public var requested: String? {
        lock.lock()
        defer { lock.unlock() }
        return reason
    }
}
