// SolieuExtract: figures from article text, normalized, with exact spans.
//
// Brief overview
// - `Extractor.extract(_:published:)` reads an article's text and returns `[Figure]`: every
//   quantity, percent, money amount, ratio, range, date, period, document reference and award,
//   each with its exact text, Unicode scalar offsets (`start..<end`), sentence index, normalized
//   fields (the names of the gold format in fixtures/README.md) and, when the sentence says so,
//   what it measures and the period it refers to.
// - Recognizers live one family per file in `Kinds/` (DatesAndPeriods, DocumentReferences,
//   Amounts, Awards); each proposes candidate spans, and `resolve` keeps the best
//   non-overlapping ones by kind priority, then length.
// - Reference data (award titles and their variants, conferrers, document types, scale words,
//   currencies) is loaded from Resources/ (`Lexicon.bundled`).
//
// What it does not do: read HTML (SolieuIngest) or store anything (SolieuIndex).
import Foundation
import SolieuText

/// One figure found in an article.
public struct Figure: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case quantity, percent, money, ratio, range, date, period, docref, award
    }

    public var kind: Kind
    /// Exact substring of the article text: `article[start..<end]` in Unicode scalars.
    public var text: String
    public var start: Int
    public var end: Int
    /// Index of the sentence (see `Sentences`) holding the figure.
    public var sentence: Int

    /// quantity, percent, money: the number (scale words applied).
    public var number: Double?
    /// date ("YYYY-MM-DD") or period ("2019-06", "2020-Q3", "2018-H1", "2018", "2016/2020", …).
    public var calendar: String?
    public var unit: String?
    public var currency: String?
    public var numerator: Double?
    public var denominator: Double?
    public var from: Double?
    public var to: Double?
    /// docref: canonical number as written without spaces ("32/QĐ-UBND"), type, issuer, date.
    public var docNumber: String?
    public var docType: String?
    public var issuer: String?
    public var docDate: String?
    /// award
    public var award: String?
    public var awardClass: Int?
    public var conferrer: String?
    public var recipient: String?
    public var count: Int?
    public var posthumous: Bool?
    /// A year or date filled in from context (the document's date or an earlier mention).
    public var inferred: Bool = false
    /// What the figure measures, when the sentence says it.
    public var measure: String?
    /// The period the figure refers to, when stated in the same sentence or the title.
    public var period: String?
    /// For a part of a stated total: the index (in the extraction's figure list) of the total.
    public var partOf: Int?
    /// percent: what it states: "share" (a share or rate), "change" (a change, with `sign`) or
    /// "plan" (progress against a plan or estimate); nil when the sentence does not say.
    public var role: String?
    /// percent with role "change": +1 for a rise, -1 for a fall.
    public var sign: Int?
    /// Text read by OCR: the engine's confidence (0–1) in the least sure word the figure was
    /// read from, so an auditor can tell a recognized digit from a printed one; nil otherwise.
    public var confidence: Double?

    init(kind: Kind, text: String, start: Int, end: Int) {
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
        self.sentence = 0
    }

    enum CodingKeys: String, CodingKey {
        case kind, text, start, end, sentence, value, unit, currency, numerator, denominator, from, to, number, type,
             issuer, date, award, `class`, conferrer, recipient, count, posthumous, inferred, measure, period, partOf = "part_of", role, sign, confidence
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(text, forKey: .text)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(sentence, forKey: .sentence)
        switch kind {
        case .quantity, .percent, .money: try c.encodeIfPresent(number, forKey: .value)
        case .date, .period: try c.encodeIfPresent(calendar, forKey: .value)
        default: break
        }
        try c.encodeIfPresent(unit, forKey: .unit)
        try c.encodeIfPresent(currency, forKey: .currency)
        try c.encodeIfPresent(numerator, forKey: .numerator)
        try c.encodeIfPresent(denominator, forKey: .denominator)
        try c.encodeIfPresent(from, forKey: .from)
        try c.encodeIfPresent(to, forKey: .to)
        if kind == .docref {
            try c.encodeIfPresent(docNumber, forKey: .number)
            try c.encodeIfPresent(docType, forKey: .type)
            try c.encodeIfPresent(issuer, forKey: .issuer)
            try c.encode(docDate, forKey: .date)
        }
        if kind == .award {
            try c.encodeIfPresent(award, forKey: .award)
            try c.encode(awardClass, forKey: .class)
            try c.encode(conferrer, forKey: .conferrer)
            try c.encodeIfPresent(recipient, forKey: .recipient)
            try c.encodeIfPresent(count, forKey: .count)
            try c.encode(posthumous ?? false, forKey: .posthumous)
        }
        if inferred { try c.encode(true, forKey: .inferred) }
        try c.encodeIfPresent(measure, forKey: .measure)
        try c.encodeIfPresent(period, forKey: .period)
        try c.encodeIfPresent(partOf, forKey: .partOf)
        try c.encodeIfPresent(role, forKey: .role)
        try c.encodeIfPresent(sign, forKey: .sign)
        try c.encodeIfPresent(confidence, forKey: .confidence)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(Kind.self, forKey: .kind)
        text = try c.decode(String.self, forKey: .text)
        start = try c.decode(Int.self, forKey: .start)
        end = try c.decode(Int.self, forKey: .end)
        sentence = try c.decode(Int.self, forKey: .sentence)
        if kind == .date || kind == .period { calendar = try c.decodeIfPresent(String.self, forKey: .value) }
        else { number = try c.decodeIfPresent(Double.self, forKey: .value) }
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
        currency = try c.decodeIfPresent(String.self, forKey: .currency)
        numerator = try c.decodeIfPresent(Double.self, forKey: .numerator)
        denominator = try c.decodeIfPresent(Double.self, forKey: .denominator)
        from = try c.decodeIfPresent(Double.self, forKey: .from)
        to = try c.decodeIfPresent(Double.self, forKey: .to)
        docNumber = try c.decodeIfPresent(String.self, forKey: .number)
        docType = try c.decodeIfPresent(String.self, forKey: .type)
        issuer = try c.decodeIfPresent(String.self, forKey: .issuer)
        docDate = try c.decodeIfPresent(String.self, forKey: .date)
        award = try c.decodeIfPresent(String.self, forKey: .award)
        awardClass = try c.decodeIfPresent(Int.self, forKey: .class)
        conferrer = try c.decodeIfPresent(String.self, forKey: .conferrer)
        recipient = try c.decodeIfPresent(String.self, forKey: .recipient)
        count = try c.decodeIfPresent(Int.self, forKey: .count)
        posthumous = try c.decodeIfPresent(Bool.self, forKey: .posthumous)
        inferred = try c.decodeIfPresent(Bool.self, forKey: .inferred) ?? false
        measure = try c.decodeIfPresent(String.self, forKey: .measure)
        period = try c.decodeIfPresent(String.self, forKey: .period)
        partOf = try c.decodeIfPresent(Int.self, forKey: .partOf)
        role = try c.decodeIfPresent(String.self, forKey: .role)
        sign = try c.decodeIfPresent(Int.self, forKey: .sign)
        confidence = try c.decodeIfPresent(Double.self, forKey: .confidence)
    }
}

