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
        "xét", "công", "khen", "sẽ", "vừa", "đều", "tuyên", "dương", "và", "cũng", "tôn", ",", "\"", "“",
        // "phong tặng (hoặc truy tặng)": an alternative act in parentheses.
        "hoặc", "(", ")",
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
        let tk = v.tokens
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
            if let q = countAcrossKinds(v, ms, i) {
                out.append(q)
                done.insert(i + 1)
                continue
            }
            if let (numberToken, count) = m.bareCount, Awards.generic.contains(m.entry.title), m.end + 1 < tk.count,
               tk[m.end].lower == "các", tk[m.end + 1].lower == "loại" {
                // "591 Huân chương các loại": a count across kinds, a quantity.
                let start = tk[numberToken].start, end = tk[m.end + 1].end
                var f = Figure(kind: .quantity, text: v.text(start, end), start: start, end: end)
                f.number = Double(count)
                f.unit = v.lowerText(tk[m.start].start, end)
                out.append(Candidate(figure: f, priority: Awards.totalPriority))
                continue
            }
            if m.bareCount != nil {
                out += bareCounts(v, lexicon, m, parts, &claimed)
                continue
            }
            if !parts.isEmpty, Awards.generic.contains(m.entry.title), m.end + 1 < tk.count, tk[m.end].lower == "các",
               ["loại", "hạng"].contains(tk[m.end + 1].lower) {
                // "Huân chương các hạng cho 111 tập thể, cá nhân": no one kind of medal, so each
                // count spans kinds: a quantity.
                for p in parts {
                    var f = Figure(kind: .quantity, text: v.text(p.start, p.end), start: p.start, end: p.end)
                    f.number = Double(p.count)
                    f.unit = p.recipient
                    out.append(Candidate(figure: f, priority: Awards.totalPriority))
                    claimed.insert(p.firstToken)
                }
                continue
            }
            if !parts.isEmpty {
                if parts.count == 1, let b = breakdown(v, after: parts[0].endToken) {
                    out += brokenDown(v, m, parts[0], b)
                    claimed.insert(parts[0].firstToken)
                    continue
                }
                for p in parts { out.append(Awards.award(v, m, p)); claimed.insert(p.firstToken) }
                // "…hạng Nhất: 1 tập thể; hạng Nhì: 3 tập thể, 3 cá nhân; hạng Ba: …".
                for (k, more) in classContinuations(v, lexicon, m, after: parts.last!.endToken) {
                    for p in more where !claimed.contains(p.firstToken) { out.append(Awards.award(v, k, p)); claimed.insert(p.firstToken) }
                }
                continue
            }
            let before = countsThenTitle(v, lexicon, m).filter { !claimed.contains($0.firstToken) }
            if before.count == 1, let b = breakdown(v, after: m.end) {
                out += brokenDown(v, m, before[0], b)
                claimed.insert(before[0].firstToken)
                continue
            }
            for p in before { out.append(Awards.award(v, m, p)); claimed.insert(p.firstToken) }
        }
        out += actsWithoutTitle(v, lexicon, ms, &claimed)
        return out
    }

    /// "Trong tổng 44 mẹ lần này thì có 11 mẹ được trao tặng, 33 mẹ được truy tặng": counts that
    /// close their clause with the act ("được trao tặng") and name no title are awards of the
    /// last title before them (within the passage) that names what they count ("Bà mẹ Việt Nam
    /// anh hùng" names "mẹ").
    static func actsWithoutTitle(_ v: TextView, _ lexicon: Lexicon, _ ms: [Awards.Mention], _ claimed: inout Set<Int>) -> [Candidate] {
        let tk = v.tokens
        var out: [Candidate] = []
        guard !ms.isEmpty else { return out }
        let acts: Set<String> = ["tặng", "trao", "phong", "nhận", "tôn"]
        var t = 0
        while t < tk.count {
            guard tk[t].kind == .number, !claimed.contains(t), let part = Awards.count(v, lexicon, at: t) else { t += 1; continue }
            // The act right after the count, then the clause's end.
            var e = part.endToken
            var act = false
            var posthumous = false
            while e < tk.count, tk[e].kind == .word, tieWords.contains(tk[e].lower), !v.lineBreak(tk[e - 1].end, tk[e].start),
                  !(tk[e].lower == "và" && e + 1 < tk.count && tk[e + 1].kind == .number) {
                if acts.contains(tk[e].lower) { act = true }
                if tk[e].lower == "truy" { posthumous = true }
                e += 1
            }
            let closes = e >= tk.count || [",", ";", ".", "(", ")", "va"].contains(tk[e].key) || v.lineBreak(tk[e - 1].end, tk[e].start)
            guard act, closes, ms.first(where: { $0.start == e }) == nil else { t = max(t + 1, part.endToken); continue }
            // The last title before, in the passage, naming the counted noun.
            guard let m = ms.last(where: { $0.end <= t && tk[t].start - tk[$0.start].start <= 1200 }),
                  AwardTotals.namesNoun(m.entry.title.lowercased().split(separator: " "), Awards.recipientKind(part.recipient)) else {
                t = max(t + 1, part.endToken)
                continue
            }
            var mention = m
            mention.posthumous = posthumous
            if let b = breakdown(v, after: e) {
                out += brokenDown(v, mention, part, b)
            } else {
                out.append(Awards.award(v, mention, part))
            }
            claimed.insert(t)
            t = part.endToken
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
            // "… hạng Ba của Chủ tịch nước tặng ba cá nhân": "tặng" before the counts ties them too.
            // "… Huy hiệu Đảng lần này có 1 đảng viên …": "có" before the counts too.
            // "…, trong đó có 2 mẹ còn sống": after "trong đó" the counts break down a count said
            // before; they are not this title's recipients (Context links them to their total).
            let subset = tk[p].lower == "có" && p >= 2 && tk[p - 1].lower == "đó" && tk[p - 2].lower == "trong"
            if tk[p].lower == "tặng" || tk[p].lower == "trao" || tk[p].lower == "có", !subset, !Awards.counts(v, lexicon, from: p + 1).isEmpty {
                result.parts = Awards.counts(v, lexicon, from: p + 1)
                // "… Huân chương Độc lập hạng nhất và có 123 tập thể, cá nhân được truy tặng Anh
                // hùng LLVT": after "có", counts that go on to an act and a title of their own are
                // that title's, a new clause.
                if tk[p].lower == "có", let last = result.parts.last, tiedToTitle(v, ms, after: last.endToken) { result.parts = [] }
                break
            }
            if key == "cho" || key == ":" || key == "(" {
                var q = p + 1
                if key == "cho", q < tk.count, tk[q].key == "cac" { q += 1 }
                if key == "cho", let (e, _) = lexicon.recipientProxies.longest(in: v, at: q) { q = e }
                result.parts = Awards.counts(v, lexicon, from: q)
                if result.parts.isEmpty, key == ":", q < tk.count, v.lineBreak(tk[p].end, tk[q].start) {
                    result.parts = headingItems(v, lexicon, from: q)
                } else if result.parts.isEmpty, key == ":" {
                    // "Anh hùng LLVTND: Tỉnh Ninh Thuận, 5 huyện, …": a name listed first.
                    var r = q
                    while r < tk.count, r - q < 8, tk[r].kind == .word, Tokenizer.isUpper(v.scalars[tk[r].start]) || tk[r].isUpper { r += 1 }
                    if r > q, r + 1 < tk.count, tk[r].key == "," { result.parts = Awards.counts(v, lexicon, from: r + 1) }
                }
                // "Cờ thi đua cho 993 tập thể, 5.719 đơn vị đạt Tập thể lao động xuất sắc, …": a count
                // tied to a title of its own ends the list.
                if let cut = result.parts.indices.dropFirst().first(where: { tiedToTitle(v, ms, after: result.parts[$0].endToken) }) {
                    result.parts = Array(result.parts[..<cut])
                }
                if !result.parts.isEmpty || key == ":" { break }
                // "“Bà mẹ Việt Nam Anh hùng (VNAH)” cho 70 bà mẹ": an aside, not the counts.
                if key == "(", let close = (p + 1..<min(tk.count, p + 8)).first(where: { tk[$0].key == ")" }),
                   !(p + 1..<close).contains(where: { tk[$0].kind == .number }) {
                    words += close - p
                    p = close + 1
                    continue
                }
                if key == "(" { break }
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

    /// "; hạng Nhì: 3 tập thể, 3 cá nhân; hạng Ba: 4 tập thể": the same title in another class,
    /// after the counts that end at token `end`.
    static func classContinuations(_ v: TextView, _ lexicon: Lexicon, _ m: Awards.Mention, after end: Int) -> [(Awards.Mention, [Awards.Part])] {
        let tk = v.tokens
        var out: [(Awards.Mention, [Awards.Part])] = []
        var t = end
        while t + 3 < tk.count, tk[t].key == ";" || tk[t].key == ",", tk[t + 1].key == "hang",
              let c = Awards.awardClass(tk[t + 2].key), tk[t + 3].key == ":" || tk[t + 3].key == "cho" {
            let parts = Awards.counts(v, lexicon, from: t + 4)
            guard let last = parts.last else { break }
            var k = m
            k.awardClass = c
            out.append((k, parts))
            t = last.endToken
        }
        return out
    }

    /// "(huyện Tây Hòa: 19; huyện Phú Hòa: 12; …)" or "(Tân Thạnh 3 mẹ, Tân Hưng 3 mẹ, …)" right
    /// after token `t`: the numbers of a breakdown by place, at least two, each after a name.
    static func breakdown(_ v: TextView, after t: Int) -> [Int]? {
        let tk = v.tokens
        guard t < tk.count, tk[t].key == "(" else { return nil }
        var numbers: [Int] = []
        var k = t + 1
        var words = 0
        // Items "huyện Tây Hòa: 19" or "Tân Thạnh 3 mẹ", separated by ";", "," or "và".
        while k < tk.count, tk[k].key != ")" {
            var n = k
            if tk[k].key == ":", k + 1 < tk.count { n = k + 1 }
            if tk[n].kind == .number, words > 0, VietnameseNumber.whole(VietnameseNumber.parse(v.scalars[tk[n].start..<tk[n].end])) != nil {
                numbers.append(n)
                k = n + 1
                // The counted noun again ("3 mẹ"), then the separator.
                while k < tk.count, tk[k].kind == .word, tk[k].lower != "và", k - n <= 3 { k += 1 }
                words = 0
                continue
            }
            if tk[k].kind == .word { if tk[k].lower != "và" { words += 1 } } else if ![";", ","].contains(tk[k].key) { return nil }
            if words > 8 || v.lineBreak(tk[k - 1].end, tk[k].start) { return nil }
            k += 1
        }
        return k < tk.count && numbers.count >= 2 ? numbers : nil
    }

    /// A count broken down by place: the places' numbers are the awards, the count their total.
    static func brokenDown(_ v: TextView, _ m: Awards.Mention, _ total: Awards.Part, _ numbers: [Int]) -> [Candidate] {
        let tk = v.tokens
        var f = Figure(kind: .quantity, text: v.text(total.start, total.end), start: total.start, end: total.end)
        f.number = Double(total.count)
        f.unit = total.recipient
        var out = [Candidate(figure: f, priority: Awards.totalPriority)]
        for n in numbers {
            let count = VietnameseNumber.whole(VietnameseNumber.parse(v.scalars[tk[n].start..<tk[n].end])) ?? 0
            let part = Awards.Part(start: tk[n].start, end: tk[n].end, count: count, recipient: total.recipient, firstToken: n, endToken: n + 1)
            out.append(Awards.award(v, m, part, total: total.start))
        }
        return out
    }

    /// "121 Huân chương Chiến công và Huân chương Lao động": one count before two titles joined
    /// by "và" counts across award kinds, a quantity.
    static func countAcrossKinds(_ v: TextView, _ ms: [Awards.Mention], _ i: Int) -> Candidate? {
        let tk = v.tokens
        guard let (numberToken, count) = ms[i].bareCount, i + 1 < ms.count, ms[i + 1].bareCount == nil,
              ms[i + 1].entry.title != ms[i].entry.title else { return nil }
        var t = ms[i].end
        if t < tk.count, tk[t].key == "," { t += 1 }
        guard t < tk.count, tk[t].key == "va" || tk[t].key == ",", t + 1 == ms[i + 1].start else { return nil }
        let start = tk[numberToken].start, end = tk[ms[i + 1].titleEnd - 1].end
        var f = Figure(kind: .quantity, text: v.text(start, end), start: start, end: end)
        f.number = Double(count)
        f.unit = v.lowerText(tk[ms[i].start].start, end)
        return Candidate(figure: f, priority: Awards.totalPriority)
    }

    /// Whether tie words after token `t` lead to a title ("đạt Tập thể lao động xuất sắc").
    static func tiedToTitle(_ v: TextView, _ ms: [Awards.Mention], after t: Int) -> Bool {
        let tk = v.tokens
        var e = t
        var ties = 0
        while e < tk.count, tk[e].lower != "và", tieWords.contains(tk[e].kind == .word ? tk[e].lower : tk[e].key) {
            if tk[e].kind == .word { ties += 1 }
            e += 1
        }
        return ties > 0 && ms.contains { $0.start == e }
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
            let w = tk[p].kind == .word ? tk[p].lower : tk[p].key
            if tieWords.contains(w) {
                if w != "," && w != "và" && w != "(" && w != ")" { ties += 1 }
                p -= 1
                continue
            }
            // "phong tặng - truy tặng": a dash between two acts.
            if (w == "-" || w == "–"), p > 0, p + 1 < tk.count, actWords.contains(tk[p - 1].lower), tk[p + 1].kind == .word,
               tieWords.contains(tk[p + 1].lower) {
                p -= 1
                continue
            }
            // A conferrer phrase ending here, the longest ("Chủ tịch UBND tỉnh", not "UBND tỉnh").
            var matched = false
            for k in max(0, p - 6)...p {
                if let (end, _) = lexicon.conferrers.longest(in: v, at: k), end == p + 1 { p = k - 1; ties += 1; matched = true; break }
            }
            if matched { continue }
            // "được Bộ CHQS tỉnh tặng giấy khen": a body the lexicon does not know, named between
            // "được" and the act, starting with a capital.
            if let d = (max(0, p - 5)...p).reversed().first(where: { tk[$0].lower == "được" }), d < p,
               Tokenizer.isUpper(v.scalars[tk[d + 1].start]), (d + 1...p).allSatisfy({ tk[$0].kind == .word }) {
                p = d
                continue
            }
            break
        }
        guard ties > 0, p >= 0, tk[p].kind == .word, !v.lineBreak(tk[p].end, tk[m.start].start) else { return [] }
        // "11 tập thể và 8 cá nhân thuộc LLVT Quảng Ngãi phong tặng …": what the counted belong
        // to, between the counts and the act.
        if let d = (max(0, p - 8)...p).reversed().first(where: { ["thuộc", "ở", "tại"].contains(tk[$0].lower) }), d > 0,
           (d...p).allSatisfy({ tk[$0].kind == .word }) {
            let before = d - 1
            if tk[before].kind == .word, (max(0, before - 40)...before).contains(where: { Awards.counts(v, lexicon, from: $0).last?.endToken == before + 1 }) {
                p = before
            }
        }
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
        Awards.fill(&f, m, count: count, recipient: parts.first.map { Awards.recipientKind($0.recipient) } ?? uncountedRecipient(v, lexicon, after: m.end)
                    ?? m.entry.defaultRecipient)
        out.append(Candidate(figure: f, priority: Awards.priority))
        return out
    }

    /// "132 Huân chương Độc lập cho gia đình có nhiều liệt sĩ": the recipient named without a count.
    static func uncountedRecipient(_ v: TextView, _ lexicon: Lexicon, after t: Int) -> String? {
        let tk = v.tokens
        guard t + 1 < tk.count, tk[t].key == "cho" else { return nil }
        var r = t + 1
        if tk[r].key == "cac" || tk[r].key == "nhung" { r += 1 }
        guard let (end, _) = lexicon.recipients.longest(in: v, at: r) else { return nil }
        return v.lowerText(tk[r].start, tk[end - 1].end)
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
        let named = uncountedRecipient(v, lexicon, after: ms[group.last!].end)
        for g in group {
            let m = ms[g]
            guard let (numberToken, count) = m.bareCount else { continue }
            let start = tk[numberToken].start
            let end = tk[m.end - 1].end
            var f = Figure(kind: .award, text: v.text(start, end), start: start, end: end)
            Awards.fill(&f, m, count: count, recipient: total.map { Awards.recipientKind($0.recipient) } ?? named ?? m.entry.defaultRecipient)
            if let total { f.partOf = -(total.start + 1) }
            out.append(Candidate(figure: f, priority: Awards.priority))
        }
        return out
    }
}
