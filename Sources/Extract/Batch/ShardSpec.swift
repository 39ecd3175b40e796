/// `--shard K/N`: this process handles the documents whose id hashes to shard K of N
/// (1-based), so N copies of the pipeline split a corpus without talking to each other.
public struct ShardSpec: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// Parses "K/N" with 1 <= K <= N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else { return nil }
        index = k; count = n
    }

    public var description: String { "\(index)/\(count)" }

    /// Whether document `id` belongs to this shard: FNV-1a (64-bit) of its UTF-8 bytes, modulo N.
    public func contains(_ id: String) -> Bool {
        Int(ShardSpec.fnv1a(id) % UInt64(count)) == index - 1
    }

    /// The 64-bit FNV-1a hash of a string's UTF-8 bytes; stable across runs and machines.
    public static func fnv1a(_ s: String) -> UInt64 { FNV1a.hash(utf8: s) }
}
