@testable import Extract
import Foundation
import XCTest

/// Dates in the five press releases, and the resolver's conventions.
final class DateTests: XCTestCase {
    /// The dates of `text` written on `date`, as "text=value" (only those of `type` when given).
    func items(_ text: String, _ lang: Language, date: CivilDate, type: String? = nil) throws -> [String] {
        let json = try Support.annotate(text, language: lang, date: date)
        return (json["dates"] as! [[String: Any]]).filter { type == nil || $0["type"] as? String == type }.map { "\($0["text"]!)=\($0["value"]!)" }
    }

    func dates(_ prefix: String) throws -> (doc: [String: Any], dates: [(String, String, [String: String]?, String)]) {
        let url = try FileManager.default.contentsOfDirectory(at: Support.corpus, includingPropertiesForKeys: nil).first { $0.lastPathComponent.hasPrefix(prefix) }!
        let json = try Support.annotate(String(contentsOf: url, encoding: .utf8))
        let list = (json["dates"] as! [[String: Any]]).map { ($0["text"] as! String, $0["value"] as! String, $0["range"] as? [String: String], $0["anchor"] as! String) }
        return (json, list)
    }

    func testRelease001() throws {
        let (doc, d) = try dates("001_")
        XCTAssertTrue(d.contains { $0.0 == "10.10.2012г." && $0.1 == "2012-10-10" })
        XCTAssertTrue(d.contains { $0.0 == "15.10.2012г." && $0.1 == "2012-10-15" })
        XCTAssertEqual((doc["documentDate"] as? [String: String])?["value"], "2012-10-15")
        XCTAssertEqual((doc["documentDate"] as? [String: String])?["source"], "dateline")
    }

    /// The dateline: labelled, after "Place,", or alone on one of the first or last three
    /// lines (with a year word or a time of publication after it); not in the middle, not
    /// after a lower-case word, not before a sentence.
    func testDatelineFoundOnlyWhereItStands() throws {
        let cases: [(String, String?)] = [
            ("София, 12 март 2021 г.\nМинистърът обяви мерките.", "2021-03-12"),
            ("Министърът обяви мерките.\nВторият ред описва програмата.\n\n15.10.2012 г.", "2012-10-15"),
            ("Министърът обяви мерките.\nДата: 15.10.2012", "2012-10-15"),
            ("Първи ред.\nВтори ред.\nТрети ред.\nДата на публикуване: 15.10.2012 10:51\nЧетвърти ред.\nПети ред.\nШести ред.", "2012-10-15"),
            ("Първи ред.\nВтори ред.\nТрети ред.\n15.10.2012\nЧетвърти ред.\nПети ред.\nШести ред.", nil),
            ("вчера, 12 март 2021\nМинистърът обяви мерките.", nil),
            ("Заглавие на съобщението\n\nХасково, 6 юли 2023 г. – Соларис Енерджи започна изграждането на парк.", "2023-07-06"),
            ("Заглавие\n\nСОФИЯ, 3 март 2022 г. – Общината подписа договор.", "2022-03-03"),
            ("Срещата беше на 12 март 2021 г. – в понеделник.", nil),
            ("Министърът обяви мерките.\nПубликувано от пресцентъра на министерството на: 15.10.2012", nil),
            ("17 Януари 2019, 19:43\nМинистърът обяви мерките.", "2019-01-17"),
            ("Заглавие\n2021.02.25 11:35\nМинистърът обяви мерките.", "2021-02-25"),
            ("Заглавие\n2021.02.25 11:35 часа беше срокът.\nМинистърът обяви мерките.", nil),
        ]
        for (text, expected) in cases {
            let json = try Support.annotate(text, language: .bg)
            XCTAssertEqual((json["documentDate"] as? [String: String])?["value"], expected, text)
        }
    }

