/// Joins amounts of time written one after another into one expression, as Duckling's
/// composite durations do: "2 lata i 3 miesiące" is P2Y3M, "преди 2 години и 3 месеца" two
/// years and three months before the document date. Two date records join when each is an
/// amount of one unit (a plain duration, or a relative date of a unit code with a direction,
/// "3 miesiące temu", "за 2 lata"), at most one is relative, the second's unit is smaller than
/// every unit before it, and only a comma or a word of the lexicon `duration-joiners` ("i",
/// "и", "and") stands between them. The joined record is the relative one, or the second
/// duration, with the other's units in `plus` ("2Y3M"), and spans both.
struct DurationJoiner {
    /// The folded words of `duration-joiners`, hashed.
    private let words: Set<UInt64>

    /// Reads the lexicon `duration-joiners` of `language` from `lexicons`.
    init(_ lexicons: [Lexicon], language: Language) {
        words = lexicons.first { $0.name == "duration-joiners" && $0.language == language }?.wordKeys ?? []
    }

    /// The units an amount may have, smallest first: a joined unit must rank below the last.
    static let units = ["S", "MIN", "H", "D", "W", "M", "Y", "DE", "CE"]

    /// Joins the amounts in `items` (sorted by start) that stand in one expression; `text` is
    /// the document's.
    func join(_ items: inout [Extractor.DateItem], _ ctx: MatchContext, text: [UInt16]) {
        guard items.count > 1 else { return }
        // What stands between each item and the next; a comma joins only in a list that a
        // joining word ends ("2 lata, 3 miesiące i 5 dni") or before a relative amount ("5 dni,
        // 3 godziny temu"), not in "przez 5 dni, 3 godziny dziennie".
        let gaps = items.indices.dropLast().map { gap(items[$0].span.end, items[$0 + 1].span.start, ctx, text) }
        var joins = [Bool](repeating: false, count: gaps.count)
        for i in gaps.indices.reversed() {
            switch gaps[i] {
            case .word: joins[i] = true
            case .comma: joins[i] = amount(items[i + 1])?.relative == true || (i + 1 < gaps.count && joins[i + 1])
            case .other: joins[i] = false
            }
        }
        var out: [Extractor.DateItem] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            if i > 0, joins[i - 1], let last = out.last, let joined = join(last, item) {
                out[out.count - 1] = joined
            } else {
                out.append(item)
            }
        }
        items = out
    }

    /// The amount a record names: its unit, its number and whether it is relative; nil when it
    /// names more than one amount of one unit.
    private func amount(_ item: Extractor.DateItem) -> (unit: String, n: Int, relative: Bool)? {
        guard !item.listMember, !item.record.isRange else { return nil }
        let f = item.record.fields
        if let unit = f[.duration], f.hasOnly([.duration, .amount, .plus]) {
            guard f[.amount] != DateResolver.unnamed else { return nil }
            return (unit, f.number(.amount) ?? 1, false)
        }
        if let unit = f[.relative], f.has(.direction), f.hasOnly([.relative, .offset, .direction, .plus]) {
            return (unit, f.number(.offset).map(abs) ?? 1, true)
        }
        return nil
    }

    /// `a` and `b` as one record, when they are amounts of one expression.
    private func join(_ a: Extractor.DateItem, _ b: Extractor.DateItem) -> Extractor.DateItem? {
        guard let x = amount(a), let y = amount(b), !(x.relative && y.relative),
              let rank = DurationJoiner.units.firstIndex(of: y.unit),
              let before = DateResolver.Amounts(DurationJoiner.parts(a.record.fields[.plus] ?? "") + [(x.n, x.unit)]),
              rank < DurationJoiner.units.firstIndex(of: before.smallest)! else { return nil }
        // (the relative record keeps its own unit and takes the other's; else the second
        // duration takes the first's, after the units already joined to it)
        var keep = b, added = x
        if x.relative { keep = a; added = y }
        keep.record.set(DateRecord.Slot("plus"), (a.record.fields[.plus] ?? "") + "\(added.n)\(added.unit)")
        keep.span = Span(a.span.start, b.span.end)
        return keep
    }

    /// The amounts of a `plus` value ("2Y3M15MIN": 2 Y, 3 M, 15 MIN).
    static func parts(_ plus: String) -> [(n: Int, unit: String)] {
        var out: [(n: Int, unit: String)] = []
        var digits = "", letters = ""
        for c in plus.unicodeScalars {
            if ("0"..."9").contains(c) {
                if !letters.isEmpty { out.append((Int(digits) ?? 0, letters)); digits = ""; letters = "" }
                digits.unicodeScalars.append(c)
            } else {
                letters.unicodeScalars.append(c)
            }
        }
        if !letters.isEmpty { out.append((Int(digits) ?? 0, letters)) }
        return out
    }

    /// What stands between two date expressions.
    private enum Gap { case word, comma, other }

    /// What stands between UTF-16 offsets `end` and `start` of `text`: a joining word (with a
    /// comma or without) or nothing, a comma alone, or anything else (a line break too).
    private func gap(_ end: Int, _ start: Int, _ ctx: MatchContext, _ text: [UInt16]) -> Gap {
        let p = ctx.firstPosition(atOrAfter: end), q = ctx.firstPosition(atOrAfter: start)
        guard end <= start, start - end <= 8, q - p <= 2, !text[end..<start].contains(0x0A) else { return .other }
        var comma = false
        for i in p..<q {
            let folded = ctx.folded(i)
            if folded.count == 1 && folded.first == 0x2C { comma = true; continue }
            guard words.contains(InflectionMatcher.hash(folded)) else { return .other }
            return i == q - 1 ? .word : .other
        }
        return comma ? .comma : .word
    }
}
