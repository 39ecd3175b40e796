import Foundation

/// The SlavicNER / BSNLP layout, read as gold:
///
/// - `metadata.tsv`: header `topic lang file doc_id date url`, one row per document;
///   `file` is the raw text's path relative to the folder (`raw/<topic>/<lang>/<name>.txt`).
/// - `raw/<topic>/<lang>/<name>.txt`: the text (UTF-8).
/// - `ner/<topic>/<lang>/<name without its last extension>.tsv`: one entity per line,
///   `start \t end \t surface \t base \t TYPE \t entity-id`, code point offsets into the raw text.
///
/// Output ids: a raw file's output id is its path relative to `raw/` without its last
/// extension, exactly the id `pipeline run DIR/raw --output OUT` gives it
/// (`raw/asia_bibi/bg/asia_bibi_bg-3062.txt.txt` → `asia_bibi/bg/asia_bibi_bg-3062.txt`,
/// `raw/brexit/pl/brexit_pl.txt_file_10.txt` → `brexit/pl/brexit_pl.txt_file_10`); its gold is
/// `ner/<output id>.tsv`. SlavicNER annotates entities only, so dates are not scored.
public struct SlavicNERCorpus: GoldSource {
    public let root: URL

    public init(root: URL) { self.root = root }

    /// One row of `metadata.tsv`.
    public struct Entry: Sendable, Equatable {
        public var topic: String
        public var language: String
        /// The raw text's path relative to the corpus folder.
        public var file: String
        public var documentId: String
        public var date: String?
        public var url: String?

        /// The pipeline output id of this document (see the type's documentation).
        public var outputId: String { SlavicNERCorpus.outputId(rawPath: file) }
    }

    /// The output id of a raw file given by its path relative to the corpus folder.
    public static func outputId(rawPath: String) -> String {
        var rel = rawPath
        if rel.hasPrefix("raw/") { rel.removeFirst(4) }
        return CorpusReader.id(relativePath: rel)
    }

    /// The rows of `metadata.tsv` in file order.
    public func entries() throws -> [Entry] {
        let url = root.appendingPathComponent("metadata.tsv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline)
        guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) else {
            throw AnnotatedDocument.FormatError("\(url.path): empty")
        }
        func column(_ name: String) throws -> Int {
            guard let i = header.firstIndex(of: name) else { throw AnnotatedDocument.FormatError("\(url.path): no column \"\(name)\"") }
            return i
        }
        let topic = try column("topic"), lang = try column("lang"), file = try column("file")
        let docId = header.firstIndex(of: "doc_id"), date = header.firstIndex(of: "date"), link = header.firstIndex(of: "url")
        return try lines.dropFirst().enumerated().map { n, line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard f.count > max(topic, lang, file) else { throw AnnotatedDocument.FormatError("\(url.path):\(n + 2): too few columns") }
            func optional(_ i: Int?) -> String? { i.flatMap { $0 < f.count && !f[$0].isEmpty ? f[$0] : nil } }
            return Entry(topic: f[topic], language: f[lang], file: f[file], documentId: optional(docId) ?? f[file],
                         date: optional(date), url: optional(link))
        }
    }

    /// The gold document of one entry: the raw text and the entities of its `ner/` file.
    public func gold(_ entry: Entry) throws -> AnnotatedDocument {
        let text = try rawText(entry)
        let nerURL = root.appendingPathComponent("ner").appendingPathComponent(entry.outputId + ".tsv")
        var entities: [Annotation] = []
        let content = try String(contentsOf: nerURL, encoding: .utf8)
        for (n, line) in content.split(whereSeparator: \.isNewline).enumerated() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 5, let start = Int(f[0]), let end = Int(f[1]) else {
                throw AnnotatedDocument.FormatError("\(nerURL.path):\(n + 1): expected start, end, surface, base, type, id")
            }
            entities.append(Annotation(dimension: .entity, start: start, end: end, text: f[2], type: f[4].trimmingCharacters(in: .whitespaces),
                                       base: f[3]))
        }
        entities.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        return AnnotatedDocument(id: entry.outputId, language: entry.language, documentDate: entry.date, text: text,
                                 dates: nil, entities: entities)
    }

    /// The input document of one entry, with its language and document date from `metadata.tsv`.
    public func input(_ entry: Entry) throws -> InputDocument {
        let data = try Data(contentsOf: root.appendingPathComponent(entry.file))
        return InputDocument(id: entry.outputId, path: entry.file, content: .bytes([UInt8](data)),
                             documentDate: entry.date.flatMap { CivilDate(iso: String($0.prefix(10))) },
                             language: Language(rawValue: entry.language), url: entry.url)
    }

    public func goldDocuments() throws -> [AnnotatedDocument] { try entries().map(gold) }

    public func inputs() throws -> [InputDocument] { try entries().map(input) }

    private func rawText(_ entry: Entry) throws -> String {
        String(decoding: try Data(contentsOf: root.appendingPathComponent(entry.file)), as: UTF8.self)
    }
}
