import Foundation
import SolieuText


/// The article as Unicode scalars with two aligned views (same length, same offsets): lower-case,
/// and the diacritic-free search key. Offsets everywhere in extraction are scalar offsets.
struct TextView {
    let scalars: [Unicode.Scalar]
    let lower: [Unicode.Scalar]
    let key: [Unicode.Scalar]
    let tokens: [Token]

    struct Token {
        enum Kind { case word, number, punct }
        var start: Int
        var end: Int
        var kind: Kind
        /// Search key of the token ("quyết" → "quyet"); punctuation as itself.
        var key: String
        var isUpper: Bool
        /// Lower-case with diacritics ("tăng" and "tầng" differ here, not in `key`).
        var lower: String = ""
        /// Fingerprints of `key` and `lower` (FNV-1a over their scalars), for table lookups that
        /// need no string hashing.
        var keyHash: UInt64 = 0
        var lowerHash: UInt64 = 0
    }

    /// The fingerprint of a key written out ("ngay").
    static func fingerprint(_ key: String) -> UInt64 {
        UnicodeNormalization.scalars(key).withUnsafeBufferPointer { fingerprint($0, 0, $0.count) }
    }

    /// FNV-1a over scalar values: the fingerprint `PhraseTable` files phrases under.
    @inline(__always) static func fingerprint(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ a: Int, _ b: Int) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for k in a..<b { h = (h ^ UInt64(s[k].value)) &* 0x100_0000_01B3 }
        return h
    }

    init(_ text: String) {
        let scalars = UnicodeNormalization.scalars(text)
        self.scalars = scalars
        let n = scalars.count
        var lower: [Unicode.Scalar] = []
        var key: [Unicode.Scalar] = []
        Self.foldTable.withUnsafeBufferPointer { table in
            scalars.withUnsafeBufferPointer { s in
                lower = [Unicode.Scalar](unsafeUninitializedCapacity: n) { lowerOut, lowerCount in
                    key = [Unicode.Scalar](unsafeUninitializedCapacity: n) { keyOut, keyCount in
                        for i in 0..<n {
                            let v = s[i].value
                            if v < Self.foldLimit {
                                lowerOut[i] = unsafeBitCast(table[2 * Int(v)], to: Unicode.Scalar.self)
                                keyOut[i] = unsafeBitCast(table[2 * Int(v) + 1], to: Unicode.Scalar.self)
                            } else {
                                let l = Self.lowerScalar(s[i])
                                lowerOut[i] = l
                                keyOut[i] = VietnameseFold.keyScalar(l)
                            }
                        }
                        keyCount = n
                    }
                    lowerCount = n
                }
            }
        }
        self.lower = lower
        self.key = key
        tokens = Self.tokenize(scalars, key, lower)
    }

    /// Lower case and search key of every scalar below `foldLimit`, interleaved: the per-scalar
    /// folding of every article reads a table instead of branching.
    static let foldLimit: UInt32 = 0x2000
    static let foldTable: [UInt32] = (0..<foldLimit).flatMap { v -> [UInt32] in
        guard let c = Unicode.Scalar(v) else { return [v, v] }
        let l = lowerScalar(c)
        return [l.value, VietnameseFold.keyScalar(l).value]
    }

    @inline(__always) static func lowerScalar(_ s: Unicode.Scalar) -> Unicode.Scalar { Tokenizer.lower(s) }

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
        Tokenizer.isLetter(s) || (0x300...0x36F).contains(s.value)
    }

    private static func tokenize(_ scalars: [Unicode.Scalar], _ keys: [Unicode.Scalar], _ lowers: [Unicode.Scalar]) -> [Token] {
        scalars.withUnsafeBufferPointer { s in
            keys.withUnsafeBufferPointer { key in
                lowers.withUnsafeBufferPointer { lower in tokenize(s, key, lower) }
            }
        }
    }

    private static func tokenize(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ key: UnsafeBufferPointer<Unicode.Scalar>,
                                 _ lower: UnsafeBufferPointer<Unicode.Scalar>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(s.count / 4)
        var i = 0
        let n = s.count
        let cache = WordCache.take()
        defer { WordCache.give(cache) }
        while i < n {
            let c = s[i]
            if Tokenizer.isSpace(c) { i += 1; continue }
            if isDigit(c) {
                var j = i + 1
                while j < n, isDigit(s[j]) || ((s[j] == "." || s[j] == ",") && j + 1 < n && isDigit(s[j + 1])) { j += 1 }
                let w = cache.word(lower, key, i, j)
                tokens.append(Token(start: i, end: j, kind: .number, key: w.key, isUpper: false, lower: w.lower,
                                    keyHash: w.keyHash, lowerHash: w.lowerHash))
                i = j
            } else if isLetter(c) {
                var j = i + 1
                var allUpper = Tokenizer.isUpper(c)
                var marks = false
                while j < n, isLetter(s[j]) {
                    if (0x300...0x36F).contains(s[j].value) { marks = true } else if allUpper { allUpper = Tokenizer.isUpper(s[j]) }
                    j += 1
                }
                if marks {
                    // Lower-casing keeps NFC text in NFC; only a run with combining marks needs ICU.
                    let lowerText = UnicodeNormalization.nfc(Tokenizer.string(lower, i, j))
                    tokens.append(Token(start: i, end: j, kind: .word, key: Tokenizer.string(key, i, j), isUpper: allUpper && j - i >= 2,
                                        lower: lowerText, keyHash: fingerprint(key, i, j), lowerHash: fingerprint(lowerText)))
                } else {
                    let w = cache.word(lower, key, i, j)
                    tokens.append(Token(start: i, end: j, kind: .word, key: w.key, isUpper: allUpper && j - i >= 2,
                                        lower: w.lower, keyHash: w.keyHash, lowerHash: w.lowerHash))
                }
                i = j
            } else {
                let w = cache.word(lower, key, i, i + 1)
                tokens.append(Token(start: i, end: i + 1, kind: .punct, key: w.key, isUpper: false, lower: w.lower,
                                    keyHash: w.keyHash, lowerHash: w.lowerHash))
                i += 1
            }
        }
        return tokens
    }

    /// What a token's lower-case scalars give: its lower-case text, its key and their
    /// fingerprints, cached by those scalars (the key is a function of them). The caches live in
    /// a pool and serve one text at a time, so they carry over from one document to the next on
    /// every thread without being shared.
    struct Word {
        var lower: String
        var key: String
        var lowerHash: UInt64
        var keyHash: UInt64
    }

    private final class WordCache: @unchecked Sendable {
        private static let lock = NSLock()
        nonisolated(unsafe) private static var pool: [WordCache] = []  // guarded by `lock`

        static func take() -> WordCache {
            lock.withLock { pool.popLast() } ?? WordCache()
        }

        static func give(_ cache: WordCache) {
            lock.withLock { if pool.count < 64 { pool.append(cache) } }
        }

        let runs = ScalarRunCache<Word>(scalars: 1 << 15, empty: Word(lower: "", key: "", lowerHash: 0, keyHash: 0))

        @inline(__always)
        func word(_ lower: UnsafeBufferPointer<Unicode.Scalar>, _ key: UnsafeBufferPointer<Unicode.Scalar>, _ a: Int, _ b: Int) -> Word {
            runs.value(lower, a, b) { a, b in
                Word(lower: Tokenizer.string(lower, a, b), key: Tokenizer.string(key, a, b),
                     lowerHash: fingerprint(lower, a, b), keyHash: fingerprint(key, a, b))
            }
        }
    }

    /// The first token at or after scalar offset `offset`.
    func tokenIndex(atOrAfter offset: Int) -> Int {
        var lo = 0
        var hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].start < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    func text(_ a: Int, _ b: Int) -> String { Tokenizer.string(scalars, a, b) }
    /// The lower-case text of scalars a..<b (as `text(a, b).lowercased()` for Vietnamese).
    func lowerText(_ a: Int, _ b: Int) -> String { Tokenizer.string(lower, a, b) }

    /// Whether tokens from `index` spell `phrase` (a list of token keys, or of lower-case words
    /// with diacritics when `exact`). Returns the index after.
    func match(_ phrase: [String], at index: Int, exact: Bool = false) -> Int? {
        guard index >= 0, index + phrase.count <= tokens.count else { return nil }
        for (k, p) in phrase.enumerated() where (exact ? tokens[index + k].lower : tokens[index + k].key) != p { return nil }
        // Adjacent tokens must not be glued across a line break.
        return index + phrase.count
    }

    /// Token keys of a phrase ("Bằng khen" → ["bang", "khen"]); with `exact`, lower-case words
    /// with their diacritics (punctuation as itself).
    static func phraseKeys(_ phrase: String, exact: Bool = false) -> [String] {
        TextView(phrase).tokens.map { exact && $0.kind == .word ? $0.lower : $0.key }
    }

    /// A line break between scalar offsets a and b.
    func lineBreak(_ a: Int, _ b: Int) -> Bool {
        guard a < b else { return false }
        for i in a..<b where scalars[i] == "\n" { return true }
        return false
    }

    /// Only spaces (no line break, no other characters) between scalar offsets a and b.
    func onlySpaces(_ a: Int, _ b: Int) -> Bool {
        guard a <= b else { return false }
        for i in a..<b where scalars[i] != " " && scalars[i] != "\u{00A0}" { return false }
        return true
    }
}

