import XCTest
@testable import Extract

/// `--shard K/N` parsing and the stable id hash behind it.
final class ShardSpecTests: XCTestCase {
    func testParsing() {
        XCTAssertEqual(ShardSpec("2/8")?.index, 2)
        XCTAssertEqual(ShardSpec("2/8")?.count, 8)
        XCTAssertEqual(ShardSpec("1/1")?.description, "1/1")
        for bad in ["0/3", "4/3", "3", "a/b", "1/0", "-1/2", "1/2/3"] { XCTAssertNil(ShardSpec(bad), bad) }
    }

    func testHashIsFNV1a64() {
        // Published FNV-1a 64-bit test vectors.
        XCTAssertEqual(ShardSpec.fnv1a(""), 0xcbf2_9ce4_8422_2325)
        XCTAssertEqual(ShardSpec.fnv1a("a"), 0xaf63_dc4c_8601_ec8c)
        XCTAssertEqual(ShardSpec.fnv1a("foobar"), 0x8594_4171_f739_67e8)
    }

    func testEveryIdIsInExactlyOneShardAndShardsAreBalanced() {
        let shards = (1...4).map { ShardSpec("\($0)/4")! }
        var sizes = [0, 0, 0, 0]
        for i in 0..<4000 {
            let id = "b/c/doc\(i)"
            let owners = shards.indices.filter { shards[$0].contains(id) }
            XCTAssertEqual(owners.count, 1, id)
            sizes[owners[0]] += 1
        }
        for size in sizes { XCTAssertGreaterThan(size, 850) }
    }
}
