import CHunspell
import Foundation
import ICU

/// Dictionary forms of words through hunspell (Debian's hunspell-bg / hunspell-pl / hunspell-en-us),
/// with a cache; one per language and process (`shared`). Thread-safe.
public final class Lemmatizer: @unchecked Sendable {
    private let handle: OpaquePointer
    private let charset: String
    private let lock = NSLock()
    private var cache: [String: [String]] = [:]
    private var known: [String: Bool] = [:]

    /// Where Debian installs hunspell dictionaries.
    public static let dictionaryFolder = "/usr/share/hunspell"

    /// The dictionary name of a language (bg_BG, pl_PL, en_US).
    public static func dictionaryName(_ language: Language) -> String? {
        switch language {
        case .bg: "bg_BG"
        case .pl: "pl_PL"
        case .en: "en_US"
        case .other: nil
        }
    }

    /// The process's lemmatizer of each language opened so far.
    nonisolated(unsafe) private static var opened: [Language: Lemmatizer] = [:]
    private static let openLock = NSLock()

    /// The lemmatizer of `language`, its dictionary opened once per process and never closed:
    /// hunspell's instances share a Unicode case table that destroying instances can free
    /// while others use it, after which those stem no capitalised word ("Окръжният" gave
    /// none once rule sets had been loaded and dropped); throws when it is not installed.
    public static func shared(_ language: Language) throws -> Lemmatizer {
        openLock.lock()
        defer { openLock.unlock() }
        if let l = opened[language] { return l }
        let l = try Lemmatizer(language: language)
        opened[language] = l
        return l
    }

    /// Opens the dictionary of `language`; throws when it is not installed.
    private init(language: Language) throws {
        guard let name = Lemmatizer.dictionaryName(language) else { throw DecodeError("no hunspell dictionary for \(language)") }
        let aff = "\(Lemmatizer.dictionaryFolder)/\(name).aff", dic = "\(Lemmatizer.dictionaryFolder)/\(name).dic"
        guard FileManager.default.fileExists(atPath: aff), FileManager.default.fileExists(atPath: dic) else {
            throw DecodeError("hunspell dictionary \(name) not found in \(Lemmatizer.dictionaryFolder) (install hunspell-\(language.rawValue == "en" ? "en-us" : language.rawValue))")
        }
        guard let h = Hunspell_create(aff, dic) else { throw DecodeError("hunspell could not open \(name)") }
        handle = h
        let set = String(cString: Hunspell_get_dic_encoding(h))
        charset = set.uppercased() == "UTF-8" ? "UTF-8" : set
    }

    /// The dictionary forms hunspell gives for `word` (empty when it does not know it).
    public func lemmas(_ word: String) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[word] { return cached }
        var result: [String] = []
        if let encoded = encode(word) {
            var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
            let n = encoded.withUnsafeBufferPointer { Hunspell_stem(handle, &list, $0.baseAddress) }
            if n > 0, let items = list {
                for i in 0..<Int(n) {
                    if let p = items[i], let s = decode(p) { if !result.contains(s) { result.append(s) } }
                }
                Hunspell_free_list(handle, &list, n)
            }
        }
        if cache.count > 200_000 { cache.removeAll() }
        cache[word] = result
        return result
    }

    /// Whether hunspell knows `word` as it is written.
    public func knows(_ word: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if let k = known[word] { return k }
        guard let encoded = encode(word) else { return false }
        let k = encoded.withUnsafeBufferPointer { Hunspell_spell(handle, $0.baseAddress) } != 0
        if known.count > 200_000 { known.removeAll() }
        known[word] = k
        return k
    }

    private func encode(_ s: String) -> [CChar]? {
        if charset == "UTF-8" { return Array(s.utf8CString) }
        let units = Array(s.utf16)
        guard let bytes = try? units.withUnsafeBufferPointer({ try Charset.bytes(from: $0, charset: charset) }) else { return nil }
        return bytes.map { CChar(bitPattern: $0) } + [0]
    }

    private func decode(_ p: UnsafePointer<CChar>) -> String? {
        if charset == "UTF-8" { return String(cString: p) }
        let n = strlen(p)
        return p.withMemoryRebound(to: UInt8.self, capacity: n) { b in
            (try? Charset.utf16(from: UnsafeBufferPointer(start: b, count: n), charset: charset)).map { String(decoding: $0, as: UTF16.self) }
        }
    }
}