    /// ISO values are written digit by digit; values out of range as padded numbers.
    func testISOValuesWrittenInPlace() {
        XCTAssertEqual(Digits.iso(2021, 5, 27), "2021-05-27")
        XCTAssertEqual(Digits.iso(987, 12, nil), "0987-12")
        XCTAssertEqual(Digits.iso(nil, 12, 13), "XXXX-12-13")
        XCTAssertEqual(Digits.iso(12021, 1, 2), "12021-01-02")
        XCTAssertEqual(Digits.iso(-5, 1, nil), "-0005-01")
        XCTAssertEqual(CivilDate(year: 2012, month: 10, day: 15).description, "2012-10-15")
    }

    /// Numbers in record fields: digits and a signed offset read from bytes, the rest
    /// (spaces inside, ordinals, roman numerals) as before; nothing that is no number.
    func testFieldNumbersRead() {
        XCTAssertEqual(DateResolver.int("2021"), 2021)
        XCTAssertEqual(DateResolver.int("-1"), -1)
        XCTAssertEqual(DateResolver.int("-"), nil)
        XCTAssertEqual(DateResolver.int("--1"), nil)
        XCTAssertEqual(DateResolver.int("1 000"), 1000)
        XCTAssertEqual(DateResolver.int("1234567890"), 1_234_567_890)
        XCTAssertEqual(DateResolver.int("2-ри"), 2)
        XCTAssertEqual(DateResolver.int("xxi"), 21)
        XCTAssertEqual(DateResolver.int("ден"), nil)
        XCTAssertEqual(DateResolver.year("-5"), 1995)
        XCTAssertEqual(DateResolver.year("05"), 2005)
        XCTAssertEqual(DateResolver.year("0099"), 99)
        XCTAssertEqual(DateResolver.numericParts("1.2.98").map { [$0.0, $0.1, $0.2] }, [1998, 2, 1])
        XCTAssertEqual(DateResolver.numericParts("2021-05-27").map { [$0.0, $0.1, $0.2] }, [2021, 5, 27])
        XCTAssertNil(DateResolver.numericParts("1.2.3.4"))
        XCTAssertNil(DateResolver.numericParts("1.2"))
        // Times: hour, minute and second, each part checked; written as TIMEX3 clock values.
        XCTAssertEqual(DateResolver.time("9.05").map { [$0.0, $0.1] }, [9, 5])
        XCTAssertEqual(DateResolver.time("10:30:15").map { [$0.0, $0.1, $0.2 ?? -1] }, [10, 30, 15])
        XCTAssertNil(DateResolver.time("10:3"))
        XCTAssertNil(DateResolver.time("25:00"))
        XCTAssertNil(DateResolver.time("1:00:00:00"))
        XCTAssertEqual(DateResolver.clock(9, 5, nil), "T09:05")
        XCTAssertEqual(DateResolver.clock(24, 0, 7), "T24:00:07")
        // A year read from a number token is the year its text gives: by its digits, not its value.
        for (number, digits, text) in [(5, 2, "05"), (99, 4, "0099"), (2021, 4, "2021")] as [(Int32, Int, String)] {
            var read = DateFields(), written = DateFields()
            read.set(.year, number: number, digits: digits)
            written.set(.year, text)
            XCTAssertEqual(read.number(.year), written.number(.year), text)
        }
        XCTAssertEqual(Segmenter.romanValue("MCMXC"), 1990)
        XCTAssertEqual(Segmenter.romanValue("IIII"), nil)
        XCTAssertEqual(Segmenter.romanValue("XÍ"), nil)
        XCTAssertEqual(Segmenter.romanValue(""), nil)
    }

    func testRelease000() throws {
        XCTAssertTrue(try dates("000_").dates.contains { $0.0 == "30 септември 2021 г." && $0.1 == "2021-09-30" })
    }

    func testRelease002() throws {
        let d = try dates("002_").dates
        XCTAssertTrue(d.contains { $0.0 == "2020-2021" && $0.2 == ["from": "2020", "to": "2021"] })
        XCTAssertTrue(d.contains { $0.0 == "27.05.2021" && $0.1 == "2021-05-27" })
        XCTAssertFalse(d.contains { $0.0.lowercased() == "się" })
    }

