/// Turns the underspecified values date rules produce into TIMEX3 values, anchored to the
/// document date (news style) or, for year-less dates without one, to the previous mention.
///
/// Fields a rule may produce (values are numbers, names, or `$capture`):
/// - `numeric` (a date token such as 10.10.2012 or 2021-05-27), `year`, `month`, `day`,
///   `hour`, `minute`, `daypart` (MO, MI, AF, EV, NI); `quarter`, `half`, `season` (SP, SU,
///   FA, WI), `century`, `decade` (with `century`: of that century),
///   `mod` (START, MID, END);
/// - `relative` (day, week, weekend, month, year, quarter, weekday, or a unit code) with
///   `offset` (or `fraction`, counted in the next smaller unit: half a year is six months) and
///   `direction` (past or future; a weekday with a direction and no offset is the next or
///   last such day), and `weekday` (1 Monday ... 7 Sunday);
/// - `duration` (Y, M, W, D, H, MIN, DE (decade), CE (century), or the amount with its unit,
///   "3D", "XH", from a lexicon of compound adjectives) with `amount` ("several" for
///   an unnamed one, "kilka dni": PXD), or `fraction` for one with a decimal part ("3,5",
///   "0.5"); `set` (a unit, WE a weekend) for SET, with
///   `freq` (times per that unit);
/// - `plus`, larger amounts of time joined to a duration or to a relative date of a unit
///   ("2Y3M", `DurationJoiner`);
/// - `ref` (PRESENT_REF, PAST_REF, FUTURE_REF);
/// - `anchor: previous` for a relative date counted from the day mentioned last, not from the
///   document date ("pięć dni później", "година по-рано");
/// - `night` for a night named by the days around it: `from` when the day named is the
///   evening's ("w nocy z czwartku na piątek"), `to` when it is the morning's ("в нощта срещу
///   четвъртък", the value is the day before); a time alone before 6:00 right after it falls
///   on the morning after;
/// - `tense` (past, present, future) of the clause, which the extractor adds to a weekday
///   and to "today" (`TenseFinder`), or `deadline` for a date after "до", "do";
/// - `from.<field>` and `to.<field>` for ranges (shared fields apply to both ends);
/// - `type` to force DATE, TIME, DURATION or SET.
public struct DateResolver: Sendable {
    public init() {}

    /// Resolution state over one document: the last fully known date mentioned.
    public struct State: Sendable {
        public var documentDate: CivilDate?
        var previous: (year: Int, month: Int?, day: Int?)? { didSet { changes += 1 } }
        /// How many times `previous` was set.
        var changes = 0
        /// Whether a time alone belongs to a schedule (set by the caller per record): it then
        /// keeps no day ("T09:00").
        var schedule = false
        /// Whether the date before this record, on its line, lies before the document date
        /// (set by the caller per record): "today" in the present tense is then "nowadays".
        var afterPast = false
        /// Whether the last record named a night by the days around it ("w nocy z czwartku na
        /// piątek"): a time alone before 6:00 right after it falls on the morning after.
        var night = false
        public init(documentDate: CivilDate?) { self.documentDate = documentDate }
    }

    /// What resolving one record in a pass over a document leaves for a later pass under
    /// another document date: where its annotation went in the pass's output (-1: none),
    /// whether its value was absolute (then it read neither the document date nor the
    /// previous mention, and is taken over as it is), and the previous mention it set.
    struct Step: Sendable {
        var annotation: Int32 = -1
        var absolute = false
        var sets: (year: Int, month: Int?, day: Int?)?
        var night = false
    }

    /// Resolves one record as `resolve(_:state:)` does, with its step.
    func step(_ record: DateRecord, state: inout State) -> (Resolution?, Step) {
        let before = state.changes
        let r = resolve(record, state: &state)
        state.night = r != nil && record.fields.has(.night)
        return (r, Step(absolute: r?.anchor == .absolute, sets: state.changes != before ? state.previous : nil, night: state.night))
    }

    /// Takes over the step of an absolute value from an earlier pass: the previous mention
    /// it set, if any, and whether it named a night.
    func takeOver(_ step: Step, state: inout State) {
        if let p = step.sets { state.previous = p }
        state.night = step.night
    }

    /// A resolved value.
    public struct Resolution: Sendable {
        public var value: String
        public var grain: String
        public var kind: DateAnnotation.Kind
        public var anchor: DateAnnotation.Anchor
        public var mod: String?
        public var range: (from: String, to: String)?
        /// TIMEX3 frequency of a set ("2X": twice per its period).
        public var freq: String? = nil
    }

    struct Resolved {
        var value: String
        var grain: String
        var kind: DateAnnotation.Kind
        var anchor: DateAnnotation.Anchor
        var mod: String?
        var freq: String? = nil
    }

