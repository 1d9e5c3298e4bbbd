import SolieuText

/// What a user typed into `solieu search`, parsed into a safe FTS5 query.
///
/// Grammar: words and "quoted phrases", all required; `OR` between two groups; `-word` or
/// `-"phrase"` excludes; `word*` matches a prefix. Matching ignores case, diacritics and tone-mark
/// placement ("thi dua" = "thi đua", "uỷ ban" = "ủy ban"), and known abbreviations match their
/// expansions both ways ("UBND" = "Ủy ban nhân dân"). Every token reaches FTS5 quoted, so no
/// user text is ever read as FTS5 syntax; what the grammar does not allow gets a clear error.
public struct SearchQuery: Sendable, Equatable {
    /// One required (or excluded) item: alternatives of token sequences.
    public struct Item: Sendable, Equatable {
        /// Each alternative is a phrase (one or more folded tokens); any may match.
        public var alternatives: [[String]]
        public var prefix: Bool
        public var excluded: Bool
    }

    /// Groups separated by OR; inside a group every item is required.
    public var groups: [[Item]]

    /// Limits that keep every query cheap: the text is looked at once (refused before any work
    /// when longer), and each phrase costs the ranking function one argument and FTS5 one
    /// posting-list walk, so both are bounded.
    public static let maxCharacters = 1_000
    public static let maxWords = 64
    public static let maxPhrases = 100

    public static func parse(_ input: String, abbreviations: Abbreviations = .bundled) throws(IndexError) -> SearchQuery {
        let length = input.unicodeScalars.count
        if length > maxCharacters {
            throw IndexError("search: the query is \(length) characters long; at most \(maxCharacters) are allowed")
        }
        let raw = try lex(input)
        let words = raw.reduce(0) { n, l in
            switch l {
            case .or: return n
            case .word(let w, _, _): return n + fold(w).count
            case .phrase(let p, _): return n + fold(p).count
            }
        }
        if words > maxWords { throw IndexError("search: the query has \(words) words; at most \(maxWords) are allowed") }
        var groups: [[Item]] = [[]]
        var plainRun: [(word: String, typed: String)] = []
        func flushRun() {
            guard !plainRun.isEmpty else { return }
            groups[groups.count - 1].append(contentsOf: groupExpansions(plainRun, abbreviations))
            plainRun = []
        }
        for token in raw {
            switch token {
            case .or:
                flushRun()
                if groups[groups.count - 1].isEmpty { throw IndexError("search: OR needs words on both sides") }
                groups.append([])
            case .word(let typed, let excluded, let prefix):
                let tokens = fold(typed)
                if tokens.isEmpty { continue }
                if !excluded && !prefix && tokens.count == 1 {
                    plainRun.append((tokens[0], typed))
                    continue
                }
                flushRun()
                var alternatives = [tokens]
                if !prefix { alternatives += abbreviationAlternatives(tokens, typed: typed, abbreviations) }
                groups[groups.count - 1].append(Item(alternatives: alternatives, prefix: prefix, excluded: excluded))
            case .phrase(let text, let excluded):
                flushRun()
                let tokens = fold(text)
                if tokens.isEmpty { continue }
                let alternatives = [tokens] + abbreviationAlternatives(tokens, typed: text, abbreviations)
                groups[groups.count - 1].append(Item(alternatives: alternatives, prefix: false, excluded: excluded))
            }
        }
        flushRun()
        if groups.last?.isEmpty == true && groups.count > 1 { throw IndexError("search: OR needs words on both sides") }
        for group in groups where !group.contains(where: { !$0.excluded }) {
            throw IndexError("search: \"\(input)\" has nothing to find (only exclusions, or no letters or digits)")
        }
        let query = SearchQuery(groups: groups)
        let phraseCount = query.phrases.count
        if phraseCount > maxPhrases {
            throw IndexError("search: the query expands to \(phraseCount) phrases (abbreviations count with their expansions); at most \(maxPhrases) are allowed")
        }
        return query
    }

    /// The FTS5 MATCH expression: every token double-quoted.
    public var fts5: String {
        groups.map { group in
            let required = group.filter { !$0.excluded }.map(Self.render).joined(separator: " AND ")
            let excluded = group.filter(\.excluded).map(Self.render)
            let body = excluded.isEmpty ? required : "\(required) NOT (\(excluded.joined(separator: " OR ")))"
            return "(\(body))"
        }.joined(separator: " OR ")
    }

    /// Every phrase of `fts5` as FTS5 numbers them (in the order written: per group, the required
    /// items' alternatives, then the excluded ones'), each a MATCH expression of its own.
    public var phrases: [String] {
        groups.flatMap { group in
            (group.filter { !$0.excluded } + group.filter(\.excluded)).flatMap { item in
                item.alternatives.map { "\"" + $0.joined(separator: " ") + "\"" + (item.prefix ? "*" : "") }
            }
        }
    }

    /// The token sequences a snippet should highlight.
    public var highlightPhrases: [[String]] {
        groups.flatMap { $0.filter { !$0.excluded }.flatMap(\.alternatives) }
    }

