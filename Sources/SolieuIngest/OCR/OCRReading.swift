import SolieuText

/// What OCR says of a document: that it was read from pictures, how many, and how sure the
/// engine was of each word it placed in the article's text.
public struct OCRReading: Sendable, Codable, Equatable {
    /// A recognized word and the engine's confidence in it (0–1).
    public struct Word: Sendable, Equatable {
        public var text: String
        public var confidence: Double
    }

    /// A word found in the article text: scalar offsets and its confidence.
    public struct Span: Sendable, Equatable {
        public var start: Int
        public var end: Int
        public var confidence: Float
    }

    public var pages: Int
    /// The mean word confidence, weighted by characters (0–1).
    public var confidence: Double
    /// The words placed in the article text, in order (not encoded: they follow from the text).
    public var spans: [Span] = []
    /// The words as recognized, until `place(in:)` finds them in the article text.
    var words: [Word] = []

    init(pages: Int, words: [Word]) {
        self.pages = pages
        self.words = words
        let chars = words.reduce(0) { $0 + $1.text.unicodeScalars.count }
        confidence = chars == 0 ? 0 : words.reduce(0.0) { $0 + $1.confidence * Double($1.text.unicodeScalars.count) } / Double(chars)
    }

    enum CodingKeys: String, CodingKey { case pages, confidence }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        pages = try c.decode(Int.self, forKey: .pages)
        confidence = try c.decode(Double.self, forKey: .confidence)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(pages, forKey: .pages)
        try c.encode((confidence * 1000).rounded() / 1000, forKey: .confidence)
    }

    /// The lowest confidence of the words overlapping `start..<end`: how sure the engine was of
    /// the least sure word a figure was read from. The document's mean when no word was placed
    /// there (the layout pass joined or split it).
    public func confidence(start: Int, end: Int) -> Double {
        // The first span that ends after `start`.
        var lo = 0, hi = spans.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if spans[mid].end <= start { lo = mid + 1 } else { hi = mid }
        }
        var lowest: Float?
        var k = lo
        while k < spans.count, spans[k].start < end {
            lowest = min(lowest ?? 1, spans[k].confidence)
            k += 1
        }
        return lowest.map { (Double($0) * 1000).rounded() / 1000 } ?? (confidence * 1000).rounded() / 1000
    }

    /// Finds each recognized word in the article text, in order. The layout pass keeps the
    /// words' order but drops some (running headers, page numbers) and changes a few (a word
    /// hyphenated at a line's end is rejoined): a word is looked for a short way ahead of the
    /// last one placed, and one not found there is left out.
    mutating func place(in text: String) {
        let s = Array(text.unicodeScalars)
        var cursor = 0
        spans.removeAll(keepingCapacity: true)
        spans.reserveCapacity(words.count)
        for w in words {
            let ws = Array(w.text.unicodeScalars)
            guard let first = ws.first, ws.count <= s.count else { continue }
            // A short word ("số", "1") matches by chance further on: it is looked for nearby only.
            let reach = ws.count < 4 ? 24 : 400
            let last = min(s.count - ws.count, cursor + reach)
            var p = cursor
            var found: Int?
            while p <= last {
                if s[p] == first, s[p..<(p + ws.count)].elementsEqual(ws) { found = p; break }
                p += 1
            }
            guard let at = found else { continue }
            spans.append(Span(start: at, end: at + ws.count, confidence: Float(w.confidence)))
            cursor = at + ws.count
        }
        words = []
    }

    public static func == (a: OCRReading, b: OCRReading) -> Bool { a.pages == b.pages && a.confidence == b.confidence && a.spans == b.spans }
}

/// A scanned document's own spellings: each word of its body, and each pair of words that follow
/// each other, by its folded form (no marks, lower case, a doubled letter as one), with how often
/// each spelling comes. A word of the header read with a wrong, missing or doubled mark ("TĨNH",
/// "KIEN", "BẾÊN") is respelled as the body writes it most ("tỉnh", "Kiên", "Bến"): by the pair
/// it makes with the word before or after it when the body has that pair at least twice ("kien
/// giang" → "kiên giang", not "kiến"), else by itself when the body writes it so at least three
/// times; either way twice as often as any other spelling.
struct OCRVocabulary {
    private var words: [String: [String: Int]] = [:]
    private var pairs: [String: [String: Int]] = [:]

    static func key(_ w: String) -> String {
        var out = ""
        for c in VietnameseFold.searchKey(w) where c != out.last { out.append(c) }
        return out
    }

    init<S: Sequence>(_ paragraphs: S) where S.Element == String {
        for p in paragraphs {
            var previous: String?
            var sawOther = false
            var word = ""
            func end() {
                if word.count >= 2 {
                    let w = word.lowercased()
                    words[Self.key(w), default: [:]][w, default: 0] += 1
                    if let a = previous, !sawOther { pairs[Self.key(a) + " " + Self.key(w), default: [:]][a + " " + w, default: 0] += 1 }
                    previous = w
                } else {
                    previous = nil
                }
                word = ""
                sawOther = false
            }
            for c in p {
                if c.isLetter { word.append(c) } else {
                    if !word.isEmpty { end() }
                    if c != " " { sawOther = true; previous = nil }
                }
            }
            if !word.isEmpty { end() }
        }
    }

    /// The clear winner among spellings: seen `least` times or more, twice any other.
    static func winner(_ forms: [String: Int]?, least: Int) -> String? {
        guard let ranked = forms?.sorted(by: { $0.value > $1.value }), let best = ranked.first, best.value >= least,
              best.value >= 2 * (ranked.dropFirst().first?.value ?? 0) else { return nil }
        return best.key
    }

    func respelled(_ text: String) -> String {
        // The text as words and what stands between them.
        var pieces: [(word: Bool, text: String)] = []
        for c in text {
            if c.isLetter, let last = pieces.last, last.word { pieces[pieces.count - 1].text.append(c) }
            else { pieces.append((c.isLetter, String(c))) }
        }
        let indices = pieces.indices.filter { pieces[$0].word }
        var spelled: [Int: String] = [:]
        for (n, i) in indices.enumerated() {
            let lower = pieces[i].text.lowercased()
            // The pair with the word after it, then with the word before it (one space between).
            var choice: String?
            if n + 1 < indices.count, indices[n + 1] == i + 2, pieces[i + 1].text == " " {
                let next = pieces[i + 2].text.lowercased()
                choice = Self.winner(pairs[Self.key(lower) + " " + Self.key(next)], least: 2).map { String($0.split(separator: " ")[0]) }
            }
            if choice == nil, n > 0, indices[n - 1] == i - 2, pieces[i - 1].text == " " {
                let before = pieces[i - 2].text.lowercased()
                choice = Self.winner(pairs[Self.key(before) + " " + Self.key(lower)], least: 2).map { String($0.split(separator: " ")[1]) }
            }
            if choice == nil { choice = Self.winner(words[Self.key(lower)], least: 3) }
            if let c = choice, c != lower { spelled[i] = c }
        }
        var out = ""
        for (i, p) in pieces.enumerated() {
            guard let c = spelled[i] else { out += p.text; continue }
            // The header's case kept: capitals stay capitals.
            out += p.text == p.text.uppercased() ? c.uppercased() : c
        }
        return out
    }
}
