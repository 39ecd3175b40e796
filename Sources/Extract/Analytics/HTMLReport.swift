import Foundation

/// A self-contained HTML page of corpus statistics: inline SVG charts and tables, no scripts,
/// no external resources.
///
/// The page has a timeline of entity mentions per month (stacked by type, `<svg id="timeline">`;
/// every month of its range, empty ones included; see `timelineMonths` for outliers),
/// a bar chart of the top entities of each type, and tables of languages and co-occurring pairs.
public struct HTMLReport: Sendable {
    public var statistics: CorpusStatistics
    public var title: String

    /// Colours per entity type, used in charts and the legend.
    static let colours = ["PER": "#4e79a7", "ORG": "#f28e2b", "LOC": "#59a14f", "EVT": "#e15759", "PRO": "#b07aa1"]
    static let typeOrder = ["PER", "ORG", "LOC", "EVT", "PRO"]

    public init(statistics: CorpusStatistics, title: String = "Corpus statistics") {
        self.statistics = statistics
        self.title = title
    }

    /// The whole page.
    public func render() -> String {
        let s = statistics
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(Self.escape(title))</title>
            <style>
            body{font-family:sans-serif;margin:24px;color:#222;background:#fff}
            h1{font-size:22px}h2{font-size:17px;margin-top:28px}
            table{border-collapse:collapse;font-size:13px}td,th{padding:3px 10px;border-bottom:1px solid #ddd;text-align:left}
            td.n,th.n{text-align:right}.charts{display:flex;flex-wrap:wrap;gap:24px}
            .legend span{display:inline-block;margin-right:14px;font-size:13px}.legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}
            </style></head><body>
            <h1>\(Self.escape(title))</h1>
            <p>\(s.documents) documents, \(s.languages.reduce(0) { $0 + $1.entities }) entity mentions, \(s.languages.reduce(0) { $0 + $1.dates }) dates; \(s.undated.documents) documents without a document date.</p>
            <h2>Entity mentions per month</h2>
            <div class="legend">\(Self.typeOrder.map { "<span><i style=\"background:\(Self.colours[$0]!)\"></i>\($0)</span>" }.joined())</div>

            """
        html += timeline()
        html += "<h2>Top entities by base form</h2>\n<div class=\"charts\">\n"
        for type in Self.typeOrder + s.topEntities.keys.filter({ !Self.typeOrder.contains($0) }).sorted() {
            guard let list = s.topEntities[type], !list.isEmpty else { continue }
            html += barChart(type: type, list)
        }
        html += "</div>\n<h2>Documents per language</h2>\n"
        html += table(["language", "documents", "entities", "dates"], numeric: [1, 2, 3],
                      s.languages.map { [$0.language, "\($0.documents)", "\($0.entities)", "\($0.dates)"] })
        html += "<h2>Entities mentioned in the same documents</h2>\n"
        html += table(["entity", "entity", "documents"], numeric: [2], s.pairs.map { [$0.first, $0.second, "\($0.documents)"] })
        html += "<h2>Mentions per month</h2>\n"
        html += table(["month", "documents", "entities", "dates"] + Self.typeOrder, numeric: Set(1...8),
                      s.byMonth.map { p in [p.period, "\(p.documents)", "\(p.entities)", "\(p.dates)"] + Self.typeOrder.map { "\(p.entitiesByType[$0] ?? 0)" } })
        html += "</body></html>\n"
        return html
    }

    /// The months the timeline draws, and a note on the documents left out.
    ///
    /// When the dates span more than three years, the first and last months holding together at
    /// most 1% of the dated documents each are left out (placeholder dates such as 1970-01-01
    /// would otherwise squeeze the real period into a few pixels). Empty months inside the
    /// range are included.
    func timelineMonths() -> (months: [CorpusStatistics.PeriodCount], note: String?) {
        var dated = statistics.byMonth
        guard let first = dated.first?.period, let last = dated.last?.period else { return ([], nil) }
        var note: String?
        if Self.monthsBetween(first, last) > 36 {
            let total = dated.reduce(0) { $0 + $1.documents }
            let limit = max(1, total / 100)
            var before = 0, after = 0
            while let m = dated.first, dated.count > 1, before + m.documents <= limit { before += m.documents; dated.removeFirst() }
            while let m = dated.last, dated.count > 1, after + m.documents <= limit { after += m.documents; dated.removeLast() }
            if before + after > 0 {
                note = "Not drawn: \(before) documents dated before \(dated.first!.period) and \(after) after \(dated.last!.period)."
            }
        }
        var byPeriod: [String: CorpusStatistics.PeriodCount] = [:]
        for m in dated { byPeriod[m.period] = m }
        var months: [CorpusStatistics.PeriodCount] = []
        var month = dated.first!.period
        while month <= dated.last!.period {
            months.append(byPeriod[month] ?? CorpusStatistics.PeriodCount(period: month))
            month = CorpusStatistics.nextMonth(month)
        }
        return (months, note)
    }

    /// Number of months from `a` to `b` (`YYYY-MM`).
    static func monthsBetween(_ a: String, _ b: String) -> Int {
        func index(_ m: String) -> Int { (Int(m.prefix(4)) ?? 0) * 12 + (Int(m.suffix(2)) ?? 1) }
        return index(b) - index(a)
    }

    /// Stacked bars of entity mentions per month, with a y axis and month labels.
    func timeline() -> String {
        let (months, note) = timelineMonths()
        let width = 900.0, height = 280.0, left = 48.0, bottom = 56.0, top = 12.0
        let plotH = height - bottom - top, plotW = width - left - 12
        let maxValue = max(1, months.map(\.entities).max() ?? 0)
        let step = Self.niceStep(Double(maxValue) / 4)
        let yMax = max(Double(maxValue), step * (Double(maxValue) / step).rounded(.up))
        var svg = "<svg id=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\">\n"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#fafafa\"/>\n"
        var tick = 0.0
        while tick <= yMax + 1e-9 {
            let y = top + plotH - tick / yMax * plotH
            svg += "<line x1=\"\(left)\" y1=\"\(Self.f(y))\" x2=\"\(Self.f(left + plotW))\" y2=\"\(Self.f(y))\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(Self.f(left - 6))\" y=\"\(Self.f(y + 4))\" font-size=\"11\" text-anchor=\"end\">\(Int(tick))</text>\n"
            tick += step
        }
        if months.isEmpty {
            svg += "<text x=\"\(Int(width / 2))\" y=\"\(Int(height / 2))\" text-anchor=\"middle\" font-size=\"14\">no dated documents</text>\n"
        }
        let slot = plotW / Double(max(1, months.count))
        let barW = max(1, slot * 0.8)
        let labelEvery = max(1, Int((36 / slot).rounded(.up)))
        for (i, m) in months.enumerated() {
            let x = left + Double(i) * slot + (slot - barW) / 2
            var y = top + plotH
            for type in Self.typeOrder + m.entitiesByType.keys.filter({ !Self.typeOrder.contains($0) }).sorted() {
                guard let n = m.entitiesByType[type], n > 0 else { continue }
                let h = Double(n) / yMax * plotH
                y -= h
                svg += "<rect x=\"\(Self.f(x))\" y=\"\(Self.f(y))\" width=\"\(Self.f(barW))\" height=\"\(Self.f(h))\" fill=\"\(Self.colours[type] ?? "#999")\"><title>\(m.period) \(type): \(n)</title></rect>"
            }
            if i % labelEvery == 0 {
                let lx = x + barW / 2, ly = top + plotH + 14
                svg += "<text x=\"\(Self.f(lx))\" y=\"\(Self.f(ly))\" font-size=\"11\" text-anchor=\"end\" transform=\"rotate(-45 \(Self.f(lx)) \(Self.f(ly)))\">\(m.period)</text>"
            }
            svg += "\n"
        }
        svg += "<line x1=\"\(left)\" y1=\"\(Self.f(top + plotH))\" x2=\"\(Self.f(left + plotW))\" y2=\"\(Self.f(top + plotH))\" stroke=\"#333\"/>\n</svg>\n"
        if let note { svg += "<p>\(Self.escape(note))</p>\n" }
        return svg
    }

    /// Horizontal bars of one type's top entities.
    func barChart(type: String, _ list: [CorpusStatistics.EntityCount]) -> String {
        let row = 22.0, labelW = 190.0, barMax = 190.0, width = labelW + barMax + 50
        let height = row * Double(list.count) + 30
        let maxValue = Double(list.map(\.mentions).max() ?? 1)
        var svg = "<svg class=\"bars\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\">\n"
        svg += "<text x=\"0\" y=\"16\" font-size=\"14\" font-weight=\"bold\">\(Self.escape(type))</text>\n"
        for (i, e) in list.enumerated() {
            let y = 26 + Double(i) * row
            let w = max(1, Double(e.mentions) / maxValue * barMax)
            let label = e.base.count > 28 ? String(e.base.prefix(27)) + "…" : e.base
            svg += "<text x=\"\(Self.f(labelW - 6))\" y=\"\(Self.f(y + 14))\" font-size=\"12\" text-anchor=\"end\">\(Self.escape(label))</text>"
            svg += "<rect x=\"\(Self.f(labelW))\" y=\"\(Self.f(y + 3))\" width=\"\(Self.f(w))\" height=\"\(Self.f(row - 6))\" fill=\"\(Self.colours[type] ?? "#999")\"><title>\(Self.escape(e.base)): \(e.mentions) mentions in \(e.documents) documents</title></rect>"
            svg += "<text x=\"\(Self.f(labelW + w + 4))\" y=\"\(Self.f(y + 14))\" font-size=\"12\">\(e.mentions)</text>\n"
        }
        return svg + "</svg>\n"
    }

    func table(_ header: [String], numeric: Set<Int>, _ rows: [[String]]) -> String {
        func cell(_ tag: String, _ i: Int, _ v: String) -> String {
            "<\(tag)\(numeric.contains(i) ? " class=\"n\"" : "")>\(Self.escape(v))</\(tag)>"
        }
        var out = "<table><tr>" + header.enumerated().map { cell("th", $0, $1) }.joined() + "</tr>\n"
        for r in rows { out += "<tr>" + r.enumerated().map { cell("td", $0, $1) }.joined() + "</tr>\n" }
        return out + "</table>\n"
    }

    /// Text safe inside HTML elements and attribute values.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    /// 1, 2 or 5 times a power of ten, at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 1 else { return 1 }
        let magnitude = pow(10, floor(log10(raw)))
        for m in [1.0, 2, 5, 10] where m * magnitude >= raw { return m * magnitude }
        return 10 * magnitude
    }

    static func f(_ x: Double) -> String { String(format: "%.1f", x) }
}
