import SolieuText

/// The rules that link award counts to award titles, one small unit each (examples in
/// KindTests' "award links" section). Real bulletins order titles and counts in many ways:
///
/// - `titleThenCounts`: "Bằng khen cho 56 tập thể, 62 cá nhân", "Cờ thi đua của UBND tỉnh: 54
///   tập thể", "tặng Bằng khen của Chủ tịch UBND tỉnh vì thành tích … cho 10 tập thể", and a
///   heading whose items follow on their own lines ("Huân chương Lao động hạng Ba:\n- 2 tập thể").
/// - `sharedTitle`: two mentions of one title share the counts after the second ("Bằng khen toàn
///   diện và Bằng khen chuyên đề: 20 tập thể và 44 cá nhân"); two different titles sharing counts
///   make a count across award kinds, which stays a quantity.
/// - `countsThenTitle`: "Có 2 tập thể, 3 cá nhân được đề nghị tặng Bằng khen …", "1.200 lượt cá
///   nhân đạt danh hiệu Chiến sĩ thi đua cơ sở".
/// - `bareCounts`: "08 Cờ thi đua" alone is an award; "118 Bằng khen … cho 56 tập thể, 62 cá
///   nhân" makes 118 the total (a quantity) of its parts; "20 Bằng khen cho 20 cá nhân" is one
///   award; a list "2 Huân chương Độc lập, 5 Huân chương Kháng chiến và 17 Huy chương Kháng chiến
///   cho 24 gia đình" gives three awards whose recipient total (24 gia đình) is a quantity they
///   are parts of.
enum AwardLinks {
    /// Words that tie a count to the title after it ("được đề nghị tặng", "đạt danh hiệu").
    /// Lower case with diacritics: "nhận" ties, "nhân" (of "cá nhân") does not.
    static let tieWords: Set<String> = [
        "được", "đã", "đề", "nghị", "tặng", "thưởng", "trao", "nhận", "đạt", "danh", "hiệu", "phong", "truy", "vinh", "dự",
        "xét", "công", "khen", "sẽ", "vừa", "đều", "\"", "“",
    ]
    /// Words that introduce a conferring act: a title reached after one of them, past other words,
    /// is a new award, not another name of the first.
    static let actWords: Set<String> = ["tặng", "trao", "thưởng", "phong", "nhận", "đạt", "đề"]
    /// Marks that open a list item on its line.
    static let bullets: Set<String> = ["-", "+", "•", "*", "–", "—", "·"]

    struct Following {
        var parts: [Awards.Part] = []
        /// The last mention the scan went through (a shared title).
        var through: Int
        /// Two different titles share what follows: a count across award kinds.
        var acrossKinds = false
    }

    static func link(_ v: TextView, _ lexicon: Lexicon, _ ms: [Awards.Mention]) -> [Candidate] {
        var out: [Candidate] = []
        var claimed = Set<Int>()         // first tokens of count phrases already linked
        var done = Set<Int>()            // mentions already handled
        var i = 0
        while i < ms.count {
            defer { i += 1 }
            guard !done.contains(i) else { continue }
            // A list of titles each with a bare count, joined by "," / "và".
            let group = bareCountList(v, ms, from: i)
            let last = group.last ?? i
            let after = titleThenCounts(v, lexicon, ms, last)
            for g in group { done.insert(g) }
            for k in i...after.through { done.insert(k) }
            if after.acrossKinds { continue }
            let parts = after.parts.filter { !claimed.contains($0.firstToken) }
            if group.count >= 2 {
                out += itemsThenRecipientTotal(v, lexicon, ms, group, parts, &claimed)
                continue
            }
            let m = ms[i]
            if m.bareCount != nil {
                out += bareCounts(v, lexicon, m, parts, &claimed)
                continue
            }
            if !parts.isEmpty {
                for p in parts { out.append(Awards.award(v, m, p)); claimed.insert(p.firstToken) }
                continue
            }
            let before = countsThenTitle(v, lexicon, m).filter { !claimed.contains($0.firstToken) }
            for p in before { out.append(Awards.award(v, m, p)); claimed.insert(p.firstToken) }
        }
        return out
    }

    /// Mentions from `i` on that each carry a bare count and follow each other with only "," or
    /// "và" between: "2 Huân chương Độc lập, 5 Huân chương Kháng chiến và 17 Huy chương …".
    static func bareCountList(_ v: TextView, _ ms: [Awards.Mention], from i: Int) -> [Int] {
        guard ms[i].bareCount != nil else { return [] }
        let tk = v.tokens
        var group = [i]
        var k = i
        while k + 1 < ms.count, let next = ms[k + 1].bareCount {
            var t = ms[k].end
            if t < tk.count, tk[t].key == "," { t += 1 }
            if t < tk.count, tk[t].key == "va" { t += 1 }
            guard t > ms[k].end, t == next.token else { break }
            group.append(k + 1)
            k += 1
        }
        return group
    }

