import XCTest
@testable import Extract

/// Article text and date from HTML press releases.
final class HTMLTests: XCTestCase {
    static let pressRelease = """
        <!DOCTYPE html>
        <html lang="bg"><head>
        <meta charset="windows-1251">
        <title>Новини | Министерство</title>
        <meta property="og:title" content="Нова програма">
        <meta property="article:published_time" content="2024-03-15T09:30:00+02:00">
        <script>var x = "<p>not text</p>";</script>
        <style>p { color: red }</style>
        </head><body>
        <header><nav><ul><li><a href="/">Начало</a></li><li><a href="/news">Новини</a></li></ul></nav></header>
        <div class="breadcrumbs"><a href="/">Начало</a> / Новини</div>
        <h1>Министерството стартира нова програма</h1>
        <article>
          <div class="meta">Категория: Новини</div>
          <time datetime="2023-01-01">1 януари 2023</time>
          <p>Министерството на енергетиката обяви днес нова програма за подкрепа на малките предприятия.</p>
          <img src="/img/DSC_0042.jpg" alt=""><p>DSC_0042.jpg</p>
          <p>Програмата ще бъде с бюджет от 50&nbsp;млн. лв. &ndash; съобщиха от ведомството.<br>Кандидатстването започва на 1 април.</p>
          <div class="share-buttons"><a>Facebook</a><a>Twitter</a></div>
          <p>Сподели</p>
          <a href="/news">Покажи всички</a>
        </article>
        <aside><h3>Още новини</h3><p>Друга новина</p></aside>
        <footer><p>© 2024 Министерство</p></footer>
        </body></html>
        """

    static let expectedText = """
        Министерството стартира нова програма
        1 януари 2023
        Министерството на енергетиката обяви днес нова програма за подкрепа на малките предприятия.
        Програмата ще бъде с бюджет от 50 млн. лв. – съобщиха от ведомството.
        Кандидатстването започва на 1 април.
        """

    func testPressReleaseTextAndDate() throws {
        let result = try HTMLExtractor().extract(Array(HTMLTests.pressRelease.utf16))
        XCTAssertEqual(String(decoding: result.text, as: UTF16.self), HTMLTests.expectedText)
        XCTAssertEqual(result.documentDate, CivilDate(year: 2024, month: 3, day: 15))
    }

    func testTimeElementGivesTheDateWithoutMetaTags() throws {
        let html = "<html><body><article><time datetime=\"2022-11-05T10:00\">5.11.2022</time><p>Tekst komunikatu prasowego.</p></article></body></html>"
        let result = try HTMLExtractor().extract(Array(html.utf16))
        XCTAssertEqual(result.documentDate, CivilDate(year: 2022, month: 11, day: 5))
        XCTAssertEqual(String(decoding: result.text, as: UTF16.self), "5.11.2022\nTekst komunikatu prasowego.")
    }

    func testDeclaredCharsetAndDecodingThroughTheLoader() throws {
        let bytes = try DecodeTests.encode(HTMLTests.pressRelease, "windows-1251")
        XCTAssertEqual(HTMLExtractor.declaredCharset(bytes), "windows-1251")
        let doc = try DocumentLoader().document(bytes: bytes, kind: "html", id: "release", path: "release.html")
        guard case .text(let text) = doc.content else { return XCTFail("expected text") }
        XCTAssertEqual(text, HTMLTests.expectedText)
        XCTAssertEqual(doc.documentDate, CivilDate(year: 2024, month: 3, day: 15))
        XCTAssertEqual(doc.source?.encoding, "windows-1251")
        XCTAssertNil(doc.source?.confidence)
    }

    func testMalformedHTMLFails() {
        XCTAssertThrowsError(try HTMLExtractor().extract(Array("<html><body><p>Text<!-- never closed".utf16))) {
            XCTAssertEqual(($0 as? DecodeError)?.message, "malformed HTML: comment at character 19 never ends")
        }
        XCTAssertThrowsError(try HTMLExtractor().extract(Array("<html><nav>Menu</nav></html>".utf16))) {
            XCTAssertEqual(($0 as? DecodeError)?.message, "HTML page has no article text")
        }
    }

    func testPolishBoilerplateLinesAreDropped() throws {
        let html = """
            <main><h1>Komunikat</h1><p>Kategoria: Aktualności</p><p>Spółka ogłosiła wyniki.</p>
            <p>zdjecie-prezesa.JPEG</p><ul class="social-share"><li>Udostępnij</li></ul><p>Pokaż wszystkie</p></main>
            """
        let result = try HTMLExtractor().extract(Array(html.utf16))
        XCTAssertEqual(String(decoding: result.text, as: UTF16.self), "Komunikat\nSpółka ogłosiła wyniki.")
        XCTAssertNil(result.documentDate)
    }

    func testDateFormats() {
        XCTAssertEqual(HTMLExtractor.parseDate("2024-02-29T10:00:00Z"), CivilDate(year: 2024, month: 2, day: 29))
        XCTAssertEqual(HTMLExtractor.parseDate("2024/02/01"), CivilDate(year: 2024, month: 2, day: 1))
        XCTAssertEqual(HTMLExtractor.parseDate("05.11.2022"), CivilDate(year: 2022, month: 11, day: 5))
        XCTAssertNil(HTMLExtractor.parseDate("2023-02-29"))
        XCTAssertNil(HTMLExtractor.parseDate("yesterday"))
    }
}
