import Extract
import Foundation
import XCTest

final class DiffTests: XCTestCase {
    let old = TestSupport.fixtures.appendingPathComponent("diff-old")
    let new = TestSupport.fixtures.appendingPathComponent("diff-new")

    private func report() throws -> DiffReport {
        OutputDiff().diff(old: try AnnotatedFolder(root: old).readAll(), new: try AnnotatedFolder(root: new).readAll())
    }

    func testChangesPerDocument() throws {
        let r = try report()
        XCTAssertEqual(r.documentsCompared, 5)
        XCTAssertEqual(r.documents.map(\.id), ["a", "b", "c", "d"], "e is unchanged")
        XCTAssertEqual(r.documents.map(\.status), [.both, .both, .removed, .added])

        let a = r.documents[0].changes
        XCTAssertEqual(a.map(\.kind), [.changed, .changed, .added])
        XCTAssertEqual(a[0].old?.value, "2021-03-05")
        XCTAssertEqual(a[0].new?.value, "2021-03-12")
        XCTAssertEqual(a[0].fields, ["value"])
        XCTAssertEqual(a[0].rule, "pl.date.weekday")
        XCTAssertEqual(a[1].old?.text, "Unii")
        XCTAssertEqual(a[1].new?.text, "Unii Europejskiej")
        XCTAssertEqual(a[1].fields, ["span", "base", "latin"])
        XCTAssertEqual(a[1].rule, "pl.entity.org")
        XCTAssertEqual(a[2].new?.text, "2022")
        XCTAssertEqual(a[2].rule, "pl.date.year")

        let b = r.documents[1].changes
        XCTAssertEqual(b.map(\.kind), [.changed])
        XCTAssertEqual(b[0].fields, ["rule"])
        XCTAssertEqual(b[0].old?.rule, "pl.entity.country")
        XCTAssertEqual(b[0].rule, "pl.entity.gazetteer")

        XCTAssertEqual(r.documents[2].changes.map(\.kind), [.removed])
        XCTAssertEqual(r.documents[2].changes[0].old?.text, "Krakowie")
        XCTAssertEqual(r.documents[3].changes.map(\.kind), [.added])
        XCTAssertEqual(r.documents[3].changes[0].new?.value, "2020")
    }

    func testSummaryPerRule() throws {
        let r = try report()
        XCTAssertEqual(r.rules.map(\.line), [
            "pl.date.weekday: +0 −0 ~1",
            "pl.date.year: +2 −0 ~0",
            "pl.entity.city: +0 −1 ~0",
            "pl.entity.gazetteer: +0 −0 ~1",
            "pl.entity.org: +0 −0 ~1",
        ])
        XCTAssertEqual(r.total, DiffReport.RuleSummary(rule: "total", added: 2, removed: 1, changed: 3))
        XCTAssertTrue(OutputDiff().diff(old: try AnnotatedFolder(root: old).readAll(), new: try AnnotatedFolder(root: old).readAll()).isEmpty)
    }

    func testDiffCommandOutputAndExitCodes() throws {
        let text = try TestSupport.pipeline(["diff", old.path, new.path])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.hasPrefix("a: +1 −0 ~2\n  ~ DATE 20-26 \"piątek\" value=2021-03-12 [pl.date.weekday]  (value)\n"
                                            + "      was DATE 20-26 \"piątek\" value=2021-03-05 [pl.date.weekday]\n"), text.stdout)
        XCTAssertTrue(text.stdout.contains("c: +0 −1 ~0 (document only in the old run)\n  − LOC 9-17 \"Krakowie\" base=Kraków [pl.entity.city]\n"))
        XCTAssertTrue(text.stdout.hasSuffix("  pl.entity.org: +0 −0 ~1\ntotal: +2 −1 ~3 in 4 of 5 documents\n"), text.stdout)

        let failing = try TestSupport.pipeline(["diff", "--fail-on-change", old.path, new.path])
        XCTAssertEqual(failing.status, 1)
        let same = try TestSupport.pipeline(["diff", "--fail-on-change", old.path, old.path])
        XCTAssertEqual(same.status, 0)
        XCTAssertEqual(same.stdout, "no differences in 4 documents\n")

        let json = try TestSupport.pipeline(["diff", "--format", "json", old.path, new.path])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rules = try XCTUnwrap(object["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.first?["rule"] as? String, "pl.date.weekday")
        XCTAssertEqual(rules.first?["changed"] as? Int, 1)
        XCTAssertEqual((object["documents"] as? [Any])?.count, 4)
    }

    func testRuleFoldersAreDiffedInMemory() throws {
        let a = try TestSupport.temporaryFolder(), b = try TestSupport.temporaryFolder()
        let corpus = TestSupport.fixtures.appendingPathComponent("diff-corpus")
        let same = try TestSupport.pipeline(["diff", "--fail-on-change", "--rules-a", a.path, "--rules-b", b.path, corpus.path])
        XCTAssertEqual(same.status, 0, same.stderr)
        XCTAssertEqual(same.stdout, "no differences in 2 documents\n")
        let usage = try TestSupport.pipeline(["diff", "--rules-a", a.path, corpus.path])
        XCTAssertNotEqual(usage.status, 0)
        XCTAssertTrue(usage.stderr.contains("give both --rules-a and --rules-b"), usage.stderr)
    }

    func testChangingOneRuleShowsExactlyItsAddedAndRemovedAnnotations() throws {
        let corpus = try TestSupport.temporaryFolder(), a = try TestSupport.temporaryFolder(), b = try TestSupport.temporaryFolder()
        try "Spotkanie było wczoraj, onegdaj też, a następne będzie pojutrze.".write(to: corpus.appendingPathComponent("doc.txt"), atomically: true, encoding: .utf8)
        // B changes the built-in pl.date.relative-day: no longer "wczoraj", now also "onegdaj".
        try TestSupport.write("""
        rules:
          - id: pl.date.relative-day
            summary: relative days except wczoraj, and onegdaj
            pattern: '(d:@relative-days&!wczoraj | onegdaj)'
            produce: {relative: day, offset: $d}
            examples:
              - {text: "Było to ⟦onegdaj⟧.", value: 2020-06-15}
        """, to: b, "pl/dates.yaml")
        let r = try TestSupport.pipeline(["diff", "--rules-a", a.path, "--rules-b", b.path, corpus.path, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let rules = try XCTUnwrap(object["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.count, 1, r.stdout)
        XCTAssertEqual(rules.first?["rule"] as? String, "pl.date.relative-day")
        XCTAssertEqual(rules.first?["added"] as? Int, 1)
        XCTAssertEqual(rules.first?["removed"] as? Int, 1)
        XCTAssertEqual(rules.first?["changed"] as? Int, 0)
        let text = try TestSupport.pipeline(["diff", "--rules-a", a.path, "--rules-b", b.path, corpus.path])
        XCTAssertTrue(text.stdout.contains("pl.date.relative-day: +1 −1 ~0"), text.stdout)
        XCTAssertTrue(text.stdout.contains("wczoraj"), text.stdout)
        XCTAssertTrue(text.stdout.contains("onegdaj"), text.stdout)
        XCTAssertFalse(text.stdout.contains("pojutrze"), text.stdout)
    }
}
