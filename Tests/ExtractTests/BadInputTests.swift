import Extract
import Foundation
import XCTest

/// A bad document gets a clear error naming it; the others are still written.
final class BadInputTests: XCTestCase {
    func testEmptyBinaryAndInvalidUTF8() throws {
        let input = try TestSupport.temporaryFolder(), output = try TestSupport.temporaryFolder()
        try "Клъстерът проведе среща в София на 10.10.2012 г.".write(to: input.appendingPathComponent("good.txt"), atomically: true, encoding: .utf8)
        try Data().write(to: input.appendingPathComponent("empty.txt"))
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0x02]).write(to: input.appendingPathComponent("binary.txt"))
        try Data([0x41, 0x42, 0xC3, 0x28, 0x43]).write(to: input.appendingPathComponent("invalid.txt"))
        let r = try PipelineExecutable.run(["run", input.path, "--output", output.path])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("empty.txt"), r.stderr)
        XCTAssertTrue(r.stderr.contains("empty"), r.stderr)
        XCTAssertTrue(r.stderr.contains("binary.txt: decode: binary file: NUL byte at offset 4"), r.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("good.json").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("empty.json").path))
        let errors = try String(contentsOf: output.appendingPathComponent("errors.jsonl"), encoding: .utf8)
        XCTAssertEqual(errors.split(separator: "\n").count, 2)
        // Bytes that are not UTF-8 go to charset detection and are not lost...
        let invalid = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("invalid.json"))) as! [String: Any]
        XCTAssertNotEqual((invalid["source"] as! [String: Any])["encoding"] as? String, "UTF-8")
        // ...but declared UTF-8 that is not UTF-8 is an error naming the file and the byte.
        let strict = try PipelineExecutable.run(["run", input.path, "--output", try TestSupport.temporaryFolder().path, "--encoding", "UTF-8"])
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(strict.stderr.contains("invalid.txt: decode: invalid UTF-8 at byte offset 2"), strict.stderr)
        XCTAssertTrue(strict.stderr.contains("empty.txt: decode: empty document (0 bytes)"), strict.stderr)
    }

    func testDecoderMessages() {
        let d = TextDecoder()
        XCTAssertThrowsError(try d.decode([])) { XCTAssertEqual(($0 as? DecodeError)?.message, "empty document (0 bytes)") }
        XCTAssertThrowsError(try d.decode([0x61, 0xFF], declared: "UTF-8")) { XCTAssertEqual(($0 as? DecodeError)?.message, "invalid UTF-8 at byte offset 1") }
        XCTAssertEqual(try d.decode([0xEF, 0xBB, 0xBF, 0x61]).utf16, [0x61])
    }
}
