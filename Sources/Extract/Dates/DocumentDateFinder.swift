import ICU
/// Finds a document's date in its own text: a date after "Дата:" / "Data:" / "Date:", or a
/// date standing alone (or after a place and a comma, or so before a dash and the lead) on
/// one of the first or last lines.
/// Dates listed in scraped navigation (several lone dates) are not taken.
struct DocumentDateFinder {
    /// Labels that introduce a dateline (folded; the last word before the colon: "Data
    /// publikacji:", "Дата на публикуване:").
    static let labels: Set<String> = ["дата", "data", "date", "публикувано", "публикация", "публикуване", "добавено",
                                      "opublikowano", "publikacji", "dodano", "published"]
    /// How many non-empty lines at each end count as "the start or end of the article".
    static let edgeLines = 3

    /// A dateline's date stands at most this many UTF-16 units after its line start
    /// ("Sofia, 12 March" or "Дата: ") and at most this many before its end ("г.").
    static let maxBefore = 40, maxAfter = 12

    func find(_ dates: [DateAnnotation], in doc: Document) -> CivilDate? {
        doc.utf16.withUnsafeBufferPointer { find(dates, in: $0) }
    }

    private func find(_ dates: [DateAnnotation], in text: UnsafeBufferPointer<UInt16>) -> CivilDate? {
        // The day dates that start near the start of their line, with the line (only the
        // text around each is read).
        var days: [Day] = []
        for i in dates.indices where dates[i].kind == .date && dates[i].grain == "day" {
            let span = dates[i].span
            guard let start = DocumentDateFinder.lineStart(before: span.start, in: text), let date = CivilDate(iso: dates[i].value) else { continue }
            days.append(Day(span: span, date: date, line: Span(start, span.end)))
        }

        /// The last non-space position in `a..<b`, or `a - 1`; the first, or `b`.
        func lastNonSpace(_ a: Int, _ b: Int) -> Int {
            var k = b - 1
            while k >= a, DocumentDateFinder.isSpace(text[k]) { k -= 1 }
            return k
        }
        func firstNonSpace(_ a: Int, _ b: Int) -> Int {
            var k = a
            while k < b, DocumentDateFinder.isSpace(text[k]) { k += 1 }
            return k
        }
        // 1. A labelled dateline wins.
        for day in days {
            // (the strings are built only when a colon ends the text before the date)
            let colon = lastNonSpace(day.line.start, day.span.start)
            guard colon >= day.line.start, text[colon] == 0x3A else { continue }
            let before = UTF.string(text[day.line.start..<day.span.start])
            let label = before.lowercased().split(whereSeparator: { !$0.isLetter }).last.map(String.init) ?? ""
            if DocumentDateFinder.labels.contains(label) { return day.date }
        }
        // 2. A date alone on a line, or after "Place," at a line start, near either end.
        var lone: [Day] = []
        for var day in days {
            // (nothing or a comma before the date, at most a short word after it; a word that
            // introduces a date may stand between: "Poznań, dnia 3 marca 2022 r.")
            var b = lastNonSpace(day.line.start, day.span.start)
            if b >= day.line.start, text[b] != 0x2C {
                var w = b
                while w >= day.line.start, !DocumentDateFinder.isSpace(text[w]), text[w] != 0x2C { w -= 1 }
                if DocumentDateFinder.dayWords.contains(UTF.string(text[(w + 1)...b]).lowercased()) { b = lastNonSpace(day.line.start, w + 1) }
            }
            guard b < day.line.start || text[b] == 0x2C else { continue }
            // ("Place," is at most three words before the comma, the first capitalised)
            let a = firstNonSpace(day.line.start, day.span.start)
            let alone = b < day.line.start || (DocumentDateFinder.words(text[a..<b]) <= 3 && Unicode.Scalar(text[a]).map(\.properties.isUppercase) == true)
            // A lead's dateline: "Хасково, 6 юли 2023 г. – Соларис Енерджи започна …".
            if alone, b >= day.line.start, DocumentDateFinder.dashFollows(day.span.end, in: text) {
                day.line.end = day.span.end
                lone.append(day)
                continue
            }
            // (a time of publication may follow: "17 Януари 2019, 19:43", "2021.02.25 11:35")
            let tail = DocumentDateFinder.afterClock(day.span.end, in: text)
            guard let end = DocumentDateFinder.lineEnd(from: day.span.start, within: tail + DocumentDateFinder.maxAfter, in: text) else { continue }
            day.line.end = end
            let first = firstNonSpace(tail, end), last = lastNonSpace(tail, end)
            guard last - first < 6 else { continue }
            let after = UnsafeBufferPointer(rebasing: text[first..<max(first, last + 1)])
            if alone && (after.isEmpty || DocumentDateFinder.yearWords.contains { $0.withUnsafeBufferPointer { Vocabulary.equal(after, $0) } }) { lone.append(day) }
        }
        guard lone.count == 1 else { return nil }
        let day = lone[0]
        return DocumentDateFinder.lines(from: day.line.start, step: -1, in: text) < DocumentDateFinder.edgeLines
            || DocumentDateFinder.lines(from: day.line.end, step: 1, in: text) < DocumentDateFinder.edgeLines ? day.date : nil
    }

