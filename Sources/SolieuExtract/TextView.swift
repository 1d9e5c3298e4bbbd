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
    }

    init(_ text: String) {
        scalars = UnicodeNormalization.scalars(text)
        var lower: [Unicode.Scalar] = []
        var key: [Unicode.Scalar] = []
        lower.reserveCapacity(scalars.count)
        key.reserveCapacity(scalars.count)
        for s in scalars {
            let l = Self.lowerScalar(s)
            lower.append(l)
            key.append(VietnameseFold.keyScalar(l))
        }
        self.lower = lower
        self.key = key
        tokens = Self.tokenize(scalars, key, lower)
    }

    @inline(__always) static func lowerScalar(_ s: Unicode.Scalar) -> Unicode.Scalar { Tokenizer.lower(s) }

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
        Tokenizer.isLetter(s) || (0x300...0x36F).contains(s.value)
    }

    private static func tokenize(_ s: [Unicode.Scalar], _ key: [Unicode.Scalar], _ lower: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        let n = s.count
        func keyString(_ a: Int, _ b: Int) -> String { Tokenizer.string(key, a, b) }
        while i < n {
            let c = s[i]
            if Tokenizer.isSpace(c) { i += 1; continue }
            if isDigit(c) {
                var j = i + 1
                while j < n, isDigit(s[j]) || ((s[j] == "." || s[j] == ",") && j + 1 < n && isDigit(s[j + 1])) { j += 1 }
                tokens.append(Token(start: i, end: j, kind: .number, key: keyString(i, j), isUpper: false))
                i = j
            } else if isLetter(c) {
                var j = i + 1
                var allUpper = Tokenizer.isUpper(c)
                while j < n, isLetter(s[j]) {
                    if allUpper, !(0x300...0x36F).contains(s[j].value) { allUpper = Tokenizer.isUpper(s[j]) }
                    j += 1
                }
                tokens.append(Token(start: i, end: j, kind: .word, key: keyString(i, j), isUpper: allUpper && j - i >= 2,
                                    lower: UnicodeNormalization.nfc(Tokenizer.string(lower, i, j))))
                i = j
            } else {
                tokens.append(Token(start: i, end: i + 1, kind: .punct, key: String(c), isUpper: false))
                i += 1
            }
        }
        return tokens
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

    /// Whether tokens from `index` spell `phrase` (a list of token keys, or of lower-case words
    /// with diacritics when `exact`). Returns the index after.
    func match(_ phrase: [String], at index: Int, exact: Bool = false) -> Int? {
        guard index + phrase.count <= tokens.count else { return nil }
        for (k, p) in phrase.enumerated() where (exact ? tokens[index + k].lower : tokens[index + k].key) != p { return nil }
        // Adjacent tokens must not be glued across a line break.
        return index + phrase.count
    }

    /// Token keys of a phrase ("Bằng khen" → ["bang", "khen"]); with `exact`, lower-case words
    /// with their diacritics (punctuation as itself).
    static func phraseKeys(_ phrase: String, exact: Bool = false) -> [String] {
        TextView(phrase).tokens.map { exact && $0.kind == .word ? $0.lower : $0.key }
    }

    /// Only spaces (no line break, no other characters) between scalar offsets a and b.
    func onlySpaces(_ a: Int, _ b: Int) -> Bool {
        guard a <= b else { return false }
        for i in a..<b where scalars[i] != " " && scalars[i] != "\u{00A0}" { return false }
        return true
    }
}

/// A phrase dictionary matched on token keys, longest phrase first.
struct PhraseTable<Payload> {
    private var byFirst: [String: [(keys: [String], payload: Payload)]] = [:]
    /// Match words with their diacritics ("tầng" ≠ "tăng") rather than on search keys.
    var exact = false

    init(exact: Bool = false) { self.exact = exact }

    /// Adds a phrase; a phrase added again replaces the earlier payload.
    mutating func add(_ phrase: String, _ payload: Payload) {
        let keys = TextView.phraseKeys(phrase, exact: exact)
        guard let first = keys.first else { return }
        byFirst[first, default: []].removeAll { $0.keys == keys }
        byFirst[first, default: []].append((keys, payload))
        byFirst[first]!.sort { $0.keys.count > $1.keys.count }
    }

    /// The longest phrase starting at token `index`: (token index after it, payload).
    func longest(in view: TextView, at index: Int) -> (end: Int, payload: Payload)? {
        guard index < view.tokens.count else { return nil }
        let token = view.tokens[index]
        guard let entries = byFirst[exact && token.kind == .word ? token.lower : token.key] else { return nil }
        for e in entries {
            if let end = view.match(e.keys, at: index, exact: exact) { return (end, e.payload) }
        }
        return nil
    }
}
