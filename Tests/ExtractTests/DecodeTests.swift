import ICU
import XCTest
@testable import Extract

/// Charset detection, conversion and mojibake repair on known Bulgarian and Polish sentences.
final class DecodeTests: XCTestCase {
    static let bulgarianShort = "Сдружение Клъстер възобновяеми енергийни източници е одобрено."
    static let bulgarianLong = """
        Сдружение Клъстер възобновяеми енергийни източници е одобрено за участие в инициативата на \
        Европейската платформа за клъстерно сътрудничество. Проектът ще продължи две години и ще обхване \
        малки и средни предприятия от цялата страна, които работят в областта на зелената енергия.
        """
    static let polishShort = "Zażółć gęślą jaźń. Spółka ogłosiła wyniki."
    static let polishLong = """
        Spółka ogłosiła wyniki finansowe za pierwszy kwartał, które okazały się lepsze od oczekiwań analityków. \
        Zarząd zapowiedział wypłatę dywidendy oraz nowe inwestycje w Polsce. Prezes podkreślił, że przychody \
        wzrosły o piętnaście procent, a zysk netto był najwyższy w historii firmy. Zażółć gęślą jaźń.
        """

    static func encode(_ text: String, _ charset: String) throws -> [UInt8] {
        try Array(text.utf16).withUnsafeBufferPointer { try Charset.bytes(from: $0, charset: charset) }
    }

    /// One case per charset the decoder must recognise, short and long texts.
    static func cases() throws -> [(name: String, bytes: [UInt8], text: String, encoding: String)] {
        var out: [(String, [UInt8], String, String)] = []
        out.append(("utf8", Array(bulgarianLong.utf8), bulgarianLong, "UTF-8"))
        out.append(("utf8-bom", [0xEF, 0xBB, 0xBF] + Array(bulgarianShort.utf8), bulgarianShort, "UTF-8"))
        out.append(("utf16le", [0xFF, 0xFE] + (try encode(polishShort, "UTF-16LE")), polishShort, "UTF-16LE"))
        out.append(("utf16be", [0xFE, 0xFF] + (try encode(bulgarianShort, "UTF-16BE")), bulgarianShort, "UTF-16BE"))
        for (text, size) in [(bulgarianShort, "short"), (bulgarianLong, "long")] {
            out.append(("cp1251-\(size)", try encode(text, "windows-1251"), text, "windows-1251"))
            out.append(("koi8r-\(size)", try encode(text, "KOI8-R"), text, "KOI8-R"))
        }
        for (text, size) in [(polishShort, "short"), (polishLong, "long")] {
            out.append(("cp1250-\(size)", try encode(text, "windows-1250"), text, "windows-1250"))
            out.append(("iso88592-\(size)", try encode(text, "ISO-8859-2"), text, "ISO-8859-2"))
        }
        return out
    }

    func testEveryEncodingDecodesToTheOriginalText() throws {
        let decoder = TextDecoder()
        for c in try DecodeTests.cases() {
            let result = try decoder.decode(c.bytes)
            XCTAssertEqual(String(decoding: result.utf16, as: UTF16.self), c.text, c.name)
            XCTAssertEqual(result.encoding, c.encoding, c.name)
            XCTAssertNil(result.repaired, c.name)
        }
    }

    func testShortAndLongTextsAreOnEitherSideOfTheDetectionThreshold() throws {
        XCTAssertLessThan(try DecodeTests.encode(DecodeTests.bulgarianShort, "windows-1251").count, TextDecoder.minimumDetectionBytes)
        XCTAssertGreaterThanOrEqual(try DecodeTests.encode(DecodeTests.bulgarianLong, "KOI8-R").count, TextDecoder.minimumDetectionBytes)
        XCTAssertGreaterThanOrEqual(try DecodeTests.encode(DecodeTests.polishLong, "ISO-8859-2").count, TextDecoder.minimumDetectionBytes)
    }

    func testDetectedEncodingsCarryAConfidence() throws {
        let result = try TextDecoder().decode(try DecodeTests.encode(DecodeTests.bulgarianLong, "windows-1251"))
        let confidence = try XCTUnwrap(result.confidence)
        XCTAssertGreaterThan(confidence, 10)
        XCTAssertLessThanOrEqual(confidence, 100)
        XCTAssertNil(try TextDecoder().decode(Array(DecodeTests.bulgarianLong.utf8)).confidence)
    }

