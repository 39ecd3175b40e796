@testable import Extract
import XCTest

/// The conflict policy: longest span, then priority, then earliest start, then rule order.
final class ConflictPolicyTests: XCTestCase {
    typealias Claim = ConflictPolicy.Claim

    func selection(shift: Int) -> (kept: [Int], dropped: [(Int, Int)]) {
        let claims = [
            Claim(start: shift + 0, end: shift + 2, length: 10, priority: 0, rule: 5),
            Claim(start: shift + 1, end: shift + 3, length: 10, priority: 1, rule: 3),
            Claim(start: shift + 3, end: shift + 4, length: 4, priority: 0, rule: 1),
            Claim(start: shift + 3, end: shift + 4, length: 4, priority: 0, rule: 0),
            Claim(start: shift + 5, end: shift + 6, length: 3, priority: -2, rule: 2),
        ]
        return ConflictPolicy.select(claims, positions: shift + 6)
    }

    func testPriorityThenRuleOrderDecide() {
        // Positions that fit the packed sort keys, and positions that do not (the comparison sort).
        for shift in [0, 70_000] {
            let (kept, dropped) = selection(shift: shift)
            XCTAssertEqual(kept, [1, 3, 4], "shift \(shift)")
            XCTAssertEqual(dropped.map(\.0), [0, 2], "shift \(shift)")
            XCTAssertEqual(dropped.map(\.1), [1, 3], "shift \(shift)")
        }
    }
}
