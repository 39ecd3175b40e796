/// Counts over a set of pipeline outputs: languages, top entities, mentions over time and
/// entities mentioned together.
///
/// An entity is identified by its type and base form (its text when the base is empty), so
/// inflected mentions of one name count together. Time is the document date; documents without
/// one are counted under `undated`.
public struct CorpusStatistics: Sendable, Codable, Equatable {
    /// Documents and annotations in one language.
    public struct LanguageCount: Sendable, Codable, Equatable {
        public var language: String
        public var documents = 0
        public var entities = 0
        public var dates = 0
    }

    /// One entity (type and base form) and how often it occurs.
    public struct EntityCount: Sendable, Codable, Equatable {
        public var type: String
        public var base: String
        public var mentions: Int
        /// Number of documents mentioning it.
        public var documents: Int
    }

    /// Documents and mentions in one period (a month `YYYY-MM` or a date `YYYY-MM-DD`).
    public struct PeriodCount: Sendable, Codable, Equatable {
        public var period: String
        public var documents = 0
        /// Entity mentions.
        public var entities = 0
        public var dates = 0
        /// Entity mentions per type.
        public var entitiesByType: [String: Int] = [:]
    }

    /// Two entities (as `TYPE base`) and the number of documents mentioning both.
    public struct PairCount: Sendable, Codable, Equatable {
        public var first: String
        public var second: String
        public var documents: Int
    }

    public var documents = 0
    /// Sorted by language code.
    public var languages: [LanguageCount] = []
    /// Entity type → its most mentioned entities (most mentions first, then by base form).
    public var topEntities: [String: [EntityCount]] = [:]
    /// Every month that has documents, in order.
    public var byMonth: [PeriodCount] = []
    /// Every document date that occurs, in order.
    public var byDate: [PeriodCount] = []
    /// Documents without a document date.
    public var undated = PeriodCount(period: "undated")
    /// The entity pairs in the most documents (most first, then by name).
    public var pairs: [PairCount] = []

    /// Counts over `documents`, keeping the `top` most frequent entities per type and pairs.
    public init(documents docs: [AnnotatedDocument], top: Int = 10) {
        documents = docs.count
        var languages: [String: LanguageCount] = [:]
        struct Key: Hashable { var type: String, base: String }
        var mentions: [Key: Int] = [:], documentsOf: [Key: Int] = [:]
        var months: [String: PeriodCount] = [:], dates: [String: PeriodCount] = [:]
        var pairCounts: [String: [String: Int]] = [:]
        for d in docs {
            let entities = d.entities ?? [], dateList = d.dates ?? []
            let lang = d.language ?? "unknown"
            languages[lang, default: LanguageCount(language: lang)].documents += 1
            languages[lang]!.entities += entities.count
            languages[lang]!.dates += dateList.count
            var seen = Set<Key>()
            for e in entities {
                let k = Key(type: e.type, base: (e.base ?? "").isEmpty ? e.text : e.base!)
                mentions[k, default: 0] += 1
                seen.insert(k)
            }
            for k in seen { documentsOf[k, default: 0] += 1 }
            func count(_ p: inout PeriodCount) {
                p.documents += 1
                p.entities += entities.count
                p.dates += dateList.count
                for e in entities { p.entitiesByType[e.type, default: 0] += 1 }
            }
            if let date = d.documentDate, date.count >= 10 {
                let day = String(date.prefix(10)), month = String(date.prefix(7))
                count(&dates[day, default: PeriodCount(period: day)])
                count(&months[month, default: PeriodCount(period: month)])
            } else {
                count(&undated)
            }
            let names = seen.map { "\($0.type) \($0.base)" }.sorted()
            for i in names.indices { for j in names.indices where j > i { pairCounts[names[i], default: [:]][names[j], default: 0] += 1 } }
        }
        self.languages = languages.values.sorted { $0.language < $1.language }
        for (k, n) in mentions { topEntities[k.type, default: []].append(EntityCount(type: k.type, base: k.base, mentions: n, documents: documentsOf[k] ?? 0)) }
        for (t, list) in topEntities {
            topEntities[t] = Array(list.sorted { ($1.mentions, $0.base) < ($0.mentions, $1.base) }.prefix(top))
        }
        byDate = dates.values.sorted { $0.period < $1.period }
        byMonth = months.values.sorted { $0.period < $1.period }
        pairs = Array(pairCounts.flatMap { a, seconds in seconds.map { PairCount(first: a, second: $0.key, documents: $0.value) } }
            .sorted { ($1.documents, $0.first, $0.second) < ($0.documents, $1.first, $1.second) }
            .prefix(top))
    }

    /// `YYYY-MM` of the month after `month`.
    static func nextMonth(_ month: String) -> String {
        let y = Int(month.prefix(4)) ?? 0, m = Int(month.suffix(2)) ?? 1
        let (ny, nm) = m == 12 ? (y + 1, 1) : (y, m + 1)
        return Digits.pad4(ny) + "-" + Digits.pad2(nm)
    }
}