/// A set of token keys tested by fingerprint against a 4096-bit map: a word that is not one of
/// them is turned away with one load. A hit may be a false positive; callers compare the key.
struct KeyFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 64)

    init(_ keys: [String]) {
        for k in keys { insert(TextView.fingerprint(k)) }
    }

    mutating func insert(_ fingerprint: UInt64) { bits[Int(fingerprint & 4095) >> 6] |= 1 << (fingerprint & 63) }

    @inline(__always) func contains(_ fingerprint: UInt64) -> Bool {
        bits[Int(fingerprint & 4095) >> 6] & (1 << (fingerprint & 63)) != 0
    }
}

/// A phrase dictionary matched on token keys, longest phrase first.
struct PhraseTable<Payload> {
    private struct Entry {
        var keys: [String]
        /// Fingerprints of `keys`: a phrase that does not match is usually told at its second token
        /// without comparing strings.
        var hashes: [UInt64]
        var payload: Payload
    }
    /// Phrases grouped by the fingerprint of their first token, in a 4096-slot table with chains:
    /// a token that starts no phrase costs one load.
    private var slots = [Int32](repeating: -1, count: 4096)
    private var groups: [(fingerprint: UInt64, next: Int32, entries: [Entry])] = []
    /// Match words with their diacritics ("tầng" ≠ "tăng") rather than on search keys.
    var exact = false

