import ICU
/// Writes a document as JSON (output contract version 1) into UTF-8 bytes.
///
/// Keys come in a fixed order so that equal documents give byte-identical files.
/// Offsets are converted to Unicode code point indices on the way out.
public struct JSONWriter: Sendable {
    /// Schema version of the output contract.
    public static let schemaVersion = 1
    public var includeTokens: Bool
    public var pipelineVersion: String
    public var rulesFingerprint: String

    public init(includeTokens: Bool = false, pipelineVersion: String = PipelineInfo.version, rulesFingerprint: String) {
        self.includeTokens = includeTokens
        self.pipelineVersion = pipelineVersion
        self.rulesFingerprint = rulesFingerprint
    }

    /// The document as one line of JSON (no trailing newline).
    public func write(_ doc: Document) -> [UInt8] {
        // Written straight into the returned array, with room for the text and for the items
        // at about what each takes; in the rare document that needs more, the buffer moves to
        // storage of its own, and the array is made from that.
        let estimate = doc.utf16.count * 3 + doc.tokens.count * (includeTokens ? 60 : 0) + doc.sentences.count * 32
            + doc.dates.count * 256 + doc.entities.count * 256 + 1024
        var grown: [UInt8]?
        let json = [UInt8](unsafeUninitializedCapacity: estimate) { buffer, count in
            let o = JSONBuffer(over: buffer)
            write(doc, to: o)
            if o.isInPlace { count = o.count } else { grown = o.bytes; count = 0 }
        }
        return grown ?? json
    }

    private func write(_ doc: Document, to o: JSONBuffer) {
        let map = doc.offsets
        func cp(_ u: Int) -> Int { map.codePoint(u) }
        /// Opens an item with its span, in code points: `{"start":…,"end":…`.
        func open(_ start: Int, _ end: Int) { o.raw("{\"start\":"); o.int(cp(start)); o.raw(",\"end\":"); o.int(cp(end)) }
        o.raw("{\"schema\":"); o.int(JSONWriter.schemaVersion)
        o.raw(",\"id\":"); o.string(doc.id)
        o.raw(",\"source\":{\"path\":"); o.string(doc.source.path)
        o.raw(",\"sha256\":"); o.string(doc.source.sha256)
        o.raw(",\"bytes\":"); o.int(doc.source.bytes)
        o.raw(",\"encoding\":"); o.string(doc.source.encoding)
        if let c = doc.source.confidence { o.raw(",\"confidence\":"); o.int(c) }
        if let r = doc.source.repaired { o.raw(",\"repaired\":"); o.string(r) }
        if let url = doc.url { o.raw(",\"url\":"); o.string(url) }
        o.raw("},\"language\":"); o.string(doc.language.rawValue)
        o.raw(",\"languages\":[")
        for (i, l) in doc.languages.enumerated() {
            if i > 0 { o.raw(",") }
            open(l.span.start, l.span.end)
            o.raw(",\"language\":"); o.string(l.language.rawValue); o.raw(",\"confidence\":"); o.double(l.confidence); o.raw("}")
        }
        o.raw("]")
        if let d = doc.documentDate {
            o.raw(",\"documentDate\":{\"value\":"); o.string(d.value.description); o.raw(",\"source\":"); o.string(d.source.rawValue); o.raw("}")
        }
        o.raw(",\"text\":")
        if let utf8 = doc.utf8 { utf8.withUnsafeBufferPointer { o.string(utf8: $0) } } else { doc.utf16.withUnsafeBufferPointer { o.string(utf16: $0) } }
        o.raw(",\"sentences\":[")
        for (i, s) in doc.sentences.enumerated() {
            if i > 0 { o.raw(",") }
            open(s.start, s.end); o.raw("}")
        }
        o.raw("]")
        if includeTokens {
            o.raw(",\"tokens\":[")
            var first = true
            doc.folded.withUnsafeBufferPointer { folded in
                for t in doc.tokens {
                    if !first { o.raw(",") }
                    first = false
                    open(Int(t.start), Int(t.end))
                    o.raw(",\"kind\":\""); o.raw(string: t.kind.name); o.raw("\",\"norm\":")
                    o.string(utf16: UnsafeBufferPointer(rebasing: folded[Int(t.foldStart)..<Int(t.foldEnd)]))
                    o.raw("}")
                }
            }
            o.raw("]")
        }
        o.raw(",\"dates\":[")
        doc.utf16.withUnsafeBufferPointer { text in
            /// Opens an annotation: its span and its text.
            func openAnnotation(_ s: Span) {
                open(s.start, s.end)
                o.raw(",\"text\":"); o.string(utf16: UnsafeBufferPointer(rebasing: text[s.start..<s.end]))
            }
            // (annotations read in place: a copy would retain and release their strings; the
            // values of closed sets written as literals)
            func item(_ d: UnsafePointer<DateAnnotation>) {
                openAnnotation(d.pointee.span)
                o.raw(",\"type\":"); o.raw(JSONWriter.literal(d.pointee.kind))
                o.raw(",\"value\":"); o.string(d.pointee.value)
                o.raw(",\"grain\":"); o.string(d.pointee.grain)
                o.raw(",\"anchor\":"); o.raw(JSONWriter.literal(d.pointee.anchor))
                if let r = d.pointee.range { o.raw(",\"range\":{\"from\":"); o.string(r.from); o.raw(",\"to\":"); o.string(r.to); o.raw("}") }
                if let m = d.pointee.mod { o.raw(",\"mod\":"); o.string(m) }
                if let f = d.pointee.freq { o.raw(",\"freq\":"); o.string(f) }
                o.raw(",\"rule\":"); o.string(d.pointee.rule); o.raw("}")
            }
            func item(_ e: UnsafePointer<EntityAnnotation>) {
                openAnnotation(e.pointee.span)
                o.raw(",\"type\":"); o.raw(JSONWriter.literal(e.pointee.type))
                o.raw(",\"base\":"); o.string(e.pointee.base)
                o.raw(",\"latin\":"); o.string(e.pointee.latin)
                o.raw(",\"rule\":"); o.string(e.pointee.rule); o.raw("}")
            }
            doc.dates.withUnsafeBufferPointer { dates in
                for i in dates.indices {
                    if i > 0 { o.raw(",") }
                    item(dates.baseAddress! + i)
                }
            }
            o.raw("],\"entities\":[")
            doc.entities.withUnsafeBufferPointer { entities in
                for i in entities.indices {
                    if i > 0 { o.raw(",") }
                    item(entities.baseAddress! + i)
                }
            }
        }
        o.raw("],\"pipeline\":{\"version\":"); o.string(pipelineVersion)
        o.raw(",\"rules\":"); o.string(rulesFingerprint); o.raw("}}")
    }

