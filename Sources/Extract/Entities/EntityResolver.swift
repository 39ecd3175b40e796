/// Turns entity rule records into entities with base forms and Latin keys, then applies
/// document consistency: a name found once is found again where it recurs (a person's
/// surname alone, an organisation's name without its head noun). One per worker.
public final class EntityResolver {
    private var formers: [Language: BaseFormer] = [:]

    public init(lemmatizers: [Language: Lemmatizer]) throws {
        for lang in Language.allCases {
            formers[lang] = try BaseFormer(language: lang, lemmatizer: lemmatizers[lang])
        }
    }

    func resolve(_ records: [(Span, Fields, String)], in doc: Document, context ctx: MatchContext) -> [EntityAnnotation] {
        let former = formers[doc.language]!
        var out: [EntityAnnotation] = []
        for (span, fields, rule) in records {
            guard let t = fields["type"], let type = EntityType(rawValue: t) else { continue }
            let base = fields["base"] ?? lexiconForm(span, type, ctx) ?? former.base(doc.utf16[span.start..<span.end], type: type)
            out.append(EntityAnnotation(span: span, type: type, base: base, latin: former.latin(base), rule: rule))
        }
        out += consistency(out, doc: doc, ctx: ctx, former: former)
        return out.sorted { $0.span.start < $1.span.start }
    }

    /// The form of a gazetteer entry of the entity's type (or a country, for LOC) covering exactly `span`.
    private func lexiconForm(_ span: Span, _ type: EntityType, _ ctx: MatchContext) -> String? {
        guard let p = ctx.position(startingAt: span.start) else { return nil }
        for h in ctx.hits(p) where ctx.token(h.end - 1).end == span.end {
            let lex = ctx.lexicons.lexicons[Int(h.ref.lexicon)]
            let entry = lex.entries[Int(h.ref.entry)]
            if EntityType(rawValue: entry.value) == type || (lex.name == "countries" && type == .LOC) { return entry.form }
        }
        return nil
    }

    /// Later mentions of names already found: the full name, a person's last name, or a
    /// multi-word name's tail without its head noun. Marked with the rule that found the name.
    private func consistency(_ found: [EntityAnnotation], doc: Document, ctx: MatchContext, former: BaseFormer) -> [EntityAnnotation] {
        guard !found.isEmpty else { return [] }
        // The folded words of each name found, and the word runs to look for: a variant is
        // (name, first word, end word), keyed by the hash of its first word (the words
        // themselves are compared on use).
        var names: [[[UInt16]]] = []
        var variants: [(name: Int, from: Int, to: Int)] = []
        var targets: [UInt64: [Int]] = [:]
        for (k, e) in found.enumerated() {
            var w: [[UInt16]] = []
            if var p = ctx.position(startingAt: e.span.start) {
                while p < ctx.count, Int(ctx.token(p).end) <= e.span.end {
                    if ctx.token(p).kind == .word || ctx.token(p).kind == .abbreviation { w.append(Array(ctx.folded(p))) }
                    p += 1
                }
            }
            names.append(w)
            guard !w.isEmpty else { continue }
            var runs = [(0, w.count)]
            if e.type == .PER, w.count >= 2 { runs.append((w.count - 1, w.count)) }
            if (e.type == .ORG || e.type == .EVT || e.type == .PRO), w.count >= 3 { runs.append((1, w.count)) }
            for (a, b) in runs {
                targets[InflectionMatcher.hash(w[a]), default: []].append(variants.count)
                variants.append((k, a, b))
            }
        }
        var taken = [Bool](repeating: false, count: ctx.count)
        for e in found {
            guard var p = ctx.position(startingAt: e.span.start) else { continue }
            while p < ctx.count, Int(ctx.token(p).start) < e.span.end { taken[p] = true; p += 1 }
        }
        var out: [EntityAnnotation] = []
        var p = 0
        while p < ctx.count {
            let t = ctx.token(p)
            guard !taken[p], t.kind == .word, !t.shape.isDisjoint(with: [.capitalized, .allCaps, .camelCase]),
                  let cands = targets[InflectionMatcher.hash(ctx.folded(p))] else { p += 1; continue }
            var best: (end: Int, name: Int)?
            for v in cands {
                let (k, a, b) = variants[v]
                var q = p, ok = true
                for word in names[k][a..<b] {
                    guard q < ctx.count, !taken[q], ctx.wordMatches(q, word, ctx.lexicons.inflection) else { ok = false; break }
                    q += 1
                }
                if ok, q - p > (best.map { $0.end - p } ?? 0) { best = (q, k) }
            }
            guard let (end, k) = best else { p += 1; continue }
            let e = found[k]
            let span = ctx.span(p, end)
            let base = former.base(doc.utf16[span.start..<span.end], type: e.type)
            out.append(EntityAnnotation(span: span, type: e.type, base: base, latin: former.latin(base), rule: e.rule))
            for q in p..<end { taken[q] = true }
            p = end
        }
        return out
    }
}
