/// A failure of one document in one stage; the run records it and goes on.
public struct StageError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let stage: String
    public let message: String
    public init(path: String, stage: String, message: String) { self.path = path; self.stage = stage; self.message = message }
    public var description: String { "\(path): \(stage): \(message)" }
}
