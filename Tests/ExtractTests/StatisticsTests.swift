import Extract
import Foundation
import XCTest

final class StatisticsTests: XCTestCase {
    let outputs = TestSupport.fixtures.appendingPathComponent("analytics-output")

    private func statistics(top: Int = 10) throws -> CorpusStatistics {
        CorpusStatistics(documents: Array(try AnnotatedFolder(root: outputs).readAll().values), top: top)
    }

    func testCountsPerLanguageAndTopEntities() throws {
        let s = try statistics(top: 3)
        XCTAssertEqual(s.documents, 6)
        XCTAssertEqual(s.languages.map { "\($0.language) \($0.documents) \($0.entities) \($0.dates)" }, ["bg 1 9 0", "pl 5 48 1"])
        XCTAssertEqual(s.topEntities["ORG"]?.map { "\($0.base) \($0.mentions)/\($0.documents)" },
                       ["Senat 10/2", "Европейски съюз 8/1", "Policja 7/1"])
        XCTAssertEqual(s.topEntities["PER"]?.map { "\($0.base) \($0.mentions)/\($0.documents)" },
                       ["Andrzej Duda 4/3", "Mateusz Morawiecki 1/1", "Бойко Борисов 1/1"])
        XCTAssertEqual(s.topEntities["LOC"]?.map(\.base), ["Warszawa", "Kraków"])
    }

    func testMentionsOverTime() throws {
        let s = try statistics()
        XCTAssertEqual(s.byMonth.map(\.period), ["2020-12", "2021-03", "2021-05", "2021-11"])
        XCTAssertEqual(s.byMonth.map(\.entities), [10, 14, 9, 17])
        let november = s.byMonth.last!
        XCTAssertEqual(november.documents, 2)
        XCTAssertEqual(november.entitiesByType, ["ORG": 15, "PER": 1, "LOC": 1])
        XCTAssertEqual(s.byDate.map(\.period), ["2020-12-31", "2021-03-15", "2021-05-05", "2021-11-02", "2021-11-20"])
        XCTAssertEqual(s.byDate[1].dates, 1)
        XCTAssertEqual(s.undated.documents, 1)
        XCTAssertEqual(s.undated.entities, 7)
    }

    func testCooccurringPairs() throws {
        let s = try statistics(top: 8)
        XCTAssertEqual(s.pairs.map { "\($0.first) + \($0.second): \($0.documents)" }, [
            "ORG NATO + ORG Sejm: 2", "ORG NATO + ORG Unia Europejska: 2", "ORG NATO + PER Andrzej Duda: 2",
            "ORG Sejm + ORG Unia Europejska: 2", "ORG Sejm + PER Andrzej Duda: 2", "ORG Senat + PER Andrzej Duda: 2",
            "ORG Unia Europejska + PER Andrzej Duda: 2", "LOC Kraków + ORG LOT: 1",
        ])
    }

    func testHTMLReportIsSelfContained() throws {
        let html = HTMLReport(statistics: try statistics(), title: "Fixture <report>").render()
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("<title>Fixture &lt;report&gt;</title>"))
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("src="))
        XCTAssertFalse(html.contains("<link"))
        XCTAssertEqual(html.components(separatedBy: "<svg id=\"timeline\"").count, 2)
        // 2021-11: PER 1, ORG 15, LOC 1 stacked; every month with mentions has a bar per type.
        XCTAssertTrue(html.contains("<title>2021-11 ORG: 15</title>"))
        XCTAssertEqual(html.components(separatedBy: "<title>2021-").count - 1, 8)
        XCTAssertTrue(html.contains("<title>Senat: 10 mentions in 2 documents</title>"))
        XCTAssertTrue(html.contains("<td>ORG Senat</td><td>PER Andrzej Duda</td><td class=\"n\">2</td>"))
        // The timeline draws the empty months between 2020-12 and 2021-11 too.
        XCTAssertTrue(html.contains(">2021-10</text>"))
        XCTAssertFalse(html.contains("Not drawn"))
    }

    func testTimelineLeavesOutOutlyingDates() throws {
        func doc(_ id: String, _ date: String) -> AnnotatedDocument {
            AnnotatedDocument(id: id, language: "pl", documentDate: date, text: "Sejm", dates: [],
                              entities: [Annotation(dimension: .entity, start: 0, end: 4, text: "Sejm", type: "ORG", base: "Sejm")])
        }
        let docs = [doc("epoch", "1970-01-01"), doc("a", "2021-01-05"), doc("b", "2021-01-20"), doc("c", "2021-03-02"), doc("d", "2021-03-09")]
        let html = HTMLReport(statistics: CorpusStatistics(documents: docs)).render()
        XCTAssertTrue(html.contains("<p>Not drawn: 1 documents dated before 2021-01 and 0 after 2021-03.</p>"), html)
        XCTAssertTrue(html.contains(">2021-02</text>"))
        XCTAssertFalse(html.contains(">1970-01</text>"))
        XCTAssertTrue(html.contains("<td>1970-01</td><td class=\"n\">1</td>"), "the table still lists every month")
    }

    func testStatsCommand() throws {
        let file = try TestSupport.temporaryFolder().appendingPathComponent("report.html")
        let r = try TestSupport.pipeline(["stats", outputs.path, "--top", "2", "--html", file.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("6 documents\n\ndocuments per language\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("top ORG\nORG (base form)  mentions  documents\n---------------  --------  ---------\n"
                                        + "Senat                  10          2\nЕвропейски съюз         8          1\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("2021-11          2        17      0    1   15    1    0    0\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("undated          1         7      0    0    7    0    0    0\n"), r.stdout)
        let html = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(html.contains("<svg id=\"timeline\""))
        let json = try TestSupport.pipeline(["stats", outputs.path, "--format", "json"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["documents"] as? Int, 6)
    }
}