    /// Words that may introduce a dateline's date ("dnia 3 marca", "на 15 октомври").
    static let dayWords: Set<String> = ["dnia", "dn.", "на", "on"]

    /// What may follow a lone dateline's date.
    private static let yearWords: [[UInt16]] = ["г.", "r.", "година", "roku"].map { Array($0.utf16) }

    /// The first position from `pos` that is no space or no-break space.
    static func spacesEnd(_ pos: Int, in text: UnsafeBufferPointer<UInt16>) -> Int {
        var k = pos
        while k < text.count, text[k] == 0x20 || text[k] == 0xA0 { k += 1 }
        return k
    }

    /// Whether a dash and a space follow `pos` (after spaces and a year word, on its line).
    static func dashFollows(_ pos: Int, in text: UnsafeBufferPointer<UInt16>) -> Bool {
        var k = spacesEnd(pos, in: text)
        for w in yearWords where k + w.count <= text.count && text[k..<k + w.count].elementsEqual(w) {
            k = spacesEnd(k + w.count, in: text)
            break
        }
        return k + 1 < text.count && [0x2013, 0x2014, 0x2D].contains(text[k]) && text[k + 1] == 0x20
    }

    /// The position after a clock time (h:mm or h:mm:ss) that follows `pos` on its line after
    /// spaces and at most one comma, or `pos` when none does.
    static func afterClock(_ pos: Int, in text: UnsafeBufferPointer<UInt16>) -> Int {
        var k = spacesEnd(pos, in: text)
        func digits() -> Int {
            let s = k
            while k < text.count, Segmenter.isDigit(text[k]) { k += 1 }
            return k - s
        }
        if k < text.count, text[k] == 0x2C { k = spacesEnd(k + 1, in: text) }
        guard (1...2).contains(digits()) else { return pos }
        var groups = 0
        while groups < 2, k + 2 < text.count, text[k] == 0x3A {
            k += 1
            guard digits() == 2 else { return pos }
            groups += 1
        }
        return groups > 0 ? k : pos
    }

    /// How many words separated by spaces `units` has.
    static func words(_ units: Slice<UnsafeBufferPointer<UInt16>>) -> Int {
        var count = 0, inWord = false
        for u in units {
            if u == 0x20 { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }

    /// The start of the line holding `pos`, its leading white space left out, when it lies
    /// at most `maxBefore` units before `pos`; read back from `pos` no further than that.
    static func lineStart(before pos: Int, in text: UnsafeBufferPointer<UInt16>) -> Int? {
        var start = pos
        var k = pos - 1
        while k >= 0, text[k] != 0x0A {
            if !Segmenter.isWhitespace(text[k]) {
                if pos - k > maxBefore { return nil }
                start = k
            }
            k -= 1
        }
        return start
    }

    /// The end of the line holding `pos`, its trailing white space left out, when it lies at
    /// most at `limit`; read no further than that.
    static func lineEnd(from pos: Int, within limit: Int, in text: UnsafeBufferPointer<UInt16>) -> Int? {
        var end = pos
        var k = pos
        while k < text.count, text[k] != 0x0A {
            if !Segmenter.isWhitespace(text[k]) {
                if k >= limit { return nil }
                end = k + 1
            }
            k += 1
        }
        return end
    }

    /// How many lines with text lie on one side of the line holding `pos`, counted up to
    /// `edgeLines`: before it (`step` -1) or after it (`step` 1).
    static func lines(from pos: Int, step: Int, in text: UnsafeBufferPointer<UInt16>) -> Int {
        var count = 0, filled = false
        var k = step < 0 ? pos - 1 : pos
        // (the rest of the line holding `pos` is skipped)
        while k >= 0, k < text.count, text[k] != 0x0A { k += step }
        while k >= 0, k < text.count, count < edgeLines {
            if text[k] == 0x0A {
                if filled { count += 1 }
                filled = false
            } else if !Segmenter.isWhitespace(text[k]) {
                filled = true
            }
            k += step
        }
        return count + (filled && count < edgeLines ? 1 : 0)
    }
}

extension DocumentDateFinder {
    /// A day date: its span, value and line (its text, white space left out; the end is
    /// found only where needed).
    struct Day {
        var span: Span
        var date: CivilDate
        var line: Span
    }

    /// Unicode White_Space (what `Character.isWhitespace` trims).
    static func isSpace(_ u: UInt16) -> Bool { Segmenter.isWhitespace(u) || u == 0x1680 }
}
