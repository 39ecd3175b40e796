import Foundation

/// An exclusive lock on an output folder (`flock` on `.lock`), held until the process
/// exits, so two runs never write the same folder.
public final class RunLock: Sendable {
    /// The lock file's name inside the output folder.
    public static let fileName = ".lock"
    let fd: Int32

    /// Takes the lock or throws a `StageError` naming the folder and the holder's pid.
    public init(folder: URL) throws {
        let path = folder.appendingPathComponent(RunLock.fileName).path
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw StageError(path: path, stage: "lock", message: "cannot open lock file: \(String(cString: strerror(errno)))")
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let busy = errno == EWOULDBLOCK
            var buf = [UInt8](repeating: 0, count: 32)
            let n = pread(fd, &buf, 32, 0)
            let holder = String(decoding: buf.prefix(max(0, n)), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            close(fd)
            throw StageError(path: folder.path, stage: "lock",
                             message: busy ? "another pipeline run\(holder.isEmpty ? "" : " (pid \(holder))") is using this output folder; wait for it to finish or use another --output"
                                           : "cannot lock \(path): \(String(cString: strerror(errno)))")
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, pid, pid.count, 0)
    }

    deinit { close(fd) }
}
