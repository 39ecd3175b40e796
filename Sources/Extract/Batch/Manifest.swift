import Foundation
import GRDB

/// The record of what an output folder holds (`.manifest.sqlite`, SQLite through GRDB):
/// per source file its size, mtime, hash and the settings it was processed with; per
/// document its source, hash, status and timing; and one row per run.
///
/// A source is rewritten only after all its documents' outputs were renamed into
/// place, so a run killed at any point leaves the manifest behind the files, never ahead.
public final class Manifest: Sendable {
    /// The manifest's file name inside the output folder.
    public static let fileName = ".manifest.sqlite"
    let pool: DatabasePool

    /// What decides whether an output is still current besides the source bytes.
    public struct Settings: Sendable, Equatable {
        public var rules: String
        public var version: String
        /// Output options that change the bytes written (e.g. tokens, encoding).
        public var options: String
        public init(rules: String, version: String = PipelineInfo.version, options: String) {
            self.rules = rules; self.version = version; self.options = options
        }
    }

    /// A source file as last processed.
    public struct Source: Sendable {
        public var path: String
        public var size: Int
        public var mtime: Int64
        public var sha256: String
        public var settings: Settings
        public var ok: Bool
        public var documents: Int
    }

    /// A document as last processed.
    public struct DocumentRecord: Sendable {
        public var id: String
        public var source: String
        /// Line number in a JSON Lines file, 0 otherwise.
        public var ordinal: Int
        public var sha256: String
        public var ok: Bool
        public var message: String?
        public var seconds: Double
    }

    /// A change the collector records after outputs are in place.
    public enum Change: Sendable {
        case document(DocumentRecord, Settings)
        case source(Source)
        /// A source whose size or mtime changed but whose bytes did not.
        case touch(path: String, size: Int, mtime: Int64)
        /// A JSON Lines line found unchanged inside a changed file.
        case keepLine(source: String, ordinal: Int)
    }

