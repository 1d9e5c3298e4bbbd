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

    struct Report {
        var evidence: Finding.Evidence
        var counts: [Int]
        /// The province as the document names it (before 2025 for older bulletins).
        var province: String
    }

    var groups: [Key: [Report]] = [:]

    mutating func add(_ d: AuditDocument) {
        guard let province = d.doc.provinceNow else { return }
        var mine: [Key: [FigureRow]] = [:]
        for f in d.figures where f.kind == "award" && f.count != nil {
            guard let award = f.award, let recipient = f.recipient else { continue }
            guard let period = f.period ?? (d.doc.periodEvidence == "title" ? d.doc.period : nil) else { continue }
            mine[Key(province: province, period: period, award: award, awardClass: f.awardClass, conferrer: f.conferrer, recipient: recipient),
                 default: []].append(f)
        }
        for (key, figs) in mine {
            groups[key, default: []].append(Report(evidence: d.evidence(figs), counts: figs.map { $0.count ?? 0 }, province: d.doc.province ?? province))
        }
    }

    func findings() -> [Finding] {
        var out: [Finding] = []
        for (key, reports) in groups where reports.count >= 2 {
            let named = Array(Set(reports.map(\.province))).sorted().joined(separator: ", ")
            let place = named == key.province ? named : "\(named) (now \(key.province))"
            let label = "\(key.award)\(key.awardClass.map { " hạng \($0)" } ?? "") → \(key.recipient)" + (key.conferrer.map { " (\($0))" } ?? "")
                + ", \(place), \(key.period)"
            let lengths = Set(reports.map(\.counts.count))
            let evidence = reports.map(\.evidence)
            if lengths.count > 1 {
                out.append(Finding(check: .crossDocument, status: .unverifiable,
                                   relation: label + ": " + reports.map { "doc \($0.evidence.document): " + $0.counts.map(String.init).joined(separator: ", ") }.joined(separator: "; "),
                                   difference: nil, reason: "the documents list different numbers of such figures, so they cannot be paired",
                                   province: key.province, period: key.period, evidence: evidence))
                continue
            }
            let variants = Set(reports.map(\.counts))
            let holds = variants.count == 1
            var difference: Double?
            if !holds {
                // Largest gap between any two documents at the same position.
                let n = reports[0].counts.count
                difference = (0..<n).map { k in Double(reports.map { $0.counts[k] }.max()! - reports.map { $0.counts[k] }.min()!) }.max()
            }
            out.append(Finding(check: .crossDocument, status: holds ? .holds : .fails, operands: reports.flatMap { $0.counts.map(Double.init) },
                               relation: label + ": " + reports.map { "doc \($0.evidence.document): " + $0.counts.map(String.init).joined(separator: ", ") }.joined(separator: "; "),
                               difference: difference, reason: nil, province: key.province, period: key.period, evidence: evidence))
        }
        return out.sorted { ($0.province ?? "", $0.period ?? "", $0.relation) < ($1.province ?? "", $1.period ?? "", $1.relation) }
    }
}
