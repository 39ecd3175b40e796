import Foundation

/// Reads a file descriptor line by line in 64 KB chunks, never holding more than one line
/// (and a line longer than `limit` is cut short and flagged, not buffered). Waiting for
/// input, it checks every 250 ms whether to stop.
struct LineReader {
    let fd: Int32
    let limit: Int
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0
    private var end = 0
    private var eof = false

    /// Polled while waiting for input (stdin may stay open and silent); true ends the input.
    let shouldStop: () -> Bool

    init(fd: Int32, limit: Int, shouldStop: @escaping () -> Bool) {
        self.fd = fd; self.limit = limit; self.shouldStop = shouldStop
    }

    /// The next line without its "\n" (and "\r"), whether it was longer than the limit, and its
    /// full length; nil at end of input. Throws on a read error.
    mutating func next() throws -> (bytes: [UInt8], tooLong: Bool, length: Int)? {
        var line: [UInt8] = []
        var length = 0
        while true {
            if start == end {
                if eof { break }
                var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                if poll(&poller, 1, 250) == 0 {
                    if shouldStop() { eof = true; break }
                    continue
                }
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw StageError(path: "fd \(fd)", stage: "read", message: String(cString: strerror(errno)))
                }
                if n == 0 { eof = true; break }
                start = 0; end = n
            }
            var i = start
            while i < end, buffer[i] != 0x0A { i += 1 }
            let take = i - start
            length += take
            if line.count < limit { line.append(contentsOf: buffer[start..<min(i, start + (limit - line.count))]) }
            if i < end {
                start = i + 1
                if line.last == 0x0D { line.removeLast() }
                return (line, length > limit, length)
            }
            start = end
        }
        if length == 0 && line.isEmpty { return nil }
        if line.last == 0x0D { line.removeLast() }
        return (line, length > limit, length)
    }
}
