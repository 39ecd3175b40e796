import Extract
import ICU
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

    func testYearMarkGluedToNextWordSplits() throws {
        let json = try Support.annotate("Днес, 17.11.2005 г.от 9.30 ч., съветът заседава около 10 т.е. рано.", language: .bg)
        let toks = tokens(json)
        let i = toks.firstIndex { $0.0 == "г." }!
        XCTAssertEqual(toks[i].1, "abbreviation")
        XCTAssertEqual(toks[i + 1].0, "от")
        XCTAssertTrue(toks.contains { $0 == ("т.е.", "abbreviation") })
        let dates = (json["dates"] as! [[String: Any]]).map { $0["text"] as! String }
        XCTAssertEqual(dates, ["Днес", "17.11.2005 г.", "9.30 ч."])
    }

    func testLegalFormMayEndSentence() throws {
        let pl = sentences(try Support.annotate("Partnerem jest firma Enea S.A. Klaster koordynuje projekt. Umowę podpisała spółka ABC sp. z o.o. Sp. k. z Poznania.", language: .pl))
        XCTAssertEqual(pl, ["Partnerem jest firma Enea S.A.", "Klaster koordynuje projekt.", "Umowę podpisała spółka ABC sp. z o.o. Sp. k. z Poznania."])
    }

    func testAbbreviationsEndNoSentence() throws {
        let bg = sentences(try Support.annotate("Това е т.нар. Зелен преход. Проф. Иванов каза, че т.е. Европа решава.", language: .bg))
        XCTAssertEqual(bg, ["Това е т.нар. Зелен преход.", "Проф. Иванов каза, че т.е. Европа решава."])
        let pl = sentences(try Support.annotate("Udział wzięli m.in. Kowalski i prof. Nowak. Spotkanie trwało np. Godzinę.", language: .pl))
        XCTAssertEqual(pl, ["Udział wzięli m.in. Kowalski i prof. Nowak.", "Spotkanie trwało np. Godzinę."])
    }

    /// An abbreviation written with a diacritic is one in decomposed (NFD) text too.
    func testAbbreviationsInDecomposedText() throws {
        let pl = try Support.annotate(Normalizer.nfd.normalize("Rozmawiał inż. Kowalski, a potem św. Patryk."), language: .pl)
        XCTAssertEqual(tokens(pl).filter { $0.1 == "abbreviation" }.map { Normalizer.nfc.normalize($0.0) }, ["inż.", "św."])
        XCTAssertEqual(sentences(pl).count, 1)
    }

    /// The initial of a name ends no sentence; a word of two letters before a dot still does.
    func testInitialsEndNoSentence() throws {
        let pl = sentences(try Support.annotate("Wykład wygłosił J. Kowalski z Krakowa. Głos zabrała UE. Nowak milczał.", language: .pl))
        XCTAssertEqual(pl, ["Wykład wygłosił J. Kowalski z Krakowa.", "Głos zabrała UE.", "Nowak milczał."])
        let bg = sentences(try Support.annotate("Училище „Н. Й. Вапцаров“ е във Варна.", language: .bg))
        XCTAssertEqual(bg, ["Училище „Н. Й. Вапцаров“ е във Варна."])
        // (an initial spelled as a listed abbreviation, "Г." as "г.", year: still an initial;
        // the lower-case "г." after a year still ends its sentence)
        let street = sentences(try Support.annotate("Офисът е на ул. „Г. С. Раковски“ № 5. Построен е през 1900 г. Следващата година е друга.", language: .bg))
        XCTAssertEqual(street, ["Офисът е на ул. „Г. С. Раковски“ № 5.", "Построен е през 1900 г.", "Следващата година е друга."])
        // (nor before an initial spelled as an abbreviation: "Р. В. Н.", where "В." is no "в.")
        let court = sentences(try Support.annotate("Присъства секретарят Р. В. Н. и прокурорът. Делото е отложено.", language: .bg))
        XCTAssertEqual(court, ["Присъства секретарят Р. В. Н. и прокурорът.", "Делото е отложено."])
    }

    /// An acronym that folds to a listed abbreviation ("АП." of "ап.") ends a sentence, except
    /// in a line of capitals.
    func testAcronymBeforeDotIsNoAbbreviation() throws {
        let json = try Support.annotate("Сделката е готова, информира АП. В интервю той каза, че ГР. СОФИЯ чака.", language: .bg)
        XCTAssertEqual(sentences(json), ["Сделката е готова, информира АП.", "В интервю той каза, че ГР. СОФИЯ чака."])
        XCTAssertTrue(tokens(json).contains { $0 == ("АП", "word") })
        XCTAssertTrue(tokens(json).contains { $0 == ("ГР.", "abbreviation") })
    }

    /// A dotted date ("5.XI.2019") and a month abbreviation before a number ("фев. 2019",
    /// CLDR's "lut." and the listed "септ.") end no sentence; other dots still do.
    func testDatesWithDotsEndNoSentence() throws {
        let bg = sentences(try Support.annotate("Срокът е до 3 фев. 2019. Заповед от 12.III.2020 г. Срещата е на 7 септ. 2021. Падна сняг. 20 Души пострадаха.", language: .bg))
        XCTAssertEqual(bg, ["Срокът е до 3 фев. 2019.", "Заповед от 12.III.2020 г.", "Срещата е на 7 септ. 2021.", "Падна сняг.", "20 Души пострадаха."])
        let pl = sentences(try Support.annotate("Pismo z 5.XI.2019. Termin mija 3 lut. 2019. Głosowało 5. Nowak był przeciw. Ruszył Nord Stream 2.Prace trwają.", language: .pl))
        XCTAssertEqual(pl, ["Pismo z 5.XI.2019.", "Termin mija 3 lut. 2019.", "Głosowało 5.", "Nowak był przeciw.", "Ruszył Nord Stream 2.", "Prace trwają."])
        let json = try Support.annotate("Срокът е до 3 фев. 2019.", language: .bg)
        let dates = json["dates"] as! [[String: Any]]
        XCTAssertEqual(dates.map { $0["value"] as? String }, ["2019-02-03"])
    }

    /// A dot glued between two words ends a sentence when a capital and a small letter
    /// follow it; an initial, a domain and "Dz.U." stay whole.
    func testGluedSentenceDotSplits() throws {
        let bg = try Support.annotate("Това съобщи министерството, предаде БТА.Франция вече прие семейството. Срещата е на ул.Шипка 5.", language: .bg)
        XCTAssertEqual(sentences(bg), ["Това съобщи министерството, предаде БТА.", "Франция вече прие семейството.", "Срещата е на ул.Шипка 5."])
        let entities = (bg["entities"] as! [[String: Any]]).map { $0["text"] as! String }
        XCTAssertTrue(entities.contains("БТА") && entities.contains("Франция"), "\(entities)")
        let pl = try Support.annotate("Pisze o tym Onet.pl i W.Brytania, Dz.U. nr 5 ludzie.Kowalski przyszedł.", language: .pl)
        XCTAssertEqual(sentences(pl), ["Pisze o tym Onet.pl i W.Brytania, Dz.U. nr 5 ludzie.", "Kowalski przyszedł."])
        XCTAssertTrue(tokens(pl).contains { $0.0 == "Onet.pl" } && tokens(pl).contains { $0.0 == "W.Brytania" })
    }

    /// A website named with digits before its domain is one token and one product, which
    /// ICU breaks after the digit, and the full stop after it still ends the sentence; with
    /// an "@" inside it is an e-mail.
    func testDomainWithDigitsIsOneToken() throws {
        let bg = try Support.annotate("Това предаде репортер на Plovdiv24.bg. Участваха 24 души.", language: .bg)
        XCTAssertTrue(tokens(bg).contains { $0.0 == "Plovdiv24.bg" }, "\(tokens(bg))")
        let entities = (bg["entities"] as! [[String: Any]]).map { "\($0["text"]!)|\($0["type"]!)" }
        XCTAssertEqual(entities, ["Plovdiv24.bg|PRO"])
        XCTAssertEqual(sentences(bg), ["Това предаде репортер на Plovdiv24.bg.", "Участваха 24 души."])
        let mail = try Support.annotate("Пишете на office@greenh2.bg днес.", language: .bg)
        XCTAssertTrue(tokens(mail).contains { $0.0 == "office@greenh2.bg" && $0.1 == "email" }, "\(tokens(mail))")
        XCTAssertEqual((mail["entities"] as! [[String: Any]]).count, 0)
    }

    /// The word after the quotation mark a sentence opens with is its first word ("Дори" is
    /// an adverb there, not the name Дора), and a name may still run over that mark.
    func testFirstWordAfterOpeningQuote() throws {
        func entities(_ text: String) throws -> [String] {
            let json = try Support.annotate(text, language: .bg)
            return (json["entities"] as! [[String: Any]]).map { "\($0["text"] as! String)|\($0["type"] as! String)" }
        }
        XCTAssertEqual(try entities("Така каза той. „Дори мнозинството иска това.“ После замълча."), [])
        XCTAssertEqual(try entities("Вчера говори Дори Петрова. „Северен поток“ 2 е готов."), ["Дори Петрова|PER", "„Северен поток“ 2|PRO"])
    }

    /// An abbreviation after a word and before a quoted name goes on ("в." is вестник there,
    /// and the title a product); after a Roman numeral it is the century and may end a sentence.
    func testAbbreviationBeforeQuotedNameGoesOn() throws {
        let json = try Support.annotate("Новината съобщи в. „Труд“ вчера. Това стана през XX в. „Труд“ излиза и днес.", language: .bg)
        XCTAssertEqual(sentences(json), ["Новината съобщи в. „Труд“ вчера.", "Това стана през XX в.", "„Труд“ излиза и днес."])
        let entities = (json["entities"] as! [[String: Any]]).map { "\($0["text"] as! String)|\($0["type"] as! String)" }
        XCTAssertEqual(entities.first, "Труд|PRO")
    }

    /// Two commas glued to a word open a quotation, as „ does: one token that folds to a quote
    /// mark; a „ glued to an abbreviation's dot ends no sentence. Both quoted streets are places.
    func testCommasAndGluedMarkOpenQuotation() throws {
        let json = try Support.annotate("Ремонтът на ул.,,Възраждане” и ул.„Гео Милев“ започна, а 1,,2 не.", language: .bg)
        let toks = tokens(json)
        let i = toks.firstIndex { $0.0 == ",," }!
        XCTAssertEqual(toks[i].1, "punctuation")
        XCTAssertEqual((json["tokens"] as! [[String: Any]])[i]["norm"] as? String, "\"")
        XCTAssertEqual(toks.filter { $0.0 == "," }.count, 3)
        XCTAssertEqual(sentences(json).count, 1)
        let entities = (json["entities"] as! [[String: Any]]).map { "\($0["text"] as! String)|\($0["type"] as! String)" }
        XCTAssertEqual(entities, ["Възраждане|LOC", "Гео Милев|LOC"])
    }

    /// A case reference of capitals glued to numbers is one word and names no organisation;
    /// a roman month inside a date stays the date's.
    func testReferenceNumberIsOneWord() throws {
        let json = try Support.annotate("GZ.II.0620.1.95.2016 Zielona Góra, 19.05.2016 r. Znak sprawy: WOS.2600.12.2021.AB z dnia 5.XI.2019.", language: .pl)
        let words = tokens(json).filter { $0.1 == "word" }.map(\.0)
        XCTAssertTrue(words.contains("GZ.II.0620.1.95.2016"), "\(words)")
        XCTAssertTrue(words.contains("WOS.2600.12.2021.AB"), "\(words)")
        let entities = (json["entities"] as! [[String: Any]]).map { "\($0["text"] as! String)|\($0["type"] as! String)" }
        XCTAssertEqual(entities, ["Zielona Góra|LOC"])
        XCTAssertTrue((json["dates"] as! [[String: Any]]).contains { $0["value"] as? String == "2019-11-05" })
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
        // A prefix before a hyphen and a name is a word of its own; before a lower-case word not.
        let prefixed = tokens(try Support.annotate("Анти-Брекзит, анти-Брекзит и про-европейски.", language: .bg)).map(\.0)
        XCTAssertEqual(prefixed, ["Анти-Брекзит", ",", "анти", "-", "Брекзит", "и", "про-европейски", "."])
        // A lower-case head before a hyphen and its seat is a word of its own; a letter before
        // a hyphen and a capital is part of the name.
        let seated = tokens(try Support.annotate("Районен съд-Стара Загора и e-Urząd.", language: .bg)).map(\.0)
        XCTAssertEqual(seated, ["Районен", "съд", "-", "Стара", "Загора", "и", "e-Urząd", "."])
        let pl = tokens(try Support.annotate("Firma ABC sp. z o.o. oraz XYZ S.A. podpisały umowę 1. maja.", language: .pl))
        XCTAssertTrue(pl.contains { $0 == ("sp. z o.o.", "abbreviation") })
        XCTAssertTrue(pl.contains { $0 == ("S.A.", "abbreviation") })
        XCTAssertTrue(pl.contains { $0 == ("1.", "ordinal") })
    }

    /// ICU run on windows around terminators gives the sentence boundaries of a full run:
    /// on every corpus document and on random strings of the characters that decide them.
    func testWindowedSentenceBreakEqualsFullIteration() throws {
        let breaker = try BreakIterator(.sentence)
        func check(_ s: String) throws {
            let units = Array(s.utf16)
            try units.withUnsafeBufferPointer { text in
                var full: [Int] = []
                try breaker.forEachBoundary(text) { b, _ in full.append(b) }
                XCTAssertEqual(try breaker.sentenceBoundaries(text), full, "\(s.debugDescription)")
            }
        }
        var docs = 0
        let files = FileManager.default.enumerator(at: Support.corpus, includingPropertiesForKeys: nil)!
        for case let url as URL in files where url.pathExtension == "txt" {
            try check(String(contentsOf: url, encoding: .utf8))
            docs += 1
        }
        XCTAssertGreaterThan(docs, 5)
        let alphabet = ["a", "b", "Z", "Ж", "ж", "ç", "1", "9", ".", ".", "!", "?", "…", "\"", "”", "«", "»", ")", "(", "'",
                        " ", " ", "\u{A0}", "\t", "\n", "\r", "\r\n", "\u{2029}", "\u{85}", ",", ":", ";", "-",
                        "\u{301}", "\u{200D}", "\u{AD}", "。", "𝐀", "🙂", "١", "\u{2024}", "\u{FE52}", "г.", "U.S.", "3.5"]
        var state: UInt64 = 0x9E3779B97F4A7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<20_000 {
            try check((0..<(1 + next(60))).map { _ in alphabet[next(alphabet.count)] }.joined())
        }
    }

    /// The word boundaries and rule statuses read in plain chunks, with ICU run on the rest,
    /// are those of a full ICU run: on every corpus document and on random strings of the
    /// characters that decide them (lone surrogates included).
    func testWindowedWordBreakEqualsFullIteration() throws {
        let breaker = try BreakIterator(.word)
        func check(_ units: [UInt16]) throws {
            try units.withUnsafeBufferPointer { text in
                var full: [Int] = [], packed: [UInt64] = []
                try breaker.forEachBoundary(text) { b, s in full += [b, Int(s)] }
                try breaker.wordBoundaries(text, into: &packed)
                let fast = packed.flatMap { [Int($0 >> 32), Int(Int32(truncatingIfNeeded: $0))] }
                XCTAssertEqual(fast, full, "\(String(decoding: units, as: UTF16.self).debugDescription)")
            }
        }
        var docs = 0
        let files = FileManager.default.enumerator(at: Support.corpus, includingPropertiesForKeys: nil)!
        for case let url as URL in files where url.pathExtension == "txt" {
            try check(Array(String(contentsOf: url, encoding: .utf8).utf16))
            docs += 1
        }
        XCTAssertGreaterThan(docs, 5)
        // A long chunk of plain tokens, then one that is not plain.
        try check(Array((String(repeating: "ab-", count: 300) + " cd " + String(repeating: "a.b", count: 300) + " x").utf16))
        let alphabet: [[UInt16]] = ["a", "b", "Z", "Ж", "ж", "ç", "\u{2BC}", "1", "9", "١", "2012", "Word", "дума",
                        " ", " ", " ", "\u{2003}", "\u{3000}", "\u{A0}", "\t", "\n", "\r", "\r\n", "\u{2028}", "\u{85}", "\u{B}",
                        ".", ",", ":", ";", "'", "’", "\u{B7}", "\u{2024}", "\u{FE52}", "\"", "„", "“", "-", "–", "(", ")",
                        "!", "?", "…", "%", "©", "\u{301}", "\u{200D}", "\u{AD}", "\u{200B}", "_", "א", "ア", "中", "ก",
                        "🙂", "🇧🇬", "т.е.", "3,5", "10.10.2012", "don't", "S.A."].map { Array($0.utf16) } + [[0xD800], [0xDC00]]
        var state: UInt64 = 0x9E3779B97F4A7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<20_000 {
            try check((0..<(1 + next(40))).flatMap { _ in alphabet[next(alphabet.count)] })
        }
    }

    /// The tokens leave out the spaces (also those inside a number's groups, and runs of
    /// spaces and line breaks), and the sentences still break at the paragraph.
    func testTokensLeaveOutSpaces() throws {
        let text = "Днес е 5 май.  Сумата е 1 000 000 лв.\n\n\tNowy  akapit\u{2029}koniec"
        var doc = Document(id: "s", source: SourceInfo(path: "s", sha256: "", bytes: 0, encoding: "UTF-8"), utf16: Array(text.utf16))
        try Segmenter(data: SegmentationData.load()).segment(&doc)
        XCTAssertEqual(doc.tokens.map { doc.text($0.span) },
                       ["Днес", "е", "5", "май", ".", "Сумата", "е", "1 000 000", "лв.", "Nowy", "akapit", "koniec"])
        XCTAssertEqual(doc.sentences.map { doc.text($0) }, ["Днес е 5 май.", "Сумата е 1 000 000 лв.", "Nowy  akapit", "koniec"])
        XCTAssertTrue(doc.tokens[9].shape.contains(.paragraphStart))
        XCTAssertTrue(doc.tokens[9].shape.contains(.sentenceStart))
    }

    /// A line written mostly in capitals (a headline) marks its tokens, so capitals say nothing
    /// there; a line with one word in capitals does not, nor do the lines around a headline. So
    /// does a sentence of four words or more in capitals inside a line.
    func testHeadlineLinesAreMarked() throws {
        let text = "Начало на текста.\nКЛЪСТЕР ЗА ЗЕЛЕНА ЕНЕРГИЯ ОТКРИ ФОРУМ\nДругият ред има ЕС и Иванов.\nЕДИН ред\n"
            + "Текстът на статията е тук и продължава дълго, с много думи в нея. ПРАЩАЙТЕ ВАШИТЕ СИГНАЛИ НА МЕЙЛА НА „ТРУД“. "
            + "Думите в това изречение не са с главни букви и не са малко на брой. © 2018 WEB MEDIA GROUP. Край на текста."
        var doc = Document(id: "c", source: SourceInfo(path: "c", sha256: "", bytes: 0, encoding: "UTF-8"), utf16: Array(text.utf16))
        try Segmenter(data: SegmentationData.load()).segment(&doc)
        func marked(_ word: String) -> Bool {
            let t = doc.tokens.first { doc.text($0.span) == word }!
            return t.shape.contains(.capsLine)
        }
        XCTAssertTrue(marked("КЛЪСТЕР"))
        XCTAssertTrue(marked("ФОРУМ"))
        XCTAssertFalse(marked("Начало"))
        XCTAssertFalse(marked("ЕС"))
        XCTAssertFalse(marked("Иванов"))
        // one word in capitals of two
        XCTAssertFalse(marked("ЕДИН"))
        // a sentence in capitals inside a line is marked too, from four capital words on
        XCTAssertTrue(marked("МЕЙЛА"))
        XCTAssertFalse(marked("Текстът"))
        XCTAssertFalse(marked("MEDIA"))
    }
}