    static func render(_ item: Item) -> String {
        let alts = item.alternatives.map { tokens in
            "\"" + tokens.joined(separator: " ") + "\"" + (item.prefix ? "*" : "")
        }
        return alts.count == 1 ? alts[0] : "(" + alts.joined(separator: " OR ") + ")"
    }

    /// Folded tokens as the index holds them: searchKey, split on anything not a letter or digit.
    public static func fold(_ text: String) -> [String] {
        VietnameseFold.words(text)
    }

    /// A run of plain words: where consecutive words spell out a known expansion ("ủy ban nhân
    /// dân"), they become one item that also matches the abbreviation; each other word is its own
    /// item, matching its expansions when it is a known abbreviation.
    static func groupExpansions(_ run: [(word: String, typed: String)], _ abbreviations: Abbreviations) -> [Item] {
        var items: [Item] = []
        var i = 0
        outer: while i < run.count {
            for length in stride(from: min(8, run.count - i), through: 2, by: -1) {
                let words = run[i..<(i + length)].map(\.word)
                let entries = abbreviations.abbreviations(of: words.joined(separator: " ")).filter(\.isDistinctive)
                if !entries.isEmpty {
                    var alternatives = [words]
                    for e in entries { let t = fold(e.abbreviation); if !t.isEmpty && !alternatives.contains(t) { alternatives.append(t) } }
                    items.append(Item(alternatives: alternatives, prefix: false, excluded: false))
                    i += length
                    continue outer
                }
            }
            let (word, typed) = run[i]
            items.append(Item(alternatives: [[word]] + abbreviationAlternatives([word], typed: typed, abbreviations), prefix: false, excluded: false))
            i += 1
        }
        return items
    }

    /// Other ways to write `tokens`: its expansions when it is an abbreviation typed as one
    /// (capitals, or four letters or more: "UBND", "ubnd"; not "tu", which is also a word), and
    /// the abbreviation of any known expansion inside a phrase.
    static func abbreviationAlternatives(_ tokens: [String], typed: String, _ abbreviations: Abbreviations) -> [[String]] {
        var out: [[String]] = []
        let capitals = typed.unicodeScalars.filter { $0.properties.isUppercase }.count
        let looksAbbreviated = capitals >= 2 || (tokens.count == 1 && tokens[0].count >= 4)
        if looksAbbreviated {
            for e in abbreviations.expansions(of: typed) {
                let t = fold(e.expansion)
                if !t.isEmpty && t != tokens && !out.contains(t) { out.append(t) }
            }
        }
        // Inside a phrase: replace one spelled-out expansion by its abbreviation, or the reverse.
        if tokens.count >= 2 {
            for length in stride(from: min(8, tokens.count), through: 2, by: -1) {
                for start in 0...(tokens.count - length) {
                    let span = Array(tokens[start..<(start + length)])
                    for e in abbreviations.abbreviations(of: span.joined(separator: " ")) where e.isDistinctive {
                        let replaced = Array(tokens[..<start]) + fold(e.abbreviation) + Array(tokens[(start + length)...])
                        if !out.contains(replaced) && replaced != tokens { out.append(replaced) }
                    }
                }
            }
            for (i, t) in tokens.enumerated() where t.count >= 2 {
                for e in abbreviations.expansions(of: t) where e.abbreviation.count >= 2 {
                    let replaced = Array(tokens[..<i]) + fold(e.expansion) + Array(tokens[(i + 1)...])
                    if !out.contains(replaced) && replaced != tokens { out.append(replaced) }
                }
            }
        }
        return Array(out.prefix(8))
    }

    enum Lexeme: Equatable {
        case word(String, excluded: Bool, prefix: Bool)
        case phrase(String, excluded: Bool)
        case or
    }

    static func lex(_ input: String) throws(IndexError) -> [Lexeme] {
        let s = Array(input)
        var out: [Lexeme] = []
        var i = 0
        while i < s.count {
            let c = s[i]
            if c.isWhitespace { i += 1; continue }
            var excluded = false
            var j = i
            if c == "-" && j + 1 < s.count && !s[j + 1].isWhitespace { excluded = true; j += 1 }
            if s[j] == "\"" || s[j] == "“" || s[j] == "”" {
                var k = j + 1
                while k < s.count && s[k] != "\"" && s[k] != "”" && s[k] != "“" { k += 1 }
                if k >= s.count { throw IndexError("search: unbalanced quote in \(quoted(input)): close the phrase with \"") }
                out.append(.phrase(String(s[(j + 1)..<k]), excluded: excluded))
                i = k + 1
                continue
            }
            var k = j
            while k < s.count && !s[k].isWhitespace && s[k] != "\"" && s[k] != "“" && s[k] != "”" { k += 1 }
            var word = String(s[j..<k])
            i = k
            if word == "OR" && !excluded { out.append(.or); continue }
            if word == "AND" || word == "NOT" || word == "NEAR" || word.hasPrefix("NEAR(") {
                throw IndexError("search: \(word) is not supported: words are all required already; use OR between alternatives and -word to exclude")
            }
            if let bad = word.first(where: { "(){}^+".contains($0) }) {
                throw IndexError("search: \"\(bad)\" is not part of the query language: use words, \"phrases\", OR, -word and word*")
            }
            var prefix = false
            if word.hasSuffix("*") {
                word.removeLast()
                prefix = true
            }
            if word.contains("*") { throw IndexError("search: * may only end a word (prefix search: thi*)") }
            if prefix && fold(word).count != 1 { throw IndexError("search: a prefix search needs one word before *: \(quoted(input))") }
            out.append(.word(word, excluded: excluded, prefix: prefix))
        }
        return out
    }