    func testPolishBytesValidInBothLatin2CharsetsPreferWindows1250() throws {
        // No ą, ś, ź (the letters the two charsets place differently): the bytes mean the same in both.
        let text = "Zarząd spółki przedstawił plan na przyszły rok."
            .replacingOccurrences(of: "ą", with: "a")
        let result = try TextDecoder().decode(try DecodeTests.encode(text, "ISO-8859-2"))
        XCTAssertEqual(String(decoding: result.utf16, as: UTF16.self), text)
        XCTAssertEqual(result.encoding, "windows-1250")
    }

    func testDeclaredEncodingWinsOverDetection() throws {
        let bytes = try DecodeTests.encode(DecodeTests.bulgarianShort, "windows-1251")
        let asKOI = try TextDecoder().decode(bytes, declared: "KOI8-R")
        XCTAssertEqual(asKOI.encoding, "KOI8-R")
        XCTAssertNotEqual(String(decoding: asKOI.utf16, as: UTF16.self), DecodeTests.bulgarianShort)
        XCTAssertThrowsError(try TextDecoder().decode(bytes, declared: "UTF-8")) { error in
            XCTAssertEqual((error as? DecodeError)?.message, "invalid UTF-8 at byte offset 0")
        }
        XCTAssertThrowsError(try TextDecoder().decode(bytes, declared: "no-such-charset")) { error in
            XCTAssertEqual((error as? DecodeError)?.message, "unknown encoding 'no-such-charset'")
        }
    }

    func testMojibakeIsRepairedAndFlagged() throws {
        let samples: [(String, String)] = [
            (DecodeTests.bulgarianShort, "windows-1252"),
            (DecodeTests.bulgarianShort, "windows-1251"),
            (DecodeTests.polishShort, "windows-1250"),
            // (longer than the stretch tried first, which ends inside a character at some point)
            (DecodeTests.bulgarianLong, "windows-1251"),
            (DecodeTests.bulgarianLong + " " + DecodeTests.bulgarianShort, "windows-1252"),
            (DecodeTests.polishLong, "windows-1250"),
            (String(repeating: "ok ", count: 85) + DecodeTests.bulgarianShort, "windows-1252"),
        ]
        for (text, misread) in samples {
            let broken = try Array(String(decoding: Array(text.utf8), as: UTF8.self).utf8).withUnsafeBufferPointer {
                try Charset.utf16(from: $0, charset: misread)
            }
            let saved = Array(String(decoding: broken, as: UTF16.self).utf8)
            let result = try TextDecoder().decode(saved)
            XCTAssertEqual(String(decoding: result.utf16, as: UTF16.self), text, misread)
            XCTAssertEqual(result.repaired, "UTF-8 misread as \(misread)")
        }
        XCTAssertEqual(String(decoding: try Self.mojibake("Сдружение", "windows-1252"), as: UTF16.self), "Ð¡Ð´Ñ€ÑƒÐ¶ÐµÐ½Ð¸Ðµ")
    }

    static func mojibake(_ text: String, _ charset: String) throws -> [UInt16] {
        try Array(text.utf8).withUnsafeBufferPointer { try Charset.utf16(from: $0, charset: charset) }
    }

    func testCleanTextIsNotRepaired() throws {
        for text in ["Café déjà vu: naïve Ðoković", DecodeTests.polishLong, "Цена: 5 лв. – «ново»"] {
            let result = try TextDecoder().decode(Array(text.utf8))
            XCTAssertNil(result.repaired, text)
            XCTAssertEqual(String(decoding: result.utf16, as: UTF16.self), text)
        }
    }

    func testUndecodableInputsFailWithAMessage() {
        XCTAssertThrowsError(try TextDecoder().decode([])) { XCTAssertEqual(($0 as? DecodeError)?.message, "empty document (0 bytes)") }
        XCTAssertThrowsError(try TextDecoder().decode([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00])) {
            XCTAssertEqual(($0 as? DecodeError)?.message, "binary file: NUL byte at offset 4")
        }
        XCTAssertThrowsError(try TextDecoder().decode([0xFF, 0xFE, 0x41])) {
            XCTAssertEqual(($0 as? DecodeError)?.message, "invalid UTF-16: odd number of bytes")
        }
    }

    /// The source's SHA-256 (the manifest's change check and the output's `source.sha256`)
    /// is the standard digest in lower-case hex: FIPS 180-2's test vectors.
    func testSourceDigestIsSHA256() {
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
