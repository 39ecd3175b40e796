import ICU

/// Splits a document into tokens and sentences.
///
/// Tokens come from ICU word break with its rule status, then language-aware merges:
/// abbreviations, grouped and decimal numbers, numeric dates (glued "г." split off),
/// times, e-mails, URLs, hashtags, handles, hyphenated names and ordinals. Sentences
/// come from ICU sentence break, corrected by the abbreviation lists and always
/// broken at blank lines. One instance per thread.
public final class Segmenter {
    private let words: BreakIterator
    private let sentencesBreaker: BreakIterator
    private let folder: TextFolder
    private let data: SegmentationData
    /// The word-break tokens of the text being segmented, before the merges: a view of
    /// `rawStorage`, which is kept from document to document and written without checks.
    private var raw = UnsafeMutableBufferPointer<Token>(start: nil, count: 0)
    private var rawStorage = UnsafeMutableBufferPointer<Token>.allocate(capacity: 1024)
    /// Word boundaries with their ICU rule statuses (see `BreakIterator.wordBoundaries`).
    private var boundaries: [UInt64] = []
    /// Where a sentence starts right after a dot with no space, inside one ICU word
    /// ("предаде БТА.Франция вече"): found by `tokenize`, added to ICU's sentence breaks.
    private var gluedBreaks: [Int] = []
    /// `Segmenter.unitTable`, held so the hot loop does not check its lazy initialisation.
    private let unitTable = Segmenter.unitTable

    public init(data: SegmentationData) throws {
        words = try BreakIterator(.word)
        sentencesBreaker = try BreakIterator(.sentence)
        folder = try TextFolder()
        self.data = data
    }

    deinit { rawStorage.deallocate() }

    /// Fills `doc.tokens` (spaces left out), `doc.folded` and `doc.sentences`.
    public func segment(_ doc: inout Document) throws {
        try doc.utf16.withUnsafeBufferPointer { text in
            try tokenize(text)
            var tokens = merge(text)
            // The folded keys: the text folded unit by unit (the key of most tokens is the
            // span of this at the token's own offsets), then the keys that need ICU.
            // (a unit at or above `tableSize` folds to itself)
            let table = unitTable
            var folded = [UInt16](unsafeUninitializedCapacity: text.count + text.count / 8) { buf, n in
                for i in 0..<text.count {
                    let u = text[i]
                    buf[i] = u < Segmenter.tableSize ? UInt16(truncatingIfNeeded: table[Int(u)]) : u
                }
                n = text.count
            }
            tokens.withUnsafeMutableBufferPointer { tokens in
                for i in tokens.indices { describe(&tokens[i], text, &folded) }
            }
            Segmenter.markCapsLines(&tokens)
            doc.sentences = try sentences(text, tokens)
            markSentenceStarts(&tokens, doc.sentences, text)
            // (and sentences in capitals inside a line: four capital words or more, as a short
            // sentence may name two acronyms, or be a name: "© 2018 WEB MEDIA GROUP.")
            Segmenter.markCapsLines(&tokens, at: .sentenceStart, least: 4)
            doc.tokens = tokens
            doc.folded = folded
        }
    }

    // MARK: ICU word break

    private func tokenize(_ text: UnsafeBufferPointer<UInt16>) throws {
        boundaries.removeAll(keepingCapacity: true)
        gluedBreaks.removeAll(keepingCapacity: true)
        try words.wordBoundaries(text, into: &boundaries)
        // (a boundary makes one token, or two when a number is split from its letters)
        if rawStorage.count < 2 * boundaries.count {
            rawStorage.deallocate()
            rawStorage = .allocate(capacity: 2 * boundaries.count)
        }
        var count = 0
        @inline(__always) func append(_ t: Token) {
            if count == rawStorage.count {
                // (only words split at many glued dots make more)
                let grown = UnsafeMutableBufferPointer<Token>.allocate(capacity: 2 * count)
                _ = grown.initialize(fromContentsOf: rawStorage[..<count])
                rawStorage.deallocate()
                rawStorage = grown
            }
            rawStorage.initializeElement(at: count, to: t)
            count += 1
        }
        defer { raw = UnsafeMutableBufferPointer(rebasing: rawStorage[..<count]) }
        var start = 0
        for b in boundaries {
            let end = Int(b >> 32), status = Int32(truncatingIfNeeded: b)
            let kind: TokenKind
            switch status {
            case 100..<200: kind = .number
            case 200..<500: kind = .word
            default: kind = Segmenter.classify(text[start])
            }
            if kind == .word, Segmenter.isDigit(text[start]) {
                // ICU keeps "2012г" together: split the number from its glued letters.
                var j = start
                while j < end, Segmenter.isDigit(text[j]) || ((text[j] == 0x2E || text[j] == 0x2C) && j + 1 < end && Segmenter.isDigit(text[j + 1])) { j += 1 }
                if j < end, j > start, Segmenter.isLetter(text[j]) {
                    append(Segmenter.token(start, j, .number))
                    start = j
                }
            }
            if kind == .word {
                // ICU keeps "г.от" together: after a number, a listed abbreviation glued by its
                // dot to the next word ("2005 г.от 9.30 ч.", "2020г.в") ends at the dot.
                if count > 0, rawStorage[count - 1].kind == .number
                    || count > 1 && rawStorage[count - 1].kind == .space && rawStorage[count - 1].length == 1 && rawStorage[count - 2].kind == .number,
                   let d = gluedAbbreviationDot(text, start, end) {
                    append(Segmenter.token(start, d, .word))
                    append(Segmenter.token(d, d + 1, .punctuation))
                    start = d + 1
                }
                // ICU keeps "БТА.Франция" together (a dot between letters): split at a dot
                // that ends a sentence with its space missing.
                while let d = Segmenter.gluedSentenceDot(text, start, end) {
                    append(Segmenter.token(start, d, .word))
                    append(Segmenter.token(d, d + 1, .punctuation))
                    gluedBreaks.append(d + 1)
                    start = d + 1
                }
            }
            append(Segmenter.token(start, end, kind))
            start = end
        }
    }

