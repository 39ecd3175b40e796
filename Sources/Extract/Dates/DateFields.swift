/// The fields of a date record (see `DateResolver`), typed as the record is made: a
/// number-valued field (`year`, `month`, `day`, `offset` ...) is read as a number once, the
/// others (units, names, "10:30", "10.10.2012") are kept as text. A record without text
/// fields holds no string, so making, copying and reading one retains nothing.
struct DateFields {
    enum Key: Int {
        case numeric, year, month, day, hour, minute, time, daypart, quarter, half, season, century, decade, mod
        case period, number, relative, offset, direction, weekday, duration, amount, fraction, set, ref, type, freq, tense, plus, anchor, night

        /// Whether the key's value is a number (a two-digit `year` is read as 19xx or 20xx).
        var isNumber: Bool { DateFields.numberKeys & bit != 0 }

        var bit: UInt32 { 1 << UInt32(rawValue) }
    }

    private static let numberKeys: UInt32 = [Key.year, .month, .day, .hour, .minute, .quarter, .half, .century, .decade,
                                             .number, .offset, .weekday, .amount, .freq].reduce(0) { $0 | $1.bit }
    /// A number key's slot when its value is text that is no number, or a number too large
    /// for the slot (then the text is kept and read again when asked for).
    private static let unread = Int32.min

    /// The keys with a value, one bit each.
    private var present: UInt32 = 0
    /// Per number key, its value (or `unread`).
    private var numbers = SIMD32<Int32>(repeating: DateFields.unread)
    /// The values kept as text.
    private var texts: [Text] = []

    private struct Text {
        var key: Key
        var value: String
    }

    /// Gives `k` a value written as text: a rule's constant, a lexicon entry's value or the
    /// captured text.
    mutating func set(_ k: Key, _ text: String) {
        present |= k.bit
        if k.isNumber, let v = k == .year ? DateResolver.year(text) : DateResolver.int(text),
           let small = Int32(exactly: v), small != DateFields.unread {
            numbers[k.rawValue] = small
            texts.removeAll { $0.key == k }
            return
        }
        numbers[k.rawValue] = DateFields.unread
        if let i = texts.firstIndex(where: { $0.key == k }) { texts[i].value = text } else { texts.append(Text(key: k, value: text)) }
    }

    /// Gives `k` the value of a number token written with `digits` digits, as its text
    /// would give it ("05" as a year is 2005, "0099" is 99); a key that takes text gets the
    /// digits without leading zeros.
    mutating func set(_ k: Key, number v: Int32, digits: Int) {
        guard k.isNumber, v >= 0 else { return set(k, Digits.padded(Int(v), width: 1)) }
        present |= k.bit
        numbers[k.rawValue] = k == .year ? Int32(DateResolver.year(Int(v), digits: digits)) : v
        texts.removeAll { $0.key == k }
    }

    /// Whether `k` has a value.
    @inline(__always) func has(_ k: Key) -> Bool { present & k.bit != 0 }

    /// Whether no key but those of `keys` has a value.
    func hasOnly(_ keys: [Key]) -> Bool { present & ~keys.reduce(0) { $0 | $1.bit } == 0 }

    /// Whether the fields name a time or a part of the day and no day ("в 10:30 ч.").
    var isTimeAlone: Bool {
        let time = Key.time.bit | Key.hour.bit | Key.daypart.bit
        let day = Key.numeric.bit | Key.year.bit | Key.month.bit | Key.day.bit | Key.relative.bit | Key.set.bit
        return present & time != 0 && present & day == 0
    }

    /// The value of number key `k`: nil when it has none or its text is no number.
    func number(_ k: Key) -> Int? {
        guard has(k) else { return nil }
        let v = numbers[k.rawValue]
        if v != DateFields.unread { return Int(v) }
        return self[k].flatMap { k == .year ? DateResolver.year($0) : DateResolver.int($0) }
    }

    /// The text of `k` (for a number key, only when it is no number).
    @inline(__always) subscript(_ k: Key) -> String? {
        guard has(k) else { return nil }
        for t in texts where t.key == k { return t.value }
        return nil
    }

    /// Gives key `k` the value key `source` has in `other`, or none.
    mutating func take(_ k: Key, _ source: Key, of other: DateFields) {
        present = present & ~k.bit | (other.has(source) ? k.bit : 0)
        numbers[k.rawValue] = other.numbers[source.rawValue]
        texts.removeAll { $0.key == k }
        if other.has(source), let t = other[source] { texts.append(Text(key: k, value: t)) }
    }

    /// These fields without `type`, the keys `end` has taking its values.
    func overlaid(by end: DateFields) -> DateFields {
        var out = self
        out.take(.type, .type, of: DateFields())
        var keys = end.present
        while keys != 0 {
            let k = Key(rawValue: keys.trailingZeroBitCount)!
            out.take(k, k, of: end)
            keys &= keys - 1
        }
        return out
    }
}
