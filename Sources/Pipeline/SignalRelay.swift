import Dispatch
import Extract
import Foundation

/// Turns SIGINT and SIGTERM into a stop request: the run finishes the documents in
/// flight, saves its manifest and exits. A second signal exits at once.
final class SignalRelay {
    let sources: [DispatchSourceSignal]

    init(stop: StopFlag) {
        var made: [DispatchSourceSignal] = []
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if stop.requested != nil { _exit(2) }
                FileHandle.standardError.write(Data("\npipeline: \(name): finishing the documents in flight (send again to quit now)\n".utf8))
                stop.request(name)
            }
            source.resume()
            made.append(source)
        }
        sources = made
        signal(SIGPIPE, SIG_IGN)
    }
}
