import Extract
import XCTest

/// Language per document and per paragraph.
final class LanguageTests: XCTestCase {
    func testSeedReleases() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: Support.corpus.path).filter({ $0.hasSuffix(".txt") }).sorted() {
            let json = try Support.annotate(String(contentsOf: Support.corpus.appendingPathComponent(name), encoding: .utf8))
            XCTAssertEqual(json["language"] as? String, name.hasPrefix("002_") ? "pl" : "bg", name)
        }
    }

    func testEnglishParagraphInsideBulgarianDocument() throws {
        let text = """
        Клъстерът организира международна среща с партньори от цяла Европа. Срещата се проведе в София и събра над сто участници от бизнеса и науката.

        The meeting was opened by the chair of the European Cluster Collaboration Platform, who said that the region has a strong future in green technologies.

        Участниците се договориха за нови съвместни проекти през следващата година.
        """
        let json = try Support.annotate(text)
        XCTAssertEqual(json["language"] as? String, "bg")
        let spans = json["languages"] as! [[String: Any]]
        XCTAssertEqual(spans.map { $0["language"] as! String }, ["bg", "en", "bg"])
        let en = spans[1]
        XCTAssertTrue(Support.slice(text, en["start"] as! Int, en["end"] as! Int).hasPrefix("The meeting"))
        XCTAssertGreaterThan(en["confidence"] as! Double, 0.5)
    }

    func testPolishParagraph() throws {
        let json = try Support.annotate("Spółka podpisała umowę z gminą. W ramach projektu powstanie nowa hala, która będzie gotowa w przyszłym roku.")
        XCTAssertEqual(json["language"] as? String, "pl")
    }
}
