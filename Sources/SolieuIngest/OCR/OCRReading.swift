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

/// A scanned document's own spellings: each word of its body by its folded form (no marks,
/// lower case), with how often each spelling comes. A word of the header read with a wrong or
/// missing mark ("TĨNH", "KIEN") is respelled as the body writes it most ("tỉnh", "Kiên"), when
/// the body writes it so at least three times and twice as often as any other spelling.
struct OCRVocabulary {
    private var spellings: [String: [String: Int]] = [:]

    init<S: Sequence>(_ paragraphs: S) where S.Element == String {
        for p in paragraphs {
            for word in p.split(whereSeparator: { !$0.isLetter }) where word.count >= 2 {
                let w = word.lowercased()
                spellings[VietnameseFold.searchKey(w), default: [:]][w, default: 0] += 1
            }
        }
    }

    func respelled(_ text: String) -> String {
        var out = ""
        var word = ""
        func flush() {
            defer { word = "" }
            guard !word.isEmpty else { return }
            let lower = word.lowercased()
            guard let forms = spellings[VietnameseFold.searchKey(lower)] else { out += word; return }
            let ranked = forms.sorted { $0.value > $1.value }
            guard let best = ranked.first, best.key != lower, best.value >= 3,
                  best.value >= 2 * (ranked.dropFirst().first?.value ?? 0) else { out += word; return }
            // The header's case kept: capitals stay capitals.
            out += word == word.uppercased() ? best.key.uppercased() : best.key
        }
        for c in text {
            if c.isLetter { word.append(c) } else { flush(); out.append(c) }
        }
        flush()
        return out
    }
}
