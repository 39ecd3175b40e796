import Foundation
import XCTest

/// Runs the built `pipeline` executable (next to the test bundle) and captures its output
/// through temporary files.
struct PipelineExecutable {
    /// What a run printed and how it exited.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// A started process and the files its output goes to.
    struct Running {
        let process: Process
        let stdoutURL: URL
        let stderrURL: URL

        /// Waits for the end and reads what it printed.
        func finish() -> Result {
            process.waitUntilExit()
            return Result(status: process.terminationStatus,
                          stdout: (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "",
                          stderr: (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "")
        }
    }

    /// The build folder that holds the test bundle and the `pipeline` binary.
    static var buildFolder: URL {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
    }

    static var url: URL { buildFolder.appendingPathComponent("pipeline") }

    /// Starts the pipeline; stdin comes from `stdin` (a pipe the test writes), a file, or nothing.
    static func start(_ arguments: [String], stdin: Any? = nil) throws -> Running {
        let dir = TestSupport.scratchPath("pipeline-run")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let outURL = dir.appendingPathComponent("stdout"), errURL = dir.appendingPathComponent("stderr")
        XCTAssertTrue(FileManager.default.createFile(atPath: outURL.path, contents: nil))
        XCTAssertTrue(FileManager.default.createFile(atPath: errURL.path, contents: nil))
        let p = Process()
        p.executableURL = url
        p.arguments = arguments
        p.standardOutput = try FileHandle(forWritingTo: outURL)
        p.standardError = try FileHandle(forWritingTo: errURL)
        p.standardInput = stdin ?? FileHandle.nullDevice
        try p.run()
        return Running(process: p, stdoutURL: outURL, stderrURL: errURL)
    }

    /// Runs to the end with `input` on stdin.
    @discardableResult
    static func run(_ arguments: [String], input: Data? = nil) throws -> Result {
        var stdin: FileHandle?
        if let input {
            let file = TestSupport.scratchPath("pipeline-stdin")
            try input.write(to: file)
            stdin = try FileHandle(forReadingFrom: file)
        }
        return try start(arguments, stdin: stdin).finish()
    }
}
