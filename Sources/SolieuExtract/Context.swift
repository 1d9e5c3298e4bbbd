import SolieuText

/// What each figure measures, the period it refers to, and links from parts to their stated total.
enum Context {
    static func attach(_ figures: inout [Figure], view: TextView, sentences: [Sentences.Unit]) {
        // Parts of a total named by the award grammar carry -(total start + 1).
        for i in figures.indices {
            if let p = figures[i].partOf, p < 0 {
                let start = -p - 1
                figures[i].partOf = figures.firstIndex { $0.start == start && $0.kind == .quantity }
            }
        }
        linkTotals(&figures, view)
        // Periods: the nearest period in the same sentence, else the title's (sentence 0).
        let titlePeriod = figures.first { $0.sentence == 0 && $0.kind == .period }?.calendar
        var periodsBySentence: [Int: [Int]] = [:]
        for i in figures.indices where figures[i].kind == .period { periodsBySentence[figures[i].sentence, default: []].append(i) }
        for i in figures.indices where figures[i].kind != .period && figures[i].kind != .date {
            let same = periodsBySentence[figures[i].sentence] ?? []
            let nearest = same.min { abs(figures[$0].start - figures[i].start) < abs(figures[$1].start - figures[i].start) }
            figures[i].period = nearest.map { figures[$0].calendar! } ?? titlePeriod
            switch figures[i].kind {
            case .quantity, .ratio, .range: figures[i].measure = figures[i].unit
            case .award: figures[i].measure = figures[i].award
            case .percent, .money: figures[i].measure = clauseSubject(view, before: figures[i].start)
            default: break
            }
        }
    }

    /// "tổng số 82 tập thể, cá nhân, trong đó 74 … và 08 …" and "1.880 tập thể, cá nhân (769 tập
    /// thể, 1.111 cá nhân)": the figures after "trong đó" or inside the parentheses are parts.
    static func linkTotals(_ figures: inout [Figure], _ v: TextView) {
        let s = v.scalars
        for i in figures.indices where figures[i].kind == .quantity {
            let f = figures[i]
            var j = f.end
            while j < s.count, s[j] == " " || s[j] == "," { j += 1 }
            var partsStart: Int?
            var partsEnd = Int.max
            if j < s.count, s[j] == "(" {
                partsStart = j
                partsEnd = s[j...].firstIndex(of: ")") ?? j
            } else {
                let window = v.lowerText(f.end, min(s.count, f.end + 16))
                if window.hasPrefix(", trong đó") || window.hasPrefix(" trong đó") || window.hasPrefix(", gồm") || window.hasPrefix(" gồm") {
                    partsStart = f.end
                    partsEnd = s[f.end...].firstIndex { $0 == ";" || $0 == "\n" || $0 == "." } ?? s.count
                }
            }
            guard let ps = partsStart else { continue }
            let members = figures.indices.filter {
                $0 != i && figures[$0].start > ps && figures[$0].end <= partsEnd
                    && (figures[$0].kind == .quantity || figures[$0].kind == .award) && figures[$0].partOf == nil
            }
            guard members.count >= 2 else { continue }
            // Parts are a breakdown, not changes: "98 người ( giảm 61 vụ, giảm 09 người chết, …)".
            let region = v.lowerText(ps, min(partsEnd, s.count))
            if ["tăng", "giảm", "so với", "so cùng kỳ"].contains(where: { region.contains($0) }) { continue }
            // Counted parts count (some of) what the total counts: "1.880 tập thể, cá nhân (769
            // tập thể, 1.111 cá nhân)". Awards are parts of any total of recipients.
            let totalUnit = (f.unit ?? "").lowercased()
            let compatible = members.allSatisfy { m in
                figures[m].kind == .award || (figures[m].unit.map { !$0.isEmpty && totalUnit.contains($0.lowercased()) } ?? false)
            }
            guard compatible else { continue }
            for m in members { figures[m].partOf = i }
        }
    }

    /// Words (as keys) that introduce a figure rather than name what it measures.
    static let verbs: Set<String> = ["uoc", "dat", "tang", "giam", "chiem", "bang", "la", "con", "khoang", "hon", "tren", "duoi",
                                     "gan", "voi", "so", "cung", "ky", "ke", "hoach", "len", "xuong", "tu", "den", "thu"]

    /// The words of the clause before a figure, less the verb that introduces it:
    /// "Tổng kim ngạch xuất khẩu ước đạt 51,71%" → "Tổng kim ngạch xuất khẩu".
    static func clauseSubject(_ v: TextView, before start: Int) -> String? {
        let tk = v.tokens
        var t = v.tokenIndex(atOrAfter: start) - 1
        while t >= 0, tk[t].kind == .word, verbs.contains(tk[t].key) { t -= 1 }
        let last = t
        var words = 0
        while t >= 0, tk[t].kind == .word || (tk[t].kind == .number && t > 0 && tk[t - 1].kind == .word), words < 12 {
            t -= 1
            words += 1
        }
        guard last >= 0, words > 0, tk[last].kind != .punct else { return nil }
        return v.text(tk[t + 1].start, tk[last].end)
    }
}
