import ICU
/// Takes the article text and the publication date out of an HTML page.
///
/// A small tag scanner over UTF-16 (no DOM): scripts, styles and boilerplate subtrees
/// (navigation, share buttons, ...) are dropped, block elements end lines, and when the
/// page has an `<article>` or `<main>` only its text is kept (with the page's `<h1>`
/// when the article has none). Lines that are buttons, category labels or image file
/// names are dropped. The date comes from meta tags (`article:published_time`, `date`,
/// `pubdate`, ...), else from the first `<time datetime>`.
public struct HTMLExtractor: Sendable {
    /// The article text and date of a page.
    public struct Result: Sendable {
        /// Lines of article text joined with "\n".
        public var text: [UInt16]
        public var documentDate: CivilDate?
    }

    public let boilerplate: HTMLBoilerplate

    public init(boilerplate: HTMLBoilerplate = .builtIn) { self.boilerplate = boilerplate }

    /// Meta tag names (name, property or itemprop, lower-cased) that give the publication date, best first.
    public static let dateMetaNames = [
        "article:published_time", "datepublished", "og:published_time", "pubdate", "publishdate", "publish-date",
        "publication_date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "date",
    ]

    /// The charset a page declares in its first 4 KB (`<meta charset>` or `content="...; charset=..."`).
    public static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096)
        let key = Array("charset".utf8)
        var i = head.startIndex
        while i + key.count < head.endIndex {
            var match = true
            for k in 0..<key.count where head[i + k] | 0x20 != key[k] { match = false; break }
            if match {
                var j = i + key.count
                while j < head.endIndex, head[j] == 0x20 { j += 1 }
                if j < head.endIndex, head[j] == UInt8(ascii: "=") {
                    j += 1
                    while j < head.endIndex, head[j] == 0x20 || head[j] == 0x22 || head[j] == 0x27 { j += 1 }
                    var name: [UInt8] = []
                    while j < head.endIndex, isNameByte(head[j]) { name.append(head[j]); j += 1 }
                    if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
                }
            }
            i += 1
        }
        return nil
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == 0x2D || b == 0x5F || b == 0x3A || b == 0x2E
    }

    /// Extracts text and date; throws `DecodeError` on a tag or comment that never ends,
    /// or when no text is left.
    public func extract(_ units: [UInt16]) throws -> Result {
        var state = ScanState(boilerplate: boilerplate)
        try units.withUnsafeBufferPointer { try state.scan($0) }
        state.endLine()
        let useArticle = state.lines.contains { $0.article }
        var kept: [[UInt16]] = []
        if useArticle, !state.lines.contains(where: { $0.article && $0.h1 }), let h1 = state.lines.first(where: { $0.h1 }) {
            kept.append(h1.units)
        }
        for line in state.lines where !useArticle || line.article {
            if boilerplate.isBoilerplateLine(UTF.string(line.units)) { continue }
            kept.append(line.units)
        }
        if kept.isEmpty { throw DecodeError("HTML page has no article text") }
        var text: [UInt16] = []
        for (i, line) in kept.enumerated() {
            if i > 0 { text.append(0x0A) }
            text.append(contentsOf: line)
        }
        var date: CivilDate?
        for name in HTMLExtractor.dateMetaNames {
            if let value = state.metaDates[name], let d = HTMLExtractor.parseDate(value) { date = d; break }
        }
        if date == nil, let t = state.articleTimeDate ?? state.firstTimeDate { date = HTMLExtractor.parseDate(t) }
        return Result(text: text, documentDate: date)
    }

    /// The date at the start of `value`: `YYYY-MM-DD` (any time after it ignored), `YYYY/MM/DD` or `DD.MM.YYYY`.
    public static func parseDate(_ value: String) -> CivilDate? {
        let b = Array(value.utf8.drop { $0 == 0x20 })
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var v = 0
            for k in from..<(from + count) {
                guard b[k] >= 0x30 && b[k] <= 0x39 else { return nil }
                v = v * 10 + Int(b[k] - 0x30)
            }
            return v
        }
        func valid(_ y: Int, _ m: Int, _ d: Int) -> CivilDate? {
            guard (1...12).contains(m), d >= 1, d <= CivilDate.daysIn(month: m, year: y) else { return nil }
            return CivilDate(year: y, month: m, day: d)
        }
        if let y = number(0, 4), b.count >= 10, b[4] == b[7], b[4] == 0x2D || b[4] == 0x2F,
           let m = number(5, 2), let d = number(8, 2) { return valid(y, m, d) }
        if let d = number(0, 2), b.count >= 10, b[2] == 0x2E, b[5] == 0x2E, let m = number(3, 2), let y = number(6, 4) {
            return valid(y, m, d)
        }
        return nil
    }
}

/// The scanner's running state: open elements, the current line, lines so far, dates seen.
private struct ScanState {
    struct Line { var units: [UInt16]; var article: Bool; var h1: Bool }
    struct Open { var name: String; var skip: Bool; var article: Bool; var h1: Bool }

