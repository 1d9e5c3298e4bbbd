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

    /// The sector a clause names, if exactly one (folded words).
    static func sector(_ clause: String) -> Sector? {
        let w = " " + SearchQuery.fold(clause).joined(separator: " ") + " "
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
            let s = " " + SearchQuery.fold(sentence).joined(separator: " ") + " "
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
            let slack = parts.map { SumCheck.roundingHalfUnit(d.text($0.start, $0.end), value: $0.value ?? 0) }.reduce(0, +)
            let holds = abs(sum - 100) <= slack + 1e-6
            let relation = values.map { show($0) }.joined(separator: "% + ") + "% = \(show(sum))%"
            if !holds, sum < 100, !sectors.contains(.taxes) {
                out.append(Finding(check: .sum, status: .unverifiable, operands: values, stated: 100, relation: relation + " of 100%",
                                   difference: nil, reason: "product taxes are not stated: they may be the rest",
                                   province: d.doc.province, period: d.period, evidence: [d.evidence(parts)]))
                continue
            }
            out.append(Finding(check: .sum, status: holds ? .holds : .fails, operands: values, stated: 100,
                               relation: relation + (holds ? "" : ", not 100%"), difference: holds ? nil : sum - 100, reason: nil,
                               province: d.doc.province, period: d.period, evidence: [d.evidence(parts)]))
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
        func names(_ text: String) -> Bool {
            let w = " " + SearchQuery.fold(text).joined(separator: " ") + " "
            return w.contains(" tong san pham ") || w.contains(" grdp ")
        }
        for (i, growth) in figs.enumerated() where growth.kind == "percent" && growth.role == "change" {
            guard let stated = growth.value, names(d.text(growth.sentenceStart, growth.start)),
                  !figs[..<i].contains(where: { $0.kind == "percent" && $0.sentenceStart == growth.sentenceStart }) else { continue }
            var shares: [(Sector, FigureRow, Double)] = []
            var last = growth.end
            var j = i + 1
            while j < figs.count, figs[j].start < growth.end + 1_500 {
                let f = figs[j]
                j += 1
                guard f.kind == "quantity", f.unit?.hasPrefix("điểm") == true, let points = f.value else {
                    if f.kind == "percent", f.role == "change", names(d.text(f.sentenceStart, f.start)), f.sentenceStart != growth.sentenceStart { break }
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
            let slack = ([growth] + shares.map(\.1)).map { SumCheck.roundingHalfUnit(d.text($0.start, $0.end), value: $0.value ?? 0) }.reduce(0, +)
            let holds = abs(sum - stated) <= slack + 1e-9
            let relation = values.map { show($0) }.joined(separator: " + ") + " = \(show(sum)) điểm phần trăm" + (holds ? "" : ", growth stated \(show(stated))%")
            let evidence = [d.evidence([growth] + shares.map(\.1))]
            if !holds, !sectors.contains(.taxes) {
                out.append(Finding(check: .sum, status: .unverifiable, operands: values, stated: stated, relation: relation, difference: nil,
                                   reason: "product taxes' contribution is not stated", province: d.doc.province, period: d.period, evidence: evidence))
                continue
            }
            out.append(Finding(check: .sum, status: holds ? .holds : .fails, operands: values, stated: stated, relation: relation,
                               difference: holds ? nil : sum - stated, reason: nil, province: d.doc.province, period: d.period, evidence: evidence))
        }
        return out
    }

    /// Half the unit of an amount's last written digit: "3.998,9 tỷ đồng" ± 0,05 tỷ, "6.236 tỷ đồng"
    /// ± 0,5 tỷ (amounts are rounded to their scale word, unlike counts).
    static func halfUnit(_ text: String, value: Double) -> Double {
        let decimals = SumCheck.roundingHalfUnit(text, value: value)
        if decimals > 0 { return decimals }
        let digits = text.prefix { $0.isNumber || $0 == "." }.filter(\.isNumber)
        guard let plain = Double(String(digits)), plain > 0 else { return 0 }
        return 0.5 * value / plain
    }

    /// GRDP and its sectors' amounts after it: "tổng sản phẩm … đạt 14.927,7 tỷ đồng … Khu vực
    /// nông, lâm nghiệp và thủy sản đạt 2.731 tỷ đồng …; khu vực công nghiệp và xây dựng đạt
    /// 3.998,9 tỷ đồng …; khu vực dịch vụ đạt 7.709,1 tỷ đồng …; thuế sản phẩm … 488,7 tỷ đồng".
    /// The sectors are looked for in the 1,000 characters after the total, one amount each in the
    /// total's currency, until another GRDP is named.
    static func amounts(_ d: AuditDocument) -> [Finding] {
        var out: [Finding] = []
        let figs = d.figures
        func names(_ text: String) -> Bool {
            let w = " " + SearchQuery.fold(text).joined(separator: " ") + " "
            return w.contains(" tong san pham ") || w.contains(" grdp ")
        }
        for (i, total) in figs.enumerated() where total.kind == "money" {
            // The sentence names GRDP before its first amount ("tổng sản phẩm (theo giá so sánh năm
            // 2010) trên địa bàn tỉnh đạt 14.927,7 tỷ đồng").
            guard let stated = total.value, stated > 0, names(d.text(total.sentenceStart, total.start)),
                  !figs[..<i].contains(where: { $0.kind == "money" && $0.sentenceStart == total.sentenceStart }) else { continue }
            var shares: [(Sector, FigureRow)] = []
            var j = i + 1
            while j < figs.count, figs[j].start < total.end + 1_000 {
                let f = figs[j]
                let clause = d.text(figs[j - 1].end, f.start)
                if names(clause) { break }
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
            let slack = ([total] + parts).map { halfUnit(d.text($0.start, $0.end), value: $0.value ?? 0) }.reduce(0, +)
            let holds = abs(sum - stated) <= slack + 1e-6 * stated
            // In the text's own words: "2.731 tỷ đồng + 3.998,9 tỷ đồng + … = 14.927,7 tỷ đồng".
            let relation = parts.map { d.text($0.start, $0.end) }.joined(separator: " + ") + (holds ? " = " : " ≠ ") + d.text(total.start, total.end)
            // "gần 26.677 tỷ đồng", "trên 6.236 tỷ đồng": bounds, not values.
            let approximate = ([total] + parts).contains { f in
                let w = SearchQuery.fold(d.text(max(f.sentenceStart, f.start - 12), f.start)).last ?? ""
                return ["gan", "tren", "hon", "khoang", "duoi", "xap", "xi"].contains(w)
            }
            if !holds, approximate {
                out.append(Finding(check: .sum, status: .unverifiable, operands: values, stated: stated, relation: relation,
                                   difference: nil, reason: "some amounts are stated as bounds (gần, trên, hơn, khoảng)",
                                   province: d.doc.province, period: d.period, evidence: [d.evidence([total] + parts)]))
                continue
            }
            if !holds, sum < stated, !sectors.contains(.taxes) {
                out.append(Finding(check: .sum, status: .unverifiable, operands: values, stated: stated, relation: relation,
                                   difference: nil, reason: "product taxes are not stated: they may be the rest",
                                   province: d.doc.province, period: d.period, evidence: [d.evidence([total] + parts)]))
                continue
            }
            out.append(Finding(check: .sum, status: holds ? .holds : .fails, operands: values, stated: stated,
                               relation: relation, difference: holds ? nil : sum - stated, reason: nil,
                               province: d.doc.province, period: d.period, evidence: [d.evidence([total] + parts)]))
        }
        return out
    }
}