    static func quoted(_ s: String) -> String { "'\(s)'" }
}

/// Snippets: the best window of an article around what a query matched, with the matches'
/// scalar offsets in the article text (the search key has one scalar per scalar of the text).
public enum Snippet {
    public struct Match: Sendable, Equatable, Encodable {
        public var start: Int
        public var end: Int
    }

    /// Token runs (letters and digits) of a folded text, as scalar offsets.
    static func tokens(_ key: [Unicode.Scalar]) -> [(start: Int, end: Int)] {
        var out: [(Int, Int)] = []
        var start = -1
        for (i, s) in key.enumerated() {
            let alnum = isWordScalar(s)
            if alnum && start < 0 { start = i }
            if !alnum && start >= 0 { out.append((start, i)); start = -1 }
        }
        if start >= 0 { out.append((start, key.count)) }
        return out
    }

    /// Every place a phrase of the query occurs (whole tokens, in order; a prefix item matches
    /// the start of a token), at most `limit`. Tokens are compared in place, scalar by scalar:
    /// a search shows twenty articles of thousands of words each.
    public static func matches(in text: String, phrases: [[String]], prefix: Bool = false, limit: Int = 50) -> [Match] {
        let key = Array(VietnameseFold.searchKey(text).unicodeScalars)
        let toks = tokens(key)
        let wanted = phrases.filter { !$0.isEmpty }.map { $0.map { Array($0.unicodeScalars) } }
        func same(_ token: (start: Int, end: Int), _ word: [Unicode.Scalar], startOnly: Bool) -> Bool {
            let n = token.end - token.start
            guard startOnly ? n >= word.count : n == word.count else { return false }
            for k in 0..<word.count where key[token.start + k] != word[k] { return false }
            return true
        }
        var found: [Match] = []
        for i in 0..<toks.count {
            for phrase in wanted where i + phrase.count <= toks.count {
                var ok = true
                for (k, t) in phrase.enumerated() where !same(toks[i + k], t, startOnly: prefix && k == phrase.count - 1) {
                    ok = false
                    break
                }
                if ok {
                    found.append(Match(start: toks[i].start, end: toks[i + phrase.count - 1].end))
                    break
                }
            }
            if found.count >= limit { break }
        }
        // Words of the query that stand side by side in the text read as one match: [Kiên Giang].
        var merged: [Match] = []
        for m in found {
            if let last = merged.last, last.end <= m.start,
               key[last.end..<m.start].allSatisfy({ $0 == " " }) {
                merged[merged.count - 1].end = m.end
            } else {
                merged.append(m)
            }
        }
        return merged
    }

    /// A window of about `width` scalars around the first match (or the start of the text),
    /// with the matches inside it wrapped in `open`/`close`, and line breaks as spaces.
    public static func make(text: String, matches: [Match], width: Int = 200, open: String = "[", close: String = "]") -> String {
        let scalars = Array(text.unicodeScalars)
        let center = matches.first?.start ?? 0
        var a = max(0, center - width / 3)
        var b = min(scalars.count, a + width)
        // Start and end on word boundaries.
        while a > 0 && a < scalars.count && !scalars[a - 1].properties.isWhitespace { a -= 1 }
        while b < scalars.count && !scalars[b].properties.isWhitespace && b - a < width + 30 { b += 1 }
        var out = a > 0 ? "…" : ""
        var i = a
        for m in matches where m.start >= a && m.end <= b && m.start >= i {
            out += flat(scalars[i..<m.start]) + open + flat(scalars[m.start..<m.end]) + close
            i = m.end
        }
        out += flat(scalars[i..<b])
        if b < scalars.count { out += "…" }
        return out
    }

    static func flat(_ s: ArraySlice<Unicode.Scalar>) -> String {
        var v = String.UnicodeScalarView()
        var lastSpace = false
        for c in s {
            let space = c.properties.isWhitespace
            if space { if !lastSpace { v.append(" ") } } else { v.append(c) }
            lastSpace = space
        }
        return String(v)
    }
}

/// A letter or digit, as FTS5's tokenizer splits words (ASCII and the Latin letters Vietnamese
/// uses answered without a Unicode property lookup, which dominated scans of whole articles).
@inline(__always) func isWordScalar(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 0x80 { return (v | 0x20 >= 0x61 && v | 0x20 <= 0x7A) || (v >= 0x30 && v <= 0x39) }
    if (v >= 0xC0 && v <= 0x24F && v != 0xD7 && v != 0xF7) || (v >= 0x1EA0 && v <= 0x1EF9) { return true }
    return s.properties.isAlphabetic || s.properties.numericType != nil
}