    /// Resolves one produced record; nil when the fields do not make a valid date.
    func resolve(_ record: DateRecord, state: inout State) -> Resolution? {
        if record.isRange {
            var a = record.end(.from), b = record.end(.to)
            // The start takes missing month/year from the end ("10-12 май 2020", "od 1 do 3 czerwca").
            if !a.has(.numeric) {
                if !a.has(.year) { a.take(.year, .year, of: b) }
                // ("od 1 października do 23.12.2025 r.": a numeric end's year, the one before
                // for a later month, "от 1 декември до 15.01.2026 г.")
                if !a.has(.year), let n = b[.numeric], let (y, m, _) = DateResolver.numericParts(n) {
                    a.set(.year, number: Int32(y - ((a.number(.month) ?? 0) > m ? 1 : 0)), digits: 4)
                }
                if !a.has(.month) { a.take(.month, .month, of: b) }
            }
            var probe = state
            guard let x = resolveOne(a, state: &probe) else { return nil }
            // An end without a year is in the start's year, or the next for an earlier month
            // ("od 12 do 15 września", "от 20 декември до 5 януари"), never chosen on its own.
            if x.grain == "day" || x.grain == "month", !b.has(.year), !b.has(.numeric), let bm = b.number(.month), let am = a.number(.month),
               let ay = Int(x.value.prefix(4)) {
                b.set(.year, number: Int32(ay + (bm < am ? 1 : 0)), digits: 4)
            }
            guard let y = resolveOne(b, state: &probe) else { return nil }
            // (a range never runs backwards: "2020/15" is no pair of years; a set's weekdays may wrap)
            if x.kind != .set, x.grain == y.grain, x.grain == "year" || x.grain == "day" || x.grain == "month", y.value < x.value { return nil }
            state = probe
            return Resolution(value: x.value, grain: x.grain, kind: x.kind, anchor: worse(x.anchor, y.anchor), mod: x.mod, range: (x.value, y.value), freq: x.freq)
        }
        guard var r = resolveOne(record.fields, state: &state) else { return nil }
        // "в нощта срещу четвъртък": the night before the day named, which is the night's value
        if record.fields[.night] == "to" {
            guard let d = CivilDate(iso: String(r.value.prefix(10))) else { return nil }
            let eve = d.adding(days: -1)
            r.value = eve.description + r.value.dropFirst(10)
            if state.previous.map({ $0.year == d.year && $0.month == d.month && $0.day == d.day }) == true { state.previous = (eve.year, eve.month, eve.day) }
        }
        return Resolution(value: r.value, grain: r.grain, kind: r.kind, anchor: r.anchor, mod: r.mod, range: nil, freq: r.freq)
    }

    private func worse(_ a: DateAnnotation.Anchor, _ b: DateAnnotation.Anchor) -> DateAnnotation.Anchor {
        let order: [DateAnnotation.Anchor] = [.absolute, .documentDate, .previousMention, .unresolved]
        return order.firstIndex(of: a)! >= order.firstIndex(of: b)! ? a : b
    }

    /// An integer from digits (spaces allowed inside), an ordinal ("1-ви", "2.") or a roman
    /// numeral, with an ordinal's ending too ("XX-ти").
    static func int(_ s: String?) -> Int? {
        guard let s else { return nil }
        if let v = asciiInt(s, signed: true) { return v }
        if let v = Int(s.filter { !$0.isWhitespace && $0 != "\u{A0}" && $0 != "\u{202F}" }) { return v }
        let digits = s.prefix { $0.isNumber }
        if !digits.isEmpty, let v = Int(digits) { return v }
        return Segmenter.romanValue(String(s.uppercased().prefix { $0 != "-" }))
    }

    /// Hour, minute and second of "10:30", "10:30:15", "10,30", "10.30" or "10".
    static func time(_ s: String) -> (Int, Int, Int?)? {
        // The parts with their lengths: read from ASCII bytes, or split as characters.
        var r = Digits.runs(s, separators: { $0 == 0x3A || $0 == 0x2C || $0 == 0x2E }) ?? DigitRuns()
        if r.count == 0 {
            for part in s.split(whereSeparator: { $0 == ":" || $0 == "," || $0 == "." }) {
                guard let v = Int(part) else { return nil }
                r.append(v, length: part.count)
            }
        }
        guard (1...3).contains(r.count), (0...24).contains(r.value(0)) else { return nil }
        if r.count == 1 { return (r.value(0), 0, nil) }
        guard r.length(1) == 2, (0...59).contains(r.value(1)) else { return nil }
        if r.count == 3 {
            guard r.length(2) == 2, (0...59).contains(r.value(2)) else { return nil }
            return (r.value(0), r.value(1), r.value(2))
        }
        return (r.value(0), r.value(1), nil)
    }

    /// "THH:MM[:SS]" for a time (hour, minute and second in range: `time` checked them),
    /// written straight into the string's storage.
    static func clock(_ h: Int, _ m: Int, _ sec: Int?) -> String {
        precondition((0...24).contains(h) && (0...59).contains(m) && (0...59).contains(sec ?? 0), "a clock time out of range")
        return String(unsafeUninitializedCapacity: sec == nil ? 6 : 9) { b in
            b[0] = 0x54
            b[1] = UInt8(0x30 + h / 10); b[2] = UInt8(0x30 + h % 10)
            b[3] = 0x3A
            b[4] = UInt8(0x30 + m / 10); b[5] = UInt8(0x30 + m % 10)
            guard let sec else { return 6 }
            b[6] = 0x3A
            b[7] = UInt8(0x30 + sec / 10); b[8] = UInt8(0x30 + sec % 10)
            return 9
        }
    }

