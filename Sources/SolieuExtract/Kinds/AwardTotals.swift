/// Award totals stated apart from their parts: a headline "584 mẹ được phong tặng danh hiệu Bà
/// mẹ Việt Nam anh hùng" whose body says "13 mẹ được phong tặng, 571 mẹ được truy tặng"; "Trong
/// tổng 44 mẹ lần này thì có 11 mẹ được trao tặng, 33 mẹ được truy tặng". When the counts of one
/// sentence, each of the same award or counting the same recipient noun, add up to an award
/// count stated elsewhere, that count is their total (a quantity, every time it is restated) and
/// they are its parts (after it, of its class): awards of its title, so that award sums never count twice (fixtures/README.md).
enum AwardTotals {
    static func link(_ figures: inout [Figure]) {
        linkAwardTotals(&figures)
        linkQuantityTotals(&figures)
        restatedTotals(&figures)
    }

    /// A total whose award parts are linked ("cho 584 bà mẹ …, trong đó có 13 mẹ … và 571 mẹ …")
    /// is a quantity wherever it is restated as an award of the same title ("Phong, truy tặng danh
    /// hiệu 584 Mẹ Việt Nam anh hùng").
    static func restatedTotals(_ figures: inout [Figure]) {
        for q in figures.indices where figures[q].kind == .quantity {
            guard let value = VietnameseNumber.whole(figures[q].number), value >= 2 else { continue }
            let byStart = -(figures[q].start + 1)
            let parts = figures.filter { ($0.partOf == q || $0.partOf == byStart) && $0.kind == .award }
            guard parts.count >= 2, let title = parts.first?.award, parts.allSatisfy({ $0.award == title }) else { continue }
            for k in figures.indices where k != q && figures[k].kind == .award && figures[k].award == title
                && figures[k].count == value && figures[k].partOf == nil && !hasParts(figures, k) {
                figures[k].kind = .quantity
                figures[k].number = Double(value)
                figures[k].unit = countedNoun(figures[k]) ?? figures[k].recipient
            }
        }
    }

    static func linkAwardTotals(_ figures: inout [Figure]) {
        var isTotal = Set<Int>()
        for a in figures.indices where figures[a].kind == .award && figures[a].partOf == nil && !isTotal.contains(a) {
            guard let n = figures[a].count, n >= 2, let recipient = figures[a].recipient else { continue }
            guard let group = partsOf(figures, a, total: n, recipient: recipient, title: figures[a].award, awardClass: figures[a].awardClass) else { continue }
            let total = figures[a]
            // The total, and each restatement of it (same title, class and count; a headline may
            // name the recipient otherwise: "584 Mẹ …" and "584 bà mẹ …").
            let restated = figures.indices.filter { k in
                !group.contains(k) && figures[k].kind == .award && figures[k].award == total.award && figures[k].count == n
                    && figures[k].awardClass == total.awardClass && figures[k].partOf == nil
            }
            for k in restated {
                figures[k].kind = .quantity
                figures[k].number = Double(n)
                figures[k].unit = countedNoun(figures[k]) ?? recipient
                isTotal.insert(k)
            }
            for k in group {
                if figures[k].kind == .quantity, !hasParts(figures, k) {
                    let unit = figures[k].unit
                    figures[k].kind = .award
                    figures[k].award = total.award
                    figures[k].awardClass = total.awardClass
                    figures[k].conferrer = total.conferrer
                    figures[k].recipient = unit
                    figures[k].count = VietnameseNumber.whole(figures[k].number)
                    figures[k].posthumous = total.posthumous
                    figures[k].number = nil
                    figures[k].unit = nil
                }
                figures[k].partOf = a
            }
        }
    }

    /// Consecutive counts of one sentence (other figures between them are dates, periods or parts)
    /// that sum to `total`, at least two, each counting `recipient` (an award of the same title,
    /// or a quantity of that noun).
    /// A quantity "73 gia đình liệt sĩ" followed by awards of one title to "gia đình" that add
    /// up to it (in any classes: "4 gia đình nhận … hạng Nhất, 10 … hạng Nhì và 59 … hạng Ba") is
    /// their total too.
    static func linkQuantityTotals(_ figures: inout [Figure]) {
        for q in figures.indices where figures[q].kind == .quantity && figures[q].partOf == nil {
            guard let value = VietnameseNumber.whole(figures[q].number), value >= 2, let unit = figures[q].unit,
                  !hasParts(figures, q) else { continue }
            // The first award after it names the title the parts share.
            guard let first = figures.indices.first(where: { $0 > q && figures[$0].kind == .award && figures[$0].partOf == nil }),
                  let recipient = figures[first].recipient,
                  sameNoun(unit, recipient) || namesNoun(unit.split(separator: " "), recipient) else { continue }
            guard let group = partsOf(figures, q, total: value, recipient: recipient, title: figures[first].award, awardClass: nil, anyClass: true),
                  group.allSatisfy({ figures[$0].kind == .award }) else { continue }
            for k in group { figures[k].partOf = q }
            // The same total stated elsewhere as an award ("Phong, truy tặng danh hiệu 584 Mẹ …").
            for k in figures.indices where figures[k].kind == .award && figures[k].award == figures[first].award
                && figures[k].count == value && figures[k].partOf == nil && !group.contains(k) {
                figures[k].kind = .quantity
                figures[k].number = Double(value)
                figures[k].unit = countedNoun(figures[k]) ?? figures[k].recipient
            }
        }
    }

