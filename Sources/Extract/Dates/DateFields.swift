/// The fields of a date record (see `DateResolver`), read from the record's list once so
/// that resolution asks for each by key, not by searching names. Holds the list and, per
/// key, where its value lies in it: copying one copies no strings.
struct DateFields {
    enum Key: Int {
        case numeric, year, month, day, hour, minute, time, daypart, quarter, half, season, century, decade, mod
        case period, number, relative, offset, direction, weekday, duration, amount, set, ref, type
    }

    private let list: Fields
    /// Per key, the index of its value in `list` plus one (0: absent).
    private var at = SIMD32<UInt8>()

    /// The fields of `fields` without a prefix; with `prefix` ("from." or "to."), those
    /// with it (the prefix dropped) taking over the others, "type" left out.
    init(_ fields: Fields, prefix: String? = nil) {
        list = fields
        for (i, (k, _)) in fields.enumerated() where i < 255 && !DateFields.isPrefixed(k) && (prefix == nil || k != "type") {
            if let key = DateFields.key(k) { at[key.rawValue] = UInt8(i + 1) }
        }
        if let prefix {
            for (i, (k, _)) in fields.enumerated() where i < 255 && k.hasPrefix(prefix) {
                if let key = DateFields.key(String(k.dropFirst(prefix.utf8.count))) { at[key.rawValue] = UInt8(i + 1) }
            }
        }
    }

    subscript(_ k: Key) -> String? {
        let i = Int(at[k.rawValue])
        return i == 0 ? nil : list.value(at: i - 1)
    }

    /// Gives key `k` the value key `source` has in `other` (made from the same list), or none.
    mutating func take(_ k: Key, _ source: Key, of other: DateFields) { at[k.rawValue] = other.at[source.rawValue] }

    /// Whether `name` starts with "from." or "to." (the first byte tells most names apart).
    static func isPrefixed(_ name: String) -> Bool {
        let f = name.utf8.first
        return (f == 0x66 && name.hasPrefix("from.")) || (f == 0x74 && name.hasPrefix("to."))
    }

    /// The key called `name`, or nil for a name no date rule uses; names of one length are
    /// compared among themselves only.
    static func key(_ name: String) -> Key? {
        switch name.utf8.count {
        case 3: name == "day" ? .day : name == "mod" ? .mod : name == "set" ? .set : name == "ref" ? .ref : nil
        case 4: name == "year" ? .year : name == "time" ? .time : name == "half" ? .half : name == "hour" ? .hour : name == "type" ? .type : nil
        case 5: name == "month" ? .month : nil
        case 6: name == "minute" ? .minute : name == "season" ? .season : name == "decade" ? .decade : name == "period" ? .period
            : name == "number" ? .number : name == "offset" ? .offset : name == "amount" ? .amount : nil
        case 7: name == "numeric" ? .numeric : name == "daypart" ? .daypart : name == "quarter" ? .quarter : name == "century" ? .century
            : name == "weekday" ? .weekday : nil
        case 8: name == "relative" ? .relative : name == "duration" ? .duration : nil
        case 9: name == "direction" ? .direction : nil
        default: nil
        }
    }
}
