import CCrypto

/// Facts about this build of the pipeline.
public enum PipelineInfo {
    /// Semantic version; bump it when outputs change for the same input and rules.
    public static let version = "0.1.0"
}

/// SHA-256 through OpenSSL's libcrypto.
public enum SHA256 {
    /// Lower-case hex digest of `bytes`.
    public static func hex(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out = [UInt8](repeating: 0, count: 32)
        extract_sha256(bytes.baseAddress, bytes.count, &out)
        let digits = Array("0123456789abcdef".utf8)
        var hex = [UInt8]()
        hex.reserveCapacity(64)
        for b in out { hex.append(digits[Int(b >> 4)]); hex.append(digits[Int(b & 15)]) }
        return String(decoding: hex, as: UTF8.self)
    }

    public static func hex(_ bytes: [UInt8]) -> String { bytes.withUnsafeBufferPointer { hex($0) } }
}