    func testRelease003() throws {
        let d = try dates("003_").dates.filter { $0.0 == "2021 - 2022 година" }
        XCTAssertEqual(d.count, 2)
        XCTAssertTrue(d.allSatisfy { $0.2 == ["from": "2021", "to": "2022"] })
    }

    func testRelease004() throws {
        let (doc, d) = try dates("004_")
        XCTAssertTrue(d.contains { $0.0 == "19.12.2016" && $0.1 == "2016-12-19" })
        XCTAssertTrue(d.contains { $0.0 == "27.01.2017" && $0.1 == "2017-01-27" })
        XCTAssertNil(doc["documentDate"], "navigation dates are not the document date")
        XCTAssertTrue(d.contains { $0.0 == "ноември 2016г." && $0.1 == "2016-11" })
        XCTAssertTrue(d.contains { $0.0 == "13" && $0.1 == "2016-12-13" && $0.3 == "previous-mention" })
        XCTAssertTrue(d.contains { $0.0 == "14 декември" && $0.1 == "2016-12-14" && $0.3 == "previous-mention" })
        XCTAssertFalse(d.contains { $0.0.contains("15241193") })
    }

    func testDocumentDateFromInputWins() throws {
        let json = try Support.annotate("Дата: 15.10.2012г.\nВчера беше важно.", language: .bg, date: CivilDate(year: 2020, month: 3, day: 1))
        XCTAssertEqual((json["documentDate"] as? [String: String])?["source"], "input")
        let d = json["dates"] as! [[String: Any]]
        XCTAssertEqual(d.first { $0["text"] as? String == "Вчера" }?["value"] as? String, "2020-02-29")
    }

    func testRelativeDateWithoutAnchorStaysUnresolved() throws {
        let json = try Support.annotate("Вчера министърът обяви мерките.", language: .bg)
        let d = (json["dates"] as! [[String: Any]]).first!
        XCTAssertEqual(d["value"] as? String, "PAST_REF")
        XCTAssertEqual(d["anchor"] as? String, "unresolved")
    }

    /// Amounts of time one after another are one expression only when a joining word ends
    /// their list, nothing stands between them or a relative amount closes it; units must
    /// shrink, and a line break parts them.
    func testJoinedAmountsOfTime() throws {
        let date = CivilDate(year: 2020, month: 6, day: 15)
        XCTAssertEqual(try items("Pracowali przez 5 dni, 3 godziny dziennie.", .pl, date: date), ["5 dni=P5D", "3 godziny=PT3H"])
        XCTAssertEqual(try items("Minęło 3 dni i 5 dni.", .pl, date: date), ["3 dni=P3D", "5 dni=P5D"])
        XCTAssertEqual(try items("Minęły 2 lata i\n3 miesiące.", .pl, date: date), ["2 lata=P2Y", "3 miesiące=P3M"])
        XCTAssertEqual(try items("Това стана преди 1 година, 2 месеца и 3 дни.", .bg, date: date), ["преди 1 година, 2 месеца и 3 дни=2019-04-12"])
        XCTAssertEqual(try items("It happened 2 years and 3 months ago.", .en, date: date), ["2 years and 3 months ago=2018-03"])
    }

    /// Without a document date, a weekday or weekend is one of an unknown week (TIMEX3
    /// `XXXX-WXX-4`), not the present.
    func testWeekdayWithoutAnchorIsOfAnUnknownWeek() throws {
        let json = try Support.annotate("W czwartek minister spotkał się z ambasadorem, a w weekend odpoczywał.", language: .pl)
        let d = (json["dates"] as! [[String: Any]]).map { ($0["text"] as! String, $0["value"] as! String, $0["anchor"] as! String) }
        XCTAssertEqual(d.map(\.0), ["czwartek", "weekend"])
        XCTAssertEqual(d.map(\.1), ["XXXX-WXX-4", "XXXX-WXX-WE"])
        XCTAssertEqual(d.map(\.2), ["unresolved", "unresolved"])
        let bg = try Support.annotate("В понеделник министърът ще обяви мерките.", language: .bg)
        XCTAssertEqual((bg["dates"] as! [[String: Any]]).map { $0["value"] as! String }, ["XXXX-WXX-1"])
    }

