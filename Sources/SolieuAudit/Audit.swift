// SolieuAudit: cross-checks of reported numbers, inside a bulletin and across bulletins.
//
// Brief overview
// - `Auditor(database:).run(scope:)` reads every document in scope with its figures (from
//   SolieuIndex) and returns an `AuditReport`: one `Finding` per relation it could check.
// - In-document checks, one file each in Checks/: `SumCheck` (a stated total against its parts,
//   from the extraction's total–part links), `RatioCheck` (x/y against the percentage stated
//   next to it, at the text's own rounding; "bằng N% KH" makes it a plan check), `ShareCheck` (a
//   part's stated share of its total: "…, trong đó … 3.495,5 tỷ đồng, chiếm 73%"), `PlanCheck` (a value against its stated
//   plan: "đạt 11.000 tỷ đồng, đạt 100% dự toán (kế hoạch … là 11.000 tỷ đồng)"), `ChangeCheck`
//   ("từ A lên B, tăng C"), `AnniversaryCheck` ("kỷ niệm 70 năm … (1948-2018)").
// - `CrossDocumentCheck`: the same award count for the same province, period, award, class,
//   conferrer and recipient, reported by different documents.
// - Reports: text, JSON and one self-contained HTML file (Report/).
//
// A finding is `holds`, `fails` (with the difference) or `unverifiable` (with the reason); each
// carries the relation written out and its evidence (documents, sentences, spans).
import Foundation
import SolieuIndex

public struct Finding: Sendable, Encodable {
    public enum Check: String, Sendable, Encodable, CaseIterable { case sum, ratio, plan, change, anniversary, crossDocument = "cross-document" }
    public enum Status: String, Sendable, Encodable, CaseIterable { case holds, fails, unverifiable }

    /// A sentence of a document, and the spans of the figures the relation uses.
    public struct Evidence: Sendable, Encodable {
        public var document: Int64
        public var title: String?
        public var source: String?
        public var province: String?
        public var published: String?
        public var sentence: String
        public var sentenceStart: Int
        /// The scalar after the sentence's last.
        public var sentenceEnd: Int
        /// Scalar offsets in the article text (not in the sentence).
        public var spans: [Span]
        /// The document's content hash (not encoded): what the finding's id is made from.
        var contentHash = ""

        enum CodingKeys: String, CodingKey { case document, title, source, province, published, sentence, sentenceStart = "sentence_start", sentenceEnd = "sentence_end", spans }

        public init(document: Int64, title: String?, source: String?, province: String?, published: String?,
                    sentence: String, sentenceStart: Int, sentenceEnd: Int, spans: [Span]) {
            self.document = document
            self.title = title
            self.source = source
            self.province = province
            self.published = published
            self.sentence = sentence
            self.sentenceStart = sentenceStart
            self.sentenceEnd = sentenceEnd
            self.spans = spans
        }
    }

    public struct Span: Sendable, Encodable, Equatable {
        public var start: Int
        public var end: Int
        public var text: String

        public init(start: Int, end: Int, text: String) {
            self.start = start
            self.end = end
            self.text = text
        }
    }

    /// A stable id: the check and its evidence (documents and spans) hashed, "sum-1f3a9c0d".
    /// The same finding on the same documents has the same id in every run, report and page.
    public var id = ""
    public var check: Check
    public var status: Status
    /// The numbers of the relation: sum: the parts; ratio/plan: x and y; change: before and
    /// change; anniversary: first year and count; cross-document: each document's counts.
    public var operands: [Double] = []
    /// What the text states the result to be (total, percentage, after, last year).
    public var stated: Double?
    /// The arithmetic written out: "56 + 62 = 118", "608 / 769 = 79.06% (stated 79,06%)".
    public var relation: String
    /// computed − stated, when it fails.
    public var difference: Double?
    /// Why it cannot be verified, or a note.
    public var reason: String?
    public var province: String?
    public var period: String?
    public var evidence: [Evidence]
    /// Set when `evidence` lists only some of the finding's evidence (a document's page shows
    /// its own sentence of a cross-document finding and a few others): how many there are.
    public var evidenceTotal: Int?

