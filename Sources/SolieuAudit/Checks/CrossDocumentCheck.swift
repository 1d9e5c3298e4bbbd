import SolieuIndex

/// The same award count reported by different documents: same province (after 2025), period,
/// award, class, conferrer and recipient kind. A figure takes part only when its period is
/// known from its own sentence or the document's title (never guessed from the publication
/// date), so unrelated ceremonies are not compared. Documents listing several such figures are
/// compared list against list, in order. The same article republished is one document already.
struct CrossDocumentCheck {
    struct Key: Hashable {
        var province: String
        var period: String
        var award: String
        var awardClass: Int?
        var conferrer: String?
        var recipient: String
    }

    /// A document that reports such counts, kept once for all its reports.
    struct Source {
        var id: Int64
        var title: String?
        var source: String?
        /// The province as the document names it (before 2025 for older bulletins).
        var province: String
        var published: String?
        var contentHash: String
    }

    /// One document's figures for one key, kept small: a large index holds a million of them
    /// until the last document is read.
    struct Report {
        /// Index in `sources`.
        var source: Int32
        var sentenceStart: Int32
        var sentenceEnd: Int32
        /// Empty when the audit keeps no sentences.
        var sentence: String
        /// Start and end of each figure's span, by position in the text.
        var spans: [Int32]
        var counts: [Int32]
    }

    /// Whether evidence carries its sentence (`Auditor.sentences`).
    var sentences = true
    var groups: [Key: [Report]] = [:]
    var sources: [Source] = []

    init(sentences: Bool = true) { self.sentences = sentences }

    mutating func add(_ d: AuditDocument) {
        guard let province = d.doc.provinceNow else { return }
        var mine: [Key: [FigureRow]] = [:]
        for f in d.figures where f.kind == "award" && f.count != nil {
            guard let award = f.award, let recipient = f.recipient else { continue }
            guard let period = f.period ?? (d.doc.periodEvidence == "title" ? d.doc.period : nil) else { continue }
            mine[Key(province: province, period: period, award: award, awardClass: f.awardClass, conferrer: f.conferrer, recipient: recipient),
                 default: []].append(f)
        }
        guard !mine.isEmpty else { return }
        sources.append(Source(id: d.doc.id, title: sentences ? d.doc.title : nil, source: sentences ? d.doc.source : nil,
                              province: d.doc.province ?? province, published: sentences ? d.doc.published : nil, contentHash: d.doc.contentHash))
        let index = Int32(sources.count - 1)
        for (key, figs) in mine {
            let start = figs.map(\.sentenceStart).min() ?? 0, end = figs.map(\.sentenceEnd).max() ?? start
            let spans = figs.sorted { $0.start < $1.start }.flatMap { [Int32($0.start), Int32($0.end)] }
            groups[key, default: []].append(Report(source: index, sentenceStart: Int32(start), sentenceEnd: Int32(end),
                                                   sentence: sentences ? d.text(start, end) : "", spans: spans,
                                                   counts: figs.map { Int32(clamping: $0.count ?? 0) }))
        }
    }

    /// A report as the evidence of a finding (span texts cut from its sentence).
    func evidence(_ r: Report) -> Finding.Evidence {
        let s = sources[Int(r.source)]
        let scalars = Array(r.sentence.unicodeScalars)
        var spans: [Finding.Span] = []
        for k in stride(from: 0, to: r.spans.count - 1, by: 2) {
            let a = Int(r.spans[k]), b = Int(r.spans[k + 1])
            let i = a - Int(r.sentenceStart), j = b - Int(r.sentenceStart)
            let text = i >= 0 && i <= j && j <= scalars.count ? String(String.UnicodeScalarView(scalars[i..<j])) : ""
            spans.append(Finding.Span(start: a, end: b, text: text))
        }
        var e = Finding.Evidence(document: s.id, title: s.title, source: s.source, province: s.province, published: s.published,
                                 sentence: r.sentence, sentenceStart: Int(r.sentenceStart), sentenceEnd: Int(r.sentenceEnd), spans: spans)
        e.contentHash = s.contentHash
        return e
    }

    /// The findings, one at a time, ordered by province, period and relation.
    func findings(_ each: (Finding) throws -> Void) throws {
        struct Pending { var key: Key; var reports: [Report]; var label: String; var relation: String }
        var pending: [Pending] = []
        for (key, reports) in groups where reports.count >= 2 {
            let named = Array(Set(reports.map { sources[Int($0.source)].province })).sorted().joined(separator: ", ")
            let place = named == key.province ? named : "\(named) (now \(key.province))"
            let label = "\(key.award)\(key.awardClass.map { " hạng \($0)" } ?? "") → \(key.recipient)" + (key.conferrer.map { " (\($0))" } ?? "")
                + ", \(place), \(key.period)"
            let relation = label + ": " + reports.map { "doc \(sources[Int($0.source)].id): " + $0.counts.map(String.init).joined(separator: ", ") }.joined(separator: "; ")
            pending.append(Pending(key: key, reports: reports, label: label, relation: relation))
        }
        pending.sort { ($0.key.province, $0.key.period, $0.relation) < ($1.key.province, $1.key.period, $1.relation) }
        for p in pending {
            let reports = p.reports, key = p.key
            let evidence = reports.map(evidence)
            if Set(reports.map(\.counts.count)).count > 1 {
                try each(Finding(check: .crossDocument, status: .unverifiable, relation: p.relation, difference: nil,
                                 reason: "the documents list different numbers of such figures, so they cannot be paired",
                                 province: key.province, period: key.period, evidence: evidence))
                continue
            }
            let holds = Set(reports.map(\.counts)).count == 1
            var difference: Double?
            if !holds {
                // Largest gap between any two documents at the same position.
                let n = reports[0].counts.count
                difference = (0..<n).map { k in Double(Int(reports.map { $0.counts[k] }.max()!) - Int(reports.map { $0.counts[k] }.min()!)) }.max()
            }
            try each(Finding(check: .crossDocument, status: holds ? .holds : .fails, operands: reports.flatMap { $0.counts.map(Double.init) },
                             relation: p.relation, difference: difference, reason: nil, province: key.province, period: key.period, evidence: evidence))
        }
    }
}