    /// Without a document date, a relative day with a clock time or a part of the day keeps
    /// them on an unknown day; with one, the day moves ("снощи" too) and the clock time stays.
    func testRelativeDayWithTimeKeepsItsClock() throws {
        let json = try Support.annotate("Wczoraj o 18:30 rozpoczęła się sesja, a jutro rano ruszą obrady.", language: .pl)
        let d = (json["dates"] as! [[String: Any]]).map { ($0["text"] as! String, $0["value"] as! String, $0["type"] as! String, $0["anchor"] as! String) }
        XCTAssertEqual(d.map(\.0), ["Wczoraj o 18:30", "jutro rano"])
        XCTAssertEqual(d.map(\.1), ["XXXX-XX-XXT18:30", "XXXX-XX-XXTMO"])
        XCTAssertEqual(d.map(\.2), ["TIME", "TIME"])
        XCTAssertEqual(d.map(\.3), ["unresolved", "unresolved"])
        let dated = try Support.annotate("Снощи в 23:10 ч. влакът спря. Вчера в 18:30 ч. започна заседанието.", language: .bg, date: CivilDate(year: 2021, month: 3, day: 1))
        let values = (dated["dates"] as! [[String: Any]]).map { $0["value"] as! String }
        XCTAssertEqual(values, ["2021-02-28T23:10", "2021-02-28T18:30"])
    }

    /// A night named by the days around it is the first day's; a time alone before 6:00 right
    /// after it falls on the morning after, a later one on the evening; "в нощта срещу" names
    /// the night before the day.
    func testTimeAfterNightFallsOnTheMorningAfter() throws {
        let june15 = CivilDate(year: 2020, month: 6, day: 15)
        XCTAssertEqual(try items("W nocy z czwartku na piątek, około godz. 1:30, policjanci zatrzymali kierowcę.", .pl, date: june15),
                       ["W nocy z czwartku na piątek=2020-06-11TNI", "godz. 1:30=2020-06-12T01:30"])
        XCTAssertEqual(try items("W nocy z 29 na 30 marca 2019 r., o 23:45, wybuchł pożar.", .pl, date: june15),
                       ["W nocy z 29 na 30 marca 2019 r.=2019-03-29TNI", "23:45=2019-03-29T23:45"])
        XCTAssertEqual(try items("В нощта срещу 5 юни около 3 часа е станал пожар.", .bg, date: june15),
                       ["В нощта срещу 5 юни=2020-06-04TNI", "3 часа=2020-06-05T03:00"])
        // (a time after a day that names no night stays on that day)
        XCTAssertEqual(try items("Na 12 czerwca o 2:00 zaplanowano start.", .pl, date: june15), ["12 czerwca=2020-06-12", "2:00=2020-06-12T02:00"])
    }

    /// "Place, dnia <date>" on the first line is a dateline; the weekday and the year-less
    /// date after it resolve against it.
    func testPlaceAndDayWordDateline() throws {
        let json = try Support.annotate("Poznań, dnia 3 marca 2022 r.\n\nGmina dołącza do klastra\n\nUmowę podpisano w poniedziałek. Kolejne spotkanie 17 marca.", language: .pl)
        XCTAssertEqual(json["documentDate"] as? [String: String], ["value": "2022-03-03", "source": "dateline"])
        let d = (json["dates"] as! [[String: Any]]).map { ($0["text"] as! String, $0["value"] as! String) }
        XCTAssertTrue(d.contains { $0 == ("poniedziałek", "2022-02-28") }, "\(d)")
        XCTAssertTrue(d.contains { $0 == ("17 marca", "2022-03-17") }, "\(d)")
        let bg = try Support.annotate("Заглавие на съобщението\n\nТекстът на съобщението е тук.\n\nВарна, на 5 май 2021 г.", language: .bg)
        XCTAssertEqual((bg["documentDate"] as? [String: String])?["value"], "2021-05-05")
    }

