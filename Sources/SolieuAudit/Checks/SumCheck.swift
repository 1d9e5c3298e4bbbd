import Foundation
import SolieuIndex

/// A stated total against its stated parts ("tổng số 82 …, trong đó 74 … và 08 …"; "118 Bằng khen
/// … cho 56 tập thể, 62 cá nhân"; "1.880 tập thể, cá nhân (769 tập thể, 1.111 cá nhân)"), from the
/// total–part links the extraction made.
enum SumCheck {
    /// Half the unit of the last decimal a figure's text writes ("3.010,8 tỷ đồng" → 0.05 tỷ), in
    /// the figure's units; 0 for whole numbers, which must add up exactly.
    static func roundingHalfUnit(_ text: String, value: Double) -> Double {
        let number = text.prefix { $0.isNumber || $0 == "." || $0 == "," }
        guard let comma = number.firstIndex(of: ",") else { return 0 }
        let decimals = number[number.index(after: comma)...].filter(\.isNumber).count
        let plain = Double(number.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")) ?? 0
        guard decimals > 0, plain > 0 else { return 0 }
        return 0.5 * pow(10, -Double(decimals)) * value / plain
    }

    /// Half the unit of an amount's last written digit: "3.998,9 tỷ đồng" ± 0,05 tỷ, "6.236 tỷ đồng"
    /// ± 0,5 tỷ (amounts are rounded to their scale word, unlike counts).
    static func amountHalfUnit(_ text: String, value: Double) -> Double {
        let decimals = roundingHalfUnit(text, value: value)
        if decimals > 0 { return decimals }
        let digits = text.prefix { $0.isNumber || $0 == "." }.filter(\.isNumber)
        guard let plain = Double(String(digits)), plain > 0 else { return 0 }
        return 0.5 * value / plain
    }

    /// The rounding the figures' texts allow together: the sum of each one's half unit, of its
    /// last decimal (`roundingHalfUnit`), or for `amounts` of its last digit (`amountHalfUnit`).
    static func slack(_ figs: [FigureRow], in d: AuditDocument, amounts: Bool = false) -> Double {
        figs.map { f in
            let text = d.text(f.start, f.end), value = amount(f) ?? 0
            return amounts ? amountHalfUnit(text, value: value) : roundingHalfUnit(text, value: value)
        }.reduce(0, +)
    }

    /// Words between a total and its parts that announce some parts, not all.
    static func mayBePartial(_ between: String) -> Bool {
        let t = between.lowercased()
        return t.contains("trong đó") || t.contains("trong số đó") || t.contains("trong số này") || t.contains("nổi bật")
    }

    static func amount(_ f: FigureRow) -> Double? {
        f.kind == "award" ? f.count.map(Double.init) : f.value
    }

    static func run(_ d: AuditDocument) -> [Finding] {
        var parts: [Int64: [FigureRow]] = [:]
        for f in d.figures { if let total = f.partOf { parts[total, default: []].append(f) } }
        var out: [Finding] = []
        for (totalID, members) in parts.sorted(by: { $0.key < $1.key }) {
            guard let ti = d.byID[totalID] else { continue }
            let total = d.figures[ti]
            let figs = [total] + members
            guard let stated = amount(total) else {
                out.append(Finding(check: .sum, status: .unverifiable, relation: "? = \(d.text(total.start, total.end))", difference: nil,
                                   reason: "the total has no number", province: d.doc.province, period: d.period, evidence: [d.evidence(figs)]))
                continue
            }
            let values = members.map(amount)
            if values.contains(where: { $0 == nil }) {
                out.append(Finding(check: .sum, status: .unverifiable, relation: "parts of \(show(stated))", difference: nil,
                                   reason: "a part has no number", province: d.doc.province, period: d.period, evidence: [d.evidence(figs)]))
                continue
            }
            let sum = values.compactMap { $0 }.reduce(0, +)
            // Amounts written with decimals ("3.010,8 tỷ đồng") are rounded: parts that add up to
            // the total within the rounding of each hold.
            let slack = Self.slack([total] + members, in: d)
            let holds = abs(sum - stated) < 1e-6 || abs(sum - stated) <= slack + 1e-6
            // "tổng số 82 …, trong đó 74 … và 08 …": "trong đó" ("of which") may name only some
            // of the parts, so parts short of the total say nothing; parts above it still fail.
            if !holds, sum < stated, let first = members.map(\.start).min(), Self.mayBePartial(d.text(total.end, first)) {
                out.append(Finding(check: .sum, status: .unverifiable, operands: values.compactMap { $0 }, stated: stated,
                                   relation: values.compactMap { $0 }.map { show($0) }.joined(separator: " + ") + " = \(show(sum)) of \(show(stated))",
                                   difference: nil, reason: "the parts follow \"trong đó\", which may name only some of them",
                                   province: d.doc.province, period: d.period, evidence: [d.evidence(figs)]))
                continue
            }
            out.append(Finding(check: .sum, status: holds ? .holds : .fails, operands: values.compactMap { $0 }, stated: stated,
                               relation: values.compactMap { $0 }.map { show($0) }.joined(separator: " + ") + " = \(show(sum))" + (holds ? "" : ", stated \(show(stated))"),
                               difference: holds ? nil : sum - stated, reason: nil, province: d.doc.province, period: d.period,
                               evidence: [d.evidence(figs)]))
        }
        return out
    }
}