    public init(check: Check, status: Status, operands: [Double] = [], stated: Double? = nil, relation: String,
                difference: Double? = nil, reason: String? = nil, province: String? = nil, period: String? = nil, evidence: [Evidence]) {
        self.check = check
        self.status = status
        self.operands = operands
        self.stated = stated
        self.relation = relation
        self.difference = difference
        self.reason = reason
        self.province = province
        self.period = period
        self.evidence = evidence
    }

    enum CodingKeys: String, CodingKey {
        case id, check, status, operands, stated, relation, difference, reason, province, period, evidence, evidenceTotal = "evidence_total"
    }

    public var documents: [Int64] { Array(Set(evidence.map(\.document))).sorted() }

}

/// Gives findings their ids in report order (`Finding.id`): FNV-1a over "check|article
/// hash@sentence start|span offsets…", not over document numbers, so the same finding has the
/// same id in any index built from the same bulletins. The rare findings with the same evidence
/// are told apart by a suffix, in the order they come.
struct FindingIDs {
    private var seen: [UInt64: Int] = [:]

    mutating func assign(_ finding: inout Finding) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        // Evidence in a fixed order: a cross-document finding lists its documents in the order
        // they were stored, which differs between indexes.
        let parts = finding.evidence.map { e in
            "|\(e.contentHash.isEmpty ? e.sentence : e.contentHash)@\(e.sentenceStart)" + e.spans.map { ",\($0.start)-\($0.end)" }.joined()
        }
        let key = finding.check.rawValue + parts.sorted().joined()
        for byte in key.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let short = h & 0xffff_ffff
        let hex = String(short, radix: 16)
        var id = finding.check.rawValue + "-" + String(repeating: "0", count: 8 - hex.count) + hex
        // Keyed by check and hash, not by the id string: a large index has hundreds of thousands.
        let slot = short | (UInt64(Finding.Check.allCases.firstIndex(of: finding.check)!) << 32)
        let n = seen[slot, default: 0]
        seen[slot] = n + 1
        if n > 0 { id += "-\(n + 1)" }
        finding.id = id
    }
}

public struct AuditReport: Sendable, Encodable {
    public var findings: [Finding]
    public var documents: Int
    public var scope: String

    public func count(_ status: Finding.Status) -> Int { findings.filter { $0.status == status }.count }
    public var failed: Bool { findings.contains { $0.status == .fails } }
}

public struct Auditor: Sendable {
    /// Any store (SQLite today): the audit reads documents through `FigureStore` only.
    public let database: any FigureStore
    /// False: evidence keeps its sentence's offsets but not its text (`sentence` is empty), for
    /// a reader that holds every finding of a large index and slices the few it shows (the
    /// server); the audit's memory then grows with its findings, not with their sentences.
    public var sentences: Bool

    public init(database: any FigureStore, sentences: Bool = true) {
        self.database = database
        self.sentences = sentences
    }

    public func run(scope: DocumentScope = DocumentScope()) throws -> AuditReport {
        var findings: [Finding] = []
        let done = try run(scope: scope) { findings.append($0) }
        return AuditReport(findings: findings, documents: done.documents, scope: done.scope)
    }

    /// The same run, each finding handed to `each` as it is made, with its id, in report order
    /// (each document's findings in document order, then the cross-document ones): a reader
    /// that keeps findings its own way (the server) never holds them all at full size.
    public func run(scope: DocumentScope = DocumentScope(), each: (Finding) throws -> Void) throws -> (documents: Int, scope: String) {
        var cross = CrossDocumentCheck(sentences: sentences)
        var ids = FindingIDs()
        var documents = 0
        func emit(_ found: [Finding]) throws {
            for var f in found { try hand(&f) }
        }
        func hand(_ f: inout Finding) throws {
            ids.assign(&f)
            if !sentences { for j in f.evidence.indices { f.evidence[j].contentHash = "" } }
            try each(f)
        }
        try database.eachDocument(scope) { doc in
            documents += 1
            var view = AuditDocument(doc)
            view.sentences = sentences
            try emit(SumCheck.run(view))
            try emit(RatioCheck.run(view))
            try emit(ShareCheck.run(view))
            try emit(PlanCheck.run(view))
            try emit(ChangeCheck.run(view))
            try emit(AnniversaryCheck.run(view))
            try emit(StructureCheck.run(view))
            try emit(TogetherCheck.run(view))
            cross.add(view)
        }
        try cross.findings { f in
            var f = f
            try hand(&f)
        }
        var parts: [String] = []
        if let d = scope.document { parts.append("document \(d)") }
        if let p = scope.province { parts.append("province \(p)") }
        if let p = scope.period { parts.append("period \(p)") }
        return (documents, parts.isEmpty ? "all documents" : parts.joined(separator: ", "))
    }
}

