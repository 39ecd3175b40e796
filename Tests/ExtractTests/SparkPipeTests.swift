import Foundation
import XCTest

/// Runs tests/spark/spark_pipe_test.py: the built `pipeline` as a Spark RDD.pipe mapper in
/// local mode must give what a direct run gives. Skips only when pyspark or Java is missing
/// (the script exits 77 and says which; scripts/spark-test.sh installs them).
final class SparkPipeTests: XCTestCase {
    func testPipelineAsSparkPipeMapperEqualsADirectRun() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let script = root.appendingPathComponent("tests/spark/spark_pipe_test.py")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", script.path, "--pipeline", PipelineExecutable.url.path, "--documents", "300",
                       "--corpus", root.appendingPathComponent("corpus").path]
        let log = TestSupport.scratchPath("spark-log")
        XCTAssertTrue(FileManager.default.createFile(atPath: log.path, contents: nil))
        let handle = try FileHandle(forWritingTo: log)
        p.standardOutput = handle
        p.standardError = handle
        try p.run()
        p.waitUntilExit()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        if p.terminationStatus == 77 {
            throw XCTSkip(output.split(separator: "\n").last { $0.hasPrefix("SKIP") }.map(String.init) ?? "pyspark or Java missing")
        }
        XCTAssertEqual(p.terminationStatus, 0, output)
        XCTAssertTrue(output.contains("spark_pipe_test: 301 lines through Spark RDD.pipe (4 partitions, local[2]) equal the direct run"), output)
    }
}
