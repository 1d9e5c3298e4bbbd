import SolieuIndex

/// "kỷ niệm 70 năm ngày … (11/6/1948-11/6/2018)": the anniversary's count of years against the
/// interval stated with it (1948 + 70 = 2018).
enum AnniversaryCheck {
    static func run(_ d: AuditDocument) -> [Finding] {
        var out: [Finding] = []
        for (i, f) in d.figures.enumerated() where f.kind == "quantity" && f.unit == "năm" {
            // "kỷ niệm 70 năm …", or a second anniversary of the same phrase ("… và 110 năm thành lập …").
            guard let years = f.value, d.text(max(f.sentenceStart, f.start - 9), f.start).lowercased().contains("kỷ niệm")
                || (d.text(max(f.sentenceStart, f.start - 4), f.start).lowercased().hasSuffix("và ")
                    && d.text(f.sentenceStart, f.start).lowercased().contains("kỷ niệm")) else { continue }
            // The next interval of years or dates in the same sentence, with no other count between.
            guard let k = d.figures.indices.first(where: { $0 > i && d.figures[$0].sentenceStart == f.sentenceStart
                    && (d.figures[$0].kind == "period" && (d.figures[$0].calendar?.contains("/") ?? false) || d.figures[$0].kind == "quantity") }),
                  d.figures[k].kind == "period" else { continue }
            let interval = d.figures[k]
            guard let value = interval.calendar else { continue }
            let ends = value.split(separator: "/")
            guard ends.count == 2, let from = Int(ends[0].prefix(4)), let to = Int(ends[1].prefix(4)) else { continue }
            let holds = Double(from) + years == Double(to)
            out.append(Finding(check: .anniversary, status: holds ? .holds : .fails, operands: [Double(from), years], stated: Double(to),
                               relation: "\(from) + \(show(years)) = \(show(Double(from) + years))" + (holds ? "" : ", stated \(to)"),
                               difference: holds ? nil : Double(from) + years - Double(to), reason: nil,
                               province: d.doc.province, period: d.period, evidence: [d.evidence([f, interval])]))
        }
        return out
    }
}