    /// The first dot in word `s..<e` that ends a sentence whose space is missing: after two
    /// letters or more, before a capital and a small letter ("Ройтерс.Биби", "БТА.Франция";
    /// not "W.Brytania", an initial, "Onet.pl", a domain, or "Dz.U.").
    static func gluedSentenceDot(_ text: UnsafeBufferPointer<UInt16>, _ s: Int, _ e: Int) -> Int? {
        // (a plain scan for the dot first: most words have none, and the letter tests ask ICU)
        var d = s + 2
        while d + 2 < e {
            if text[d] == 0x2E, isLetter(text[d - 1]), isLetter(text[d - 2]),
               CharacterProperties.isUpper(UInt32(text[d + 1])), CharacterProperties.isLower(UInt32(text[d + 2])) { return d }
            d += 1
        }
        return nil
    }

    /// The dot of word `s..<e` that ends a listed abbreviation glued to a following word
    /// ("г.от"; not "т.е" before its final dot, an abbreviation of its own).
    private func gluedAbbreviationDot(_ text: UnsafeBufferPointer<UInt16>, _ s: Int, _ e: Int) -> Int? {
        guard e >= text.count || text[e] != 0x2E else { return nil }
        var h = FNV1a.seed
        var d = s
        while d < e, text[d] != 0x2E { h = FNV1a.add(h, UInt64(TextFolder.simpleFold(text[d]))); d += 1 }
        guard d > s, d + 1 < e, Segmenter.isLetter(text[d + 1]), !(d + 1..<e).contains(where: { text[$0] == 0x2E }) else { return nil }
        h = FNV1a.add(h, 0x2E)
        return data.abbreviationHashes.contains(h) ? d : nil
    }

    static func token(_ s: Int, _ e: Int, _ k: TokenKind) -> Token {
        Token(start: Int32(s), end: Int32(e), kind: k, shape: [], foldStart: 0, foldEnd: 0, number: -1, digitCount: 0)
    }

    static func classify(_ u: UInt16) -> TokenKind {
        if u == 0x20 || u == 0x0A || u == 0x0D || u == 0x09 || u == 0xA0 || u == 0x0B || u == 0x0C || (u >= 0x2000 && u <= 0x200B) || u == 0x202F || u == 0x3000 || u == 0x2028 || u == 0x2029 || u == 0x85 { return .space }
        let cat = CharacterProperties.category(UInt32(u))
        // ICU UCharCategory: 19...23 dash/open/close/connector/other punctuation, 28/29 initial/final quote.
        if (19...23).contains(cat) || cat == 28 || cat == 29 { return .punctuation }
        if u >= 0xD800 && u <= 0xDFFF { return .symbol }
        return .symbol
    }

    @inline(__always) static func isDigit(_ u: UInt16) -> Bool { u >= 0x30 && u <= 0x39 }
    @inline(__always) static func isLetter(_ u: UInt16) -> Bool {
        (u | 0x20) >= 0x61 && (u | 0x20) <= 0x7A || (u >= 0xC0 && u != 0xD7 && u != 0xF7 && CharacterProperties.isAlpha(UInt32(u)))
    }

    // MARK: Merges

