/// The entity types of the BSNLP / SlavicNER shared tasks.
public enum EntityType: String, Sendable, CaseIterable, Codable {
    case PER, ORG, LOC, EVT, PRO
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