    /// "najbliższy <weekday>" is the next such day after the document date, never the day
    /// itself; a weekend is Saturday and Sunday of an ISO week; a duration with a half keeps
    /// its unit and a decimal point, and an amount with two decimals is no duration.
    func testNextWeekdayWeekendAndHalves() throws {
        let sunday = CivilDate(year: 2021, month: 3, day: 7)
        let json = try Support.annotate("Spotkanie w najbliższą niedzielę, a w zeszły weekend półtora roku minęło. Trwało 2,25 godziny.", language: .pl, date: sunday)
        let d = (json["dates"] as! [[String: Any]]).map { ($0["text"] as! String, $0["value"] as! String) }
        XCTAssertEqual(d.map(\.0), ["najbliższą niedzielę", "zeszły weekend", "półtora roku"])
        XCTAssertEqual(d.map(\.1), ["2021-03-14", "2021-W08-WE", "P1.5Y"])
        // (a weekday with the past direction is the last such day before the document date)
        var last = DateRecord()
        for (name, value) in [("relative", "weekday"), ("weekday", "7"), ("direction", "past")] { last.set(.init(name), value) }
        var state = DateResolver.State(documentDate: sunday)
        XCTAssertEqual(DateResolver().resolve(last, state: &state)?.value, "2021-02-28")
        // (a month of a relative year: without a document date, of an unknown year; no 31 February)
        let undated = try Support.annotate("Umowę podpisano we wrześniu ubiegłego roku, a nie 31 lutego ubiegłego roku.", language: .pl)
        XCTAssertEqual((undated["dates"] as! [[String: Any]]).map { $0["value"] as! String }, ["XXXX-09"])
        XCTAssertEqual(DateResolver.decimal("3,5"), "3.5")
        XCTAssertEqual(DateResolver.decimal("2,0"), "2")
        XCTAssertNil(DateResolver.decimal("1.000"))
        XCTAssertNil(DateResolver.decimal("0,0"))
        XCTAssertNil(DateResolver.decimal("3.35"))
    }

    /// A range never runs backwards: "2020/15" is a file number, "2020/21" a season.
    func testBackwardRangeIsNoDate() throws {
        let json = try Support.annotate("Sygnatura 2020/15, sezon 2020/21.", language: .pl)
        let d = (json["dates"] as! [[String: Any]]).map { ($0["text"] as! String, $0["range"] as? [String: String]) }
        XCTAssertEqual(d.map(\.0), ["2020/21"])
        XCTAssertEqual(d.first?.1, ["from": "2020", "to": "2021"])
    }

    func testYearlessDateTakesNearestYear() throws {
        let json = try Support.annotate("Срещата е на 20 декември.", language: .bg, date: CivilDate(year: 2021, month: 1, day: 3))
        XCTAssertEqual((json["dates"] as! [[String: Any]]).first?["value"] as? String, "2020-12-20")
    }

    /// A past clause takes no yearless day more than two weeks after the document date, a
    /// future clause (also "ще" before a verb whose ending reads as past) none as far before.
    func testYearlessDateFollowsTenseOfItsClause() throws {
        func value(_ text: String, _ lang: Language, _ date: CivilDate) throws -> String? {
            (try Support.annotate(text, language: lang, date: date)["dates"] as! [[String: Any]]).first?["value"] as? String
        }
        let november = CivilDate(year: 2023, month: 11, day: 20)
        XCTAssertEqual(try value("Кметът припомни, че от 1 януари фирмите могат да кандидатстват.", .bg, november), "2023-01-01")
        XCTAssertEqual(try value("От 1 януари фирмите ще могат да кандидатстват.", .bg, november), "2024-01-01")
        XCTAssertEqual(try value("Od 1 stycznia firmy mogły składać wnioski.", .pl, november), "2023-01-01")
        XCTAssertEqual(try value("Срокът беше удължен до 8 октомври.", .bg, CivilDate(year: 2021, month: 10, day: 4)), "2021-10-08")
        XCTAssertEqual(try value("Събитието ще се проведе на 5 май.", .bg, CivilDate(year: 2023, month: 4, day: 27)), "2023-05-05")
        XCTAssertEqual(try value("Конференцията ще се проведе на 10 юни.", .bg, CivilDate(year: 2023, month: 7, day: 20)), "2024-06-10")
    }

