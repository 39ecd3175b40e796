import Foundation
import GRDB

/// Writes pipeline outputs into an SQLite database for analysts (through GRDB).
///
/// Tables (offsets are code point indices, end exclusive; dates are ISO strings, so they sort):
/// - `documents(id, path, language, document_date, document_date_source, sha256, bytes, encoding,
///   url, characters, sentences, entities, dates, pipeline_version, rules)`
/// - `entities(document, type, text, base, latin, start, "end", rule)`
/// - `dates(document, type, text, value, grain, anchor, range_from, range_to, start, "end", rule)`
///
/// `entities.document` and `dates.document` reference `documents.id`. Indexes cover the usual
/// queries: by document, by type and base form, by rule, by language and document date, by date value.
public struct SQLiteExporter: Sendable {
    static let schema = """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY NOT NULL, path TEXT, language TEXT, document_date TEXT, document_date_source TEXT,
            sha256 TEXT, bytes INTEGER, encoding TEXT, url TEXT, characters INTEGER NOT NULL, sentences INTEGER NOT NULL,
            entities INTEGER NOT NULL, dates INTEGER NOT NULL, pipeline_version TEXT, rules TEXT);
        CREATE TABLE entities (
            document TEXT NOT NULL REFERENCES documents(id), type TEXT NOT NULL, text TEXT NOT NULL, base TEXT, latin TEXT,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, rule TEXT);
        CREATE TABLE dates (
            document TEXT NOT NULL REFERENCES documents(id), type TEXT NOT NULL, text TEXT NOT NULL, value TEXT, grain TEXT,
            anchor TEXT, range_from TEXT, range_to TEXT, start INTEGER NOT NULL, "end" INTEGER NOT NULL, rule TEXT);
        CREATE INDEX documents_language_date ON documents(language, document_date);
        CREATE INDEX documents_date ON documents(document_date);
        CREATE INDEX entities_document ON entities(document);
        CREATE INDEX entities_type_base ON entities(type, base);
        CREATE INDEX entities_latin ON entities(latin);
        CREATE INDEX entities_rule ON entities(rule);
        CREATE INDEX dates_document ON dates(document);
        CREATE INDEX dates_type_value ON dates(type, value);
        CREATE INDEX dates_rule ON dates(rule);
        """

    public init() {}

    /// Replaces the database at `url` with one holding `documents`.
    public func export(_ documents: [AnnotatedDocument], to url: URL) throws {
        try? FileManager.default.removeItem(at: url)
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { db in
            try db.execute(sql: Self.schema)
            let doc = try db.makeStatement(sql: "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
            let entity = try db.makeStatement(sql: "INSERT INTO entities VALUES (?,?,?,?,?,?,?,?)")
            let date = try db.makeStatement(sql: "INSERT INTO dates VALUES (?,?,?,?,?,?,?,?,?,?,?)")
            for d in documents.sorted(by: { $0.id < $1.id }) {
                let entities = d.entities ?? [], dates = d.dates ?? []
                try doc.execute(arguments: [d.id, d.path, d.language, d.documentDate, d.documentDateSource, d.sha256, d.bytes,
                                            d.encoding, d.url, d.characters, d.sentenceCount,
                                            entities.count, dates.count, d.pipelineVersion, d.rules])
                for e in entities {
                    try entity.execute(arguments: [d.id, e.type, e.text, e.base, e.latin, e.start, e.end, e.rule])
                }
                for t in dates {
                    try date.execute(arguments: [d.id, t.type, t.text, t.value, t.grain, t.anchor, t.rangeFrom, t.rangeTo,
                                                 t.start, t.end, t.rule])
                }
            }
        }
    }
}
