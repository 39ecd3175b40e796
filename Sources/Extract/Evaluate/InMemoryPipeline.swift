import Foundation

/// Runs the analyser over input documents and returns the results as they would be read
/// back from `output/<id>.json`, without writing files.
///
/// Each document goes through `JSONWriter` and `AnnotatedDocument(json:)`, so evaluations and
/// diffs of an in-memory run see exactly what `pipeline run` would have written.
public final class InMemoryPipeline {
    private let analyzer: Analyzer
    private let writer: JSONWriter

    public init(resources: AnalysisResources) throws {
        analyzer = try Analyzer(resources: resources)
        writer = JSONWriter(rulesFingerprint: resources.rulesFingerprint)
    }

    /// Analyses one document; throws `StageError` like `Analyzer.analyze`.
    public func run(_ input: InputDocument) throws -> AnnotatedDocument {
        let doc = try analyzer.analyze(input)
        return try AnnotatedDocument(json: Data(writer.write(doc)), defaultId: input.id)
    }

    /// Analyses every document, keyed by id; failures are returned separately.
    public func run(_ inputs: [InputDocument]) -> (documents: [String: AnnotatedDocument], errors: [StageError]) {
        var documents: [String: AnnotatedDocument] = [:]
        var errors: [StageError] = []
        for input in inputs {
            do {
                documents[input.id] = try run(input)
            } catch let e as StageError {
                errors.append(e)
            } catch {
                errors.append(StageError(path: input.path, stage: "read", message: "\(error)"))
            }
        }
        return (documents, errors)
    }
}
