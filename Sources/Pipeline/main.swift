import ArgumentParser
import Extract
import Foundation

do {
    var command = try PipelineCommand.parseAsRoot()
    try command.run()
} catch {
    // Bad arguments exit with 2 (ArgumentParser's default is 64), like any run that cannot start.
    if PipelineCommand.exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((PipelineCommand.fullMessage(for: error) + "\n").utf8))
        exit(2)
    }
    PipelineCommand.exit(withError: error)
}
