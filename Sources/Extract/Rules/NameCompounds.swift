import ICU

/// Hyphen compounds of names, split into their names before matching: a route
/// ("Porto-Kraków-Porto"), a meeting or the two sides of talks ("UE-Londyn", "Тръмп-Меркел").
///
/// A compound of capitalised parts is split when each part is a name of a lexicon marked
/// `hyphen-joined` (the last part may begin a longer name: "UE-Wielka Brytania"), one of
/// them of a lexicon that joins `always`, and the whole is no such name itself;
/// "Jean-Claude", "Rees-Mogg", "Bielsko-Biała" and "BASF-Wintershall" stay one word.
struct NameCompounds {
    let rules: CompiledRules
    let segmenter: Segmenter

    /// Splits the compounds of names in `doc`; whether any was split (`context` then no
    /// longer fits the tokens). `context` is the one made for `doc` as it came.
    func split(_ doc: inout Document, context: MatchContext) -> Bool {
        guard rules.lexicons.splitsNameCompounds else { return false }
        let candidates = doc.tokens.indices.filter { isCandidate(doc.tokens[$0], doc.utf16) }
        guard !candidates.isEmpty else { return false }
        let joins = rules.lexicons.hyphenJoins
        // Every candidate split on trial, to look its parts up; the kept ones are taken from it.
        var trial = doc
        let firsts = segmenter.split(&trial, at: candidates)
        let parts = MatchContext(document: trial, lexicons: rules.lexicons, vocabulary: rules.vocabulary, cache: context.cache)
        /// How the names starting at `p` of `ctx` and ending at `end` (any end: nil) join others.
        func join(_ ctx: MatchContext, _ p: Int, end: Int?) -> Lexicon.HyphenJoin {
            ctx.hits(p).reduce(.never) { end == nil || $1.end == end ? max($0, joins[Int($1.ref.lexicon)]) : $0 }
        }
        var tokens: [Token] = []
        var taken = 0, any = false
        for (c, p) in candidates.enumerated() {
            tokens += doc.tokens[taken..<p]
            taken = p + 1
            let first = firsts[c], last = first + 2 * (Segmenter.compoundParts(doc.tokens[p], doc.utf16).count - 1)
            let each = stride(from: first, to: last, by: 2).map { join(parts, $0, end: $0 + 1) } + [join(parts, last, end: nil)]
            if join(context, p, end: nil) == .never, each.allSatisfy({ $0 != .never }), each.contains(.always) {
                tokens += trial.tokens[first...last]
                any = true
            } else {
                tokens.append(doc.tokens[p])
            }
        }
        guard any else { return false }
        tokens += doc.tokens[taken...]
        // (the trial's folded keys only add to the document's: every kept token's key is there)
        doc.tokens = tokens
        doc.folded = trial.folded
        return true
    }

    /// Whether token `t` is a hyphen compound of two to five capitalised parts of two
    /// letters or more.
    private func isCandidate(_ t: Token, _ text: [UInt16]) -> Bool {
        guard t.kind == .word, t.shape.contains(.hyphenated), !t.shape.contains(.digits),
              CharacterProperties.isUpper(UInt32(text[Int(t.start)])) else { return false }
        let parts = Segmenter.compoundParts(t, text)
        return (2...5).contains(parts.count) && parts.allSatisfy { $0.count >= 2 && CharacterProperties.isUpper(UInt32(text[$0.lowerBound])) }
    }
}
