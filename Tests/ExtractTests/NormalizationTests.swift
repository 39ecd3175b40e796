import Extract
import ICU
import XCTest

/// Folded match keys: typographic variants unified, accents and look-alikes repaired,
/// and every folded offset mapping back to the original.
final class NormalizationTests: XCTestCase {
    let folder = try! TextFolder()

    func testLatinLookAlikeInsideCyrillicWordFoldsToCyrillicTwin() {
        let mixed = "Клъстер" .replacingOccurrences(of: "е", with: "e") // Latin e inside
        XCTAssertNotEqual(mixed, "Клъстер")
        XCTAssertEqual(folder.key(mixed), folder.key("Клъстер"))
        XCTAssertEqual(folder.key("Сдружeниe"), "сдружение")
        XCTAssertEqual(folder.key("COФИЯ"), "софия") // Latin C and O
    }

    func testCyrillicLookAlikeInsideLatinWordFoldsToLatin() {
        XCTAssertEqual(folder.key("Polsкa"), "polska") // Cyrillic к
        XCTAssertEqual(folder.key("Kоmisja"), "komisja") // Cyrillic о
    }

    func testStressAccentRemoved() {
        XCTAssertEqual(folder.key("апри́л"), folder.key("април"))
        XCTAssertEqual(folder.key("апрѝл"), "април")
    }

    func testTypographicVariantsUnified() {
        XCTAssertEqual(folder.key("„Зелена“"), "\"зелена\"")
        XCTAssertEqual(folder.key("«x» ‚y‘ ’z”"), "\"x\" \"y\" \"z\"")
        XCTAssertEqual(folder.key("„Родопи-95″"), "\"родопи-95\"")
        XCTAssertEqual(folder.key("Jean′a"), "jean\"a")
        XCTAssertEqual(folder.key("2021–2022—2023‒2024−1"), "2021-2022-2023-2024-1")
        XCTAssertEqual(folder.key("10\u{00A0}000\u{2009}000\u{202F}zł"), "10 000 000 zł")
        XCTAssertEqual(folder.key("со\u{00AD}фия\u{200B}\u{200D}\u{200C}"), "софия")
        XCTAssertEqual(folder.key("ﬁnanse"), "finanse")
        XCTAssertEqual(folder.key("ŁÓDŹ"), "łódź")
    }

    /// A word whose folded key is shorter than a stem though it is written longer (soft
    /// hyphens) is matched exactly, not through inflection, and nothing around it is lost.
    func testWordFoldingShorterThanAStem() throws {
        let json = try Support.annotate("Днес д\u{00AD}\u{00AD}\u{00AD}а е в София.", language: .bg)
        let dates = json["dates"] as! [[String: Any]]
        XCTAssertEqual(dates.first?["text"] as? String, "Днес")
        let entities = json["entities"] as! [[String: Any]]
        XCTAssertEqual(entities.first?["text"] as? String, "София")
        XCTAssertEqual(entities.first?["type"] as? String, "LOC")
    }

    func testFoldedOffsetsMapBackToOriginal() {
        let original = "Г-н Апри́л „Сдружeниe“ ﬁx"
        let units = Array(original.utf16)
        let (folded, map) = units.withUnsafeBufferPointer { folder.foldWithMap($0) }
        XCTAssertEqual(map.count, folded.count + 1)
        let f = String(decoding: folded, as: UTF16.self)
        XCTAssertEqual(f, "г-н април \"сдружение\" fix")
        // The folded "с" of "сдружение" maps to the original "С".
        let i = Array(f.utf16).firstIndex(of: "с".utf16.first!)!
        XCTAssertEqual(String(decoding: units[map[i]..<map[i] + 1], as: UTF16.self), "С")
        // Every folded unit maps inside the original, in order.
        XCTAssertEqual(map, map.sorted())
        XCTAssertTrue(map.allSatisfy { $0 <= units.count })
        // "ﬁ" folds to two units that both map to the ligature.
        let fi = f.utf16.count - 3
        XCTAssertEqual(map[fi], map[fi + 1])
    }

    func testOriginalTextIsKept() throws {
        let text = "Апри́л „Сдружeниe“"
        let json = try Support.annotate(text)
        XCTAssertEqual(json["text"] as? String, text)
        let norms = (json["tokens"] as! [[String: Any]]).map { $0["norm"] as! String }
        XCTAssertEqual(norms, ["април", "\"", "сдружение", "\""])
    }
}