    /// A set that recurs so many times per period writes TIMEX3 `freq`; a rate after an
    /// amount ("25 000 MWh годишно") is no set; weekdays from … to are one set with a range.
    func testSetsCarryFrequencyAndWeekdayRanges() throws {
        let date = CivilDate(year: 2022, month: 3, day: 2)
        let pl = try Support.annotate("Nabory odbywają się dwa razy w roku, a punkt jest czynny od poniedziałku do piątku.", language: .pl, date: date)
        let items = (pl["dates"] as! [[String: Any]]).map { ($0["text"] as! String, $0["type"] as! String, $0["value"] as! String, $0["freq"] as? String, $0["range"] as? [String: String]) }
        XCTAssertEqual(items.count, 2, "\(items)")
        XCTAssertEqual(items.first?.0, "dwa razy w roku")
        XCTAssertEqual(items.first?.2, "P1Y")
        XCTAssertEqual(items.first?.3, "2X")
        XCTAssertEqual(items.last?.0, "od poniedziałku do piątku")
        XCTAssertEqual(items.last?.1, "SET")
        XCTAssertEqual(items.last?.4, ["from": "XXXX-WXX-1", "to": "XXXX-WXX-5"])
        XCTAssertNil(items.last?.3)
        // Other weekdays, or a named week, are days, not opening hours.
        for text in ["Loty przełożono na okres od czwartku do niedzieli.", "Szczyt potrwa od poniedziałku do piątku przyszłego tygodnia."] {
            let kinds = try Support.annotate(text, language: .pl, date: date)["dates"] as! [[String: Any]]
            XCTAssertFalse(kinds.contains { $0["type"] as? String == "SET" }, "\(text): \(kinds)")
        }
        let bg = try Support.annotate("Централата ще произвежда 25 000 MWh годишно, а пробите се вземат два пъти годишно.", language: .bg, date: date)
        let sets = (bg["dates"] as! [[String: Any]]).map { ($0["text"] as! String, $0["freq"] as? String) }
        XCTAssertEqual(sets.map(\.0), ["два пъти годишно"])
        XCTAssertEqual(sets.first?.1, "2X")
    }

    /// Written English dates in an English quote inside Bulgarian and Polish text (the common
    /// rules), and a year after an English preposition.
    func testEnglishDatesInsideBulgarianAndPolishText() throws {
        let date = CivilDate(year: 2022, month: 9, day: 1)
        XCTAssertEqual(try items("Той добави: \"The workshop is on 6 and 7 December 2022. Since 2015 we have grown.\"", .bg, date: date),
                       ["6=2022-12-06", "7 December 2022=2022-12-07", "2015=2015"])
        XCTAssertEqual(try items("Powiedział: \"It was signed on October 10, 2012 and sales rose in May 2021.\"", .pl, date: date),
                       ["October 10, 2012=2012-10-10", "May 2021=2021-05"])
    }

    /// A time in a schedule keeps no day: after a set or several days on its line, or
    /// before a set; after one day it takes that day.
    func testScheduledTimesKeepNoDay() throws {
        let date = CivilDate(year: 2022, month: 9, day: 1)
        func times(_ text: String, _ lang: Language) throws -> [String] {
            let json = try Support.annotate(text, language: lang, date: date)
            return (json["dates"] as! [[String: Any]]).filter { $0["type"] as? String == "TIME" }.map { $0["value"] as! String }
        }
        XCTAssertEqual(try times("Punkt jest czynny od poniedziałku do piątku w godz. 8:00–16:00.", .pl), ["T08:00"])
        XCTAssertEqual(try times("Targi odbędą się 5, 6 i 7 października. Wystawa będzie czynna w godz. 9:00–16:00.", .pl), ["T09:00"])
        XCTAssertEqual(try times("Можете да се обадите от 9:00 до 17:00 ч. всеки работен ден.", .bg), ["T09:00"])
        XCTAssertEqual(try times("Денят на отворените врати е на 20 септември, от 9:00 до 17:00 ч.", .bg), ["2022-09-20T09:00"])
        XCTAssertEqual(try times("Punkt jest czynny od poniedziałku do piątku.\nSpotkanie zaczyna się o godz. 10:00.", .pl), ["2022-09-01T10:00"])
    }

