import Foundation

/// The lists the HTML extractor drops as boilerplate (Resources/html/boilerplate.yaml).
public struct HTMLBoilerplate: Sendable {
    /// Tags whose subtree is dropped.
    public var elements: Set<String>
    /// Class or id words that mark a subtree as dropped.
    public var classes: Set<String>
    /// Whole lines dropped, lower-cased.
    public var lines: Set<String>
    /// Line prefixes that mark a metadata line.
    public var prefixes: [String]
    /// File extensions of image names left as text.
    public var imageExtensions: Set<String>

    /// The built-in lists.
    public static let builtIn: HTMLBoilerplate = {
        do { return try HTMLBoilerplate(lists: ResourceFile.stringLists("html/boilerplate.yaml", depth: 1).mapValues { $0[""] ?? [] }) } catch {
            fatalError("Resources/html/boilerplate.yaml is missing or invalid: \(error)")
        }
    }()

    init(lists map: [String: [String]]) throws {
        guard !map.isEmpty else { throw DecodeError("boilerplate.yaml: expected a mapping of lists") }
        func list(_ key: String) -> [String] { map[key] ?? [] }
        elements = Set(list("elements"))
        classes = Set(list("classes"))
        lines = Set(list("lines").map { $0.lowercased() })
        prefixes = list("prefixes")
        imageExtensions = Set(list("imageExtensions"))
    }

    /// Whether a class or id attribute value marks boilerplate.
    func isBoilerplateClass(_ value: String) -> Bool {
        for word in value.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }) where classes.contains(String(word)) {
            return true
        }
        return false
    }

    /// Whether a whole extracted line is boilerplate.
    func isBoilerplateLine(_ line: String) -> Bool {
        if lines.contains(line.lowercased()) { return true }
        for p in prefixes where line.hasPrefix(p) { return true }
        if !line.contains(" "), let dot = line.lastIndex(of: "."),
           imageExtensions.contains(line[line.index(after: dot)...].lowercased()) { return true }
        return false
    }
}