    /// The value of a string of one to nine ASCII digits (the common case, read from
    /// its UTF-8 without going through characters), with `signed` after an optional
    /// minus ("-1", an offset), else nil.
    @inline(__always)
    static func asciiInt(_ s: String, signed: Bool = false) -> Int? {
        var v = 0, digits = 0, negative = false
        for b in s.utf8 {
            if signed, digits == 0, !negative, b == 0x2D { negative = true; continue }
            guard b >= 0x30 && b <= 0x39, digits < 9 else { return nil }
            v = v * 10 + Int(b - 0x30)
            digits += 1
        }
        guard digits > 0 else { return nil }
        return negative ? -v : v
    }

    /// A positive amount with one decimal ("3,5", "0.5"), written with a decimal point ("2,0"
    /// is "2"); nil for anything else ("3.35 часа" may be a clock time, "1.000" is a thousand).
    static func decimal(_ s: String) -> String? {
        let parts = s.split(separator: ",", omittingEmptySubsequences: false).flatMap { $0.split(separator: ".", omittingEmptySubsequences: false) }
        guard parts.count == 2, parts[1].utf8.count == 1, parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
              let whole = Int(parts[0]) else { return nil }
        if parts[1] == "0" { return whole > 0 ? String(whole) : nil }
        return "\(whole).\(parts[1])"
    }

    static func year(_ s: String?) -> Int? {
        guard let s, let v = int(s) else { return nil }
        return year(v, digits: asciiInt(s) != nil ? s.utf8.count : s.filter(\.isNumber).count)
    }

    /// The year `v`, written with `digits` digits, names: one or two digits are 20xx up to
    /// 49, 19xx from 50 ("05" 2005, "98" 1998); more are the year as written.
    static func year(_ v: Int, digits: Int) -> Int {
        digits > 2 ? v : v < 50 ? 2000 + v : 1900 + v
    }