    init(exact: Bool = false) { self.exact = exact }

    @inline(__always) private func fingerprint(_ t: TextView.Token) -> UInt64 {
        exact && t.kind == .word ? t.lowerHash : t.keyHash
    }

    private func group(_ first: UInt64) -> Int? {
        var g = slots[Int(first & 4095)]
        while g >= 0 {
            if groups[Int(g)].fingerprint == first { return Int(g) }
            g = groups[Int(g)].next
        }
        return nil
    }

    /// Adds a phrase; a phrase added again replaces the earlier payload.
    mutating func add(_ phrase: String, _ payload: Payload) {
        let view = TextView(phrase)
        let keys = view.tokens.map { exact && $0.kind == .word ? $0.lower : $0.key }
        let hashes = view.tokens.map(fingerprint)
        guard let first = hashes.first else { return }
        let g: Int
        if let existing = group(first) {
            g = existing
        } else {
            let slot = Int(first & 4095)
            groups.append((first, slots[slot], []))
            g = groups.count - 1
            slots[slot] = Int32(g)
        }
        groups[g].entries.removeAll { $0.keys == keys }
        groups[g].entries.append(Entry(keys: keys, hashes: hashes, payload: payload))
        groups[g].entries.sort { $0.keys.count > $1.keys.count }
    }

    /// The longest phrase starting at token `index` whose first word is spelled right and one
    /// later word is off by one letter ("chươg"), or by "y" for "i" at its end ("sỹ" for "sĩ").
    /// For names people misspell; call it after `longest` found nothing.
    func longestAllowingOneTypo(in view: TextView, at index: Int) -> (end: Int, payload: Payload)? {
        let tokens = view.tokens
        guard index + 1 < tokens.count, tokens[index].kind == .word, tokens[index + 1].kind == .word,
              let g = group(fingerprint(tokens[index])) else { return nil }
        let entries = groups[g].entries
        for ei in entries.indices where entries[ei].keys.count >= 2 && index + entries[ei].keys.count <= tokens.count {
            // Fingerprints first: exactly one later word may differ.
            var mismatch = -1
            var more = false
            for k in 1..<entries[ei].keys.count where fingerprint(tokens[index + k]) != entries[ei].hashes[k] {
                if mismatch >= 0 { more = true; break }
                mismatch = k
            }
            guard !more, mismatch > 0 else { continue }
            let t = tokens[index + mismatch]
            guard t.kind == .word, Self.nearlySame(Array(t.key.unicodeScalars), Array(entries[ei].keys[mismatch].unicodeScalars)),
                  tokens[index + entries[ei].keys.count - 1].kind == .word else { continue }
            return (index + entries[ei].keys.count, entries[ei].payload)
        }
        return nil
    }

    /// One letter changed, added or dropped (words of four letters or more), or "y" for "i" at the end.
    static func nearlySame(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        if a.count == b.count, a.count >= 2, a.dropLast() == b.dropLast(), Set([a.last!, b.last!]) == ["y", "i"] { return true }
        guard min(a.count, b.count) >= 4, abs(a.count - b.count) <= 1 else { return false }
        var i = 0, j = 0, edits = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { i += 1; j += 1; continue }
            edits += 1
            if edits > 1 { return false }
            if a.count > b.count { i += 1 } else if b.count > a.count { j += 1 } else { i += 1; j += 1 }
        }
        return edits + (a.count - i) + (b.count - j) <= 1
    }

    /// The longest phrase starting at token `index`: (token index after it, payload).
    func longest(in view: TextView, at index: Int) -> (end: Int, payload: Payload)? {
        let tokens = view.tokens
        guard index < tokens.count, let g = group(fingerprint(tokens[index])) else { return nil }
        for e in groups[g].entries where index + e.keys.count <= tokens.count {
            var same = true
            for k in 1..<e.keys.count where fingerprint(tokens[index + k]) != e.hashes[k] {
                same = false
                break
            }
            if same, let end = view.match(e.keys, at: index, exact: exact) { return (end, e.payload) }
        }
        return nil
    }
}