    /// What follows mention `i`: counts after "cho", ":" or "(", past a few descriptive words and
    /// through shared mentions of the same title; items on the following lines after a heading's ":".
    static func titleThenCounts(_ v: TextView, _ lexicon: Lexicon, _ ms: [Awards.Mention], _ i: Int) -> Following {
        let tk = v.tokens
        var result = Following(through: i)
        var p = ms[i].end
        var next = i + 1
        var words = 0
        var sawAct = false
        while p < tk.count, words <= 20 {
            if v.lineBreak(tk[p - 1].end, tk[p].start) { break }
            if next < ms.count, ms[next].start == p {
                // Another title: the same title named again shares the counts; a different one
                // right after "và" / "," shares them across kinds; past a verb it is a new award.
                let gap = (ms[result.through].end..<p)
                let joined = gap.count <= 5 && !sawAct && gap.contains { tk[$0].key == "va" || tk[$0].key == "," }
                guard joined, ms[next].bareCount == nil else { break }
                if ms[next].entry.title != ms[i].entry.title || ms[next].awardClass != ms[i].awardClass {
                    result.acrossKinds = following(v, lexicon, ms, next)
                    if result.acrossKinds { result.through = next }
                    return result
                }
                result.through = next
                p = ms[next].end
                next += 1
                continue
            }
            let key = tk[p].key
            if key == "cho" || key == ":" || key == "(" {
                var q = p + 1
                if key == "cho", q < tk.count, tk[q].key == "cac" { q += 1 }
                result.parts = Awards.counts(v, lexicon, from: q)
                if result.parts.isEmpty, key == ":", q < tk.count, v.lineBreak(tk[p].end, tk[q].start) {
                    result.parts = headingItems(v, lexicon, from: q)
                }
                if !result.parts.isEmpty || key != "cho" { break }
                // "cho thành tích …": not the counts yet.
                p += 1
                words += 1
                continue
            }
            if tk[p].kind == .word || key == "," || key == "\"" || key == "”" || key == "“" || key == "’" {
                if actWords.contains(tk[p].lower) { sawAct = true }
                p += 1
                words += 1
                continue
            }
            // A year inside the clause ("năm 2022", "2021-2022") does not end it.
            if tk[p].kind == .number, p > 0, ["nam", "-", "/", "hoc"].contains(tk[p - 1].key), tk[p].end - tk[p].start == 4 {
                p += 1
                continue
            }
            if key == "-", p + 1 < tk.count, tk[p + 1].kind == .number, p > 0, tk[p - 1].kind == .number { p += 1; continue }
            break
        }
        return result
    }

    /// Whether counts follow mention `i` (for a shared, different title: then the counts span kinds).
    static func following(_ v: TextView, _ lexicon: Lexicon, _ ms: [Awards.Mention], _ i: Int) -> Bool {
        !titleThenCounts(v, lexicon, ms, i).parts.isEmpty
    }

    /// "Huân chương Lao động hạng Ba:" then lines "- 02 tập thể", "- 05 cá nhân".
    static func headingItems(_ v: TextView, _ lexicon: Lexicon, from start: Int) -> [Awards.Part] {
        let tk = v.tokens
        var parts: [Awards.Part] = []
        var q = start
        while q < tk.count {
            var c = q
            if bullets.contains(tk[c].key) { c += 1 }
            let line = Awards.counts(v, lexicon, from: c)
            guard !line.isEmpty else { break }
            parts += line
            // The rest of the line (names, reasons) is not a count.
            var r = line.last!.endToken
            while r < tk.count, !v.lineBreak(tk[r - 1].end, tk[r].start) { r += 1 }
            q = r
        }
        return parts
    }

    /// Counts right before the title, tied to it by "được (đề nghị) tặng", "đạt danh hiệu", a
    /// conferrer ("được Chủ tịch nước tặng thưởng"): the whole list ("Có 2 tập thể, 3 cá nhân được …").
    static func countsThenTitle(_ v: TextView, _ lexicon: Lexicon, _ m: Awards.Mention) -> [Awards.Part] {
        let tk = v.tokens
        var p = m.start - 1
        var ties = 0
        while p >= 0 {
            if tieWords.contains(tk[p].kind == .word ? tk[p].lower : tk[p].key) { p -= 1; ties += 1; continue }
            // A conferrer phrase ending here.
            var matched = false
            for k in stride(from: p, through: max(0, p - 6), by: -1) {
                if let (end, _) = lexicon.conferrers.longest(in: v, at: k), end == p + 1 { p = k - 1; ties += 1; matched = true; break }
            }
            if !matched { break }
        }
        guard ties > 0, p >= 0, tk[p].kind == .word, !v.lineBreak(tk[p].end, tk[m.start].start) else { return [] }
        // The longest list of count phrases that ends at token p.
        var best: [Awards.Part] = []
        var k = p - 1
        while k >= 0, p - k <= 40 {
            let key = tk[k].key
            if key == "." || key == ";" || key == ":" || v.lineBreak(tk[k].end, tk[k + 1].start) { break }
            if tk[k].kind == .number || VietnameseNumber.unitWords[tk[k].lower] != nil || tk[k].lower == "mười" {
                let list = Awards.counts(v, lexicon, from: k)
                if let last = list.last, last.endToken == p + 1 { best = list }
            }
            k -= 1
        }
        return best
    }

    /// Bare counts of one title: alone an award; with two or more counted recipients after
    /// "cho", the total of those awards; with one, the award given to that recipient.
    static func bareCounts(_ v: TextView, _ lexicon: Lexicon, _ m: Awards.Mention, _ parts: [Awards.Part], _ claimed: inout Set<Int>) -> [Candidate] {
        guard let (numberToken, count) = m.bareCount else { return [] }
        let tk = v.tokens
        let start = tk[numberToken].start
        var out: [Candidate] = []
        if parts.count >= 2 {
            var f = Figure(kind: .quantity, text: v.text(start, tk[m.titleEnd - 1].end), start: start, end: tk[m.titleEnd - 1].end)
            f.number = Double(count)
            f.unit = v.lowerText(tk[m.start].start, tk[m.titleEnd - 1].end)
            out.append(Candidate(figure: f, priority: Awards.totalPriority))
            for p in parts { out.append(Awards.award(v, m, p, total: start)); claimed.insert(p.firstToken) }
            return out
        }
        if let p = parts.first, p.count == count {
            // "20 Bằng khen cho 20 cá nhân": one award, stated twice.
            out.append(Awards.award(v, m, p))
            claimed.insert(p.firstToken)
            let end = tk[m.titleEnd - 1].end
            out.append(Candidate(figure: Figure(kind: .quantity, text: v.text(start, end), start: start, end: end), priority: Awards.totalPriority, suppress: true))
            return out
        }
        let end = tk[m.end - 1].end
        var f = Figure(kind: .award, text: v.text(start, end), start: start, end: end)
        Awards.fill(&f, m, count: count, recipient: parts.first.map { Awards.recipientKind($0.recipient) } ?? m.entry.defaultRecipient)
        out.append(Candidate(figure: f, priority: Awards.priority))
        return out
    }

    /// "trao 2 Huân chương Độc lập, 5 Huân chương Kháng chiến và 17 Huy chương Kháng chiến cho 24
    /// gia đình": each bare count is an award to that recipient, and the recipient count is a
    /// quantity whose parts they are (the audit checks the sum).
    static func itemsThenRecipientTotal(_ v: TextView, _ lexicon: Lexicon, _ ms: [Awards.Mention], _ group: [Int],
                                        _ parts: [Awards.Part], _ claimed: inout Set<Int>) -> [Candidate] {
        let tk = v.tokens
        var out: [Candidate] = []
        let total = parts.count == 1 ? parts[0] : nil
        if let total {
            var f = Figure(kind: .quantity, text: v.text(total.start, total.end), start: total.start, end: total.end)
            f.number = Double(total.count)
            f.unit = total.recipient
            out.append(Candidate(figure: f, priority: Awards.totalPriority))
            claimed.insert(total.firstToken)
        }
        for g in group {
            let m = ms[g]
            guard let (numberToken, count) = m.bareCount else { continue }
            let start = tk[numberToken].start
            let end = tk[m.end - 1].end
            var f = Figure(kind: .award, text: v.text(start, end), start: start, end: end)
            Awards.fill(&f, m, count: count, recipient: total.map { Awards.recipientKind($0.recipient) } ?? m.entry.defaultRecipient)
            if let total { f.partOf = -(total.start + 1) }
            out.append(Candidate(figure: f, priority: Awards.priority))
        }
        return out
    }
}
