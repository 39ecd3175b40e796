/// Why a document could not be read; the message names the problem, the caller adds the file.
public struct DecodeError: Error, Equatable, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
