import Foundation
import SolieuIndex

/// A value against its plan when the text states both: "Thu ngân sách năm 2023 đạt trên 11.000
/// tỷ đồng, đạt 100% dự toán được giao (kế hoạch năm 2023 là 11.000 tỷ đồng)" (actual / plan at
/// the percent's rounding). The actual is the amount right before the percent ("…, đạt N%"),
/// the plan the next amount of the same currency or unit in the sentence after "kế hoạch",
/// "dự toán" or "chỉ tiêu". An actual stated as a bound ("trên", "hơn", "gần", "khoảng") cannot
/// fail: when it does not agree the finding is unverifiable.
enum PlanCheck {
    static let introducers: Set<String> = [",", ", đạt", ", bằng", "đạt", "bằng", ", ước đạt", ", đạt khoảng", ", đạt trên"]
    static let hedges = ["trên ", "hơn ", "gần ", "khoảng ", "xấp xỉ ", "ngoài "]

    static func run(_ d: AuditDocument) -> [Finding] {
        var out: [Finding] = []
        let figs = d.figures
        for (i, p) in figs.enumerated() where p.kind == "percent" && p.role == "plan" && i > 0 && i + 1 < figs.count {
            let actual = figs[i - 1]
            guard actual.kind == "money" || actual.kind == "quantity", actual.sentenceStart == p.sentenceStart,
                  let x = actual.value, let stated = p.value,
                  introducers.contains(d.text(actual.end, p.start).lowercased().trimmingCharacters(in: .whitespaces)) else { continue }
            guard let pi = (i + 1..<min(figs.count, i + 3)).first(where: { k in
                let c = figs[k]
                return c.sentenceStart == p.sentenceStart && c.kind == actual.kind && c.currency == actual.currency && c.unit == actual.unit
            }) else { continue }
            let plan = figs[pi]
            let between = d.text(p.end, plan.start).lowercased()
            guard between.count <= 60, ["kế hoạch", "dự toán", "chỉ tiêu"].contains(where: { between.contains($0) }),
                  !figs[(i + 1)..<pi].contains(where: { $0.kind == "money" || $0.kind == "quantity" || $0.kind == "percent" }),
                  let y = plan.value, y > 0 else { continue }
            let q = RatioCheck.Quotient(x, y, stated: stated, text: p.text)
            let hedged = hedges.contains { d.text(max(0, actual.start - 12), actual.start).lowercased().hasSuffix($0) }
            let relation = q.relation(d.text(actual.start, actual.end), d.text(plan.start, plan.end), stated: p.text)
            if !q.holds && hedged {
                out.append(Finding(check: .plan, status: .unverifiable, operands: [x, y], stated: stated, relation: relation, difference: nil,
                                   reason: "the actual is stated as a bound (\"trên\", \"hơn\", …)", province: d.doc.province, period: d.period,
                                   evidence: [d.evidence([actual, p, plan])]))
                continue
            }
            out.append(Finding(check: .plan, status: q.holds ? .holds : .fails, operands: [x, y], stated: stated, relation: relation,
                               difference: q.difference, reason: nil, province: d.doc.province, period: d.period,
                               evidence: [d.evidence([actual, p, plan])]))
        }
        return out
    }
}
