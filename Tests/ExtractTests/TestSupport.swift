import Foundation
import XCTest

/// Paths and helpers shared by the tests: the package root, fixtures, temporary folders
/// and running the built `pipeline` executable or a script.
enum TestSupport {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Tests/ExtractTests/Fixtures")

    /// The folder every temporary file of this test run goes under; removed when the run ends,
    /// so runs leave nothing behind in the system's temporary folder.
    static let scratch: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("evalkit-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        XCTestObservationCenter.shared.addTestObserver(ScratchRemover(url))
        return url
    }()

    /// A new path under `scratch` (nothing is created).
    static func scratchPath(_ prefix: String) -> URL {
        scratch.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    }

    /// Removes the run's scratch folder when the test bundle finishes.
    private final class ScratchRemover: NSObject, XCTestObservation {
        let url: URL
        init(_ url: URL) { self.url = url }
        func testBundleDidFinish(_ testBundle: Bundle) { try? FileManager.default.removeItem(at: url) }
    }

    /// A new empty folder under `scratch`.
    static func temporaryFolder(_ name: String = #function) throws -> URL {
        let url = scratchPath(name.filter { $0.isLetter || $0.isNumber })
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A test precondition that does not hold.
    struct Failure: Error, CustomStringConvertible { var description: String }

    /// The result of a finished process.
    typealias Outcome = PipelineExecutable.Result

    /// Runs a program to completion in the package root.
    static func execute(_ executable: URL, _ arguments: [String]) throws -> Outcome {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        p.currentDirectoryURL = packageRoot
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Outcome(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// Runs `pipeline` with arguments; fails the test when the executable has not been built.
    static func pipeline(_ arguments: [String]) throws -> Outcome {
        let exe = PipelineExecutable.url
        guard FileManager.default.isExecutableFile(atPath: exe.path) else {
            throw Failure(description: "pipeline executable not built at \(exe.path); run swift build first")
        }
        return try execute(exe, arguments)
    }

    /// Writes a JSON text to `folder/<name>`, creating folders.
    static func write(_ json: String, to folder: URL, _ name: String) throws {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(json.utf8).write(to: url)
    }
}
