import Extract
import Foundation
import XCTest

/// Every span in the output satisfies `text[start:end]` == its text, in code points.
final class OffsetTests: XCTestCase {
    func check(_ json: [String: Any], _ label: String) {
        let text = json["text"] as! String
        let count = text.unicodeScalars.count
        for key in ["sentences", "tokens", "dates", "entities", "languages"] {
            for item in json[key] as? [[String: Any]] ?? [] {
                let s = item["start"] as! Int, e = item["end"] as! Int
                XCTAssert(0 <= s && s <= e && e <= count, "\(label) \(key) span \(s)..\(e) outside \(count)")
                if let t = item["text"] as? String { XCTAssertEqual(Support.slice(text, s, e), t, "\(label) \(key)") }
            }
        }
        // Tokens never start or end inside a character: their text is non-empty and has no stray whitespace.
        for item in json["tokens"] as? [[String: Any]] ?? [] {
            let piece = Support.slice(text, item["start"] as! Int, item["end"] as! Int)
            XCTAssertFalse(piece.isEmpty, label)
            XCTAssertEqual(piece.trimmingCharacters(in: .whitespacesAndNewlines), piece, "\(label) token \(piece.debugDescription)")
        }
    }

    func corpusTexts() throws -> [(String, String)] {
        let reader = CorpusReader(root: Support.corpus)
        return try reader.entries().map { ($0.relativePath, try String(contentsOfFile: $0.path, encoding: .utf8)) }
    }

    func testCorpusSpansMatchText() throws {
        let texts = try corpusTexts()
        XCTAssertGreaterThanOrEqual(texts.count, 5)
        for (name, text) in texts { check(try Support.annotate(text), name) }
    }

    /// The written JSON carries the text unchanged through every escape: quotes, backslashes,
    /// control characters, characters outside the BMP; a lone surrogate becomes U+FFFD.
    func testTextSurvivesJSONEscapes() throws {
        let text = "Цитат \"q\" \\ back\u{01}\u{1F}\tтаб\r\nред 😀 „Зелена“ </script>"
        XCTAssertEqual(try Support.annotate(text)["text"] as? String, text)
        let lone = Document(id: "x", source: SourceInfo(path: "x", sha256: "", bytes: 0, encoding: "UTF-16"), utf16: [0x61, 0xD800, 0x62, 0xDC00, 0xD83D, 0xDE00, 0xD83D])
        let json = try JSONSerialization.jsonObject(with: Data(JSONWriter(rulesFingerprint: "").write(lone))) as! [String: Any]
        XCTAssertEqual(json["text"] as? String, "a\u{FFFD}b\u{FFFD}😀\u{FFFD}")
        // Strings written from UTF-8 (ids, values): as they are, or escaped.
        let buffer = JSONBuffer()
        buffer.string("plain „текст“")
        buffer.string("q\"b\\s\n\u{01}")
        XCTAssertEqual(String(decoding: buffer.bytes, as: UTF8.self), "\"plain „текст“\"\"q\\\"b\\\\s\\n\\u0001\"")
        // A text of control characters takes six bytes a unit, more than the room the writer
        // sets aside (three a unit): the JSON moves to storage of its own and stays whole.
        let controls = String(repeating: "\u{01}\u{1F}", count: 3_000) + " Край."
        let escaped = Document(id: "c", source: SourceInfo(path: "c", sha256: "", bytes: 0, encoding: "UTF-8"), utf16: Array(controls.utf16))
        let written = JSONWriter(rulesFingerprint: "").write(escaped)
        XCTAssertGreaterThan(written.count, 6 * 6_000)
        let parsed = try JSONSerialization.jsonObject(with: Data(written)) as! [String: Any]
        XCTAssertEqual(parsed["text"] as? String, controls)
    }

    func testSpansAfterMultiByteAndCombiningPrefixes() throws {
        let prefixes = ["😀🇧🇬 ", "e\u{301}\u{301} а\u{301} ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢\n\n", "👩‍👩‍👧 \u{FEFF}"]
        for (name, text) in try corpusTexts().prefix(6) {
            for p in prefixes {
                let json = try Support.annotate(p + text)
                check(json, "\(name) with prefix \(p.debugDescription)")
                // The same sentences as without the prefix, shifted by the prefix's code points.
                let plain = try Support.annotate(text)
                let shift = p.unicodeScalars.count
                let a = (plain["sentences"] as! [[String: Int]]).map { Support.slice(text, $0["start"]!, $0["end"]!) }
                let b = (json["sentences"] as! [[String: Int]]).filter { $0["start"]! >= shift }.map { Support.slice(p + text, $0["start"]!, $0["end"]!) }
                XCTAssertEqual(Array(a.suffix(3)), Array(b.suffix(3)), name)
            }
        }
    }

    func testOffsetMapCountsCodePoints() {
        let text = Array("a😀b".utf16)
        let map = text.withUnsafeBufferPointer { OffsetMap(utf16: $0) }
        XCTAssertEqual(map.codePoint(0), 0)
        XCTAssertEqual(map.codePoint(1), 1)
        XCTAssertEqual(map.codePoint(3), 2)
        XCTAssertEqual(map.codePoint(4), 3)
        XCTAssertEqual(map.utf16(2), 3)
        // Pairs at every position of texts longer than the four units read at a time, and a
        // lone high surrogate (which counts as one code point).
        for k in 0..<12 {
            for tail in ["😀xyz", "\u{10348}", "ab😀😀"] {
                let s = String(repeating: "ж", count: k) + tail + "abcdefg"
                let units = Array(s.utf16)
                let map = units.withUnsafeBufferPointer { OffsetMap(utf16: $0) }
                var u = 0
                for (c, scalar) in s.unicodeScalars.enumerated() {
                    XCTAssertEqual(map.codePoint(u), c, "\(s) at \(u)")
                    u += scalar.utf16.count
                }
            }
            let lone = Array(String(repeating: "a", count: k).utf16) + [0xD800] + Array("bcdefgh".utf16)
            let map = lone.withUnsafeBufferPointer { OffsetMap(utf16: $0) }
            XCTAssertEqual(map.codePoint(lone.count), lone.count, "lone surrogate after \(k)")
        }
    }

    func testOutputValidatesAgainstSchema() throws {
        let out = try TestSupport.temporaryFolder()
        let r = try PipelineExecutable.run(["run", Support.corpus.path, "--output", out.path, "--tokens", "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", TestSupport.packageRoot.appendingPathComponent("scripts/validate_output.py").path, out.path]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, text)
        XCTAssertTrue(text.contains(" passed, 0 failed"), text)
    }
}