    private func merge(_ text: UnsafeBufferPointer<UInt16>) -> [Token] {
        let raw = self.raw
        // (merging never makes more tokens: written in place, with no checks per token; the
        // spaces, which only merging reads, are left out)
        return [Token](unsafeUninitializedCapacity: raw.count) { out, count in
            @inline(__always) func emit(_ t: Token) {
                if t.kind == .space { return }
                (out.baseAddress! + count).initialize(to: t)
                count += 1
            }
            let n = raw.count
            var i = 0
            @inline(__always) func adjacent(_ a: Int) -> Bool { a + 1 < n && raw[a].end == raw[a + 1].start && raw[a + 1].kind != .space }
            @inline(__always) func unit(_ t: Int) -> UInt16 { text[Int(raw[t].start)] }
            @inline(__always) func isChar(_ t: Int, _ c: UInt16) -> Bool { t < n && raw[t].length == 1 && unit(t) == c }
            // E-mails and handles need an "@": most texts have none.
            let hasAt = UnitSearch.first(0x40, in: text, from: 0) < text.count
            while i < n {
                let t = raw[i]
                // URLs
                if t.kind == .word, let end = urlEnd(text, Int(t.start)) {
                    var j = i
                    while j < n && Int(raw[j].end) <= end { j += 1 }
                    emit(Segmenter.token(Int(t.start), Int(raw[j - 1].end), .url))
                    i = j
                    continue
                }
                // ICU may already keep "info@klaster.bg" or "@eccp" as one word.
                if hasAt, t.kind == .word, let at = (Int(t.start)..<Int(t.end)).first(where: { text[$0] == 0x40 }) {
                    var k = t
                    if at == Int(t.start) { k.kind = .handle }
                    else if (at..<Int(t.end)).contains(where: { text[$0] == 0x2E }) { k.kind = .email }
                    emit(k)
                    i += 1
                    continue
                }
                // e-mail: local part tokens adjacent, "@", domain with a dot
                if hasAt, t.kind == .word || t.kind == .number, let (j, kind) = emailEnd(text, i) {
                    emit(Segmenter.token(Int(t.start), Int(raw[j - 1].end), kind))
                    i = j
                    continue
                }
                // two commas typed for an opening quotation mark („), glued to the word they
                // open and not to one before: "ул.,,Възраждане”" is one mark, then the name
                if isChar(i, 0x2C), adjacent(i), isChar(i + 1, 0x2C), adjacent(i + 1),
                   raw[i + 2].kind == .word || raw[i + 2].kind == .number,
                   i == 0 || raw[i - 1].end != t.start || (raw[i - 1].kind != .word && raw[i - 1].kind != .number) {
                    emit(Segmenter.token(Int(t.start), Int(raw[i + 1].end), .punctuation))
                    i += 2
                    continue
                }
                // hashtags and handles
                if (isChar(i, 0x23) || isChar(i, 0x40)) && adjacent(i) && raw[i + 1].kind == .word
                    && (i == 0 || raw[i - 1].kind == .space || raw[i - 1].kind == .punctuation) {
                    emit(Segmenter.token(Int(t.start), Int(raw[i + 1].end), unit(i) == 0x23 ? .hashtag : .handle))
                    i += 2
                    continue
                }
                // reference numbers: capitals glued by a dot or a slash to a number and on
                // (GZ.II.0620.1.95.2016, WOS.2600.12.2021.AB, KW/2021/05) are one word, no acronym;
                // not a roman month inside a date (5.XI.2019)
                if t.kind == .word, i + 2 < n, adjacent(i), isChar(i + 1, 0x2E) || isChar(i + 1, 0x2F), adjacent(i + 1),
                   raw[i + 2].kind == .number, !(i > 0 && isChar(i - 1, 0x2E) && adjacent(i - 1)), isCapitals(text, t, joined: true) {
                    var j = i + 2
                    while j + 2 < n, adjacent(j), isChar(j + 1, 0x2E) || isChar(j + 1, 0x2F) || isChar(j + 1, 0x2D), adjacent(j + 1),
                          raw[j + 2].kind == .word || raw[j + 2].kind == .number { j += 2 }
                    emit(Segmenter.token(Int(t.start), Int(raw[j].end), .word))
                    i = j + 1
                    continue
                }
                // abbreviations (longest match over adjacent tokens, single spaces allowed inside)
                if t.kind == .word, let j = abbreviationEnd(text, i) {
                    emit(Segmenter.token(Int(t.start), Int(raw[j - 1].end), .abbreviation))
                    i = j
                    continue
                }
                if t.kind == .number {
                    // a website named with digits before its domain: "Plovdiv24.bg", which ICU
                    // breaks after the digit (a name of letters alone, "Onet.pl", it keeps whole);
                    // with an "@" inside, an e-mail: "office@greenh2.bg"
                    if Segmenter.isLetter(unit(i)), adjacent(i), isChar(i + 1, 0x2E), adjacent(i + 1), i + 2 < n, raw[i + 2].kind == .word,
                       (2...3).contains(raw[i + 2].length), (Int(raw[i + 2].start)..<Int(raw[i + 2].end)).allSatisfy({ text[$0] >= 0x61 && text[$0] <= 0x7A }),
                       !(adjacent(i + 2) && raw[i + 3].kind == .word) {
                        let email = hasAt && (Int(t.start)..<Int(t.end)).contains { text[$0] == 0x40 }
                        emit(Segmenter.token(Int(t.start), Int(raw[i + 2].end), email ? .email : .word))
                        i += 3
                        continue
                    }
                    // numeric dates with / or - separators: 10/10/2012, 2021-05-27
                    if adjacent(i), i + 4 < n, (isChar(i + 1, 0x2F) || isChar(i + 1, 0x2D)), adjacent(i + 1), raw[i + 2].kind == .number,
                       adjacent(i + 2), isChar(i + 3, unit(i + 1)), adjacent(i + 3), raw[i + 4].kind == .number,
                       numericDate(text, Int(t.start), Int(raw[i + 4].end)) {
                        emit(Segmenter.token(Int(t.start), Int(raw[i + 4].end), .date))
                        i += 5
                        continue
                    }
                    // times: 10:30, 10:30:15
                    if adjacent(i), isChar(i + 1, 0x3A), adjacent(i + 1), i + 2 < n, raw[i + 2].kind == .number,
                       raw[i + 2].length == 2, t.length <= 2 {
                        var j = i + 3
                        if j + 1 < n, adjacent(j - 1), isChar(j, 0x3A), adjacent(j), raw[j + 1].kind == .number, raw[j + 1].length == 2 { j += 2 }
                        emit(Segmenter.token(Int(t.start), Int(raw[j - 1].end), .time))
                        i = j
                        continue
                    }
                    // dotted dates in one ICU token: 10.10.2012, 10.10.12
                    if numericDate(text, Int(t.start), Int(t.end)) {
                        var d = t; d.kind = .date
                        emit(d)
                        i += 1
                        continue
                    }
                    // grouped thousands: 1 000 000
                    if t.length <= 3, allDigits(text, t) {
                        var j = i
                        while j + 2 < n, raw[j + 1].kind == .space, raw[j + 1].length == 1, Segmenter.isGroupSpace(unit(j + 1)),
                              raw[j + 2].kind == .number, raw[j + 2].length == 3, allDigits(text, raw[j + 2]) { j += 2 }
                        if j > i {
                            emit(Segmenter.token(Int(t.start), Int(raw[j].end), .number))
                            i = j + 1
                            continue
                        }
                    }
                    // ordinals: 1-ви, 90-те; 2. before a lower-case word or at a line start
                    if adjacent(i), isChar(i + 1, 0x2D), adjacent(i + 1), i + 2 < n, raw[i + 2].kind == .word,
                       data.ordinalSuffixes.contains(lowerString(text, raw[i + 2])) {
                        emit(Segmenter.token(Int(t.start), Int(raw[i + 2].end), .ordinal))
                        i += 3
                        continue
                    }
                    if adjacent(i), isChar(i + 1, 0x2E), t.length <= 3, allDigits(text, t), ordinalContext(text, i) {
                        emit(Segmenter.token(Int(t.start), Int(raw[i + 1].end), .ordinal))
                        i += 2
                        continue
                    }
                }
                // a lower-case word of three letters or more before a hyphen and a name stays a
                // word, a prefix or a head before its seat: анти-Брекзит, "Районен съд-Петрич"; of
                // shorter ones, a listed prefix: не-Европа, ex-Premier ("e-Urząd" stays one word)
                if t.kind == .word, adjacent(i), isChar(i + 1, 0x2D), adjacent(i + 1), i + 2 < n, raw[i + 2].kind == .word,
                   CharacterProperties.isUpper(UInt32(text[Int(raw[i + 2].start)])), !CharacterProperties.isUpper(UInt32(text[Int(t.start)])),
                   t.length >= 3 && isLowerWord(text, t) || data.hyphenPrefixes.contains(lowerString(text, t)) {
                    emit(t)
                    i += 1
                    continue
                }
                // hyphenated names: TRACE-KEI, поток-2, Еко-клъстерите
                if t.kind == .word, adjacent(i), isChar(i + 1, 0x2D), adjacent(i + 1), i + 2 < n,
                   raw[i + 2].kind == .word || raw[i + 2].kind == .number {
                    var j = i + 2
                    while j + 2 < n, adjacent(j), isChar(j + 1, 0x2D), adjacent(j + 1), raw[j + 2].kind == .word || raw[j + 2].kind == .number { j += 2 }
                    var m = Segmenter.token(Int(t.start), Int(raw[j].end), .word)
                    m.shape.insert(.hyphenated)
                    emit(m)
                    i = j + 1
                    continue
                }
                emit(t)
                i += 1
            }
        }
    }

