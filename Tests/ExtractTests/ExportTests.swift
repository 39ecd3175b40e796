import Extract
import Foundation
import GRDB
import XCTest

final class ExportTests: XCTestCase {
    let outputs = TestSupport.fixtures.appendingPathComponent("analytics-output")

    /// The SQL block after `<!-- query: NAME -->` in README.md.
    private func documentedQuery(_ name: String) throws -> String {
        let doc = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let marker = try XCTUnwrap(doc.range(of: "<!-- query: \(name) -->"), "README.md has no query \(name)")
        let rest = doc[marker.upperBound...]
        let open = try XCTUnwrap(rest.range(of: "```sql\n"))
        let close = try XCTUnwrap(rest[open.upperBound...].range(of: "```"))
        return String(rest[open.upperBound..<close.lowerBound])
    }

    private func exported() throws -> DatabaseQueue {
        let file = try TestSupport.temporaryFolder().appendingPathComponent("out.sqlite")
        try SQLiteExporter().export(Array(try AnnotatedFolder(root: outputs).readAll(keepText: false).values), to: file)
        return try DatabaseQueue(path: file.path)
    }

    func testDocumentedTopOrganisationsQuery() throws {
        let sql = try documentedQuery("top-organisations-pl-2021")
        let rows = try exported().read { db in try Row.fetchAll(db, sql: sql) }
        let answer = rows.map { "\($0["organisation"] as String) \($0["mentions"] as Int)" }
        XCTAssertEqual(answer, [
            "Unia Europejska 5", "Sejm 4", "NATO 3", "PKN Orlen 2", "Allegro 1",
            "Bank Pekao 1", "Caritas 1", "KGHM 1", "Komisja Europejska 1", "LOT 1",
        ])
    }

    func testTablesAndIndexes() throws {
        let db = try exported()
        try db.read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents"), 6)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entities"), 57)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dates"), 1)
            let p1 = try XCTUnwrap(try Row.fetchOne(db, sql: "SELECT * FROM documents WHERE id = 'p1'"))
            XCTAssertEqual(p1["language"] as String, "pl")
            XCTAssertEqual(p1["document_date"] as String, "2021-03-15")
            XCTAssertEqual(p1["document_date_source"] as String, "input")
            XCTAssertEqual(p1["entities"] as Int, 14)
            XCTAssertEqual(p1["encoding"] as String, "UTF-8")
            XCTAssertEqual(p1["characters"] as Int, 185)
            XCTAssertNil(try String.fetchOne(db, sql: "SELECT document_date FROM documents WHERE id = 'p5'"))
            let date = try XCTUnwrap(try Row.fetchOne(db, sql: #"SELECT document, type, value, start, "end", rule FROM dates"#))
            XCTAssertEqual(date["value"] as String, "2021-03-15")
            XCTAssertEqual(date["rule"] as String, "pl.date.day-month-year")
            let e = try XCTUnwrap(try Row.fetchOne(db, sql: #"SELECT text, base, start, "end" FROM entities WHERE document = 'b1' ORDER BY start LIMIT 1"#))
            XCTAssertEqual(e["text"] as String, "Европейския съюз")
            XCTAssertEqual(e["end"] as Int, 16)
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            XCTAssertEqual(indexes, ["dates_document", "dates_rule", "dates_type_value", "documents_date", "documents_language_date",
                                     "entities_document", "entities_latin", "entities_rule", "entities_type_base"])
            let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM entities WHERE type = 'ORG' AND base = 'Sejm'")
                .map { $0["detail"] as String }.joined(separator: "; ")
            XCTAssertTrue(plan.contains("entities_type_base"), plan)
        }
    }

    func testJSONLinesRecords() throws {
        let text = JSONLExporter().lines(Array(try AnnotatedFolder(root: outputs).readAll().values))
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines.count, 58)
        let records = try lines.map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        XCTAssertTrue(records.allSatisfy { Set($0.keys).count == 16 })
        let date = try XCTUnwrap(records.first { $0["kind"] as? String == "date" })
        XCTAssertEqual(date["document"] as? String, "p1")
        XCTAssertEqual(date["value"] as? String, "2021-03-15")
        XCTAssertTrue(date["base"] is NSNull)
        let first = records[0]
        XCTAssertEqual(first["document"] as? String, "b1")
        XCTAssertEqual(first["base"] as? String, "Европейски съюз")
        XCTAssertEqual(first["start"] as? Int, 0)
        XCTAssertEqual(first["end"] as? Int, 16)
    }

    func testExportCommand() throws {
        let dir = try TestSupport.temporaryFolder()
        let db = dir.appendingPathComponent("x.sqlite"), jsonl = dir.appendingPathComponent("x.jsonl")
        let r = try TestSupport.pipeline(["export", outputs.path, "--sqlite", db.path, "--jsonl", jsonl.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "\(db.path): 6 documents, 57 entities, 1 dates\n\(jsonl.path): 58 records\n")
        let none = try TestSupport.pipeline(["export", outputs.path])
        XCTAssertNotEqual(none.status, 0)
        XCTAssertTrue(none.stderr.contains("give --sqlite FILE and/or --jsonl FILE"), none.stderr)
    }
}