    let boilerplate: HTMLBoilerplate
    var lines: [Line] = []
    var line: [UInt16] = []
    var lineArticle = false
    var lineH1 = false
    var pendingSpace = false
    var stack: [Open] = []
    var skipDepth = 0
    var articleDepth = 0
    var h1Depth = 0
    var metaDates: [String: String] = [:]
    var firstTimeDate: String?
    var articleTimeDate: String?

    init(boilerplate: HTMLBoilerplate) { self.boilerplate = boilerplate }

    static let void: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
    static let rawText: Set<String> = ["script", "style", "title", "textarea", "noscript", "template", "svg", "math"]
    static let block: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
        "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "caption", "body", "html", "head",
    ]
    static let articleElements: Set<String> = ["article", "main"]

    mutating func scan(_ u: UnsafeBufferPointer<UInt16>) throws {
        let n = u.count
        var i = 0
        while i < n {
            let c = u[i]
            if c == 0x3C, i + 1 < n { // <
                let next = u[i + 1]
                if next == 0x21 { // <! comment or doctype
                    if i + 3 < n, u[i + 2] == 0x2D, u[i + 3] == 0x2D {
                        guard let end = find(u, [0x2D, 0x2D, 0x3E], from: i + 4) else {
                            throw DecodeError("malformed HTML: comment at character \(i) never ends")
                        }
                        i = end + 3
                    } else {
                        guard let end = find(u, [0x3E], from: i + 2) else { throw DecodeError("malformed HTML: declaration at character \(i) never ends") }
                        i = end + 1
                    }
                    continue
                }
                if next == 0x2F || isASCIILetter(next) {
                    i = try tag(u, at: i)
                    continue
                }
            }
            if c == 0x26 { // &
                i = entity(u, at: i)
                continue
            }
            append(c)
            i += 1
        }
    }

    /// Handles the tag starting at `i` (the "<"); returns the index after it.
    mutating func tag(_ u: UnsafeBufferPointer<UInt16>, at start: Int) throws -> Int {
        let n = u.count
        var i = start + 1
        let closing = u[i] == 0x2F
        if closing { i += 1 }
        var nameUnits: [UInt8] = []
        while i < n, isASCIILetter(u[i]) || (u[i] >= 0x30 && u[i] <= 0x39) || u[i] == 0x2D || u[i] == 0x3A {
            nameUnits.append(UInt8(u[i] | (u[i] < 0x5B && u[i] >= 0x41 ? 0x20 : 0)))
            i += 1
        }
        let name = String(decoding: nameUnits, as: UTF8.self)
        var attributes: [String: String] = [:]
        var selfClosing = false
        // Attributes up to ">", with quoted values.
        while true {
            while i < n, isSpace(u[i]) { i += 1 }
            guard i < n else { throw DecodeError("malformed HTML: tag <\(name)> at character \(start) never ends") }
            if u[i] == 0x3E { i += 1; break }
            if u[i] == 0x2F { selfClosing = true; i += 1; continue }
            var key: [UInt16] = []
            while i < n, !isSpace(u[i]), u[i] != 0x3D, u[i] != 0x3E, !(u[i] == 0x2F && i + 1 < n && u[i + 1] == 0x3E) { key.append(u[i]); i += 1 }
            while i < n, isSpace(u[i]) { i += 1 }
            var value: [UInt16] = []
            if i < n, u[i] == 0x3D {
                i += 1
                while i < n, isSpace(u[i]) { i += 1 }
                if i < n, u[i] == 0x22 || u[i] == 0x27 {
                    let quote = u[i]
                    guard let end = find(u, [quote], from: i + 1) else { throw DecodeError("malformed HTML: attribute quote in tag <\(name)> at character \(start) never closes") }
                    value = Array(u[(i + 1)..<end])
                    i = end + 1
                } else {
                    while i < n, !isSpace(u[i]), u[i] != 0x3E { value.append(u[i]); i += 1 }
                }
            }
            if key.isEmpty { i += 1; continue }
            attributes[UTF.string(key).lowercased()] = UTF.string(value)
        }
        if closing {
            close(name)
            return i
        }
        open(name, attributes: attributes, selfClosing: selfClosing)
        if ScanState.rawText.contains(name), !selfClosing {
            // Skip to the matching end tag; the element's content is never text.
            var j = i
            while let lt = find(u, [0x3C, 0x2F], from: j) {
                var k = lt + 2
                var matches = true
                for ch in name.utf8 {
                    guard k < n, u[k] < 0x80, UInt8(u[k] | 0x20) == ch else { matches = false; break }
                    k += 1
                }
                if matches, let gt = find(u, [0x3E], from: k) {
                    close(name)
                    return gt + 1
                }
                j = lt + 2
            }
            close(name)
            return n
        }
        return i
    }

    mutating func open(_ name: String, attributes: [String: String], selfClosing: Bool) {
        if name == "meta" {
            let key = (attributes["property"] ?? attributes["name"] ?? attributes["itemprop"])?.lowercased()
            if let key, let content = attributes["content"], metaDates[key] == nil { metaDates[key] = content }
            return
        }
        if let datetime = attributes["datetime"] ?? (attributes["itemprop"]?.lowercased() == "datepublished" ? attributes["content"] : nil) {
            if attributes["itemprop"]?.lowercased() == "datepublished", metaDates["datepublished"] == nil { metaDates["datepublished"] = datetime }
            if name == "time" {
                if firstTimeDate == nil { firstTimeDate = datetime }
                if articleDepth > 0, articleTimeDate == nil { articleTimeDate = datetime }
            }
        }
        if ScanState.block.contains(name) { endLine() }
        if ScanState.void.contains(name) || selfClosing { return }
        let skip = boilerplate.elements.contains(name)
            || attributes["class"].map(boilerplate.isBoilerplateClass) == true
            || attributes["id"].map(boilerplate.isBoilerplateClass) == true
            || attributes["aria-hidden"] == "true" || attributes["hidden"] != nil
        let article = ScanState.articleElements.contains(name) || attributes["itemprop"]?.lowercased() == "articlebody"
        let h1 = name == "h1"
        stack.append(Open(name: name, skip: skip, article: article, h1: h1))
        if skip { skipDepth += 1 }
        if article { articleDepth += 1 }
        if h1 { h1Depth += 1 }
    }

    mutating func close(_ name: String) {
        guard let index = stack.lastIndex(where: { $0.name == name }) else { return }
        if ScanState.block.contains(name) || stack[index...].contains(where: { ScanState.block.contains($0.name) }) { endLine() }
        for open in stack[index...] {
            if open.skip { skipDepth -= 1 }
            if open.article { articleDepth -= 1 }
            if open.h1 { h1Depth -= 1 }
        }
        stack.removeSubrange(index...)
    }

    mutating func append(_ c: UInt16) {
        guard skipDepth == 0 else { return }
        if isSpace(c) || c == 0xA0 {
            pendingSpace = true
            return
        }
        if line.isEmpty {
            lineArticle = articleDepth > 0
            lineH1 = h1Depth > 0
        } else if pendingSpace {
            line.append(0x20)
        }
        pendingSpace = false
        line.append(c)
    }

    mutating func endLine() {
        if !line.isEmpty { lines.append(Line(units: line, article: lineArticle, h1: lineH1)) }
        line.removeAll(keepingCapacity: true)
        pendingSpace = false
    }

    /// Decodes the character reference at `i` (the "&"); returns the index after it.
    mutating func entity(_ u: UnsafeBufferPointer<UInt16>, at start: Int) -> Int {
        var i = start + 1
        var name: [UInt8] = []
        while i < u.count, i - start <= 10, u[i] < 0x80, u[i] != 0x3B, isASCIILetter(u[i]) || (u[i] >= 0x30 && u[i] <= 0x39) || u[i] == 0x23 {
            name.append(UInt8(u[i])); i += 1
        }
        guard i < u.count, u[i] == 0x3B, !name.isEmpty else { append(0x26); return start + 1 }
        var scalar: UInt32?
        if name[0] == 0x23 {
            let hex = name.count > 1 && (name[1] == 0x78 || name[1] == 0x58)
            let digits = String(decoding: name.dropFirst(hex ? 2 : 1), as: UTF8.self)
            scalar = UInt32(digits, radix: hex ? 16 : 10)
        } else {
            scalar = ScanState.entities[String(decoding: name, as: UTF8.self)]
        }
        guard let s = scalar, let v = Unicode.Scalar(s) else { append(0x26); return start + 1 }
        if s == 0xAD { return i + 1 } // soft hyphen
        for unit in String(Character(v)).utf16 { append(unit) }
        return i + 1
    }

    static let entities: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0, "shy": 0xAD,
        "laquo": 0xAB, "raquo": 0xBB, "bdquo": 0x201E, "ldquo": 0x201C, "rdquo": 0x201D, "lsquo": 0x2018,
        "rsquo": 0x2019, "sbquo": 0x201A, "ndash": 0x2013, "mdash": 0x2014, "hellip": 0x2026, "copy": 0xA9,
        "reg": 0xAE, "trade": 0x2122, "euro": 0x20AC, "middot": 0xB7, "bull": 0x2022, "deg": 0xB0, "sect": 0xA7,
    ]

    func find(_ u: UnsafeBufferPointer<UInt16>, _ pattern: [UInt16], from: Int) -> Int? {
        guard !pattern.isEmpty, from <= u.count - pattern.count else { return nil }
        var i = from
        let last = u.count - pattern.count
        while i <= last {
            if u[i] == pattern[0] {
                var ok = true
                for k in 1..<pattern.count where u[i + k] != pattern[k] { ok = false; break }
                if ok { return i }
            }
            i += 1
        }
        return nil
    }
}

@inline(__always) private func isASCIILetter(_ c: UInt16) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
@inline(__always) private func isSpace(_ c: UInt16) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }
