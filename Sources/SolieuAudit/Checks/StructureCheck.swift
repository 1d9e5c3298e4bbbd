import Foundation
import SolieuIndex

/// An economy's structure adds up to 100%: "Ngành Nông lâm nghiệp và thuỷ sản chiếm 24,3%;
/// ngành Công nghiệp - Xây dựng chiếm 40,4%; ngành Dịch vụ chiếm 35,3%"; "Khu vực I (…) chiếm
/// tỷ trọng 2,8%; khu vực II … 64,49%; khu vực III … 24,3%; thuế sản phẩm trừ trợ cấp sản phẩm
/// chiếm 8,41%". The General Statistics Office splits GRDP into these three sectors and product
/// taxes, so their shares in one sentence that speaks of shares ("chiếm", "cơ cấu", "tỷ trọng")
/// sum to 100 at the text's rounding. Without the taxes a sum short of 100 says nothing (they may
/// be the rest); above 100 it fails. The same holds for GRDP as an amount and its sectors'
/// amounts after it (`amounts`).
enum StructureCheck {
    enum Sector: CaseIterable { case agriculture, industry, services, taxes }

    /// A text's folded words, one space apart and around, to look for whole phrases in.
    static func phrase(_ text: String) -> String { " " + SearchQuery.fold(text).joined(separator: " ") + " " }

    /// Whether a text names GRDP.
    static func namesGRDP(_ text: String) -> Bool {
        let w = phrase(text)
        return w.contains(" tong san pham ") || w.contains(" grdp ")
    }

    /// A finding on a sum of shares, amounts or contributions, with its difference when it fails.
    static func finding(_ status: Finding.Status, _ values: [Double], stated: Double, relation: String, reason: String? = nil,
                        _ d: AuditDocument, _ figs: [FigureRow]) -> Finding {
        Finding(check: .sum, status: status, operands: values, stated: stated, relation: relation,
                difference: status == .fails ? values.reduce(0, +) - stated : nil, reason: reason,
                province: d.doc.province, period: d.period, evidence: [d.evidence(figs)])
    }

    /// The sector a clause names, if exactly one (folded words).
    static func sector(_ clause: String) -> Sector? {
        let w = phrase(clause)
        var found: [Sector] = []
        if w.contains(" thue san pham ") { found.append(.taxes) }
        if w.contains(" nong lam ") || w.contains(" nong nghiep ") || w.contains(" thuy san ") || w.contains(" khu vuc i ") { found.append(.agriculture) }
        if w.contains(" cong nghiep ") || w.contains(" xay dung ") || w.contains(" khu vuc ii ") { found.append(.industry) }
        if w.contains(" dich vu ") || w.contains(" khu vuc iii ") { found.append(.services) }
        return found.count == 1 ? found[0] : nil
    }

    static func run(_ d: AuditDocument) -> [Finding] {
        var out: [Finding] = []
        let figs = d.figures
        var bySentence: [Int: [Int]] = [:]
        for (i, f) in figs.enumerated() where f.kind == "percent" { bySentence[f.sentenceStart, default: []].append(i) }
        for (start, members) in bySentence.sorted(by: { $0.key < $1.key }) where members.count >= 3 {
            let sentence = d.text(start, figs[members[0]].sentenceEnd)
            let s = phrase(sentence)
            guard s.contains(" chiem ") || s.contains(" co cau ") || s.contains(" ty trong ") else { continue }
            // Each percent's clause: from the figure before it (or the sentence's start).
            var shares: [(Sector, FigureRow)] = []
            var ok = true
            for (k, i) in members.enumerated() {
                let p = figs[i]
                guard p.role != "change", p.role != "plan", p.value != nil else { ok = false; break }
                let from = k == 0 ? start : figs[members[k - 1]].end
                if let sector = sector(d.text(from, p.start)) { shares.append((sector, p)) }
            }
            let sectors = shares.map(\.0)
            guard ok, Set(sectors).count == sectors.count, [.agriculture, .industry, .services].allSatisfy(sectors.contains) else { continue }
            let parts = shares.map(\.1)
            let values = parts.compactMap(\.value)
            let sum = values.reduce(0, +)
            let slack = SumCheck.slack(parts, in: d)
            let holds = abs(sum - 100) <= slack + 1e-6
            let relation = values.map { show($0) }.joined(separator: "% + ") + "% = \(show(sum))%"
            if !holds, sum < 100, !sectors.contains(.taxes) {
                out.append(finding(.unverifiable, values, stated: 100, relation: relation + " of 100%",
                                   reason: "product taxes are not stated: they may be the rest", d, parts))
                continue
            }
            out.append(finding(holds ? .holds : .fails, values, stated: 100, relation: relation + (holds ? "" : ", not 100%"), d, parts))
        }
        out += amounts(d)
        out += contributions(d)
        return out
    }