    /// What an award count turned total counts, as its text words it ("584 mẹ" → "mẹ", "267 Mẹ
    /// Việt Nam anh hùng" → "mẹ việt nam anh hùng"): the text after the number, not the
    /// taxonomy's default recipient.
    static func countedNoun(_ f: Figure) -> String? {
        let words = f.text.split(separator: " ")
        guard words.count >= 2, words[0].first?.isNumber == true else { return nil }
        return words.dropFirst().joined(separator: " ").lowercased()
    }

    /// "mẹ" and "mẹ Việt Nam anh hùng", "gia đình" and "gia đình liệt sĩ": one noun, one more precise.
    static func sameNoun(_ a: String?, _ b: String) -> Bool {
        guard let a else { return false }
        return a == b || a.hasPrefix(b + " ") || b.hasPrefix(a + " ")
    }

    /// "267 Mẹ Việt Nam anh hùng …, trong đó có 34 mẹ …": the title itself names the noun.
    static func namesNoun(_ words: [Substring], _ noun: String?) -> Bool {
        guard let noun, !noun.isEmpty, !words.isEmpty else { return false }
        let n = noun.split(separator: " ")
        return words.count >= n.count && (0...(words.count - n.count)).contains { Array(words[$0..<$0 + n.count]) == n }
    }

    /// Whether figure k is already a total: parts point at it by index, or (before Context
    /// resolves them) by its start offset, -(start + 1).
    static func hasParts(_ figures: [Figure], _ k: Int) -> Bool {
        let byStart = -(figures[k].start + 1)
        return figures.contains { $0.partOf == k || $0.partOf == byStart }
    }

    static func partsOf(_ figures: [Figure], _ a: Int, total: Int, recipient: String, title: String?, awardClass: Int?, anyClass: Bool = false) -> [Int]? {
        let titleWords = (title ?? "").lowercased().split(separator: " ")
        // Parts come after their total; an award part is of the same title and class.
        func eligible(_ k: Int) -> Int? {
            let f = figures[k]
            guard k > a, f.partOf == nil else { return nil }
            switch f.kind {
            case .award where f.award == title && (sameNoun(f.recipient, recipient) || namesNoun(titleWords, f.recipient))
                && (anyClass || f.awardClass == awardClass): return f.count
            case .quantity where sameNoun(f.unit, recipient) || namesNoun(titleWords, f.unit):
                return VietnameseNumber.whole(f.number)
            default: return nil
            }
        }
        // Each figure's count once (the runs below ask again).
        var memo = [Int?](repeating: nil, count: figures.count)
        var known = [Bool](repeating: false, count: figures.count)
        func count(_ k: Int) -> Int? {
            if !known[k] { memo[k] = eligible(k); known[k] = true }
            return memo[k]
        }
        var k = a + 1
        while k < figures.count {
            guard count(k) != nil else { k += 1; continue }
            // A run of counts in one sentence.
            var run: [Int] = []
            var j = k
            while j < figures.count, figures[j].sentence == figures[k].sentence {
                // Dates, periods and the parts of another total ("57 mẹ (huyện A: 19; …), 262 mẹ")
                // stand between counts of one list.
                // So do years that name a class ("… được trao Huy hiệu 75 năm tuổi Đảng, 1 đảng viên …").
                if count(j) != nil { run.append(j) } else if figures[j].kind != .date && figures[j].kind != .period && figures[j].partOf == nil
                    && !(figures[j].kind == .quantity && ["năm", "tuổi"].contains(figures[j].unit ?? "")) { break }
                j += 1
            }
            for s in run.indices {
                var sum = 0
                for e in s..<run.count {
                    sum += count(run[e])!
                    if sum == total, e > s { return Array(run[s...e]) }
                    if sum > total { break }
                }
            }
            k = max(j, k + 1)
        }
        return nil
    }
}
