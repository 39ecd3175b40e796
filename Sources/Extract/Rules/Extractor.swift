/// The extraction stage: matches every rule of the document's language, settles overlaps
/// with the conflict policy, and hands each produced record to the resolver of its
/// dimension. Every annotation carries the id of the rule that made it.
public struct Extractor {
    public let ruleSet: RuleSet
    let dates = DateResolver()
    let entities: EntityResolver
    /// Per language: what this worker learnt about words.
    private let caches: [Language: WordCache] = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, WordCache()) })
    /// Per language: the tense of a clause, for weekdays and "today".
    private let tenses: [Language: TenseFinder]
    /// Per language: what joins amounts of time into one expression.
    private let joiners: [Language: DurationJoiner]
    /// The worker's segmenter, which splits compounds of names (`NameCompounds`).
    private let segmenter: Segmenter

    public init(ruleSet: RuleSet, entities: EntityResolver, segmenter: Segmenter) {
        self.ruleSet = ruleSet
        self.entities = entities
        self.segmenter = segmenter
        tenses = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, TenseFinder(ruleSet.lexicons, language: $0)) })
        joiners = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, DurationJoiner(ruleSet.lexicons, language: $0)) })
    }

    /// What matching found, for `explain`: kept and dropped matches (only when asked for).
    public struct Trace {
        public var rules: CompiledRules
        public var kept: [RuleMatch]
        public var dropped: [ConflictPolicy.Dropped]
    }

    /// Fills `doc.dates`, `doc.entities` and, when the input gave none, `doc.documentDate`;
    /// with `trace`, the returned trace also lists the dropped matches.
    @discardableResult
    public func extract(_ doc: inout Document, clock: StageClock? = nil, trace: Bool = false) -> Trace {
        let compiled = ruleSet.rules(for: doc.language)
        if compiled.rules.isEmpty {
            clock?.lap(.match)
            return Trace(rules: compiled, kept: [], dropped: [])
        }
        var ctx = MatchContext(document: doc, lexicons: compiled.lexicons, vocabulary: compiled.vocabulary, cache: caches[compiled.language]!)
        if NameCompounds(rules: compiled, segmenter: segmenter).split(&doc, context: ctx) {
            ctx = MatchContext(document: doc, lexicons: compiled.lexicons, vocabulary: compiled.vocabulary, cache: ctx.cache)
        }
        let matcher = Matcher(rules: compiled)
        var (found, slots) = matcher.matches(ctx)
        // (their memory serves the worker's next document)
        defer { ctx.cache.recycle(&found); ctx.cache.recycle(&slots); ctx.cache.recycle(&ctx.typeAt) }
        let claims = found.map { f in
            ConflictPolicy.Claim(start: Int(f.claimStart), end: Int(f.claimEnd),
                                 length: Int(ctx.token(Int(f.claimEnd) - 1).end - ctx.token(Int(f.claimStart)).start),
                                 priority: compiled.priorities[Int(f.rule)], rule: Int(f.rule))
        }
        let (keptIndices, droppedIndices) = ConflictPolicy.select(claims, positions: ctx.count)
        var kept: [RuleMatch] = []
        var dropped: [ConflictPolicy.Dropped] = []
        if trace {
            kept = keptIndices.map { matcher.makeMatch(found[$0], slots, ctx) }
            var keptAt = [Int](repeating: -1, count: found.count)
            for (k, i) in keptIndices.enumerated() { keptAt[i] = k }
            dropped = droppedIndices.map { ConflictPolicy.Dropped(match: matcher.makeMatch(found[$0.0], slots, ctx), lostTo: kept[keptAt[$0.1]]) }
        }
        var dateRecords: [DateItem] = []
        var entityRecords: [Record] = []
        dateRecords.reserveCapacity(keptIndices.count)
        entityRecords.reserveCapacity(keptIndices.count)
        // A kept match's records are read from its capture slots (`CompiledRules.plans`).
        for i in keptIndices {
            let f = found[i]
            let r = Int(f.rule)
            // (read in place: a copy of a plan or field retains and releases its strings)
            compiled.plans[r].withUnsafeBufferPointer { plans in
            for plan in plans.indices.lazy.map({ plans.baseAddress! + $0 }) {
                var span = ctx.span(Int(f.claimStart), Int(f.claimEnd))
                if !plan.pointee.span.isEmpty {
                    // (the union of the named captures that matched; none: no record)
                    var union: Span?
                    for ks in plan.pointee.span {
                        guard let (a, b, _) = matcher.lastMatched(ks, f, slots) else { continue }
                        let s = ctx.span(a, b)
                        union = union.map { Span(min($0.start, s.start), max($0.end, s.end)) } ?? s
                    }
                    guard let union else { continue }
                    span = union
                }
                /// Calls `body` with each field of the plan that has a value in this match:
                /// its constant, or what its capture holds.
                func eachField(_ body: (UnsafePointer<CompiledRules.RecordPlan.Field>, Matcher.CaptureValue) -> Void) {
                    plan.pointee.fields.withUnsafeBufferPointer { all in
                        for field in all.indices.lazy.map({ all.baseAddress! + $0 }) {
                            if let c = field.pointee.constant {
                                body(field, .text(c))
                            } else if let (a, b, k) = matcher.lastMatched(field.pointee.captures, f, slots) {
                                body(field, matcher.value(r, k, a, b, ctx))
                            }
                        }
                    }
                }
                switch compiled.dimensions[r] {
                case .date:
                    // (typed as it is made: a number token's number is never written out)
                    var record = DateRecord()
                    eachField { field, value in
                        guard let slot = field.pointee.dateSlot else { return }
                        switch value {
                        case .text(let v): record.set(slot, v)
                        case .number(let n, let digits): record.set(slot, number: n, digits: digits)
                        }
                    }
                    dateRecords.append(DateItem(span: span, record: record, rule: f.rule, listMember: plans.count > 1))
                case .entity:
                    var fields = Fields(capacity: plan.pointee.fields.count)
                    eachField { field, value in fields.add(field.pointee.name, value.text) }
                    entityRecords.append(Record(span: span, fields: fields, rule: compiled.ids[r]))
                }
            }
            }
        }
        dateRecords.sort { $0.span.start < $1.span.start }
        joiners[compiled.language]!.join(&dateRecords, ctx, text: doc.utf16)
        addTenses(&dateRecords, doc, ctx, tenses[compiled.language]!)
        clock?.lap(.match)
        let steps: [DateResolver.Step]
        (doc.dates, steps) = resolveDates(dateRecords, compiled.ids, documentDate: doc.documentDate?.value, text: doc.utf16)
        if doc.documentDate == nil, let found = DocumentDateFinder().find(doc.dates, in: doc) {
            doc.documentDate = DocumentDate(value: found, source: .dateline)
            // Only dates that were not absolute can change with the document date.
            if doc.dates.contains(where: { $0.anchor != .absolute }) {
                doc.dates = resolveDates(dateRecords, compiled.ids, documentDate: found, text: doc.utf16, earlier: (doc.dates, steps)).0
            }
        }
        clock?.lap(.dates)
        doc.entities = entities.resolve(entityRecords, in: doc, context: ctx)
        clock?.lap(.entities)
        return Trace(rules: compiled, kept: kept, dropped: dropped)
    }

    /// What an entity rule produced, for `EntityResolver`: a struct, not a tuple, since an
    /// array of tuples is copied and destroyed through run-time type lookups.
    struct Record {
        var span: Span
        var fields: Fields
        /// The rule's id.
        var rule: String
    }

    /// What a date rule produced: the record, typed, the rule's index, and whether the
    /// match made several records (a list of dates).
    struct DateItem {
        var span: Span
        var record: DateRecord
        var rule: Int32
        var listMember: Bool
    }

    /// The date annotations of `records` (in order of their starts in `text`; `ids`: the
    /// rules' ids), with each record's step for a later pass; `earlier` is an earlier pass's
    /// annotations and steps, whose absolute values are taken over.
    private func resolveDates(_ records: [DateItem], _ ids: [String], documentDate: CivilDate?, text: [UInt16],
                              earlier: (dates: [DateAnnotation], steps: [DateResolver.Step])? = nil) -> ([DateAnnotation], [DateResolver.Step]) {
        var state = DateResolver.State(documentDate: documentDate)
        var out: [DateAnnotation] = []
        out.reserveCapacity(records.count)
        var steps: [DateResolver.Step] = []
        steps.reserveCapacity(records.count)
        let taken = earlier?.steps ?? [], takenDates = earlier?.dates ?? []
        // (read through the buffer: an iterator would copy each item out, retaining its fields)
        records.withUnsafeBufferPointer { items in
            var lastItem = -1 // the item of the last annotation
            for i in items.indices {
                if i < taken.count, taken[i].absolute {
                    var step = taken[i]
                    dates.takeOver(step, state: &state)
                    out.append(takenDates[Int(step.annotation)])
                    lastItem = i
                    step.annotation = Int32(out.count - 1)
                    steps.append(step)
                    continue
                }
                // (asked only of the records they can change: a time alone, "today" with a tense)
                state.schedule = items[i].record.isTimeAlone && inSchedule(i, items, lastItem, out.last, text)
                state.afterPast = items[i].record.fields.has(.tense) && (out.last.map { isPast($0, items[i].span, documentDate, text) } ?? false)
                var (r, step) = dates.step(items[i].record, state: &state)
                if let r {
                    step.annotation = Int32(out.count)
                    out.append(DateAnnotation(span: items[i].span, kind: r.kind, value: r.value, grain: r.grain, anchor: r.anchor,
                                              rule: ids[Int(items[i].rule)], range: r.range, mod: r.mod, freq: r.freq))
                    lastItem = i
                }
                steps.append(step)
            }
        }
        return (out, steps)
    }

    /// Whether item `i` (a time alone, if it is one) belongs to a schedule: on its line, the
    /// date before it recurs or spans several days (a set, a range of days, a member of a list:
    /// "od poniedziałku do piątku w godz. 8:00–16:00", "5, 6 i 7 października … w godz.
    /// 9:00–16:00"), or a set follows it ("от 9:00 до 17:00 ч. всеки работен ден").
    /// (`lastItem` made `last`, the last annotation so far.)
    private func inSchedule(_ i: Int, _ items: UnsafeBufferPointer<DateItem>, _ lastItem: Int, _ last: DateAnnotation?, _ text: [UInt16]) -> Bool {
        let span = items[i].span
        if i + 1 < items.count, items[i + 1].record.fields.has(.set), items[i + 1].span.start - span.end <= 2 { return true }
        guard let last, last.span.end <= span.start, !text[last.span.end..<span.start].contains(0x0A) else { return false }
        return last.kind == .set || (last.range != nil && last.grain == "day") || items[lastItem].listMember
    }

    /// Whether `last`, an annotation shortly before `span` on its line (in its sentence or
    /// the one before, as a rule), lies before `documentDate` (a past reference, a year,
    /// century or day before it).
    private func isPast(_ last: DateAnnotation, _ span: Span, _ documentDate: CivilDate?, _ text: [UInt16]) -> Bool {
        guard let documentDate, last.span.end <= span.start, span.start - last.span.end <= 250,
              !text[last.span.end..<span.start].contains(0x0A) else { return false }
        if last.value == "PAST_REF" { return true }
        guard let c = last.value.utf8.first, c >= 0x30 && c <= 0x39 else { return false }
        return last.value < documentDate.description
    }

    /// Words after which "today" still opens its clause ("a dziś operujemy").
    private static let clauseOpeners: Set<String> = ["a", "i", "ale", "а", "и", "но"]

    /// Gives the records whose value depends on the tense of their clause (a weekday alone;
    /// "today" where it opens its clause: at the sentence start, after a comma or "a"; what a
    /// rule marks `tense: clause`, a season without a year) the tense `finder` reads in their
    /// sentence; such a rule's date right after a deadline's preposition ("до", "do") is a
    /// deadline unless the clause is future.
    private func addTenses(_ records: inout [DateItem], _ doc: Document, _ ctx: MatchContext, _ finder: TenseFinder) {
        for i in records.indices {
            let f = records[i].record.fields
            // (a rule asks for it with `tense: clause`: a season, "през лятото", not "за летния
            // сезон"; a day and month without a year)
            let clause = f[.tense] == "clause" && !f.has(.year)
            guard clause || f.has(.relative) else { continue }
            guard clause || f[.relative] == "day" || (f[.relative] == "weekday" && !f.has(.direction)), (f.number(.offset) ?? 0) == 0,
                  let tokens = positions(records[i].span, ctx), let s = sentence(containing: records[i].span.start, doc) else { continue }
            let unit = f[.relative]
            guard let sentence = positions(s, ctx) else { continue }
            if unit == "day" {
                var p = tokens.lowerBound - 1
                if p >= sentence.lowerBound, Extractor.clauseOpeners.contains(ctx.text(p).lowercased()) { p -= 1 }
                guard p < sentence.lowerBound || ctx.token(p).kind == .punctuation else { continue }
            }
            let tense = finder.tense(around: tokens.lowerBound, tokens.upperBound - 1, in: sentence, ctx)
            if clause, tense != .future, finder.isDeadline(tokens.lowerBound, in: sentence, ctx) {
                records[i].record.set(DateRecord.Slot("tense"), DateResolver.deadline)
            } else if let tense {
                records[i].record.set(DateRecord.Slot("tense"), tense.rawValue)
            }
        }
    }

    /// The positions of the tokens that start inside `span`, if any.
    private func positions(_ span: Span, _ ctx: MatchContext) -> Range<Int>? {
        let a = ctx.firstPosition(atOrAfter: span.start), b = ctx.firstPosition(atOrAfter: span.end)
        return a < b ? a..<b : nil
    }

    /// The sentence that holds UTF-16 offset `offset`.
    private func sentence(containing offset: Int, _ doc: Document) -> Span? {
        var lo = 0, hi = doc.sentences.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if doc.sentences[mid].end <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < doc.sentences.count && doc.sentences[lo].start <= offset ? doc.sentences[lo] : nil
    }
}