    /// A time alone falls on the day mentioned last, a day named from the document date too
    /// ("today", a weekday), not only a written date.
    func testTimeAloneTakesTheDayNamedLast() throws {
        let date = CivilDate(year: 2021, month: 1, day: 7)
        XCTAssertEqual(try items("Победата на изборите от 3 ноември е потвърдена. Заседанието приключи днес около 3:40 ч. местно време (10:40 ч. българско време).", .bg, date: date, type: "TIME"),
                       ["днес около 3:40 ч.=2021-01-07T03:40", "10:40 ч.=2021-01-07T10:40"])
        XCTAssertEqual(try items("Wybory odbyły się 3 listopada. W poniedziałek posiedzenie zaczęło się o 10:00 i skończyło o 18:00.", .pl, date: date, type: "TIME"),
                       ["10:00=2021-01-04T10:00", "18:00=2021-01-04T18:00"])
    }

    /// A part of the day said alone is a TIME of the day mentioned last, else of the document
    /// date; after a clock time it belongs to the time.
    func testPartOfDayAlone() throws {
        let date = CivilDate(year: 2020, month: 9, day: 23)
        XCTAssertEqual(try items("Wybory odbyły się 12 września. Wieczorem ogłoszono wyniki.", .pl, date: date), ["12 września=2020-09-12", "Wieczorem=2020-09-12TEV"])
        XCTAssertEqual(try items("Strajk zaczął się o godz. 3 nad ranem.", .pl, date: date), ["godz. 3 nad ranem=2020-09-23T03:00"])
        XCTAssertEqual(try items("Самолетът трябваше да кацне в 22 часа вечерта.", .bg, date: date), ["22 часа вечерта=2020-09-23T22:00"])
        XCTAssertEqual(try items("W nocie dyplomatycznej napisano to.", .pl, date: date), [])
    }

    /// A weekday alone follows the tense of its clause; "today" in the present after a past
    /// date on its line is PRESENT_REF, and the document date elsewhere.
    func testTenseResolvesWeekdaysAndToday() throws {
        let date = CivilDate(year: 2020, month: 9, day: 23) // a Wednesday
        func values(_ text: String, _ lang: Language) throws -> [String] {
            let json = try Support.annotate(text, language: lang, date: date)
            return (json["dates"] as! [[String: Any]]).map { $0["value"] as! String }
        }
        XCTAssertEqual(try values("Dokument został podpisany w piątek podczas spotkania.", .pl), ["2020-09-18"])
        XCTAssertEqual(try values("W piątek minister podpisze umowę.", .pl), ["2020-09-25"])
        XCTAssertEqual(try values("Договорът беше подписан в петък.", .bg), ["2020-09-18"])
        XCTAssertEqual(try values("В петък министърът ще представи плана.", .bg), ["2020-09-25"])
        // (the present tells what is planned: the next such day)
        XCTAssertEqual(try values("Posiedzenie jest w poniedziałek.", .pl), ["2020-09-28"])
        XCTAssertEqual(try values("Турнирът продължава в събота.", .bg), ["2020-09-26"])
        XCTAssertEqual(try values("Министърът заяви, че в понеделник ще представи плана.", .bg), ["2020-09-28"])
        XCTAssertEqual(try values("Klaster powstał w 2008 r. Dziś zrzesza 41 firm.", .pl), ["2008", "PRESENT_REF"])
        XCTAssertEqual(try values("Klaster zaprezentował dziś plan przebudowy.", .pl), ["2020-09-23"])
        XCTAssertEqual(try values("Габрово е град на занаятите още от XIX век. Днес нашите фирми изнасят машини.", .bg), ["18", "PRESENT_REF"])
        XCTAssertEqual(try values("Клъстерът представи днес в Русе плана.", .bg), ["2020-09-23"])
    }
}
