import Extract
import Foundation
import XCTest

/// Shared state and helpers for the tests: one set of resources, the repository root,
/// and running the real `pipeline` executable.
enum Support {
    static let resources: AnalysisResources = {
        do { return try AnalysisResources.load() } catch { fatalError("cannot load resources: \(error)") }
    }()

    /// The repository root (two levels above this file's folder).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = root.appendingPathComponent("corpus")

    /// The built `pipeline` executable next to the test bundle.
    static var executable: URL {
        var dir = Bundle(for: Marker.self).bundleURL
        while dir.pathExtension == "xctest" || dir.lastPathComponent.hasSuffix(".xctest") { dir.deleteLastPathComponent() }
        return dir.appendingPathComponent("pipeline")
    }
    final class Marker {}

    static func analyzer() -> Analyzer {
        do { return try Analyzer(resources: resources) } catch { fatalError("\(error)") }
    }

    /// Analyses a text and returns the parsed JSON output.
    static func annotate(_ text: String, language: Language? = nil, date: CivilDate? = nil, tokens: Bool = true) throws -> [String: Any] {
        let doc = try analyzer().analyze(InputDocument(id: "t", path: "t", content: .text(text), documentDate: date, language: language))
        let bytes = JSONWriter(includeTokens: tokens, rulesFingerprint: resources.rulesFingerprint).write(doc)
        return try JSONSerialization.jsonObject(with: Data(bytes)) as! [String: Any]
    }

    /// `text[start:end]` in code points, as Python slices.
    static func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[start..<end])
        return String(s)
    }

    /// Runs the pipeline executable; returns exit code, stdout and stderr.
    @discardableResult
    static func run(_ args: [String], stdin: String? = nil, cwd: URL? = nil) throws -> (code: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = executable
        p.arguments = args
        if let cwd { p.currentDirectoryURL = cwd }
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(stdin.data(using: .utf8)!) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("extract-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
