import Foundation
import SolieuIndex

/// "Dự ước sản lượng lúa đạt 216,7 ngàn tấn (…); bắp đạt 30,2 ngàn tấn (…). Tính chung sản lượng
/// lương thực đạt 246,9 ngàn tấn": a sentence that opens with "Tính chung" (taken together) states
/// the total of the amounts of its unit in the sentence before. Whether every one of them is a
/// part is the reader's guess, so amounts that add up hold and others are unverifiable.
enum TogetherCheck {
    static func run(_ d: AuditDocument) -> [Finding] {
        var out: [Finding] = []
        let figs = d.figures
        for (i, total) in figs.enumerated() where (total.kind == "quantity" || total.kind == "money") && total.partOf == nil {
            let opening = SearchQuery.fold(d.text(total.sentenceStart, min(total.start, total.sentenceStart + 12)))
            guard opening.starts(with: ["tinh", "chung"]), let stated = total.value, stated > 0,
                  !figs[..<i].contains(where: { $0.sentenceStart == total.sentenceStart && $0.kind == total.kind }),
                  let previous = figs[..<i].last(where: { $0.sentenceStart < total.sentenceStart })?.sentenceStart else { continue }
            let parts = figs[..<i].filter { $0.sentenceStart == previous && $0.kind == total.kind && $0.unit == total.unit && $0.currency == total.currency }
            guard parts.count >= 2 else { continue }
            let values = parts.compactMap(\.value)
            let sum = values.reduce(0, +)
            let slack = SumCheck.slack([total] + parts, in: d, amounts: true)
            let holds = abs(sum - stated) <= slack + 1e-9 * stated
            let relation = parts.map { d.text($0.start, $0.end) }.joined(separator: " + ") + (holds ? " = " : " ≠ ") + d.text(total.start, total.end)
            out.append(Finding(check: .sum, status: holds ? .holds : .unverifiable, operands: values, stated: stated, relation: relation,
                               difference: nil, reason: holds ? nil : "\"tính chung\" sums the sentence before, but which of its amounts are parts is a guess",
                               province: d.doc.province, period: d.period, evidence: [d.evidence([total] + parts)]))
        }
        return out
    }
}