    /// Opens (creating when needed) the manifest at `url`.
    public init(url: URL) throws {
        var config = Configuration()
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        config.busyMode = .timeout(10)
        pool = try DatabasePool(path: url.path, configuration: config)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE sources(path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime INTEGER NOT NULL,
                  sha256 TEXT NOT NULL, rules TEXT NOT NULL, version TEXT NOT NULL, options TEXT NOT NULL,
                  status TEXT NOT NULL, documents INTEGER NOT NULL, run INTEGER NOT NULL);
                CREATE TABLE documents(id TEXT PRIMARY KEY, source TEXT NOT NULL, ordinal INTEGER NOT NULL,
                  sha256 TEXT NOT NULL, rules TEXT NOT NULL, version TEXT NOT NULL, options TEXT NOT NULL,
                  status TEXT NOT NULL, message TEXT, seconds REAL NOT NULL, run INTEGER NOT NULL);
                CREATE INDEX documents_source ON documents(source, ordinal);
                CREATE TABLE runs(id INTEGER PRIMARY KEY AUTOINCREMENT, started TEXT NOT NULL, finished TEXT,
                  status TEXT NOT NULL, processed INTEGER, unchanged INTEGER, failed INTEGER, seconds REAL);
                """)
        }
        try migrator.migrate(pool)
    }

    /// Starts a run; returns its id.
    public func beginRun() throws -> Int64 {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO runs(started, status) VALUES (?, 'running')", arguments: [Manifest.now()])
            return db.lastInsertedRowID
        }
    }

    /// Records how a run ended.
    public func finishRun(_ id: Int64, status: String, processed: Int, unchanged: Int, failed: Int, seconds: Double) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE runs SET finished = ?, status = ?, processed = ?, unchanged = ?, failed = ?, seconds = ? WHERE id = ?",
                           arguments: [Manifest.now(), status, processed, unchanged, failed, seconds, id])
        }
    }

    /// Reads from one consistent snapshot (the state before this run's writes).
    public func read<T>(_ body: (Snapshot) throws -> T) throws -> T {
        try pool.read { db in try body(Snapshot(db: db)) }
    }

    /// Lookups inside `read`.
    public struct Snapshot {
        let db: Database

        public func source(_ path: String) throws -> Source? {
            let s = try db.cachedStatement(sql: "SELECT size, mtime, sha256, rules, version, options, status, documents FROM sources WHERE path = ?")
            guard let row = try Row.fetchOne(s, arguments: [path]) else { return nil }
            return Source(path: path, size: row[0], mtime: row[1], sha256: row[2],
                          settings: Settings(rules: row[3], version: row[4], options: row[5]), ok: (row[6] as String) == "ok", documents: row[7])
        }

        /// The document from line `ordinal` of `source`, with the settings it was made with.
        public func document(source: String, ordinal: Int) throws -> (DocumentRecord, Settings)? {
            let s = try db.cachedStatement(sql: "SELECT id, sha256, status, message, seconds, rules, version, options FROM documents WHERE source = ? AND ordinal = ?")
            guard let row = try Row.fetchOne(s, arguments: [source, ordinal]) else { return nil }
            return (DocumentRecord(id: row[0], source: source, ordinal: ordinal, sha256: row[1], ok: (row[2] as String) == "ok",
                                   message: row[3], seconds: row[4]),
                    Settings(rules: row[5], version: row[6], options: row[7]))
        }
    }

    /// Applies changes in one transaction, stamping them with `run`.
    public func apply(_ changes: [Change], run: Int64) throws {
        if changes.isEmpty { return }
        try pool.write { db in
            for change in changes {
                switch change {
                case .document(let d, let settings):
                    try db.cachedStatement(sql: """
                        INSERT OR REPLACE INTO documents(id, source, ordinal, sha256, rules, version, options, status, message, seconds, run)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """).execute(arguments: [d.id, d.source, d.ordinal, d.sha256, settings.rules, settings.version, settings.options,
                                                 d.ok ? "ok" : "failed", d.message, d.seconds, run])
                case .source(let s):
                    try db.cachedStatement(sql: """
                        INSERT OR REPLACE INTO sources(path, size, mtime, sha256, rules, version, options, status, documents, run)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """).execute(arguments: [s.path, s.size, s.mtime, s.sha256, s.settings.rules, s.settings.version,
                                                 s.settings.options, s.ok ? "ok" : "failed", s.documents, run])
                case .touch(let path, let size, let mtime):
                    try db.cachedStatement(sql: "UPDATE sources SET size = ?, mtime = ? WHERE path = ?").execute(arguments: [size, mtime, path])
                case .keepLine(let source, let ordinal):
                    try db.cachedStatement(sql: "UPDATE documents SET run = ? WHERE source = ? AND ordinal = ?").execute(arguments: [run, source, ordinal])
                }
            }
        }
    }

    /// Ids of documents whose source was reprocessed in `run` but which that source no
    /// longer yields (lines removed, ids changed); their rows are deleted.
    public func removeStaleDocuments(run: Int64) throws -> [String] {
        try pool.write { db in
            let ids = try String.fetchAll(db, sql: """
                SELECT d.id FROM documents d JOIN sources s ON d.source = s.path WHERE s.run = ? AND d.run != ?
                """, arguments: [run, run])
            for id in ids { try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [id]) }
            return ids
        }
    }

    /// Removes sources for which `isGone` is true, with their documents; returns the document ids removed.
    public func removeSources(where isGone: (String) -> Bool) throws -> [String] {
        let paths = try pool.read { db in try String.fetchAll(db, sql: "SELECT path FROM sources") }.filter(isGone)
        if paths.isEmpty { return [] }
        return try pool.write { db in
            var ids: [String] = []
            for p in paths {
                ids += try String.fetchAll(db, sql: "SELECT id FROM documents WHERE source = ?", arguments: [p])
                try db.execute(sql: "DELETE FROM documents WHERE source = ?", arguments: [p])
                try db.execute(sql: "DELETE FROM sources WHERE path = ?", arguments: [p])
            }
            return ids
        }
    }

    /// The number of sources and documents recorded.
    public func counts() throws -> (sources: Int, documents: Int) {
        try pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sources") ?? 0, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents") ?? 0)
        }
    }

    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }
}