    /// Whether `t` is the two commas typed for an opening quotation mark (",,Възраждане”"),
    /// which `merge` makes one token.
    @inline(__always) static func isCommaQuote(_ t: Token, _ text: UnsafeBufferPointer<UInt16>) -> Bool {
        t.kind == .punctuation && t.length == 2 && text[Int(t.start)] == 0x2C && text[Int(t.start) + 1] == 0x2C
    }

    static func isGroupSpace(_ u: UInt16) -> Bool { u == 0x20 || u == 0xA0 || u == 0x202F || u == 0x2009 }

    private func allDigits(_ text: UnsafeBufferPointer<UInt16>, _ t: Token) -> Bool {
        for k in Int(t.start)..<Int(t.end) where !Segmenter.isDigit(text[k]) { return false }
        return true
    }

    /// Whether `text[s..<e]` is a roman numeral with an ordinal's ending after a hyphen
    /// ("XX-ти", "III-ТИ"): a century, a panel of a court, not an acronym or a CamelCase name.
    private func isRomanOrdinal(_ text: UnsafeBufferPointer<UInt16>, _ s: Int, _ e: Int) -> Bool {
        // (the letters before the dash are scanned first: strings are made only for a roman numeral)
        var dash = s
        while dash < e, Segmenter.unitFlags(UInt32(text[dash])) & Segmenter.romanLetter != 0 { dash += 1 }
        guard dash > s, dash < e, text[dash] == 0x2D, Segmenter.isValidRoman(text, s, dash) else { return false }
        return data.ordinalSuffixes.contains(UTF.string(text[dash + 1..<e].map(TextFolder.simpleFold)))
    }

    /// Whether every unit of word `t` is a lower-case letter.
    private func isLowerWord(_ text: UnsafeBufferPointer<UInt16>, _ t: Token) -> Bool {
        for k in Int(t.start)..<Int(t.end) where !CharacterProperties.isLower(UInt32(text[k])) { return false }
        return true
    }

    private func lowerString(_ text: UnsafeBufferPointer<UInt16>, _ t: Token) -> String {
        UTF.string(text[Int(t.start)..<Int(t.end)].map(TextFolder.simpleFold))
    }

    /// Whether digits-and-separators `text[s..<e]` form a date: day first (d.m.yyyy, d.m.yy) or
    /// a four-digit year first, with two-digit month and day (yyyy-mm-dd, yyyy.mm.dd, yyyy/mm/dd).
    private func numericDate(_ text: UnsafeBufferPointer<UInt16>, _ s: Int, _ e: Int) -> Bool {
        // (three parts at most, in fixed storage: this runs on every number)
        var parts = (0, 0, 0), lens = (0, 0, 0)
        var count = 0
        var v = 0, len = 0
        var sep: UInt16 = 0
        func close() {
            switch count {
            case 0: parts.0 = v; lens.0 = len
            case 1: parts.1 = v; lens.1 = len
            default: parts.2 = v; lens.2 = len
            }
            count += 1; v = 0; len = 0
        }
        for k in s..<e {
            let u = text[k]
            if Segmenter.isDigit(u) { v = v * 10 + Int(u - 0x30); len += 1; if len > 4 { return false } }
            else if u == 0x2E || u == 0x2F || u == 0x2D {
                if sep != 0 && u != sep || count == 2 { return false }
                sep = u; close()
            } else { return false }
        }
        close()
        guard count == 3, lens.0 > 0, lens.1 > 0, lens.2 > 0 else { return false }
        if lens.0 == 4 { return lens.1 == 2 && lens.2 == 2 && (1...12).contains(parts.1) && (1...31).contains(parts.2) }
        return lens.0 <= 2 && lens.1 <= 2 && (lens.2 == 4 || lens.2 == 2) && (1...31).contains(parts.0) && (1...12).contains(parts.1)
    }

    /// "2." is an ordinal before a lower-case word or at the start of a line.
    private func ordinalContext(_ text: UnsafeBufferPointer<UInt16>, _ i: Int) -> Bool {
        var k = Int(raw[i].start) - 1
        while k >= 0, text[k] == 0x20 || text[k] == 0x09 { k -= 1 }
        if k < 0 || text[k] == 0x0A || text[k] == 0x0D { return true }
        var j = i + 2
        while j < raw.count, raw[j].kind == .space { if raw[j].length > 2 { return false }; j += 1 }
        guard j < raw.count, raw[j].kind == .word else { return false }
        return CharacterProperties.isLower(UInt32(text[Int(raw[j].start)]))
    }

    private func urlEnd(_ text: UnsafeBufferPointer<UInt16>, _ s: Int) -> Int? {
        let c = text[s] | 0x20
        guard c == 0x68 || c == 0x77 else { return nil }
        func has(_ p: StaticString) -> Bool {
            guard s + p.utf8CodeUnitCount <= text.count else { return false }
            for (k, c) in UnsafeBufferPointer(start: p.utf8Start, count: p.utf8CodeUnitCount).enumerated()
            where TextFolder.simpleFold(text[s + k]) != UInt16(c) { return false }
            return true
        }
        guard has("http://") || has("https://") || has("www.") else { return nil }
        var e = s
        while e < text.count, !Segmenter.isWhitespace(text[e]), text[e] != 0x22, text[e] != 0x201C, text[e] != 0x201D, text[e] != 0xBB, text[e] != 0x3C { e += 1 }
        // (trailing . , ; : ! ? ) ' belong to the sentence)
        while e > s, case let u = text[e - 1], u == 0x2E || u == 0x2C || u == 0x3B || u == 0x3A || u == 0x21 || u == 0x3F || u == 0x29 || u == 0x27 { e -= 1 }
        return e > s + 4 ? e : nil
    }