/// A candidate span proposed by a recognizer.
struct Candidate {
    var figure: Figure
    var priority: Int
    /// Covers its span so that nothing else is read there, and is not itself a figure ("20 Bằng
    /// khen cho 20 cá nhân": the award is the second span, the first is not a quantity).
    var suppress = false
}

public enum Extractor {
    /// Every figure of an article, in text order.
    /// - Parameters:
    ///   - text: the article text (NFC), as `Article.text` gives it.
    ///   - published: the document's date ("YYYY-MM-DD…"), used for years the text leaves out.
    public static func extract(_ text: String, published: String? = nil) -> [Figure] {
        extractWithSentences(text, published: published).figures
    }

    /// The figures and the sentence units they were assigned to (`Figure.sentence` indexes
    /// `sentences`), for callers that store both: the sentences are split once.
    public static func extractWithSentences(_ text: String, published: String? = nil,
                                            blockScalars: Int = Extractor.blockScalars) -> (figures: [Figure], sentences: [Sentences.Unit]) {
        var figures: [Figure] = []
        var sentences: [Sentences.Unit] = []
        blocks(text, published: published, blockScalars: blockScalars) { f, u, done, length in
            // A huge text: room for all its figures and sentences at the first block's rate
            // (and a margin), so the arrays are not regrown (each doubling held the old and the
            // new copy at once, and left up to half of the last one empty).
            if figures.isEmpty && done < length {
                let scale = Double(length) / Double(max(done, 1)) * 1.15
                figures.reserveCapacity(Int(Double(f.count) * scale) + 16)
                sentences.reserveCapacity(Int(Double(u.count) * scale) + 16)
            }
            figures += f
            sentences += u
        }
        return (figures, sentences)
    }

    /// The figures and sentences of `text` a block at a time, as `extractWithSentences` cuts a
    /// huge text (one call for any other): offsets, sentence numbers and part links already refer
    /// to the whole text and to every figure given so far. `solieu extract` prints each block's
    /// figures as they come, so its memory does not grow with the text.
    public static func eachBlock(_ text: String, published: String? = nil, blockScalars: Int = Extractor.blockScalars,
                                 _ body: (_ figures: [Figure], _ sentences: [Sentences.Unit]) -> Void) {
        blocks(text, published: published, blockScalars: blockScalars) { f, u, _, _ in body(f, u) }
    }