    private func resolveOne(_ fields: DateFields, state: inout State) -> Resolved? {
        var f = fields
        // `period: Q|H` with `number` names a quarter or a half.
        if let period = f[.period], f.has(.number) { f.take(period == "Q" ? .quarter : .half, .number, of: f) }
        let forced = f[.type].flatMap { DateAnnotation.Kind(rawValue: $0) }
        if let ref = f[.ref] {
            return Resolved(value: ref, grain: "ref", kind: forced ?? .date, anchor: .absolute, mod: nil)
        }
        if var unit = f[.duration] {
            // "trzydniowa", "двучасов": a compound adjective's value names the amount too ("3D", "XH")
            if let first = unit.utf8.first, first == 0x58 || (first >= 0x30 && first <= 0x39) {
                let length = first == 0x58 ? 1 : unit.utf8.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
                f.set(.amount, first == 0x58 ? DateResolver.unnamed : String(unit.prefix(length)))
                unit = String(unit.dropFirst(length))
            }
            if let plus = f[.plus] {
                guard !f.has(.fraction), let sum = DateResolver.Amounts(DurationJoiner.parts(plus) + [(f.number(.amount) ?? 1, unit)]) else { return nil }
                return Resolved(value: sum.duration, grain: DateResolver.grainName(sum.smallest), kind: forced ?? .duration, anchor: .absolute, mod: nil)
            }
            let amount: String
            if let fraction = f[.fraction] {
                // "3,5 roku", "pół roku" (a lexicon's "0.5"): an amount with a decimal point
                guard let d = DateResolver.decimal(fraction), unit != "DE", unit != "CE" else { return nil }
                amount = d
            } else if f[.amount] == DateResolver.unnamed {
                amount = "X"
            } else {
                let n = f.number(.amount) ?? 1
                guard n > 0 else { return nil }
                amount = unit == "DE" ? String(n * 10) : unit == "CE" ? String(n * 100) : String(n)
            }
            let value: String
            switch unit {
            case "H", "MIN", "S": value = "PT\(amount)\(unit == "MIN" ? "M" : unit)"
            // ("kilka dekad": decades and centuries keep their unit when the amount is unnamed)
            case "DE", "CE": value = amount == "X" ? "PX\(unit)" : "P\(amount)Y"
            default: value = "P\(amount)\(unit)"
            }
            return Resolved(value: value, grain: DateResolver.grainName(unit), kind: forced ?? .duration, anchor: .absolute, mod: nil)
        }
        // ("dwa razy w roku", "веднъж месечно": so many times per period)
        let freq = f.number(.freq).flatMap { $0 > 0 ? "\($0)X" : nil }
        if f.has(.set), let wd = f.number(.weekday), (1...7).contains(wd) {
            return Resolved(value: "XXXX-WXX-\(wd)", grain: "day", kind: .set, anchor: .absolute, mod: nil, freq: freq)
        }
        if f.has(.set), let m = f.number(.month), (1...12).contains(m) {
            // ("30 sierpnia każdego roku", "всяка година на 30 август": a day or month of every year)
            let day = f.number(.day).flatMap { (1...31).contains($0) ? "-" + Digits.pad2($0) : nil } ?? ""
            return Resolved(value: "XXXX-" + Digits.pad2(m) + day, grain: day.isEmpty ? "month" : "day", kind: .set, anchor: .absolute, mod: nil, freq: freq)
        }
        if let unit = f[.set] {
            // ("co 15 minut": every so many units; a quarter is three months)
            let n = f.number(.amount) ?? 1
            guard n > 0 else { return nil }
            let value = switch unit {
            case "WE": "XXXX-WXX-WE"
            case "H", "S": "PT\(n)\(unit)"
            case "MIN": "PT\(n)M"
            case "Q": "P\(3 * n)M"
            default: "P\(n)\(unit)"
            }
            return Resolved(value: value, grain: DateResolver.grainName(unit), kind: .set, anchor: .absolute, mod: nil, freq: freq)
        }
        if let unit = f[.relative] {
            guard f[.anchor] == "previous" else { return relative(unit, f, state: &state, forced: forced) }
            // "Tydzień później", "Два дни по-късно": counted from the day mentioned last, which
            // the result then is; with none known, a day of an unknown date.
            guard let p = state.previous, let m = p.month, let d = p.day else {
                return Resolved(value: "XXXX-XX-XX", grain: "day", kind: forced ?? .date, anchor: .unresolved, mod: nil)
            }
            var shifted = state
            shifted.documentDate = CivilDate(year: p.year, month: m, day: d)
            guard var r = relative(unit, f, state: &shifted, forced: forced) else { return nil }
            r.anchor = .previousMention
            state.previous = shifted.previous
            return r
        }
        var year = f.number(.year), month = f.number(.month), day = f.number(.day)
        if let numeric = f[.numeric] {
            if let (d, m) = DateResolver.dayMonth(numeric) {
                (month, day) = (m, d)
            } else {
                guard let parts = DateResolver.numericParts(numeric) else { return nil }
                (year, month, day) = (parts.0, parts.1, parts.2)
            }
        }
        let mod = f[.mod]
        if let d = f.number(.decade) {
            guard d % 10 == 0 else { return nil }
            var full = d
            var anchor = DateAnnotation.Anchor.absolute
            if d < 100, let c = f.number(.century) {
                // "lata 90. XX wieku": the decade of that century
                guard (1...30).contains(c) else { return nil }
                full = (c - 1) * 100 + d
            } else if d < 100 {
                let ref = state.documentDate?.year ?? 2000
                full = 1900 + d
                if 2000 + d <= ref + 5 { full = 2000 + d }
                if d >= 30 { full = 1900 + d }
                anchor = .documentDate
            }
            return Resolved(value: String(full / 10), grain: "decade", kind: forced ?? .date, anchor: anchor, mod: mod)
        }
        if let c = f.number(.century) {
            return Resolved(value: Digits.pad2(c - 1), grain: "century", kind: forced ?? .date, anchor: .absolute, mod: mod)
        }
        var anchor: DateAnnotation.Anchor = .absolute
        if year == nil, month != nil || f.has(.quarter) || f.has(.season) || f.has(.half) {
            if let doc = state.documentDate {
                if let m = month, let d = day {
                    year = DateResolver.dayYear(month: m, day: d, tense: f[.tense], weekday: f.number(.weekday), doc)
                } else if month == nil, let s = f[.season], let tense = f[.tense] {
                    year = DateResolver.seasonYear(s, tense: tense, doc)
                } else if let m = month, let tense = f[.tense] {
                    year = DateResolver.monthYear(m, tense: tense, doc)
                } else {
                    year = doc.year
                }
                anchor = .documentDate
            } else if let prev = state.previous {
                year = prev.year
                anchor = .previousMention
            }
        }
        if let m = month, !(1...12).contains(m) { return nil }
        if let d = day {
            guard let m = month, d >= 1, d <= CivilDate.daysIn(month: m, year: year ?? 2000) else { return nil }
        }
        var hour = f.number(.hour), minute = f.number(.minute)
        var second: Int?
        if let t = f[.time] {
            guard let (h, m, sec) = DateResolver.time(t) else { return nil }
            (hour, minute, second) = (h, m, sec)
        }
        if let h = hour {
            guard (0...24).contains(h), (0...59).contains(minute ?? 0) else { return nil }
            // "o godz. 9 wieczorem", "в 10:30 ч. вечерта": a part of the day after noon turns a
            // morning hour into an afternoon one ("10 w nocy" too, not "2 w nocy").
            if h < 12, let part = f[.daypart], part == "AF" || part == "EV" || part == "NI" && h >= 6 { hour = h + 12 }
        }
        var value: String
        var grain: String
        if f.has(.quarter) || f.has(.half) {
            guard let part = DateResolver.quarterOrHalf(f, year: year) else { return nil }
            (value, grain) = part
        } else if let s = f[.season] {
            value = "\(year.map(Digits.pad4) ?? "XXXX")-\(s)"; grain = "season"
        } else if let m = month {
            value = Digits.iso(year, m, day); grain = day == nil ? "month" : "day"
        } else if let y = year {
            value = Digits.pad4(y); grain = "year"
        } else if hour == nil && !f.has(.daypart) {
            return nil
        } else {
            value = ""; grain = "day"
        }
        if year == nil && (month != nil || f.has(.quarter) || f.has(.season) || f.has(.half)) { anchor = .unresolved }
        if let y = year, grain == "day" || grain == "month" || grain == "year" {
            if anchor == .absolute || anchor == .documentDate || anchor == .previousMention {
                state.previous = (y, month, day)
            }
        }
        var kind = forced ?? DateAnnotation.Kind.date
        // A time or part of the day alone takes the day of the previous mention or the
        // document date; in a schedule it keeps none.
        if value.isEmpty {
            if state.schedule {
                anchor = .absolute
            } else if let p = state.previous, let m = p.month, let d = p.day {
                value = Digits.iso(p.year, m, d); anchor = .previousMention
                if state.night, (hour ?? 6) < 6 { value = CivilDate(year: p.year, month: m, day: d).adding(days: 1).description }
            } else if let doc = state.documentDate {
                value = doc.description; anchor = .documentDate
            } else {
                value = "XXXX-XX-XX"; anchor = .unresolved
            }
        }
        if let h = hour {
            value += DateResolver.clock(h, minute ?? 0, second)
            grain = second == nil ? "minute" : "second"
            kind = forced ?? .time
        } else if let part = f[.daypart], grain == "day" {
            value += "T\(part)"
            grain = "daypart"
            kind = forced ?? .time
        }
        return Resolved(value: value, grain: grain, kind: kind, anchor: anchor, mod: mod)
    }

