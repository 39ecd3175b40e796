/// What a date rule produced, typed: its fields and, for a range, the fields of each end
/// (`from.day`, `to.day`; a field without a prefix applies to both ends, `type` to neither).
struct DateRecord {
    /// Where a field of a rule's record goes: its key (nil for a name no date rule uses)
    /// and the end of a range it belongs to.
    struct Slot: Sendable {
        enum End: Sendable { case both, from, to }
        var key: DateFields.Key?
        var end: End

        /// The slot of a field called `name` ("month", "from.day", "to.year" ...).
        init(_ name: String) {
            var bare = Substring(name)
            end = .both
            if name.utf8.first == 0x66, name.hasPrefix("from.") { end = .from; bare = bare.dropFirst(5) }
            if name.utf8.first == 0x74, name.hasPrefix("to.") { end = .to; bare = bare.dropFirst(3) }
            key = Slot.key(bare)
        }

        /// The key called `name`, or nil for a name no date rule uses; names of one length
        /// are compared among themselves only.
        private static func key(_ name: Substring) -> DateFields.Key? {
            switch name.utf8.count {
            case 3: name == "day" ? .day : name == "mod" ? .mod : name == "set" ? .set : name == "ref" ? .ref : nil
            case 4: name == "year" ? .year : name == "time" ? .time : name == "half" ? .half : name == "hour" ? .hour : name == "type" ? .type : name == "freq" ? .freq : name == "plus" ? .plus : nil
            case 5: name == "month" ? .month : name == "tense" ? .tense : name == "night" ? .night : nil
            case 6: name == "minute" ? .minute : name == "season" ? .season : name == "decade" ? .decade : name == "period" ? .period
                : name == "number" ? .number : name == "offset" ? .offset : name == "amount" ? .amount : name == "anchor" ? .anchor : nil
            case 7: name == "numeric" ? .numeric : name == "daypart" ? .daypart : name == "quarter" ? .quarter : name == "century" ? .century
                : name == "weekday" ? .weekday : nil
            case 8: name == "relative" ? .relative : name == "duration" ? .duration : name == "fraction" ? .fraction : nil
            case 9: name == "direction" ? .direction : nil
            default: nil
            }
        }
    }

    /// Whether the record names a time or a part of the day and no day (either end of a range).
    var isTimeAlone: Bool { isRange ? end(.from).isTimeAlone : fields.isTimeAlone }

    /// The fields without a prefix.
    private(set) var fields = DateFields()
    /// The prefixed fields of the start and the end of a range (none when there are none).
    private var ends: [DateFields] = []
    /// Whether the record is a range: it has a `from.` field.
    private(set) var isRange = false

    /// The fields of the range's start (`from`) or end (`to`): those without a prefix but
    /// `type`, the end's own taking over.
    func end(_ end: Slot.End) -> DateFields {
        end == .from ? fields.overlaid(by: ends[0]) : fields.overlaid(by: ends[1])
    }

    /// Gives the field at `slot` a value written as text.
    mutating func set(_ slot: Slot, _ text: String) {
        update(slot) { $0.set($1, text) }
    }

    /// Gives the field at `slot` the value of a number token written with `digits` digits.
    mutating func set(_ slot: Slot, number: Int32, digits: Int) {
        update(slot) { $0.set($1, number: number, digits: digits) }
    }

    private mutating func update(_ slot: Slot, _ body: (inout DateFields, DateFields.Key) -> Void) {
        if slot.end == .from { isRange = true }
        // (made for any prefixed name, a name no date rule uses too: `from.x` alone is a range)
        if slot.end != .both && ends.isEmpty { ends = [DateFields(), DateFields()] }
        guard let key = slot.key else { return }
        switch slot.end {
        case .both: body(&fields, key)
        case .from: body(&ends[0], key)
        case .to: body(&ends[1], key)
        }
    }
}