/// A document prepared for the checks: its UTF-8 bytes with the byte offset of every scalar, so
/// that slicing by scalar offsets is a copy, not a walk.
struct AuditDocument {
    let doc: DocumentWithFigures
    let utf8: [UInt8]
    /// Byte offset of each scalar, plus the end.
    let offsets: [Int32]
    var figures: [FigureRow]
    /// Figure index by figure id.
    let byID: [Int64: Int]
    /// Whether evidence carries its sentence's text (`Auditor.sentences`).
    var sentences = true

    init(_ doc: DocumentWithFigures) {
        self.doc = doc
        utf8 = Array(doc.text.utf8)
        var offsets: [Int32] = []
        offsets.reserveCapacity(utf8.count + 1)
        for (i, b) in utf8.enumerated() where b & 0xC0 != 0x80 { offsets.append(Int32(i)) }
        offsets.append(Int32(utf8.count))
        self.offsets = offsets
        var figures = doc.figures
        byID = Dictionary(uniqueKeysWithValues: figures.enumerated().map { ($1.id, $0) })
        self.figures = []
        // Only percentages are read as text by the checks (their decimals, "KH"); evidence
        // spans slice the text when a finding is made.
        for i in figures.indices where figures[i].kind == "percent" { figures[i].text = text(figures[i].start, figures[i].end) }
        self.figures = figures
    }

    var count: Int { offsets.count - 1 }

    /// The text between two scalar offsets (clamped).
    func text(_ a: Int, _ b: Int) -> String {
        let a = max(0, min(a, count)), b = max(a, min(b, count))
        return String(decoding: utf8[Int(offsets[a])..<Int(offsets[b])], as: UTF8.self)
    }

    /// The lower-cased word just before offset `i` (spaces skipped), at most 8 scalars.
    func wordBefore(_ i: Int) -> String {
        var e = min(i, count)
        while e > 0 && utf8[Int(offsets[e - 1])] == 0x20 { e -= 1 }
        var a = e
        while a > 0 && e - a < 8 {
            let byte = utf8[Int(offsets[a - 1])]
            // ASCII letters, or any multi-byte scalar (Vietnamese letters); stop at digits, spaces, punctuation.
            guard byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) else { break }
            a -= 1
        }
        return a < e ? text(a, e).lowercased() : ""
    }

    /// Evidence for figures of one sentence (the sentence of the first figure).
    func evidence(_ figs: [FigureRow]) -> Finding.Evidence {
        let first = figs.min { $0.sentenceStart < $1.sentenceStart } ?? figs[0]
        let start = figs.map(\.sentenceStart).min() ?? first.sentenceStart
        let end = figs.map(\.sentenceEnd).max() ?? first.sentenceEnd
        // Without sentences (the server) the document's title, source and date are not kept
        // either: they are read again with the sentence for the findings shown.
        var e = Finding.Evidence(document: doc.id, title: sentences ? doc.title : nil, source: sentences ? doc.source : nil,
                                 province: doc.province, published: sentences ? doc.published : nil,
                                 sentence: sentences ? text(start, end) : "", sentenceStart: start, sentenceEnd: end,
                                 spans: figs.sorted { $0.start < $1.start }.map { Finding.Span(start: $0.start, end: $0.end, text: sentences ? text($0.start, $0.end) : "") })
        e.contentHash = doc.contentHash
        return e
    }

    var period: String? { doc.period }
}

/// Numbers as an auditor writes them: 118, 41.53, 3.86.
func show(_ x: Double, decimals: Int? = nil) -> String {
    if let decimals { return String(format: "%.\(decimals)f", x) }
    if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
    var s = String(format: "%.4f", x)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s
}