    private func emailEnd(_ text: UnsafeBufferPointer<UInt16>, _ i: Int) -> (Int, TokenKind)? {
        // local part: adjacent word/number/"."/"_"/"-"/"+" tokens, then "@"
        var j = i
        let n = raw.count
        while j + 1 < n, raw[j].end == raw[j + 1].start {
            let u = text[Int(raw[j + 1].start)]
            if raw[j + 1].length == 1 && u == 0x40 { break }
            if raw[j + 1].kind == .word || raw[j + 1].kind == .number || (raw[j + 1].length == 1 && (u == 0x2E || u == 0x5F || u == 0x2D || u == 0x2B)) { j += 1 } else { return nil }
        }
        guard j + 2 < n, raw[j].end == raw[j + 1].start, raw[j + 1].length == 1, text[Int(raw[j + 1].start)] == 0x40,
              raw[j + 1].end == raw[j + 2].start, raw[j + 2].kind == .word || raw[j + 2].kind == .number else { return nil }
        var k = j + 2
        var dots = 0
        while k + 2 < n, raw[k].end == raw[k + 1].start, raw[k + 1].length == 1, text[Int(raw[k + 1].start)] == 0x2E || text[Int(raw[k + 1].start)] == 0x2D,
              raw[k + 1].end == raw[k + 2].start, raw[k + 2].kind == .word || raw[k + 2].kind == .number {
            if text[Int(raw[k + 1].start)] == 0x2E { dots += 1 }
            k += 2
        }
        // ICU may already keep "example.com" whole.
        if dots == 0 { for p in Int(raw[j + 2].start)..<Int(raw[k].end) where text[p] == 0x2E { dots += 1 } }
        return dots > 0 ? (k + 1, .email) : nil
    }

    @inline(__always)
    static func isWhitespace(_ u: UInt16) -> Bool {
        if u > 0x20 && u < 0x85 { return false }
        return u == 0x20 || u == 0x0A || u == 0x0D || u == 0x09 || u == 0x0B || u == 0x0C || u == 0xA0 || u == 0x85
            || (u >= 0x2000 && u <= 0x200A) || u == 0x202F || u == 0x3000 || u == 0x2028 || u == 0x2029 || u == 0x205F
    }

    private func abbreviationEnd(_ text: UnsafeBufferPointer<UInt16>, _ i: Int) -> Int? {
        let n = raw.count
        guard i + 1 < n else { return nil }
        // Abbreviations go on with "." or "-" right after the word ("г.", "г-н", "m.in."); the
        // few that go on after a space ("и др.") start with a short word.
        if raw[i + 1].kind == .space && raw[i].length > data.longestSpacedStart { return nil }
        if !data.abbreviationContinuations.contains(text[Int(raw[i + 1].start)]) { return nil }
        var first = FNV1a.seed
        for k in Int(raw[i].start)..<Int(raw[i].end) { first = FNV1a.add(first, UInt64(TextFolder.simpleFold(text[k]))) }
        guard data.abbreviationStarts.contains(first) else { return nil }
        var h = FNV1a.seed
        var best: Int?
        var j = i
        var steps = 0
        while j < n, steps < 13 {
            let t = raw[j]
            if t.kind == .space {
                guard t.length == 1, text[Int(t.start)] == 0x20 || text[Int(t.start)] == 0xA0 else { break }
                h = FNV1a.add(h, 0x20)
            } else {
                for k in Int(t.start)..<Int(t.end) { h = FNV1a.add(h, UInt64(TextFolder.simpleFold(text[k]))) }
            }
            // (no abbreviation goes on from here)
            guard data.abbreviationPrefixes.contains(h) else { break }
            if t.kind != .space, data.abbreviationHashes.contains(h) {
                // A single word counts only with its dot or hyphen part ("г." not "г"), unless listed bare ("dr", "mln").
                best = j + 1
            }
            j += 1
            steps += 1
        }
        guard let b = best else { return nil }
        // A bare single-word abbreviation ("dr", "nr") is kept as a word token.
        if b == i + 1 { return nil }
        // An acronym that folds to a listed abbreviation ("АП." of "ап.") is one only in a line
        // of capitals ("ГР. СОФИЯ"); before other words it ends a sentence ("информира АП. В ...").
        if isCapitals(text, raw[i]) {
            var k = b
            while k < n, raw[k].kind == .space { k += 1 }
            guard k < n, raw[k].kind == .number || (raw[k].kind == .word && isCapitals(text, raw[k])) else { return nil }
        }
        return b
    }

    /// Whether a word is two capitals or more and nothing else, or, `joined`, with dots or
    /// hyphens between them too ("GZ.II").
    private func isCapitals(_ text: UnsafeBufferPointer<UInt16>, _ t: Token, joined: Bool = false) -> Bool {
        var capitals = 0
        for k in Int(t.start)..<Int(t.end) {
            let u = text[k]
            if CharacterProperties.isUpper(UInt32(u)) { capitals += 1 } else if !joined || u != 0x2E && u != 0x2D { return false }
        }
        return capitals >= 2
    }

    // MARK: Token description

