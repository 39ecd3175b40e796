import Foundation
import ICU

/// Everything the stages share, loaded once: segmentation data, rules and lexicons.
public final class AnalysisResources: Sendable {
    public let segmentation: SegmentationData
    public let languageIdentifier: LanguageIdentifier
    public let vocabulary: Vocabulary
    /// SHA-256 over every rule and lexicon file in effect (built-in and the user's).
    public let rulesFingerprint: String

    init(segmentation: SegmentationData, vocabulary: Vocabulary, rulesFingerprint: String) {
        self.segmentation = segmentation
        self.languageIdentifier = LanguageIdentifier(data: segmentation)
        self.vocabulary = vocabulary
        self.rulesFingerprint = rulesFingerprint
    }

    /// Loads the built-in data and, when given, the user's rule folder (which adds to or
    /// overrides built-in rules by id).
    public static func load(userRules: URL? = nil) throws -> AnalysisResources {
        var files = try RuleFiles.files(in: ResourceFile.root, subfolders: ["rules", "lexicons", "segment", "html"])
        if let userRules { files += try RuleFiles.files(in: userRules, subfolders: nil) }
        return try AnalysisResources(segmentation: .load(), vocabulary: Vocabulary(),
                                     rulesFingerprint: RuleFiles.fingerprint(files))
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

    public init(resources: AnalysisResources) throws {
        self.resources = resources
        segmenter = try Segmenter(data: resources.segmentation)
    }

    /// Analyses one input document; throws `StageError` naming the stage that failed.
    public func analyze(_ input: InputDocument) throws -> Document {
        var utf16: [UInt16]
        var source: SourceInfo
        switch input.content {
        case .bytes(let bytes):
            let decoded: TextDecoder.Result
            do { decoded = try decoder.decode(bytes, declared: input.declaredEncoding) } catch let e as DecodeError {
                throw StageError(path: input.path, stage: "decode", message: e.message)
            }
            utf16 = decoded.utf16
            source = SourceInfo(path: input.path, sha256: SHA256.hex(bytes), bytes: bytes.count, encoding: decoded.encoding,
                                confidence: decoded.confidence, repaired: decoded.repaired)
        case .text(let text):
            utf16 = Array(text.utf16)
            let bytes = Array(text.utf8)
            source = input.source ?? SourceInfo(path: input.path, sha256: SHA256.hex(bytes), bytes: bytes.count, encoding: "UTF-8")
        }
        var doc = Document(id: input.id, source: source, utf16: utf16)
        doc.url = input.url
        do {
            try segmenter.segment(&doc, vocabulary: resources.vocabulary)
        } catch {
            throw StageError(path: input.path, stage: "segment", message: "\(error)")
        }
        resources.languageIdentifier.identify(&doc)
        if let lang = input.language { doc.language = lang }
        if let date = input.documentDate { doc.documentDate = DocumentDate(value: date, source: .input) }
        return doc
    }
}