    /// `eachBlock`, also telling how many scalars of how many are done after each block.
    static func blocks(_ text: String, published: String?, blockScalars: Int,
                       _ body: (_ figures: [Figure], _ sentences: [Sentences.Unit], _ done: Int, _ length: Int) -> Void) {
        // UTF-8 length first (free): no more scalars than bytes, so most texts skip the count.
        let length = text.utf8.count > 2 * blockScalars ? text.unicodeScalars.count : 0
        guard length > 2 * blockScalars else { let (f, u) = extractBlock(text, published: published); body(f, u, 1, 1); return }
        // A huge text (a whole report, a concatenation) goes a block of paragraphs at a time:
        // memory stays a small multiple of the block, time linear in the text, and every
        // relation a bulletin states (inside a sentence, a paragraph or a few of them) is kept.
        var figureCount = 0, sentenceCount = 0
        // Walk the scalars by index: an array of them would cost four bytes per character.
        let view = text.unicodeScalars
        var start = 0
        var from = view.startIndex
        while start < length {
            var end = min(length, start + blockScalars)
            var to = view.index(from, offsetBy: end - start)
            if end < length {
                // End the block at the last paragraph break inside it (else a line break, else anywhere).
                let floor = start + blockScalars / 2
                var k = end, i = to
                func before(_ i: String.UnicodeScalarView.Index, _ n: Int) -> Unicode.Scalar { view[view.index(i, offsetBy: -n)] }
                while k > floor, !(before(i, 1) == "\n" && before(i, 2) == "\n") { k -= 1; i = view.index(before: i) }
                if k == floor {
                    k = end; i = to
                    while k > floor, before(i, 1) != "\n" { k -= 1; i = view.index(before: i) }
                }
                if k > floor { end = k; to = i }
            }
            let block = String(view[from..<to])
            var (f, u) = extractBlock(block, published: published)
            for k in f.indices {
                f[k].start += start
                f[k].end += start
                f[k].sentence += sentenceCount
                if let p = f[k].partOf { f[k].partOf = p >= 0 ? p + figureCount : -((-(p + 1)) + start) - 1 }
            }
            for k in u.indices {
                u[k].start += start
                u[k].end += start
            }
            figureCount += f.count
            sentenceCount += u.count
            body(f, u, end, length)
            start = end
            from = to
        }
    }

    /// Texts longer than twice this many scalars are extracted in blocks of about this size,
    /// cut at paragraph breaks (`extractWithSentences`).
    public static let blockScalars = 64 * 1024

    static func extractBlock(_ text: String, published: String?) -> (figures: [Figure], sentences: [Sentences.Unit]) {
        let view = TextView(text)
        let lexicon = Lexicon.bundled
        let publishedYear = published.flatMap { Int($0.prefix(4)) }
        let sentences = Sentences.split(view.scalars)
        var candidates: [Candidate] = []
        candidates += DatesAndPeriods.candidates(view)
        candidates += DocumentReferences.candidates(view, lexicon)
        candidates += Amounts.candidates(view, lexicon)
        candidates += Awards.candidates(view, lexicon, sentences: sentences)
        var figures = resolve(candidates)
        DatesAndPeriods.fillYears(&figures, publishedYear: publishedYear, published: published, view: view)
        assignSentences(&figures, sentences)
        AwardTotals.link(&figures)
        Context.attach(&figures, view: view, sentences: sentences)
        return (figures, sentences)
    }

    /// Keeps the best non-overlapping candidates: higher priority first, then longer, then earlier.
    static func resolve(_ candidates: [Candidate]) -> [Figure] {
        // Sort indices, not the candidates: a Figure is large, and moving it is what costs.
        let order = candidates.indices.sorted {
            let a = candidates[$0], b = candidates[$1]
            if a.priority != b.priority { return a.priority > b.priority }
            let l0 = a.figure.end - a.figure.start
            let l1 = b.figure.end - b.figure.start
            if l0 != l1 { return l0 > l1 }
            return a.figure.start < b.figure.start
        }
        // Scalar positions already covered by a kept figure.
        var covered = [Bool](repeating: false, count: (candidates.map(\.figure.end).max() ?? 0) + 1)
        var kept: [Int] = []
        for c in order {
            let f = candidates[c].figure
            guard f.start < f.end, !covered[f.start..<f.end].contains(true) else { continue }
            for k in f.start..<f.end { covered[k] = true }
            kept.append(c)
        }
        return kept.filter { !candidates[$0].suppress }.sorted { candidates[$0].figure.start < candidates[$1].figure.start }.map { candidates[$0].figure }
    }

    static func assignSentences(_ figures: inout [Figure], _ sentences: [Sentences.Unit]) {
        var s = 0
        for i in figures.indices {
            while s + 1 < sentences.count, sentences[s].end <= figures[i].start { s += 1 }
            figures[i].sentence = s
        }
    }
}
