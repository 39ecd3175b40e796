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
            let text = doc.text(span)
            let base = fields["base"] ?? lexiconForm(span, type, ctx) ?? former.base(text: text, type: type)
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
        // Folded word sequences to look for, with what they stand for.
        // (keyed by the hash of the first word; the words themselves are compared on use)
        var targets: [UInt64: [(words: [[UInt16]], entity: EntityAnnotation)]] = [:]
        func words(_ e: EntityAnnotation) -> [[UInt16]] {
            guard let a = ctx.position(startingAt: e.span.start) else { return [] }
            var out: [[UInt16]] = []
            var p = a
            while p < ctx.count, Int(ctx.token(p).end) <= e.span.end {
                if ctx.token(p).kind == .word || ctx.token(p).kind == .abbreviation { out.append(Array(ctx.folded(p))) }
                p += 1
            }
            return out
        }
        for e in found {
            let w = words(e)
            guard !w.isEmpty else { continue }
            var variants: [[[UInt16]]] = [w]
            if e.type == .PER, w.count >= 2 { variants.append([w.last!]) }
            if (e.type == .ORG || e.type == .EVT || e.type == .PRO), w.count >= 3 { variants.append(Array(w.dropFirst())) }
            for v in variants { targets[InflectionMatcher.hash(v[0]), default: []].append((v, e)) }
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
            var best: (Int, EntityAnnotation)?
            for (w, e) in cands {
                var q = p, ok = true
                for word in w {
                    guard q < ctx.count, !taken[q], ctx.wordMatches(q, word, ctx.lexicons.inflection) else { ok = false; break }
                    q += 1
                }
                if ok, q - p > (best.map { $0.0 - p } ?? 0) { best = (q, e) }
            }
            guard let (end, e) = best else { p += 1; continue }
            let span = ctx.span(p, end)
            let text = doc.text(span)
            let base = former.base(text: text, type: e.type)
            out.append(EntityAnnotation(span: span, type: e.type, base: base, latin: former.latin(base), rule: e.rule))
            for q in p..<end { taken[q] = true }
            p = end
        }
        return out
    }
}