    /// The JSON string of a kind (its raw value), as a literal.
    static func literal(_ k: DateAnnotation.Kind) -> StaticString {
        switch k {
        case .date: "\"DATE\""
        case .time: "\"TIME\""
        case .duration: "\"DURATION\""
        case .set: "\"SET\""
        }
    }

    /// The JSON string of an anchor (its raw value), as a literal.
    static func literal(_ a: DateAnnotation.Anchor) -> StaticString {
        switch a {
        case .absolute: "\"absolute\""
        case .documentDate: "\"document-date\""
        case .previousMention: "\"previous-mention\""
        case .unresolved: "\"unresolved\""
        }
    }

    /// The JSON string of an entity type (its raw value), as a literal.
    static func literal(_ t: EntityType) -> StaticString {
        switch t {
        case .PER: "\"PER\""
        case .ORG: "\"ORG\""
        case .LOC: "\"LOC\""
        case .EVT: "\"EVT\""
        case .PRO: "\"PRO\""
        }
    }
}

/// A growing UTF-8 JSON text, written through a pointer of its own (an array checks its
/// uniqueness and capacity on every append, and JSON is many short appends).
public final class JSONBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    /// Whether the text is still in memory the buffer was given (not its own).
    private(set) var isInPlace = false

    public init() {
        capacity = 256
        base = .allocate(capacity: capacity)
    }

    /// A buffer that writes into `memory` until it needs more room.
    init(over memory: UnsafeMutableBufferPointer<UInt8>) {
        capacity = memory.count
        base = memory.baseAddress ?? .allocate(capacity: 0)
        isInPlace = memory.baseAddress != nil
    }

    deinit { if !isInPlace { base.deallocate() } }

    /// The text written so far.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    private func grow(to needed: Int) {
        let grown = max(needed, 2 * capacity)
        let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        fresh.update(from: base, count: count)
        if !isInPlace { base.deallocate() }
        isInPlace = false
        base = fresh
        capacity = grown
    }

    @inline(__always) private func append(_ bytes: UnsafeRawBufferPointer) {
        guard let from = bytes.baseAddress else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        UnsafeMutableRawPointer(base + count).copyMemory(from: from, byteCount: bytes.count)
        count += bytes.count
    }

    @inline(__always) private func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always) public func raw(_ s: StaticString) {
        s.withUTF8Buffer { append(UnsafeRawBufferPointer($0)) }
    }
    /// Appends `s` as it is (a literal goes to the `StaticString` overload, copied without
    /// walking a `String`'s UTF-8 view).
    @inline(__always) public func raw(string s: String) {
        // (read in place: a mutable copy for `withUTF8` would retain and release the string)
        if s.utf8.withContiguousStorageIfAvailable({ append(UnsafeRawBufferPointer($0)) }) != nil { return }
        var s = s
        s.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Room for `extra` more bytes.
    @inline(__always) private func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    /// Appends the decimal digits of `v` (no string made), written from the last.
    public func int(_ v: Int) {
        if v < 0 { append(0x2D) }
        var m = v.magnitude
        var digits = 1
        var rest = m
        while rest >= 10 { rest /= 10; digits += 1 }
        reserve(digits)
        var p = base + count + digits
        repeat {
            p -= 1
            p.pointee = UInt8(truncatingIfNeeded: 0x30 &+ m % 10)
            m /= 10
        } while m > 0
        count += digits
    }

    public func double(_ v: Double) {
        if v == v.rounded(), abs(v) < 1e15 { int(Int(v)); return }
        raw(string: String(v))
    }

    public func string(_ s: String) {
        if s.utf8.withContiguousStorageIfAvailable({ string(utf8: $0) }) != nil { return }
        var s = s
        s.withUTF8 { string(utf8: $0) }
    }

    /// Appends a JSON string from UTF-8 bytes: runs with nothing to escape are copied whole,
    /// found eight bytes at a time.
    public func string(utf8: UnsafeBufferPointer<UInt8>) {
        let n = utf8.count
        reserve(n + 2)
        base[count] = 0x22
        count += 1
        if let bytes = utf8.baseAddress {
            var run = 0
            var i = 0
            while i < n {
                if i + 8 <= n, !JSONBuffer.needsEscape(UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self)) {
                    i += 8
                    continue
                }
                let b = bytes[i]
                if JSONBuffer.needsEscape(byte: b) {
                    if i > run { append(UnsafeRawBufferPointer(start: bytes + run, count: i - run)) }
                    escape(b)
                    run = i + 1
                }
                i += 1
            }
            if run < n { append(UnsafeRawBufferPointer(start: bytes + run, count: n - run)) }
        }
        append(0x22)
    }

    /// Whether any of the eight bytes of `w` is a control character, a quote or a backslash
    /// (the classic bit tricks for "a byte below n" and "a byte equal to n").
    @inline(__always)
    static func needsEscape(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func zeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let below20 = (w &- ones &* 0x20) & ~w & highs
        return below20 | zeroByte(w ^ (ones &* 0x22)) | zeroByte(w ^ (ones &* 0x5C)) != 0
    }

    /// Appends a JSON string from UTF-16 units (lone surrogates become U+FFFD): transcoded
    /// by ICU straight into the buffer, then escaped from a copy in the rare text that needs it.
    public func string(utf16: UnsafeBufferPointer<UInt16>) {
        reserve(3 * utf16.count + 2)
        let text = base + count + 1
        let n = UTF.utf8(fromUTF16: utf16, into: UnsafeMutableBufferPointer(start: text, count: 3 * utf16.count))
        if JSONBuffer.needsNoEscape(UnsafeBufferPointer(start: text, count: n)) {
            base[count] = 0x22
            count += n + 1
            append(0x22)
        } else {
            Array(UnsafeBufferPointer(start: text, count: n)).withUnsafeBufferPointer { string(utf8: $0) }
        }
    }

    /// Whether `b` is a control character, a quote or a backslash.
    @inline(__always) private static func needsEscape(byte b: UInt8) -> Bool { b < 0x20 || b == 0x22 || b == 0x5C }

    /// Whether no byte of `bytes` is a control character, a quote or a backslash.
    private static func needsNoEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = bytes.baseAddress else { return true }
        var i = 0
        while i + 8 <= bytes.count {
            if needsEscape(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)) { return false }
            i += 8
        }
        while i < bytes.count {
            if needsEscape(byte: p[i]) { return false }
            i += 1
        }
        return true
    }

    /// Appends the JSON escape of ASCII `c`.
    private func escape(_ c: UInt8) {
        let short: UInt8
        switch c {
        case 0x22: short = 0x22
        case 0x5C: short = 0x5C
        case 0x0A: short = 0x6E
        case 0x0D: short = 0x72
        case 0x09: short = 0x74
        default:
            let hex: StaticString = "0123456789abcdef"
            raw("\\u00")
            append(hex.utf8Start[Int(c >> 4)])
            append(hex.utf8Start[Int(c & 15)])
            return
        }
        append(0x5C)
        append(short)
    }
}
