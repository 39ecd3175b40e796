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
        // (the digest on the stack and the digits written into the string: no arrays)
        var digest = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        return withUnsafeMutableBytes(of: &digest) { out in
            let out = out.bindMemory(to: UInt8.self)
            extract_sha256(bytes.baseAddress, bytes.count, out.baseAddress)
            return String(unsafeUninitializedCapacity: 64) { hex in
                for (i, b) in out.enumerated() {
                    hex[2 * i] = SHA256.digit(b >> 4)
                    hex[2 * i + 1] = SHA256.digit(b & 15)
                }
                return 64
            }
        }
    }

    @inline(__always) private static func digit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x57 + v }

    public static func hex(_ bytes: [UInt8]) -> String { bytes.withUnsafeBufferPointer { hex($0) } }
}
