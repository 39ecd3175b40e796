import Foundation
import ICU

/// Everything the stages share, loaded once: segmentation data, rules and lexicons.
public final class AnalysisResources: Sendable {
    public let segmentation: SegmentationData
    public let languageIdentifier: LanguageIdentifier
    public let ruleSet: RuleSet
    /// SHA-256 over every rule and lexicon file in effect (built-in and the user's).
    public let rulesFingerprint: String

    init(segmentation: SegmentationData, ruleSet: RuleSet, rulesFingerprint: String) {
        self.segmentation = segmentation
        self.languageIdentifier = LanguageIdentifier(data: segmentation)
        self.ruleSet = ruleSet
        self.rulesFingerprint = rulesFingerprint
    }

    /// Loads the built-in data and, when given, the user's rule folder (which adds to or
    /// overrides built-in rules by id).
    public static func load(userRules: URL? = nil, dimensions: Set<Dimension> = Set(Dimension.allCases)) throws -> AnalysisResources {
        var files = try RuleFiles.files(in: ResourceFile.root, subfolders: ["rules", "lexicons", "segment", "html"])
        if let userRules { files += try RuleFiles.files(in: userRules, subfolders: nil) }
        let segmentation = try SegmentationData.load()
        let ruleSet = try RuleSet.load(builtIn: ResourceFile.root, user: userRules, segmentation: segmentation, dimensions: dimensions)
        return AnalysisResources(segmentation: segmentation, ruleSet: ruleSet, rulesFingerprint: try RuleFiles.fingerprint(files))
    }
}

/// Finds rule and lexicon files and fingerprints them.
enum RuleFiles {
    /// YAML and text files under `root` (or under its named subfolders), sorted by path.
    static func files(in root: URL, subfolders: [String]?) throws -> [URL] {
        let roots = subfolders.map { $0.map { root.appendingPathComponent($0) } } ?? [root]
        var out: [URL] = []
        for r in roots {
            guard let e = FileManager.default.enumerator(at: r, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in e where ["yaml", "yml", "txt", "tsv"].contains(url.pathExtension) { out.append(url) }
        }
        return out.sorted { $0.path < $1.path }
    }

    /// SHA-256 over the files' names (relative to their root folder) and contents.
    static func fingerprint(_ files: [URL]) throws -> String {
        var all: [UInt8] = []
        for f in files {
            all.append(contentsOf: f.lastPathComponent.utf8)
            all.append(0)
            all.append(contentsOf: try Data(contentsOf: f))
            all.append(0)
        }
        return "sha256:" + SHA256.hex(all).prefix(16)
    }
}

/// Runs the stages over one document at a time: decode, normalise and segment,
/// identify the language. Not thread-safe: make one per worker.
public final class Analyzer {
    public let resources: AnalysisResources
    private let decoder = TextDecoder()
    private let segmenter: Segmenter
    private let extractor: Extractor

    public init(resources: AnalysisResources) throws {
        self.resources = resources
        segmenter = try Segmenter(data: resources.segmentation)
        extractor = Extractor(ruleSet: resources.ruleSet, entities: try EntityResolver(lemmatizers: resources.ruleSet.lemmatizers), segmenter: segmenter)
    }

    /// Analyses one input document; throws `StageError` naming the stage that failed.
    public func analyze(_ input: InputDocument, clock: StageClock? = nil) throws -> Document {
        clock?.start()
        var utf16: [UInt16]
        var source: SourceInfo
        var utf8: [UInt8]?
        switch input.content {
        case .bytes(let bytes):
            let decoded: TextDecoder.Result
            do { decoded = try decoder.decode(bytes, declared: input.declaredEncoding) } catch let e as DecodeError {
                throw StageError(path: input.path, stage: "decode", message: e.message)
            }
            utf16 = decoded.utf16
            if let o = decoded.utf8Offset { utf8 = o == 0 ? bytes : Array(bytes[o...]) }
            source = SourceInfo(path: input.path, sha256: SHA256.hex(bytes), bytes: bytes.count, encoding: decoded.encoding,
                                confidence: decoded.confidence, repaired: decoded.repaired)
        case .text(let text):
            utf16 = Array(text.utf16)
            let bytes = Array(text.utf8)
            source = input.source ?? SourceInfo(path: input.path, sha256: SHA256.hex(bytes), bytes: bytes.count, encoding: "UTF-8")
        }
        var doc = Document(id: input.id, source: source, utf16: utf16)
        doc.url = input.url
        doc.utf8 = utf8
        clock?.lap(.decode)
        do {
            try segmenter.segment(&doc)
        } catch {
            throw StageError(path: input.path, stage: "segment", message: "\(error)")
        }
        clock?.lap(.segment)
        resources.languageIdentifier.identify(&doc)
        if let lang = input.language { doc.language = lang }
        if let date = input.documentDate { doc.documentDate = DocumentDate(value: date, source: .input) }
        clock?.lap(.language)
        extractor.extract(&doc, clock: clock)
        return doc
    }

    /// Analyses a text and returns the document with what matching found (for `explain`).
    public func explain(_ input: InputDocument) throws -> (Document, Extractor.Trace) {
        var doc = try analyze(input)
        doc.dates = []
        doc.entities = []
        if input.documentDate == nil { doc.documentDate = nil }
        let trace = extractor.extract(&doc, trace: true)
        return (doc, trace)
    }
}