    private func relative(_ rawUnit: String, _ f: DateFields, state: inout State, forced: DateAnnotation.Kind?) -> Resolved? {
        let unit: String
        switch rawUnit {
        case "D": unit = "day"
        case "W": unit = "week"
        case "M": unit = "month"
        case "Y": unit = "year"
        case "Q": unit = "quarter"
        default: unit = rawUnit
        }
        // "преди година", "za tydzień": a unit alone counts one.
        var offset = f.number(.offset) ?? (f.has(.direction) ? 1 : 0)
        if f[.direction] == "past" { offset = -abs(offset) }
        if f[.direction] == "future" { offset = abs(offset) }
        // "2 lata i 3 miesiące temu": every amount moves the document date; so does a fraction
        // of a unit, in the next smaller unit ("pół roku temu": six months).
        if f.has(.plus) || f.has(.fraction), let doc = state.documentDate {
            let own = f[.fraction].map { DateResolver.fractionParts($0, of: rawUnit) } ?? [(abs(offset), rawUnit)]
            guard let own, let sum = DateResolver.Amounts(DurationJoiner.parts(f[.plus] ?? "") + own) else { return nil }
            let (value, grain) = sum.moved(doc, by: offset < 0 ? -1 : 1)
            return Resolved(value: value, grain: grain, kind: forced ?? .date, anchor: .documentDate, mod: nil)
        }
        // "we wrześniu ubiegłego roku", "15 март миналата година": that year's month or day
        // (without a document date, the month or day of an unknown year).
        if unit == "year", let m = f.number(.month) {
            let y = state.documentDate.map { $0.year + offset }, day = f.number(.day)
            guard (1...12).contains(m), (day ?? 1) >= 1, (day ?? 1) <= CivilDate.daysIn(month: m, year: y ?? 2000) else { return nil }
            if let y { state.previous = (y, m, day) }
            return Resolved(value: Digits.iso(y, m, day), grain: day == nil ? "month" : "day", kind: forced ?? .date,
                            anchor: y == nil ? .unresolved : .documentDate, mod: f[.mod])
        }
        // "II kwartale przyszłego roku", "второто полугодие на миналата година": that year's
        // quarter or half.
        if unit == "year", f.has(.quarter) || f.has(.half) {
            let y = state.documentDate.map { $0.year + offset }
            guard let part = DateResolver.quarterOrHalf(f, year: y) else { return nil }
            return Resolved(value: part.value, grain: part.grain, kind: forced ?? .date, anchor: y == nil ? .unresolved : .documentDate, mod: f[.mod])
        }
        guard let doc = state.documentDate else {
            // (a day's clock time or part keeps it, on an unknown day: "вчера в 14:45")
            if unit == "day", let t = f[.time], let (h, m, sec) = DateResolver.time(t) {
                return Resolved(value: "XXXX-XX-XX" + DateResolver.clock(h, m, sec), grain: sec == nil ? "minute" : "second", kind: forced ?? .time, anchor: .unresolved, mod: nil)
            }
            if unit == "day", let part = f[.daypart] {
                return Resolved(value: "XXXX-XX-XXT" + part, grain: "daypart", kind: forced ?? .time, anchor: .unresolved, mod: nil)
            }
            // (a weekday or weekend of an unknown week: "w czwartek" is XXXX-WXX-4, as TIMEX3 writes it)
            if unit == "weekday" {
                guard let wd = f.number(.weekday), (1...7).contains(wd) else { return nil }
                return Resolved(value: "XXXX-WXX-\(wd)", grain: "day", kind: forced ?? .date, anchor: .unresolved, mod: nil)
            }
            if unit == "weekend" {
                return Resolved(value: "XXXX-WXX-WE", grain: "week", kind: forced ?? .date, anchor: .unresolved, mod: nil)
            }
            let ref = offset < 0 ? "PAST_REF" : offset > 0 ? "FUTURE_REF" : "PRESENT_REF"
            return Resolved(value: ref, grain: unit, kind: forced ?? .date, anchor: .unresolved, mod: nil)
        }
        var value: String
        switch unit {
        case "day", "H", "MIN", "S":
            // "Klaster powstał w 2008 r. Dziś zrzesza 41 firm": today against then, in the
            // present tense, is nowadays.
            if unit == "day", offset == 0, state.afterPast, f[.tense] == "present", !f.has(.time), !f.has(.daypart) {
                return Resolved(value: "PRESENT_REF", grain: "ref", kind: forced ?? .date, anchor: .documentDate, mod: nil)
            }
            // Hours, minutes and seconds move the day only when they cross midnight; the
            // document date has no time of day, so it is taken as noon, the time that errs
            // least ("23 hours ago" is the day before, "2 hours ago" the same day).
            let minutes = unit == "H" ? 60 * offset : unit == "MIN" ? offset : 0
            let days = unit == "day" ? offset : Int((Double(12 * 60 + minutes) / 1440).rounded(.down))
            let d = doc.adding(days: days)
            // (a day named from the document date is the day later clock times fall on: "днес
            // около 3:40 ч. местно време (10:40 ч. българско време)")
            if unit == "day" { state.previous = (d.year, d.month, d.day) }
            return DateResolver.day(d, f, forced: forced)
        case "week":
            let d = doc.adding(days: 7 * offset)
            let (wy, w) = DateResolver.isoWeek(d)
            value = "\(Digits.pad4(wy))-W\(Digits.pad2(w))"
        case "month":
            let d = doc.adding(months: offset)
            // "22 bm.", "5-ти т.м.": a day of this month
            if let day = f.number(.day) {
                guard day >= 1, day <= CivilDate.daysIn(month: d.month, year: d.year) else { return nil }
                state.previous = (d.year, d.month, day)
                return Resolved(value: Digits.iso(d.year, d.month, day), grain: "day", kind: forced ?? .date, anchor: .documentDate, mod: f[.mod])
            }
            value = Digits.iso(d.year, d.month, nil)
        case "DE" where !f.has(.direction), "CE" where !f.has(.direction):
            // "миналото десетилетие", "ubiegłego wieku": the calendar decade or century ("201",
            // "19"), where "a decade ago" counts ten years back
            let n = unit == "DE" ? doc.year / 10 + offset : doc.year / 100 + offset
            guard n >= 0 else { return nil }
            return Resolved(value: unit == "DE" ? String(n) : Digits.pad2(n), grain: unit == "DE" ? "decade" : "century", kind: forced ?? .date,
                            anchor: .documentDate, mod: f[.mod])
        case "year", "DE", "CE":
            value = Digits.pad4(doc.year + offset * (unit == "DE" ? 10 : unit == "CE" ? 100 : 1))
            // "jesienią przyszłego roku", "есента на миналата година": that year's season.
            if let season = f[.season] {
                guard unit == "year" else { return nil }
                return Resolved(value: value + "-" + season, grain: "season", kind: forced ?? .date, anchor: .documentDate, mod: nil)
            }
        case "quarter":
            let q0 = (doc.month - 1) / 3 + offset
            let y = doc.year + Int((Double(q0) / 4).rounded(.down))
            let q = ((q0 % 4) + 4) % 4 + 1
            value = "\(Digits.pad4(y))-Q\(q)"
        case "weekend":
            // "w weekend", "миналия уикенд": Saturday and Sunday of that week
            let (wy, w) = DateResolver.isoWeek(doc.adding(days: 7 * offset))
            return Resolved(value: "\(Digits.pad4(wy))-W\(Digits.pad2(w))-WE", grain: "week", kind: forced ?? .date, anchor: .documentDate, mod: nil)
        case "weekday":
            guard let wd = f.number(.weekday), (1...7).contains(wd) else { return nil }
            func day(_ d: CivilDate) -> Resolved {
                state.previous = (d.year, d.month, d.day)
                return DateResolver.day(d, f, forced: forced)
            }
            if !f.has(.offset), let direction = f[.direction] {
                // "w najbliższy czwartek": the next such day after the document date (or the
                // last one before it)
                let ahead = ((wd - doc.weekday) % 7 + 7) % 7
                return day(doc.adding(days: direction == "future" ? (ahead == 0 ? 7 : ahead) : (ahead == 0 ? -7 : ahead - 7)))
            }
            if offset == 0, !f.has(.direction) {
                // A weekday alone that the day mentioned last falls on, up to a month from the
                // document date, is that day ("24 czerwca, w środę, o 14:00").
                if let (y, m, d) = state.previous, let d, let m {
                    let named = CivilDate(year: y, month: m, day: d)
                    if named.weekday == wd, abs(named.dayNumber - doc.dayNumber) <= 31 { return day(named) }
                }
                // A weekday alone in a past clause is the last such day up to the document date
                // ("w piątek podpisano" on a Monday), in a future or present one the next from it:
                // news tell plans in the present ("От понеделник затварят ресторантите", on a
                // Friday: the Monday after; "Мачът започва в събота", on a Monday). Bulgarian forms
                // the present shares with the aorist ("В събота вечерта Байдън говори", on a Sunday:
                // the day before) tell no tense (`TenseFinder`).
                if let tense = f[.tense] {
                    let ahead = ((wd - doc.weekday) % 7 + 7) % 7
                    let forward = tense == "future" || tense == "present"
                    return day(doc.adding(days: forward ? ahead : (ahead == 0 ? 0 : ahead - 7)))
                }
            }
            // this/nearest: the day in the document's week; last/next: the previous/next week's.
            let monday = doc.adding(days: -(doc.weekday - 1))
            return day(monday.adding(days: wd - 1 + 7 * offset))
        default:
            return nil
        }
        // "края на миналата година", "pod koniec ubiegłego roku": the period with its part.
        return Resolved(value: value, grain: unit == "DE" || unit == "CE" ? "year" : unit, kind: forced ?? .date, anchor: .documentDate, mod: f[.mod])
    }

