/// The entity types of the BSNLP / SlavicNER shared tasks.
public enum EntityType: String, Sendable, CaseIterable, Codable {
    case PER, ORG, LOC, EVT, PRO

    /// The type named `name`, told by its bytes (the `rawValue` initialiser compares it
    /// against every case in turn).
    static func named(_ name: String) -> EntityType? {
        let u = name.utf8
        guard u.count == 3, let first = u.first else { return nil }
        let t: EntityType
        switch first {
        case 0x50: t = u.last == 0x52 ? .PER : .PRO // P
        case 0x4F: t = .ORG // O
        case 0x4C: t = .LOC // L
        case 0x45: t = .EVT // E
        default: return nil
        }
        return name == t.rawValue ? t : nil
    }
}

/// A named entity mention with its base (nominative) form and a Latin-script key.
public struct EntityAnnotation: Sendable, Equatable {
    public var span: Span
    public var type: EntityType
    public var base: String
    public var latin: String
    public var rule: String

    public init(span: Span, type: EntityType, base: String, latin: String, rule: String) {
        self.span = span; self.type = type; self.base = base; self.latin = latin; self.rule = rule
    }
}
