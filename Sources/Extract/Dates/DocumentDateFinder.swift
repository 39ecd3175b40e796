import ICU
/// Finds a document's date in its own text: a date after "Дата:" / "Data:" / "Date:", or a
/// date standing alone (or after a place and a comma) on one of the first or last lines.
/// Dates listed in scraped navigation (several lone dates) are not taken.
struct DocumentDateFinder {
    /// Labels that introduce a dateline (folded).
    static let labels: Set<String> = ["дата", "data", "date", "публикувано", "opublikowano", "published"]
    /// How many non-empty lines at each end count as "the start or end of the article".
    static let edgeLines = 3

    /// A dateline's date stands at most this many UTF-16 units after its line start
    /// ("Sofia, 12 March" or "Дата: ") and at most this many before its end ("г.").
    static let maxBefore = 40, maxAfter = 12

    func find(_ dates: [DateAnnotation], in doc: Document) -> CivilDate? {
        guard dates.contains(where: { $0.grain == "day" && $0.kind == .date }) else { return nil }
        let text = doc.utf16
        // Line starts of non-empty lines.
        var lines: [Span] = []
        text.withUnsafeBufferPointer { text in
            var s = 0
            while true {
                let i = UnitSearch.first(0x0A, in: text, from: s)
                if let t = Segmenter.trim(text, s, i) { lines.append(t) }
                if i == text.count { break }
                s = i + 1
            }
        }
        /// The line holding `pos` (lines are in order: a binary search).
        func lineIndex(_ pos: Int) -> Int? {
            var lo = 0, hi = lines.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if lines[mid].end <= pos { lo = mid + 1 } else { hi = mid }
            }
            return lo < lines.count && lines[lo].start <= pos ? lo : nil
        }
        // The day dates with their values and lines (spans, not annotations: a copy of one
        // retains its strings).
        var days: [Day] = []
        for d in dates where d.grain == "day" && d.kind == .date {
            if let date = CivilDate(iso: d.value), let li = lineIndex(d.span.start) { days.append(Day(span: d.span, date: date, line: li)) }
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
            guard day.span.start - lines[day.line].start <= DocumentDateFinder.maxBefore else { continue }
            // (the strings are built only when a colon ends the text before the date)
            let colon = lastNonSpace(lines[day.line].start, day.span.start)
            guard colon >= lines[day.line].start, text[colon] == 0x3A else { continue }
            let before = UTF.string(text[lines[day.line].start..<day.span.start])
            let label = before.lowercased().split(whereSeparator: { !$0.isLetter }).last.map(String.init) ?? ""
            if before.trimmingWhitespace().hasSuffix(":"), DocumentDateFinder.labels.contains(label) { return day.date }
        }
        // 2. A date alone on a line, or after "Place," at a line start, near either end.
        var lone: [Day] = []
        for day in days {
            let line = lines[day.line]
            guard day.span.start - line.start <= DocumentDateFinder.maxBefore, line.end - day.span.end <= DocumentDateFinder.maxAfter else { continue }
            // (the strings are built only when nothing or a comma stands before the date and
            // at most a short word after it)
            let b = lastNonSpace(line.start, day.span.start)
            guard b < line.start || text[b] == 0x2C, lastNonSpace(day.span.end, line.end) - firstNonSpace(day.span.end, line.end) < 6 else { continue }
            let before = UTF.string(text[line.start..<day.span.start]).trimmingWhitespace()
            let after = UTF.string(text[day.span.end..<line.end]).trimmingWhitespace()
            let placeComma = before.hasSuffix(",") && before.dropLast().split(separator: " ").count <= 3
                && (before.first?.isUppercase ?? false)
            let alone = before.isEmpty || placeComma
            if alone && (after.isEmpty || after == "г." || after == "r." || after == "година" || after == "roku") { lone.append(day) }
        }
        guard lone.count == 1 else { return nil }
        let day = lone[0]
        return day.line < DocumentDateFinder.edgeLines || day.line >= lines.count - DocumentDateFinder.edgeLines ? day.date : nil
    }
}

extension DocumentDateFinder {
    /// A day date: its span, value and line.
    struct Day {
        var span: Span
        var date: CivilDate
        var line: Int
    }

    /// Unicode White_Space (what `Character.isWhitespace` trims).
    static func isSpace(_ u: UInt16) -> Bool { Segmenter.isWhitespace(u) || u == 0x1680 }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
