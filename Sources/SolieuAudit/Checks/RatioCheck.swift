import Foundation
import SolieuIndex

/// A stated x/y against the percentage stated with it ("608/769 tập thể, chiếm 79,06%"; "đạt 100%
/// (33/33 vụ)"), at the rounding the text uses: a value given to 1 decimal holds if x/y rounds to
/// it. "bằng 115%KH" / "đạt N% kế hoạch" make it a plan check (actual / plan).
enum RatioCheck {
    /// Words that may stand between a ratio and its percentage.
    static let connectives: Set<String> = ["chiếm", "đạt", "bằng", "là", "tỷ", "tỉ", "lệ", "tương", "đương", "với", "so", "khoảng", "=", "trên", "đạt"]

    static func run(_ d: AuditDocument) -> [Finding] {
        var out: [Finding] = []
        var used = Set<Int>()
        let figs = d.figures
        for (i, r) in figs.enumerated() where r.kind == "ratio" {
            guard let x = r.numerator, let y = r.denominator else { continue }
            // The percentage right after ("…, chiếm 79,06%") or right before in parentheses ("100% (33/33 vụ)").
            var partner: Int?
            if i + 1 < figs.count, figs[i + 1].kind == "percent", !used.contains(i + 1), figs[i + 1].sentenceStart == r.sentenceStart,
               isConnective(d.text(r.end, figs[i + 1].start)) || isShareClause(d.text(r.end, figs[i + 1].start)) {
                partner = i + 1
            } else if i > 0, figs[i - 1].kind == "percent", !used.contains(i - 1), figs[i - 1].sentenceStart == r.sentenceStart,
                      d.text(figs[i - 1].end, r.start).trimmingCharacters(in: .whitespaces) == "(" {
                partner = i - 1
            }
            guard let pi = partner, let stated = figs[pi].value else { continue }
            used.insert(pi)
            let p = figs[pi]
            let after = d.text(p.end, p.end + 12).lowercased()
            let plan = p.text.contains("KH") || after.hasPrefix(" kh") || after.hasPrefix(" kế hoạch") || after.hasPrefix("kh")
            guard y != 0 else {
                out.append(Finding(check: plan ? .plan : .ratio, status: .unverifiable, relation: "\(show(x)) / 0", difference: nil,
                                   reason: "the denominator is zero", province: d.doc.province, period: d.period, evidence: [d.evidence([r, p])]))
                continue
            }
            let q = Quotient(x, y, stated: stated, text: p.text)
            out.append(Finding(
                check: plan ? .plan : .ratio, status: q.holds ? .holds : .fails, operands: [x, y], stated: stated,
                relation: q.relation(show(x), show(y), stated: p.text.trimmingCharacters(in: .whitespaces)),
                difference: q.difference, reason: nil, province: d.doc.province, period: d.period,
                evidence: [d.evidence([r, p])]))
        }
        return out
    }

    /// "42/82 xã được công nhận đạt chuẩn nông thôn mới, chiếm tỷ lệ 51%": the ratio's own clause,
    /// words only, then ", chiếm" — the share of what the ratio counts. Not when the clause
    /// compares ("tăng", "so với").
    static func isShareClause(_ between: String) -> Bool {
        let t = between.lowercased().trimmingCharacters(in: .whitespaces)
        guard t.count <= 90, t.hasSuffix(", chiếm") || t.hasSuffix(", chiếm tỷ lệ") || t.hasSuffix(", đạt tỷ lệ") || t.hasSuffix(", chiếm khoảng") else { return false }
        guard !t.unicodeScalars.contains(where: { $0.properties.numericType != nil }) else { return false }
        return !["tăng", "giảm", "so với", "so cùng", ";", "("].contains(where: { t.contains($0) })
    }

    static func isConnective(_ between: String) -> Bool {
        let words = between.lowercased().split { $0 == " " || $0 == "," || $0 == ":" || $0 == "\u{00A0}" }
        return between.count <= 30 && words.allSatisfy { connectives.contains(String($0)) }
    }

    /// x / y as a percent, rounded as the stated percent is written ("79,06%": two decimals), and
    /// whether it agrees: the step RatioCheck, ShareCheck and PlanCheck share.
    struct Quotient {
        let computed: Double
        let rounded: Double
        let decimals: Int
        let holds: Bool
        let difference: Double?

        init(_ x: Double, _ y: Double, stated: Double, text: String) {
            decimals = RatioCheck.statedDecimals(text)
            computed = x / y * 100
            rounded = (computed * pow(10, Double(decimals))).rounded() / pow(10, Double(decimals))
            holds = abs(rounded - stated) < 1e-9
            difference = holds ? nil : computed - stated
        }

        /// "608 / 769 = 79.063% → 79.06%, stated 79,06%"
        func relation(_ x: String, _ y: String, stated: String) -> String {
            "\(x) / \(y) = \(show(computed, decimals: max(2, decimals + 1)))% → \(show(rounded, decimals: decimals))%, stated \(stated)"
        }
    }

    /// Digits after the decimal comma in "79,06%" (2), "111,1 %" (1), "115%KH" (0).
    static func statedDecimals(_ text: String) -> Int {
        guard let comma = text.firstIndex(where: { $0 == "," || $0 == "." }) else { return 0 }
        return text[text.index(after: comma)...].prefix { $0.isNumber || $0 == " " }.filter(\.isNumber).count
    }
}
