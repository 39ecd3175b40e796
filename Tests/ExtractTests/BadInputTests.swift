import Extract
import Foundation
import XCTest

/// A bad document gets a clear error naming it; the others are still written.
final class BadInputTests: XCTestCase {
    func testEmptyBinaryAndInvalidUTF8() throws {
        let input = try Support.temporaryFolder(), output = try Support.temporaryFolder()
        try "Клъстерът проведе среща в София на 10.10.2012 г.".write(to: input.appendingPathComponent("good.txt"), atomically: true, encoding: .utf8)
        try Data().write(to: input.appendingPathComponent("empty.txt"))
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0x02]).write(to: input.appendingPathComponent("binary.txt"))
        try Data([0x41, 0x42, 0xC3, 0x28, 0x43]).write(to: input.appendingPathComponent("invalid.txt"))
        let r = try Support.run(["run", input.path, "--output", output.path])
        XCTAssertNotEqual(r.code, 0)
        XCTAssertTrue(r.err.contains("empty.txt"), r.err)
        XCTAssertTrue(r.err.contains("empty"), r.err)
        XCTAssertTrue(r.err.contains("binary.txt"), r.err)
        XCTAssertTrue(r.err.contains("invalid.txt"), r.err)
        XCTAssertTrue(r.err.contains("invalid UTF-8 at byte offset 2"), r.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("good.json").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("empty.json").path))
        let errors = try String(contentsOf: output.appendingPathComponent("errors.jsonl"), encoding: .utf8)
        XCTAssertEqual(errors.split(separator: "\n").count, 3)
    }

    func testDecoderMessages() {
        let d = TextDecoder()
        XCTAssertThrowsError(try d.decode([])) { XCTAssertEqual(($0 as? DecodeError)?.message, "empty document (0 bytes)") }
        XCTAssertThrowsError(try d.decode([0x61, 0xFF])) { XCTAssertEqual(($0 as? DecodeError)?.message, "invalid UTF-8 at byte offset 1") }
        XCTAssertEqual(try d.decode([0xEF, 0xBB, 0xBF, 0x61]).utf16, [0x61])
    }
}