    /// A day counted from the document date, with its clock time ("вчера в 18:30", "w sobotę
    /// o 20:30") or its part ("утре сутринта", "w nocy z soboty na niedzielę") when one is named.
    static func day(_ d: CivilDate, _ f: DateFields, forced: DateAnnotation.Kind?) -> Resolved {
        if let t = f[.time], let (h, m, sec) = DateResolver.time(t) {
            return Resolved(value: d.description + DateResolver.clock(h, m, sec), grain: sec == nil ? "minute" : "second", kind: forced ?? .time, anchor: .documentDate, mod: nil)
        }
        if let part = f[.daypart] {
            return Resolved(value: d.description + "T" + part, grain: "daypart", kind: forced ?? .time, anchor: .documentDate, mod: nil)
        }
        return Resolved(value: d.description, grain: "day", kind: forced ?? .date, anchor: .documentDate, mod: nil)
    }

    /// The value and grain of the quarter or half `f` names in `year` (XXXX when unknown),
    /// when its number is one of a year's.
    static func quarterOrHalf(_ f: DateFields, year: Int?) -> (value: String, grain: String)? {
        let y = year.map(Digits.pad4) ?? "XXXX"
        if let q = f.number(.quarter) { return (1...4).contains(q) ? ("\(y)-Q\(q)", "quarter") : nil }
        if let h = f.number(.half) { return (1...2).contains(h) ? ("\(y)-H\(h)", "half") : nil }
        return nil
    }

