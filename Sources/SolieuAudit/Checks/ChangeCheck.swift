import SolieuIndex

/// A stated change against the two values it compares: "từ 40 xã lên 49 xã, tăng 9 xã" holds;
/// "công nhận thêm 9 xã …, nâng tổng số lên 49/118 xã" is unverifiable (the value before is
/// not stated).
enum ChangeCheck {
    static func amount(_ f: FigureRow) -> Double? {
        switch f.kind {
        case "quantity", "percent", "money": return f.value
        case "ratio": return f.numerator
        case "award": return f.count.map(Double.init)
        default: return nil
        }
    }

    static func run(_ d: AuditDocument) -> [Finding] {
        var out: [Finding] = []
        var bySentence: [Int: [FigureRow]] = [:]
        for f in d.figures where amount(f) != nil { bySentence[f.sentenceStart, default: []].append(f) }
        // A change and the values it compares share a clause: ";" ends one ("… tăng 3,3%; điều
        // chỉnh khu vực dịch vụ từ 8,5% xuống 8,24%" is two statements).
        var clauses: [[FigureRow]] = []
        for (_, figs) in bySentence.sorted(by: { $0.key < $1.key }) {
            var current: [FigureRow] = []
            for f in figs.sorted(by: { $0.start < $1.start }) {
                if let last = current.last, d.text(last.end, f.start).contains(";") {
                    clauses.append(current)
                    current = []
                }
                current.append(f)
            }
            if !current.isEmpty { clauses.append(current) }
        }
        for figs in clauses {
            // The word just before each figure.
            func before(_ f: FigureRow) -> String { d.wordBefore(f.start) }
            var after: FigureRow?, earlier: FigureRow?, change: FigureRow?, sign = 1.0
            for (k, f) in figs.enumerated() {
                let w = before(f)
                if w == "lên" || w == "xuống" {
                    after = f
                    if k > 0, before(figs[k - 1]) == "từ" { earlier = figs[k - 1] }
                    if w == "xuống" { sign = -1 }
                } else if w == "thêm" || w == "tăng" || w == "giảm" {
                    if change == nil { change = f }
                    if w == "giảm" { sign = -1 }
                }
            }
            guard let after, let change, let b = amount(after), let c = amount(change) else { continue }
            // Units must agree ("thêm 9 xã … lên 49/118 xã"); a percentage change of a count is not one.
            guard change.kind == after.kind || (change.kind == "quantity" && after.kind == "ratio") else { continue }
            let used = [earlier, after, change].compactMap { $0 }
            guard let earlier, let a = amount(earlier) else {
                out.append(Finding(check: .change, status: .unverifiable,
                                   relation: "? \(sign > 0 ? "+" : "−") \(show(c)) = \(show(b))", difference: nil,
                                   reason: "the value before the change is not stated (it would be \(show(b - sign * c)))",
                                   province: d.doc.province, period: d.period, evidence: [d.evidence(used)]))
                continue
            }
            let computed = a + sign * c
            let holds = abs(computed - b) < 1e-6
            out.append(Finding(check: .change, status: holds ? .holds : .fails, operands: [a, sign * c], stated: b,
                               relation: "\(show(a)) \(sign > 0 ? "+" : "−") \(show(c)) = \(show(computed))" + (holds ? "" : ", stated \(show(b))"),
                               difference: holds ? nil : computed - b, reason: nil, province: d.doc.province, period: d.period,
                               evidence: [d.evidence(used)]))
        }
        return out
    }
}
