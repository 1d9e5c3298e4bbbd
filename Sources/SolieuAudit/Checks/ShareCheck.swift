import Foundation
import SolieuIndex

/// A part's stated share of its total: "Tổng mức bán lẻ … ước đạt 4.795 tỷ đồng, …, trong đó,
/// doanh thu bán lẻ hàng hóa ước đạt 3.495,5 tỷ đồng, chiếm 73%" (3.495,5 / 4.795 = 72,9% → 73%),
/// at the rounding the text uses. The part is the amount right before "chiếm"; its total is the
/// one the extraction linked it to, or the amount of the same currency or unit before "trong đó"
/// in its sentence. A share followed by words naming another base ("chiếm 5% GRDP") is left alone.
enum ShareCheck {
    static func run(_ d: AuditDocument) -> [Finding] {
        var out: [Finding] = []
        let figs = d.figures
        for (i, p) in figs.enumerated() where p.kind == "percent" && p.role == "share" && i > 0 {
            let part = figs[i - 1]
            guard part.kind == "money" || part.kind == "quantity", part.sentenceStart == p.sentenceStart,
                  let x = part.value, let stated = p.value else { continue }
            let between = d.text(part.end, p.start).lowercased().trimmingCharacters(in: .whitespaces)
            guard between == ", chiếm" || between == "chiếm" || between == ", chiếm khoảng" || between == ", chiếm tỷ lệ" else { continue }
            let after = d.text(p.end, p.end + 2).trimmingCharacters(in: .whitespaces)
            guard after.isEmpty || [",", ".", ";", ")"].contains(where: { after.hasPrefix($0) }) else { continue }
            guard let ti = total(of: i - 1, in: d), let y = figs[ti].value, y > 0 else { continue }
            let q = RatioCheck.Quotient(x, y, stated: stated, text: p.text)
            out.append(Finding(
                check: .ratio, status: q.holds ? .holds : .fails, operands: [x, y], stated: stated,
                relation: q.relation(d.text(part.start, part.end), d.text(figs[ti].start, figs[ti].end), stated: p.text),
                difference: q.difference, reason: nil, province: d.doc.province, period: d.period,
                evidence: [d.evidence([figs[ti], part, p])]))
        }
        return out
    }

    /// The total figure `k` is a share of: its linked total, or the amount before "trong đó".
    static func total(of k: Int, in d: AuditDocument) -> Int? {
        let figs = d.figures
        let part = figs[k]
        if let t = part.partOf, let ti = d.byID[t] { return ti }
        var j = k - 1
        while j >= 0, figs[j].sentenceStart == part.sentenceStart {
            let c = figs[j]
            if c.kind == part.kind, c.currency == part.currency, c.unit == part.unit, (c.value ?? 0) > (part.value ?? 0) {
                return d.text(c.end, part.start).lowercased().contains("trong đó") ? j : nil
            }
            j -= 1
        }
        return nil
    }
}
