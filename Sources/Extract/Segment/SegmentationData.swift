import Foundation
import Yams

/// Language data the segmenter and language identifier use: abbreviations, ordinal
/// suffixes and function words, read from `Resources/segment`.
public struct SegmentationData: Sendable {
    /// FNV-1a hashes of every abbreviation's simple-folded form.
    let abbreviationHashes: Set<UInt64>
    let nonFinal: Set<String>
    let ordinalSuffixes: Set<String>
    /// Function words per language, folded.
    public let functionWords: [Language: Set<String>]

    public static func load() throws -> SegmentationData {
        let abbreviations = try ResourceFile.yaml("segment/abbreviations.yaml") as? [String: [String: [String]]] ?? [:]
        let suffixes = try ResourceFile.yaml("segment/ordinal-suffixes.yaml") as? [String: [String]] ?? [:]
        let function = try ResourceFile.yaml("segment/function-words.yaml") as? [String: [String]] ?? [:]
        var hashes = Set<UInt64>()
        var nonFinal = Set<String>()
        for (_, groups) in abbreviations {
            for (group, forms) in groups {
                for form in forms {
                    let folded = SegmentationData.simpleFolded(form)
                    var h: UInt64 = 0xcbf29ce484222325
                    for u in folded.utf16 { h = (h ^ UInt64(u)) &* 0x100000001b3 }
                    hashes.insert(h)
                    if group == "nonfinal" { nonFinal.insert(folded) }
                }
            }
        }
        var words: [Language: Set<String>] = [:]
        for (lang, list) in function {
            if let l = Language(rawValue: lang) { words[l] = Set(list.map(SegmentationData.simpleFolded)) }
        }
        return SegmentationData(abbreviationHashes: hashes, nonFinal: nonFinal,
                                ordinalSuffixes: Set(suffixes.values.flatMap { $0 }.map(SegmentationData.simpleFolded)),
                                functionWords: words)
    }

    static func simpleFolded(_ s: String) -> String {
        String(decoding: s.utf16.map(TextFolder.simpleFold), as: UTF16.self)
    }

    func isNonFinal(_ folded: String) -> Bool { nonFinal.contains(folded) }
}

/// Files shipped in the library's `Resources` folder.
enum ResourceFile {
    static let root: URL = Bundle.module.url(forResource: "Resources", withExtension: nil)
        ?? Bundle.module.bundleURL.appendingPathComponent("Resources")

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: url(relative), encoding: .utf8)
    }

    static func yaml(_ relative: String) throws -> Any? {
        try Yams.load(yaml: text(relative))
    }
}
