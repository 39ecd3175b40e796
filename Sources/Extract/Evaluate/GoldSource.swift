/// Where gold annotations come from, and the input texts they annotate.
public protocol GoldSource {
    /// Every gold document; its id is the id of the pipeline output it is compared with.
    func goldDocuments() throws -> [AnnotatedDocument]
    /// The input documents behind the gold documents, for analysing them in memory (`--run`).
    func inputs() throws -> [InputDocument]
}