    /// Per unit, the next smaller one and how many of it the unit holds.
    private static let smallerUnits: [String: (String, Double)] = ["Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)]

    /// A fraction of `unit` ("1.5" years) as whole units and the rest in the next smaller unit
    /// (1 year and 6 months); nil when the rest is no whole number of that unit.
    static func fractionParts(_ fraction: String, of unit: String) -> [(n: Int, unit: String)]? {
        guard let d = DateResolver.decimal(fraction).flatMap(Double.init), d > 0, let (next, factor) = smallerUnits[unit] else { return nil }
        let whole = d.rounded(.down), rest = (d - whole) * factor
        guard rest == rest.rounded() else { return nil }
        return [(Int(whole), unit), (Int(rest), next)].filter { $0.n > 0 }
    }

    /// Amounts of several units of time, summed per unit (a decade is ten years, a century a
    /// hundred), for the expressions `DurationJoiner` joins.
    struct Amounts {
        var years = 0, months = 0, weeks = 0, days = 0, hours = 0, minutes = 0, seconds = 0
        /// The smallest unit among the amounts.
        var smallest: String

        /// The sum of `parts`; nil when a unit is none of `DurationJoiner.units`.
        init?(_ parts: [(n: Int, unit: String)]) {
            guard let rank = parts.map({ DurationJoiner.units.firstIndex(of: $0.unit) ?? -1 }).min(), rank >= 0 else { return nil }
            smallest = DurationJoiner.units[rank]
            for (n, unit) in parts {
                switch unit {
                case "CE": years += 100 * n
                case "DE": years += 10 * n
                case "Y": years += n
                case "M": months += n
                case "W": weeks += n
                case "D": days += n
                case "H": hours += n
                case "MIN": minutes += n
                default: seconds += n
                }
            }
        }

        /// The TIMEX3 duration ("P2Y3M", "PT2H15M"); weeks count as seven days beside other units,
        /// as ISO 8601 writes weeks alone.
        var duration: String {
            var d = days, w = weeks
            if w > 0, years + months + days + hours + minutes + seconds > 0 { d += 7 * w; w = 0 }
            var value = "P"
            for (n, letter) in [(years, "Y"), (months, "M"), (w, "W"), (d, "D")] where n > 0 { value += "\(n)\(letter)" }
            if hours + minutes + seconds > 0 { value += "T" }
            for (n, letter) in [(hours, "H"), (minutes, "M"), (seconds, "S")] where n > 0 { value += "\(n)\(letter)" }
            return value
        }

        /// The date `doc` moved by the amounts (`sign` -1: back), at the grain of the smallest
        /// unit; hours, minutes and seconds count from noon and name the day they reach.
        func moved(_ doc: CivilDate, by sign: Int) -> (value: String, grain: String) {
            var d = doc.adding(months: sign * (12 * years + months)).adding(days: sign * (7 * weeks + days))
            let clock = 12 * 3600 + sign * (3600 * hours + 60 * minutes + seconds)
            d = d.adding(days: Int((Double(clock) / 86400).rounded(.down)))
            switch smallest {
            case "Y", "DE", "CE": return (Digits.pad4(d.year), "year")
            case "M": return (Digits.iso(d.year, d.month, nil), "month")
            case "W":
                let (wy, w) = DateResolver.isoWeek(d)
                return ("\(Digits.pad4(wy))-W\(Digits.pad2(w))", "week")
            default: return (d.description, "day")
            }
        }
    }

    static func grainName(_ unit: String) -> String {
        switch unit {
        case "Y": "year"
        case "Q": "quarter"
        case "M": "month"
        case "W": "week"
        case "D": "day"
        case "H": "hour"
        case "MIN": "minute"
        case "S": "second"
        case "DE": "decade"
        case "CE": "century"
        default: unit.lowercased()
        }
    }

    /// Day and month of a numeric date without a year, "22.06" (two runs of digits, the month's of two).
    static func dayMonth(_ s: String) -> (Int, Int)? {
        guard let r = Digits.runs(s, separators: { $0 == 0x2E }), r.count == 2, r.length(1) == 2 else { return nil }
        return (r.value(0), r.value(1))
    }

    /// Day, month, year of a numeric date (d.m.yyyy, d/m/yy; a four-digit year first: yyyy-mm-dd, yyyy.mm.dd).
    static func numericParts(_ s: String) -> (Int, Int, Int)? {
        if let r = Digits.runs(s, separators: { $0 == 0x2E || $0 == 0x2F || $0 == 0x2D }) {
            guard r.count == 3 else { return nil }
            if r.length(0) == 4 { return (r.value(0), r.value(1), r.value(2)) }
            return (year(r.value(2), digits: r.length(2)), r.value(1), r.value(0))
        }
        let parts = s.split(whereSeparator: { $0 == "." || $0 == "/" || $0 == "-" }).map(String.init)
        guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), parts[2].allSatisfy(\.isNumber), !parts[2].isEmpty else { return nil }
        if parts[0].count == 4 { return Int(parts[2]).map { (a, b, $0) } }
        guard let y = year(parts[2]) else { return nil }
        return (y, b, a)
    }

