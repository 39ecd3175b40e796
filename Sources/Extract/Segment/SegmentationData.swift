import Foundation
import ICU
import Yams

/// Language data the segmenter and language identifier use: abbreviations, ordinal
/// suffixes and function words, read from `Resources/segment`.
public struct SegmentationData: Sendable {
    /// FNV-1a hashes of every abbreviation's simple-folded form.
    let abbreviationHashes: HashTable64<Bool>
    /// Hashes of the first word of every abbreviation ("т" of "т.нар."): only such a word can start one.
    let abbreviationStarts: HashTable64<Bool>
    /// Hashes of every prefix of every abbreviation: a run of tokens whose hash is not one
    /// can go on into none ("и" then " " then "др" is a prefix; "и" then " " then "Иван" is not).
    let abbreviationPrefixes: HashTable64<Bool>
    /// The longest first word an abbreviation goes on from after a space ("и" of "и др."):
    /// a longer word followed by a space starts none.
    let longestSpacedStart: Int
    /// The units that follow a first word inside an abbreviation ("." of "г.", "-" of "г-н",
    /// a space, or a no-break space for it): after any other, the word starts none.
    let abbreviationContinuations: [UInt16]
    let nonFinal: Set<String>
    /// Month abbreviations, folded and without their dot ("фев", "wrz", "sept"): CLDR's
    /// short month names in bg, pl and en, and those `segment/month-abbreviations.yaml` adds.
    let monthAbbreviations: Set<String>
    let ordinalSuffixes: Set<String>
    /// Prefixes that stay a word of their own before a hyphen and a capital ("анти" of
    /// "анти-Брекзит"), folded.
    let hyphenPrefixes: Set<String>
    /// Function words per language, folded.
    public let functionWords: [Language: Set<String>]

    public static func load() throws -> SegmentationData {
        let abbreviations = try ResourceFile.stringLists("segment/abbreviations.yaml", depth: 2)
        let suffixes = try ResourceFile.stringLists("segment/ordinal-suffixes.yaml", depth: 1).mapValues { $0[""] ?? [] }
        let function = try ResourceFile.stringLists("segment/function-words.yaml", depth: 1).mapValues { $0[""] ?? [] }
        let hyphenPrefixes = try ResourceFile.stringLists("segment/hyphen-prefixes.yaml", depth: 1).values.flatMap { $0[""] ?? [] }
        var months = Set(try ResourceFile.stringLists("segment/month-abbreviations.yaml", depth: 1).values.flatMap { $0[""] ?? [] }.map(SegmentationData.simpleFolded))
        for lang in Language.allCases where lang != .other {
            for set in [CLDR.SymbolSet.shortMonths, .standaloneShortMonths] {
                for name in CLDR.dateSymbols(set, locale: lang.rawValue) {
                    months.insert(SegmentationData.simpleFolded(name.hasSuffix(".") ? String(name.dropLast()) : name))
                }
            }
        }
        var hashes = HashTable64<Bool>()
        var starts = HashTable64<Bool>()
        var prefixes = HashTable64<Bool>()
        var nonFinal = Set<String>()
        var longestSpacedStart = 0
        var continuations: [UInt16] = []
        for (_, groups) in abbreviations {
            for (group, forms) in groups {
                // (and each in NFD, as a decomposed text writes it: "s\u{301}w." for "św."; told
                // apart by their units, as Swift's == takes the two for one string)
                for form in forms.flatMap({ f -> [String] in
                    let d = Normalizer.nfd.normalize(f)
                    return d.utf16.elementsEqual(f.utf16) ? [f] : [f, d]
                }) {
                    let folded = SegmentationData.simpleFolded(form)
                    var h = FNV1a.seed
                    for u in folded.utf16 { h = FNV1a.add(h, UInt64(u)) }
                    hashes[h] = true
                    // ICU may keep "т.нар" or "m.in" as one token: every prefix that ends before a
                    // separator can be the first token.
                    var s = FNV1a.seed
                    for u in folded.utf16 {
                        if u == 0x2E || u == 0x2D || u == 0x20 {
                            starts[s] = true
                            for c in u == 0x20 ? [u, 0xA0] : [u] where !continuations.contains(c) { continuations.append(c) }
                        }
                        s = FNV1a.add(s, UInt64(u))
                        prefixes[s] = true
                    }
                    starts[s] = true
                    let units = Array(folded.utf16)
                    if let sep = units.firstIndex(where: { $0 == 0x2E || $0 == 0x2D || $0 == 0x20 }), units[sep] == 0x20 {
                        longestSpacedStart = max(longestSpacedStart, sep)
                    }
                    if group == "nonfinal" { nonFinal.insert(folded) }
                }
            }
        }
        var words: [Language: Set<String>] = [:]
        for (lang, list) in function {
            if let l = Language(rawValue: lang) { words[l] = Set(list.map(SegmentationData.simpleFolded)) }
        }
        return SegmentationData(abbreviationHashes: hashes, abbreviationStarts: starts, abbreviationPrefixes: prefixes, longestSpacedStart: longestSpacedStart,
                                abbreviationContinuations: continuations, nonFinal: nonFinal, monthAbbreviations: months,
                                ordinalSuffixes: Set(suffixes.values.flatMap { $0 }.map(SegmentationData.simpleFolded)),
                                hyphenPrefixes: Set(hyphenPrefixes.map(SegmentationData.simpleFolded)),
                                functionWords: words)
    }

    static func simpleFolded(_ s: String) -> String {
        String(decoding: s.utf16.map(TextFolder.simpleFold), as: UTF16.self)
    }

    func isNonFinal(_ folded: String) -> Bool { nonFinal.contains(folded) }

    func isMonthAbbreviation(_ folded: String) -> Bool { monthAbbreviations.contains(folded) }
}

/// Files shipped in the library's `Resources` folder.
enum ResourceFile {
    static let root: URL = Bundle.module.url(forResource: "Resources", withExtension: nil)
        ?? Bundle.module.bundleURL.appendingPathComponent("Resources")

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: url(relative), encoding: .utf8)
    }

    /// A YAML mapping of lists of strings (depth 1: `key: [..]`; depth 2: `key: {sub: [..]}`,
    /// depth-1 lists come back under the sub-key ""). Scalars stay strings ("on" is not a Bool).
    static func stringLists(_ relative: String, depth: Int) throws -> [String: [String: [String]]] {
        guard let root = try Yams.compose(yaml: text(relative))?.mapping else { return [:] }
        func list(_ n: Node) -> [String] { n.sequence?.compactMap { $0.scalar?.string } ?? [] }
        var out: [String: [String: [String]]] = [:]
        for (k, v) in root {
            guard let key = k.scalar?.string else { continue }
            if depth == 1 { out[key] = ["": list(v)]; continue }
            var inner: [String: [String]] = [:]
            for (k2, v2) in v.mapping ?? [:] { if let s = k2.scalar?.string { inner[s] = list(v2) } }
            out[key] = inner
        }
        return out
    }
}
