import Extract
import XCTest

/// Tokens and sentences on the press releases and the listed merges.
final class SegmentationTests: XCTestCase {
    func tokens(_ json: [String: Any]) -> [(String, String)] {
        let text = json["text"] as! String
        return (json["tokens"] as! [[String: Any]]).map { (Support.slice(text, $0["start"] as! Int, $0["end"] as! Int), $0["kind"] as! String) }
    }

    func sentences(_ json: [String: Any]) -> [String] {
        let text = json["text"] as! String
        return (json["sentences"] as! [[String: Int]]).map { Support.slice(text, $0["start"]!, $0["end"]!) }
    }

    func seed(_ prefix: String) throws -> [String: Any] {
        let url = try FileManager.default.contentsOfDirectory(at: Support.corpus, includingPropertiesForKeys: nil).first { $0.lastPathComponent.hasPrefix(prefix) }!
        return try Support.annotate(String(contentsOf: url, encoding: .utf8))
    }

    func testHonorificStaysWholeWithoutSentenceBreak() throws {
        let json = try seed("001_")
        let toks = tokens(json)
        let i = toks.firstIndex { $0.0 == "г-н" }!
        XCTAssertEqual(toks[i].1, "abbreviation")
        XCTAssertEqual(toks[i + 1].0, "Добромир")
        XCTAssertTrue(sentences(json).contains { $0.hasSuffix("г-н Добромир Джиков") })
    }

    func testGluedYearMarkSplitsFromDate() throws {
        let toks = tokens(try seed("001_"))
        let i = toks.firstIndex { $0.0 == "10.10.2012" }!
        XCTAssertEqual(toks[i].1, "date")
        XCTAssertEqual(toks[i + 1].0, "г.")
        XCTAssertEqual(toks[i + 1].1, "abbreviation")
    }

    func testAbbreviationsEndNoSentence() throws {
        let bg = sentences(try Support.annotate("Това е т.нар. Зелен преход. Проф. Иванов каза, че т.е. Европа решава.", language: .bg))
        XCTAssertEqual(bg, ["Това е т.нар. Зелен преход.", "Проф. Иванов каза, че т.е. Европа решава."])
        let pl = sentences(try Support.annotate("Udział wzięli m.in. Kowalski i prof. Nowak. Spotkanie trwało np. Godzinę.", language: .pl))
        XCTAssertEqual(pl, ["Udział wzięli m.in. Kowalski i prof. Nowak.", "Spotkanie trwało np. Godzinę."])
    }

    func testBlankLineAlwaysBreaks() throws {
        XCTAssertEqual(sentences(try Support.annotate("Заглавие без точка\n\nПърво изречение")), ["Заглавие без точка", "Първо изречение"])
    }

    func testMerges() throws {
        let toks = tokens(try Support.annotate("Пишете на info@klaster.bg или https://klaster.bg/news?id=5. #зелено @eccp 1 000 000 лв. и 3,5% от 1.234,50 в 10:30 ч. XXI век, 90-те, 1-ви и TRACE-KEI, Северен поток-2.", language: .bg))
        let kinds = Dictionary(toks.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(kinds["info@klaster.bg"], "email")
        XCTAssertEqual(kinds["https://klaster.bg/news?id=5"], "url")
        XCTAssertEqual(kinds["#зелено"], "hashtag")
        XCTAssertEqual(kinds["@eccp"], "handle")
        XCTAssertEqual(kinds["1 000 000"], "number")
        XCTAssertEqual(kinds["3,5"], "number")
        XCTAssertEqual(kinds["1.234,50"], "number")
        XCTAssertEqual(kinds["10:30"], "time")
        XCTAssertEqual(kinds["90-те"], "ordinal")
        XCTAssertEqual(kinds["1-ви"], "ordinal")
        XCTAssertEqual(kinds["TRACE-KEI"], "word")
        XCTAssertEqual(kinds["поток-2"], "word")
        XCTAssertEqual(kinds["лв."], "abbreviation")
        XCTAssertEqual(kinds["XXI"], "word")
        let pl = tokens(try Support.annotate("Firma ABC sp. z o.o. oraz XYZ S.A. podpisały umowę 1. maja.", language: .pl))
        XCTAssertTrue(pl.contains { $0 == ("sp. z o.o.", "abbreviation") })
        XCTAssertTrue(pl.contains { $0 == ("S.A.", "abbreviation") })
        XCTAssertTrue(pl.contains { $0 == ("1.", "ordinal") })
    }
}