    private func describe(_ t: inout Token, _ text: UnsafeBufferPointer<UInt16>, _ folded: inout [UInt16]) {
        let s = Int(t.start), e = Int(t.end)
        if s > 0 {
            var k = s - 1
            var newlines = 0
            if Segmenter.isWhitespace(text[k]) { t.shape.insert(.spaceBefore) }
            while k >= 0, Segmenter.isWhitespace(text[k]) {
                if text[k] == 0x0A || text[k] == 0x2029 || text[k] == 0x2028 { newlines += 1 }
                k -= 1
            }
            if k < 0 { t.shape.formUnion([.lineStart, .paragraphStart]) }
            if newlines >= 1 { t.shape.insert(.lineStart) }
            if newlines >= 2 { t.shape.insert(.paragraphStart) }
        } else {
            t.shape.formUnion([.lineStart, .paragraphStart])
        }
        // One pass: the shape and whether unit-by-unit folding is the whole story (see
        // `TextFolder.fold`); most units read what they are from a table.
        // (counted without branches: case and script change from unit to unit; the counts
        // and flags a unit adds come from `flagSteps`, summed in packed counters that are
        // emptied every 4,095 units, before they can overflow)
        var letters: UInt32 = 0, upper: UInt32 = 0, lower: UInt32 = 0, digits: UInt32 = 0
        var firstUpper: UInt32 = 0, seenLetter: UInt32 = 0, camel: UInt32 = 0, prevLetter: UInt32 = 0
        var all: UInt64 = ~0, any: UInt64 = 0
        var k = s
        let table = unitTable, steps = flagSteps
        while k < e {
            let stop = min(e, k + 4095)
            var counts: UInt64 = 0
            while k < stop {
                let unit = text[k]
                let f: UInt32
                if unit < Segmenter.tableSize {
                    f = table[Int(unit)] >> 16
                } else {
                    var c = UInt32(unit)
                    if c & 0xFC00 == 0xD800, k + 1 < e {
                        c = 0x10000 + ((c - 0xD800) << 10) + (UInt32(text[k + 1]) - 0xDC00)
                        k += 1
                    }
                    f = Segmenter.unitFlags(c)
                }
                k += 1
                let step = steps[Int(f & 0xFF)]
                counts &+= step
                all &= step
                any |= step
                let isDigit = (f >> 1) & 1, isUp = (f >> 2) & 1, isLetter = ((f >> 2) | (f >> 3)) & 1
                firstUpper |= isUp & ~seenLetter
                seenLetter |= isLetter
                // (a digit leaves "after a letter" as it was)
                camel |= isUp & prevLetter
                prevLetter = (prevLetter & isDigit) | isLetter
            }
            letters &+= UInt32(counts & 0xFFF)
            upper &+= UInt32(counts >> 12 & 0xFFF)
            lower &+= UInt32(counts >> 24 & 0xFFF)
            digits &+= UInt32(counts >> 36 & 0xFFF)
        }
        let allFlags = UInt32(all >> 48 & 0xFF), letterFlags = UInt32(any >> 56)
        let simple = allFlags & Segmenter.foldsAlone != 0
        let roman = allFlags & Segmenter.romanLetter != 0
        let hasCyr = letterFlags & Segmenter.cyrillic != 0, hasLat = letterFlags & Segmenter.latin != 0
        if hasCyr { t.shape.insert(.cyrillic) }
        if hasLat { t.shape.insert(.latin) }
        if Segmenter.isCommaQuote(t, text) {
            // (folded as the quotation mark it stands for)
            t.foldStart = Int32(folded.count)
            folded.append(0x22)
            t.foldEnd = Int32(folded.count)
        } else if simple && !(hasCyr && hasLat) {
            // The key is the text folded unit by unit, already in place.
            t.foldStart = t.start
            t.foldEnd = t.end
        } else {
            t.foldStart = Int32(folded.count)
            folder.fold(text, s..<e, into: &folded)
            t.foldEnd = Int32(folded.count)
        }
        if digits > 0 {
            t.shape.insert(.digits)
            if t.kind == .number || t.kind == .ordinal {
                // Leading run of digits only (1 000 000 is summed over its groups).
                var v: Int64 = 0
                var nd = 0
                var k2 = s
                while k2 < e {
                    let u = text[k2]
                    if Segmenter.isDigit(u) { if v < 1_000_000_000 { v = v * 10 + Int64(u - 0x30) }; nd += 1 }
                    else if t.kind == .number && Segmenter.isGroupSpace(u) { }
                    else { break }
                    k2 += 1
                }
                // A decimal ("3,5", "10.30") has no integer value; rules read its text.
                let decimal = t.kind == .number && (s..<e).contains { text[$0] == 0x2C || text[$0] == 0x2E }
                t.number = decimal ? -1 : Int32(clamping: v)
                t.digitCount = UInt8(min(nd, 255))
            }
        }
        if letters > 0 {
            if upper == letters && letters >= 2 { t.shape.insert(.allCaps) }
            else if firstUpper != 0 { t.shape.insert(.capitalized) }
            if lower == letters { t.shape.insert(.lower) }
            // An upper-case letter right after another letter, and some lower case: SPCleantech, McDonald.
            if camel != 0 && lower > 0 { t.shape.insert(.camelCase) }
            if roman && upper == letters && digits == 0 && Segmenter.isValidRoman(text, s, e) { t.shape.insert(.roman) }
            if t.shape.contains(.hyphenated), digits == 0, isRomanOrdinal(text, s, e) {
                t.shape.insert(.roman)
                t.shape.remove(.camelCase)
            }
        }
    }

    // What a code point is, for `describe`: bit flags.
    static let foldsAlone: UInt32 = 1, digit: UInt32 = 2, upper: UInt32 = 4, lower: UInt32 = 8
    static let cyrillic: UInt32 = 16, latin: UInt32 = 32
    /// I V X L C D M; and the marks a roman numeral may carry (- . ' ’).
    static let romanLetter: UInt32 = 64, romanJoiner: UInt32 = 128