    /// The first and last month of each season (winter's last is February of the next year).
    private static let seasonMonths: [String: (first: Int, last: Int)] = ["SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)]

    /// The year of a season named without one, from the tense of its clause: in a past clause
    /// the last one begun before the document's month ("the water was low in summer", written
    /// in June: last year's), in a future clause the next one not over by then, else the
    /// document's own.
    static func seasonYear(_ season: String, tense: String, _ doc: CivilDate) -> Int {
        guard let m = seasonMonths[season] else { return doc.year }
        switch tense {
        case "past": return m.first < doc.month ? doc.year : doc.year - 1
        case "future": return m.last < doc.month ? doc.year + 1 : doc.year
        default: return doc.year
        }
    }

    /// The amount of a duration that names none, as the lexicon `vague-amounts` gives it
    /// ("kilka dni", "няколко часа": PXD, PTXH).
    static let unnamed = "several"

    /// The tense of a date without a year after a deadline's preposition (`Extractor`): the
    /// nearest such date ("удължи ограниченията до средата на януари", written in November),
    /// even in a past clause.
    static let deadline = "deadline"

    /// The year of a month named without one, from the tense of its clause: in a past clause
    /// the last one up to the document's month ("w grudniu rząd przyjął", written in November:
    /// last year's), in a future clause the next one from it ("ще бъде готово през януари",
    /// written in November: next year's), else (a present, no verb, a deadline's preposition)
    /// the nearest one, leaning ahead: up to seven months ahead, up to five back ("се очаква в
    /// края на януари", written in December: next year's; "od połowy listopada", written in
    /// March: last year's; "w październiku", written in March: this year's).
    static func monthYear(_ m: Int, tense: String, _ doc: CivilDate) -> Int {
        switch tense {
        case "past": return m <= doc.month ? doc.year : doc.year - 1
        case "future": return m >= doc.month ? doc.year : doc.year + 1
        default: return m - doc.month > 7 ? doc.year - 1 : m - doc.month < -5 ? doc.year + 1 : doc.year
        }
    }

    /// How many days a past clause's day may lie after the document date (a deadline the
    /// release says was extended), or a future clause's before it.
    static let tenseGrace = 14

    /// The year of a day named without one: the one nearest the document date, but in a past
    /// clause none more than `tenseGrace` days after it ("от 1 януари фирмите могат", as the
    /// mayor recalled in November: this year's), in a future clause none more than that before.
    /// A weekday named with the day decides first: of the years around the document's, the
    /// nearest where the day falls on it ("w sobotę, 14 września", written in March 2024: 2024).
    static func dayYear(month m: Int, day d: Int, tense: String?, weekday: Int?, _ doc: CivilDate) -> Int {
        var best = doc.year
        var bestDistance = Int.max
        var bestMatches = false
        for y in (doc.year - 1)...(doc.year + 1) where d <= CivilDate.daysIn(month: m, year: y) {
            let day = CivilDate(year: y, month: m, day: d)
            let signed = day.dayNumber - doc.dayNumber
            let matches = weekday == day.weekday
            if matches && !bestMatches { bestDistance = .max }
            if bestMatches && !matches { continue }
            if !matches && (tense == "past" && signed > tenseGrace || tense == "future" && signed < -tenseGrace) { continue }
            if abs(signed) < bestDistance { bestDistance = abs(signed); best = y; bestMatches = matches }
        }
        return best
    }

    /// ISO 8601 week-numbering year and week of a date.
    static func isoWeek(_ d: CivilDate) -> (Int, Int) {
        let thursday = d.adding(days: 4 - d.weekday)
        let jan1 = CivilDate(year: thursday.year, month: 1, day: 1)
        return (thursday.year, (thursday.dayNumber - jan1.dayNumber) / 7 + 1)
    }
}
