import Extract
import Foundation
import XCTest

/// One set of resources for the tests, and analysing a text to its JSON output.
enum Support {
    static let resources: AnalysisResources = {
        do { return try AnalysisResources.load() } catch { fatalError("cannot load resources: \(error)") }
    }()

    static let corpus = TestSupport.packageRoot.appendingPathComponent("corpus")

    static func analyzer() -> Analyzer {
        do { return try Analyzer(resources: resources) } catch { fatalError("\(error)") }
    }

    /// Analyses a text and returns the parsed JSON output.
    static func annotate(_ text: String, language: Language? = nil, date: CivilDate? = nil, tokens: Bool = true) throws -> [String: Any] {
        let doc = try analyzer().analyze(InputDocument(id: "t", path: "t", content: .text(text), documentDate: date, language: language))
        let bytes = JSONWriter(includeTokens: tokens, rulesFingerprint: resources.rulesFingerprint).write(doc)
        return try JSONSerialization.jsonObject(with: Data(bytes)) as! [String: Any]
    }

    /// `text[start:end]` in code points, as Python slices.
    static func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[start..<end])
        return String(s)
    }
}