    /// GRDP's growth against its sectors' contributions in percentage points: "GRDP … tăng
    /// 9,30% …; khu vực nông lâm nghiệp và thủy sản … làm giảm 0,63 điểm phần trăm …; khu vực
    /// công nghiệp và xây dựng … đóng góp 7,18 điểm phần trăm …; trong đó: ngành công nghiệp tăng
    /// 20,1% (đóng góp 4,93 điểm phần trăm) …; khu vực dịch vụ … đóng góp 2,3 điểm phần trăm. Thuế
    /// sản phẩm … đóng góp 0,46 điểm phần trăm". A contribution in parentheses is a branch's, part
    /// of its sector's; "làm giảm" is a negative one. Without the taxes, a sum that is off says
    /// nothing.
    static func contributions(_ d: AuditDocument) -> [Finding] {
        var out: [Finding] = []
        let figs = d.figures
        for (i, growth) in figs.enumerated() where growth.kind == "percent" && growth.role == "change" {
            guard let stated = growth.value, namesGRDP(d.text(growth.sentenceStart, growth.start)),
                  !figs[..<i].contains(where: { $0.kind == "percent" && $0.sentenceStart == growth.sentenceStart }) else { continue }
            var shares: [(Sector, FigureRow, Double)] = []
            var last = growth.end
            var j = i + 1
            while j < figs.count, figs[j].start < growth.end + 1_500 {
                let f = figs[j]
                j += 1
                guard f.kind == "quantity", f.unit?.hasPrefix("điểm") == true, let points = f.value else {
                    if f.kind == "percent", f.role == "change", namesGRDP(d.text(f.sentenceStart, f.start)), f.sentenceStart != growth.sentenceStart { break }
                    continue
                }
                // Its clause: back to the last contribution, its sentence's start or a ";".
                var clause = d.text(max(last, f.sentenceStart), f.start)
                if let semicolon = clause.lastIndex(of: ";") { clause = String(clause[clause.index(after: semicolon)...]) }
                last = f.end
                // A branch's contribution, in parentheses inside its sector's.
                if let open = clause.lastIndex(of: "("), !clause[open...].contains(")") { continue }
                guard let sector = sector(clause), !shares.contains(where: { $0.0 == sector }) else { break }
                let negative = SearchQuery.fold(clause).suffix(3).contains("giam")
                shares.append((sector, f, negative ? -points : points))
            }
            let sectors = shares.map(\.0)
            guard [.agriculture, .industry, .services].allSatisfy(sectors.contains) else { continue }
            let values = shares.map(\.2)
            let sum = values.reduce(0, +)
            let slack = SumCheck.slack([growth] + shares.map(\.1), in: d)
            let holds = abs(sum - stated) <= slack + 1e-9
            let relation = values.map { show($0) }.joined(separator: " + ") + " = \(show(sum)) điểm phần trăm" + (holds ? "" : ", growth stated \(show(stated))%")
            let evidence = [growth] + shares.map(\.1)
            if !holds, !sectors.contains(.taxes) {
                out.append(finding(.unverifiable, values, stated: stated, relation: relation, reason: "product taxes' contribution is not stated", d, evidence))
                continue
            }
            out.append(finding(holds ? .holds : .fails, values, stated: stated, relation: relation, d, evidence))
        }
        return out
    }

    /// GRDP and its sectors' amounts after it: "tổng sản phẩm … đạt 14.927,7 tỷ đồng … Khu vực
    /// nông, lâm nghiệp và thủy sản đạt 2.731 tỷ đồng …; khu vực công nghiệp và xây dựng đạt
    /// 3.998,9 tỷ đồng …; khu vực dịch vụ đạt 7.709,1 tỷ đồng …; thuế sản phẩm … 488,7 tỷ đồng".
    /// The sectors are looked for in the 1,000 characters after the total, one amount each in the
    /// total's currency, until another GRDP is named.
    static func amounts(_ d: AuditDocument) -> [Finding] {
        var out: [Finding] = []
        let figs = d.figures
        for (i, total) in figs.enumerated() where total.kind == "money" {
            // The sentence names GRDP before its first amount ("tổng sản phẩm (theo giá so sánh năm
            // 2010) trên địa bàn tỉnh đạt 14.927,7 tỷ đồng").
            guard let stated = total.value, stated > 0, namesGRDP(d.text(total.sentenceStart, total.start)),
                  !figs[..<i].contains(where: { $0.kind == "money" && $0.sentenceStart == total.sentenceStart }) else { continue }
            var shares: [(Sector, FigureRow)] = []
            var j = i + 1
            while j < figs.count, figs[j].start < total.end + 1_000 {
                let f = figs[j]
                let clause = d.text(figs[j - 1].end, f.start)
                if namesGRDP(clause) { break }
                if f.kind == "money", f.currency == total.currency, let sector = sector(clause) {
                    if shares.contains(where: { $0.0 == sector }) { break }
                    shares.append((sector, f))
                }
                j += 1
            }
            let sectors = shares.map(\.0)
            guard [.agriculture, .industry, .services].allSatisfy(sectors.contains) else { continue }
            let parts = shares.map(\.1)
            let values = parts.compactMap(\.value)
            let sum = values.reduce(0, +)
            let slack = SumCheck.slack([total] + parts, in: d, amounts: true)
            let holds = abs(sum - stated) <= slack + 1e-6 * stated
            // In the text's own words: "2.731 tỷ đồng + 3.998,9 tỷ đồng + … = 14.927,7 tỷ đồng".
            let relation = parts.map { d.text($0.start, $0.end) }.joined(separator: " + ") + (holds ? " = " : " ≠ ") + d.text(total.start, total.end)
            // "gần 26.677 tỷ đồng", "trên 6.236 tỷ đồng": bounds, not values.
            let approximate = ([total] + parts).contains { f in
                let w = SearchQuery.fold(d.text(max(f.sentenceStart, f.start - 12), f.start)).last ?? ""
                return ["gan", "tren", "hon", "khoang", "duoi", "xap", "xi"].contains(w)
            }
            if !holds, approximate {
                out.append(finding(.unverifiable, values, stated: stated, relation: relation,
                                   reason: "some amounts are stated as bounds (gần, trên, hơn, khoảng)", d, [total] + parts))
                continue
            }
            if !holds, sum < stated, !sectors.contains(.taxes) {
                out.append(finding(.unverifiable, values, stated: stated, relation: relation,
                                   reason: "product taxes are not stated: they may be the rest", d, [total] + parts))
                continue
            }
            out.append(finding(holds ? .holds : .fails, values, stated: stated, relation: relation, d, [total] + parts))
        }
        return out
    }
}