    /// The flags of code point `c` (`foldsAlone` only for a BMP unit that folds alone).
    static func unitFlags(_ c: UInt32) -> UInt32 {
        var f: UInt32 = c < 0x10000 && TextFolder.foldsAlone(UInt16(c)) ? foldsAlone : 0
        if c >= 0x30 && c <= 0x39 { return f | digit }
        let isUp: Bool, isLow: Bool
        if c < 0x80 { isUp = c >= 0x41 && c <= 0x5A; isLow = c >= 0x61 && c <= 0x7A }
        else if c >= 0x410 && c <= 0x42F { isUp = true; isLow = false }
        else if c >= 0x430 && c <= 0x44F { isUp = false; isLow = true }
        else if c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7 { isUp = c <= 0xDE; isLow = !isUp }
        else if c >= 0x100 && c <= 0x17F && c != 0x138 && c != 0x149 {
            // Latin Extended-A pairs: even upper in 0100–0137 and 014A–0177, odd upper in 0139–0148 and 0179–017E.
            let oddUpper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)
            isUp = c == 0x178 || (oddUpper ? c & 1 == 1 : c & 1 == 0)
            isLow = !isUp
        }
        else { isUp = CharacterProperties.isUpper(c); isLow = !isUp && CharacterProperties.isLower(c) }
        if isUp { f |= upper }
        if isLow { f |= lower }
        if c >= 0x400 && c <= 0x52F { f |= cyrillic } else if c < 0x250 { f |= latin }
        if c == 0x49 || c == 0x56 || c == 0x58 || c == 0x4C || c == 0x43 || c == 0x44 || c == 0x4D { f |= romanLetter }
        if c == 0x2D || c == 0x2E || c == 0x27 || c == 0x2019 { f |= romanJoiner }
        return f
    }

    /// Per `unitFlags` value, what a unit adds in `describe`: a letter, an upper-case, a
    /// lower-case letter and a digit in four 12-bit counters (bits 0–47); the flags it keeps
    /// in the token's AND (bits 48–55: `romanLetter` only for the letters and joiners a roman
    /// numeral has); its flags if it is a letter (bits 56–63, ORed).
    nonisolated(unsafe) static let flagSteps: UnsafePointer<UInt64> = {
        let steps = UnsafeMutablePointer<UInt64>.allocate(capacity: 256)
        for f in UInt32(0)..<256 {
            let isDigit = (f >> 1) & 1, isUp = (f >> 2) & 1, isLow = (f >> 3) & 1
            let isLetter = isUp | isLow
            // A roman numeral has letters I V X L C D M and the joiners - . ' ’ only.
            let romanOK = isLetter != 0 ? f & romanLetter : isDigit != 0 ? 0 : (f & romanJoiner) >> 1
            let kept = f | (romanOK != 0 ? romanLetter : 0)
            steps[Int(f)] = UInt64(isLetter) | UInt64(isUp) << 12 | UInt64(isLow) << 24 | UInt64(isDigit) << 36
                | UInt64(kept & 0xFF) << 48 | UInt64(isLetter != 0 ? f & 0xFF : 0) << 56
        }
        return UnsafePointer(steps)
    }()
    /// `Segmenter.flagSteps`, held so the hot loop does not check its lazy initialisation.
    private let flagSteps = Segmenter.flagSteps

    /// Per unit below `tableSize` (ASCII, Latin, Cyrillic): its simple fold in the low 16
    /// bits, its `unitFlags` above (made once, never freed).
    static let tableSize: UInt16 = 0x530
    nonisolated(unsafe) static let unitTable: UnsafePointer<UInt32> = {
        let table = UnsafeMutablePointer<UInt32>.allocate(capacity: Int(tableSize))
        for c in 0..<UInt32(tableSize) { table[Int(c)] = UInt32(TextFolder.simpleFold(UInt16(c))) | unitFlags(c) << 16 }
        return UnsafePointer(table)
    }()

    static func isValidRoman(_ text: UnsafeBufferPointer<UInt16>, _ s: Int, _ e: Int) -> Bool {
        romanValue(UTF.string(text[s..<e])) != nil
    }

    /// The value of an upper-case roman numeral (1...3999), or nil.
    public static func romanValue(_ s: String) -> Int? {
        var total = 0, prev = 0
        // (read from UTF-8: a byte that is no roman digit, a non-ASCII one too, ends it)
        for b in s.utf8.reversed() {
            let v: Int
            switch b {
            case 0x49: v = 1
            case 0x56: v = 5
            case 0x58: v = 10
            case 0x4C: v = 50
            case 0x43: v = 100
            case 0x44: v = 500
            case 0x4D: v = 1000
            default: return nil
            }
            if v < prev { total -= v } else { total += v; prev = v }
        }
        guard total > 0, total < 4000, Segmenter.roman(total) == s else { return nil }
        return total
    }

    static func roman(_ n: Int) -> String {
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n, s = ""
        for (v, r) in table { while n >= v { s += r; n -= v } }
        return s
    }

    // MARK: Sentences

    private func sentences(_ text: UnsafeBufferPointer<UInt16>, _ tokens: [Token]) throws -> [Span] {
        var breaks = try sentencesBreaker.sentenceBoundaries(text)
        if !gluedBreaks.isEmpty { breaks = Array(Set(breaks + gluedBreaks)).sorted() }
        // Candidate boundaries: ICU's plus every paragraph start (both in order: merged);
        // then drop those after a non-final abbreviation or an ordinal, and those inside a token.
        var candidates: [Int] = []
        candidates.reserveCapacity(breaks.count + 16)
        var bi = 0
        for t in tokens where t.shape.contains(.paragraphStart) && t.start > 0 {
            let p = Int(t.start)
            while bi < breaks.count, breaks[bi] < p { candidates.append(breaks[bi]); bi += 1 }
            if bi < breaks.count, breaks[bi] == p { bi += 1 }
            if candidates.last != p { candidates.append(p) }
        }
        candidates += breaks[bi...]
        var result: [Span] = []
        result.reserveCapacity(candidates.count + 1)
        var ti = 0
        var start = 0
        for b in candidates where b < text.count {
            // the last token ending at or before b
            while ti < tokens.count, Int(tokens[ti].end) <= b { ti += 1 }
            if ti < tokens.count, Int(tokens[ti].start) < b { continue } // inside a token
            let nextToken = ti < tokens.count ? tokens[ti] : nil
            let p = ti - 1
            if p >= 0, let next = nextToken, !next.shape.contains(.paragraphStart) {
                let prev = tokens[p]
                if prev.kind == .abbreviation, data.isNonFinal(UTF.string(text[Int(prev.start)..<Int(prev.end)].map(TextFolder.simpleFold))) { continue }
                // (an abbreviation after a word, before a quoted name, names what follows: "в. „Труд“";
                // after a number it ends the sentence it may: "през XX в. „Труд“ …")
                if prev.kind == .abbreviation, next.kind == .punctuation, next.length == 1, Matcher.isOpeningQuote(text[Int(next.start)]),
                   p >= 1, tokens[p - 1].kind == .word, !tokens[p - 1].shape.contains(.roman) { continue }
                // (no sentence ends on a mark that only opens a quotation, glued to the word it
                // opens: ICU reads "ул.„Гео Милев“" as ending after „)
                if prev.kind == .punctuation, prev.length == 1, prev.end == next.start,
                   Matcher.isOpeningQuote(text[Int(prev.start)]), !Matcher.isClosingQuote(text[Int(prev.start)]) { continue }
                // (a capital and its dot before a capitalised word or another initial is a name's
                // initial, though it is spelled as an abbreviation: "ул. „Г. С. Раковски“", not "г.")
                if Segmenter.isInitial(prev, text), Segmenter.continuesName(next, text) { continue }
                if prev.kind == .ordinal, !next.shape.contains(.lineStart) { continue }
                if prev.kind == .ordinal, prev.shape.contains(.lineStart) { continue }
                if p >= 1, prev.kind == .punctuation, prev.length == 1, text[Int(prev.start)] == 0x2E,
                   Segmenter.continuesAfterDot(tokens[p - 1], prev, next, text, data) { continue }
            }
            if let span = Segmenter.trim(text, start, b) { result.append(span) }
            start = b
        }
        if let span = Segmenter.trim(text, start, text.count) { result.append(span) }
        return result
    }

    /// Whether the sentence goes on after `word` and its `dot`, before `next`: in a date
    /// written with dots and no spaces ("5.XI.2019"; not "поток 2.Това", a missing space),
    /// after the initial of a name ("J. Kowalski", "Н. Й. Вапцаров", "Р. В. Н.", where "В." is
    /// spelled as an abbreviation), or after a month abbreviation when a number follows
    /// ("3 фев. 2019").
    private static func continuesAfterDot(_ word: Token, _ dot: Token, _ next: Token, _ text: UnsafeBufferPointer<UInt16>, _ data: SegmentationData) -> Bool {
        guard word.end == dot.start else { return false }
        if word.kind == .number { return next.start == dot.end && (next.kind == .number || next.shape.contains(.roman)) }
        if word.kind == .word, word.foldEnd - word.foldStart == 1, !word.shape.isDisjoint(with: [.capitalized, .allCaps]),
           continuesName(next, text) { return true }
        guard word.kind == .word, next.kind == .number, word.length <= 6 else { return false }
        return data.isMonthAbbreviation(UTF.string(text[Int(word.start)..<Int(word.end)].map(TextFolder.simpleFold)))
    }

    /// Whether `next`, after an initial, goes on with the name: a capitalised word or another
    /// initial ("J. Kowalski", "Р. В. Н.").
    private static func continuesName(_ next: Token, _ text: UnsafeBufferPointer<UInt16>) -> Bool {
        next.kind == .word && !next.shape.isDisjoint(with: [.capitalized, .allCaps]) || isInitial(next, text)
    }

    /// Whether `t` is one capital letter and its dot, tokenised as an abbreviation ("Г.", "С.").
    private static func isInitial(_ t: Token, _ text: UnsafeBufferPointer<UInt16>) -> Bool {
        t.kind == .abbreviation && t.length == 2 && text[Int(t.start) + 1] == 0x2E && CharacterProperties.isUpper(UInt32(text[Int(t.start)]))
    }

    static func trim(_ text: UnsafeBufferPointer<UInt16>, _ s: Int, _ e: Int) -> Span? {
        var s = s, e = e
        while s < e, isWhitespace(text[s]) { s += 1 }
        while e > s, isWhitespace(text[e - 1]) { e -= 1 }
        return s < e ? Span(s, e) : nil
    }

    /// Marks the tokens of lines written mostly in capitals (`least` or more all-caps words
    /// making at least 60% of the line's words): headlines, where capitals mean nothing. A
    /// line ends before a token with shape `boundary`: a line start, or a sentence start for
    /// a sentence shouted inside a paragraph ("ПРАЩАЙТЕ ВАШИТЕ СИГНАЛИ НА МЕЙЛА НА „ТРУД“").
    static func markCapsLines(_ tokens: inout [Token], at boundary: Shape = .lineStart, least: Int = 2) {
        // (one pass: the words and capitals of the line so far are counted as it goes)
        tokens.withUnsafeMutableBufferPointer { tokens in
            var lineStart = 0, words = 0, caps = 0
            func close(_ end: Int) {
                if caps >= least && caps * 10 >= words * 6 {
                    for i in lineStart..<end { tokens[i].shape.insert(.capsLine) }
                }
                lineStart = end
                words = 0
                caps = 0
            }
            for i in tokens.indices {
                let t = tokens[i]
                if t.shape.contains(boundary) { close(i) }
                if t.kind == .word && !t.shape.isDisjoint(with: [.capitalized, .allCaps, .lower, .camelCase]) {
                    words += 1
                    if t.shape.contains(.allCaps) { caps += 1 }
                }
            }
            close(tokens.count)
        }
    }

    private func markSentenceStarts(_ tokens: inout [Token], _ sentences: [Span], _ text: UnsafeBufferPointer<UInt16>) {
        // (the token that starts where a sentence starts; its first word is that token or
        // the word after the opening quotes, brackets or dash it starts with: "„Дори
        // мнозинството …", a match may still run over the quote into it; tokens and
        // sentences are in order)
        tokens.withUnsafeMutableBufferPointer { tokens in
            var i = 0
            for s in sentences {
                while i < tokens.count, Int(tokens[i].start) < s.start { i += 1 }
                guard i < tokens.count, Int(tokens[i].start) == s.start else { continue }
                tokens[i].shape.formUnion([.sentenceStart, .firstWord])
                var j = i
                while j + 1 < tokens.count, j < i + 2, Int(tokens[j + 1].start) < s.end, tokens[j].kind == .punctuation, tokens[j].length == 1,
                      Segmenter.opensSentence(text[Int(tokens[j].start)]) {
                    j += 1
                    tokens[j].shape.insert(.firstWord)
                }
            }
        }
    }

    /// The parts of hyphen compound `t` (`hyphenated` words): each part's UTF-16 range.
    static func compoundParts(_ t: Token, _ text: [UInt16]) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var s = Int(t.start)
        for k in Int(t.start)..<Int(t.end) where text[k] == 0x2D {
            parts.append(s..<k)
            s = k + 1
        }
        parts.append(s..<Int(t.end))
        return parts
    }

    /// Splits the hyphen compounds at token positions `positions` (ascending) into their
    /// parts and hyphens, each described as the segmenter describes a token; the first part
    /// keeps the compound's sentence and headline flags, the others its headline flag.
    /// Returns where each compound's first part now lies.
    func split(_ doc: inout Document, at positions: [Int]) -> [Int] {
        var out: [Token] = []
        out.reserveCapacity(doc.tokens.count + 4 * positions.count)
        var firsts: [Int] = []
        var folded = doc.folded
        var next = 0
        doc.utf16.withUnsafeBufferPointer { text in
            for (i, t) in doc.tokens.enumerated() {
                guard next < positions.count, positions[next] == i else { out.append(t); continue }
                next += 1
                firsts.append(out.count)
                let inherited = t.shape.intersection([.sentenceStart, .firstWord, .capsLine])
                for (j, r) in Segmenter.compoundParts(t, doc.utf16).enumerated() {
                    if j > 0 {
                        var dash = Segmenter.token(r.lowerBound - 1, r.lowerBound, .punctuation)
                        describe(&dash, text, &folded)
                        dash.shape.formUnion(inherited.intersection(.capsLine))
                        out.append(dash)
                    }
                    var part = Segmenter.token(r.lowerBound, r.upperBound, .word)
                    describe(&part, text, &folded)
                    part.shape.formUnion(j == 0 ? inherited : inherited.intersection(.capsLine))
                    out.append(part)
                }
            }
        }
        doc.tokens = out
        doc.folded = folded
        return firsts
    }

    /// Whether a sentence may open with this mark before its first word: an opening
    /// quotation mark, a bracket or a dash.
    static func opensSentence(_ u: UInt16) -> Bool {
        Matcher.isOpeningQuote(u) || u == 0x28 || u == 0x5B || u == 0x2013 || u == 0x2014 || u == 0x2D
    }
}
