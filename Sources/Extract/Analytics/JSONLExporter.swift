import Foundation

/// Writes one flat JSON object per annotation and line, for data tools (pandas, DuckDB, jq).
///
/// Every record has the same keys: `document, language, document_date, kind` ("entity" or
/// "date"), `type, text, start, end, rule`, and for entities `base, latin`, for dates `value,
/// grain, anchor, range_from, range_to`; a key that does not apply is null.
public struct JSONLExporter: Sendable {
    public init() {}

    /// The records of `documents` (sorted by id, then offset) as JSON Lines.
    public func lines(_ documents: [AnnotatedDocument]) -> String {
        let o = JSONBuffer()
        func field(_ key: StaticString, _ value: String?, first: Bool = false) {
            if !first { o.raw(",") }
            o.raw("\""); o.raw(key); o.raw("\":")
            if let value { o.string(value) } else { o.raw("null") }
        }
        for d in documents.sorted(by: { $0.id < $1.id }) {
            let all = ((d.entities ?? []) + (d.dates ?? [])).sorted { ($0.start, $0.end, $0.dimension.rawValue) < ($1.start, $1.end, $1.dimension.rawValue) }
            for a in all {
                o.raw("{")
                field("document", d.id, first: true)
                field("language", d.language)
                field("document_date", d.documentDate)
                field("kind", a.dimension.rawValue)
                field("type", a.type)
                field("text", a.text)
                o.raw(",\"start\":"); o.int(a.start)
                o.raw(",\"end\":"); o.int(a.end)
                field("base", a.base)
                field("latin", a.latin)
                field("value", a.value)
                field("grain", a.grain)
                field("anchor", a.anchor)
                field("range_from", a.rangeFrom)
                field("range_to", a.rangeTo)
                field("rule", a.rule)
                o.raw("}\n")
            }
        }
        return String(decoding: o.bytes, as: UTF8.self)
    }

    /// Writes the records to `url`.
    public func export(_ documents: [AnnotatedDocument], to url: URL) throws {
        try Data(lines(documents).utf8).write(to: url, options: .atomic)
    }
}
