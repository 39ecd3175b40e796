import Foundation

/// Gold files in the project's own format: `corpus/gold/<id>.json`, each
/// `{"id", "language", "documentDate"?, "dates":[{start,end,text,type,value}], "entities":[{start,end,text,type,base}]}`
/// with code point offsets into the text of `corpus/<id>.txt`.
///
/// A gold file without a `dates` (or `entities`) list does not annotate that dimension, and the
/// evaluation leaves it out for that document.
public struct GoldFolder: GoldSource {
    public let gold: AnnotatedFolder
    /// The folder holding the texts (by default the parent of the gold folder).
    public let corpus: URL

    public init(gold: URL, corpus: URL? = nil) {
        self.gold = AnnotatedFolder(root: gold)
        self.corpus = corpus ?? gold.deletingLastPathComponent()
    }

    public func goldDocuments() throws -> [AnnotatedDocument] {
        try gold.ids().map { try gold.read($0) }
    }

    /// The texts under the corpus folder that have a gold file, read as `pipeline run` reads them.
    public func inputs() throws -> [InputDocument] {
        let ids = Set(try gold.ids())
        let reader = CorpusReader(root: corpus)
        return try reader.entries().filter { ids.contains($0.id) }.flatMap { try reader.read($0) }
    }
}
