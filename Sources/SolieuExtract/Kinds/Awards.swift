import SolieuText

/// Awards: a title from the taxonomy (with spelling variants and abbreviations), its class
/// ("hạng Nhất/Nhì/Ba", "I/II/III"), the conferrer ("Chủ tịch nước", "Thủ tướng Chính phủ",
/// "Chủ tịch UBND tỉnh", …, from "của X" after the title or the last conferrer named before it in
/// the sentence), the recipient kind, the count and "truy tặng".
///
/// "Bằng khen cho 56 tập thể, 62 cá nhân" is two awards; "Huân chương Lao động hạng II cho 02
/// cá nhân; … hạng III cho 01 cá nhân" keeps each class; "118 Bằng khen … cho 56 tập thể, 62 cá
/// nhân" makes 118 a quantity (the total) whose parts are the two awards; "08 Cờ thi đua" is an
/// award whose recipient comes from the taxonomy.
enum Awards {
    static let priority = 40
    static let totalPriority = 42

    struct Mention {
        var start: Int      // token index
        var end: Int        // token index after title (and class)
        var entry: Lexicon.AwardEntry
        var awardClass: Int?
        var conferrer: String?
        var posthumous: Bool
    }

    static func candidates(_ v: TextView, _ lexicon: Lexicon, sentences: [Sentences.Unit]) -> [Candidate] {
        let tk = v.tokens
        var out: [Candidate] = []
        var lastConferrer: String?
        var sentence = 0
        var t = 0
        while t < tk.count {
            while sentence < sentences.count, tk[t].start >= sentences[sentence].end { sentence += 1; lastConferrer = nil }
            if let (end, name) = lexicon.conferrers.longest(in: v, at: t) {
                // A conferrer is only one when it confers: not "của UBND tỉnh Gia Lai" as an issuer.
                lastConferrer = name
                t = end
                continue
            }
            guard let (titleEnd, entry) = lexicon.awards.longest(in: v, at: t) else { t += 1; continue }
            var m = Mention(start: t, end: titleEnd, entry: entry, awardClass: nil, conferrer: entry.conferrer, posthumous: false)
            // Class: inside the matched variant ("Huân chương Lao động hạng II") or right after it.
            for k in t..<max(t, titleEnd - 1) where tk[k].key == "hang" { m.awardClass = awardClass(tk[k + 1].key) }
            if m.end + 1 < tk.count, tk[m.end].key == "hang", let c = awardClass(tk[m.end + 1].key) {
                m.awardClass = c
                m.end += 2
            }
            // "truy tặng" just before.
            for back in 1...4 where t - back >= 0 {
                if tk[t - back].key == "truy", t - back + 1 < tk.count, tk[t - back + 1].key == "tang" { m.posthumous = true }
            }
            // "của Chính phủ" after the title.
            var p = m.end
            if p < tk.count, tk[p].key == "cua", let (e, name) = lexicon.conferrers.longest(in: v, at: p + 1) {
                m.conferrer = name
                p = e
            } else if m.conferrer == nil {
                m.conferrer = lastConferrer
            }
            // Skip quotes and closing marks: danh hiệu “Bà mẹ Việt Nam anh hùng” cho …
            while p < tk.count, ["\"", "”", "“", "'", "’"].contains(tk[p].key) { p += 1 }
            let total = numberBefore(v, m.start)
            let parts = p < tk.count && tk[p].key == "cho" ? counts(v, lexicon, from: p + 1) : []
            if let (numberToken, count) = total {
                let start = tk[numberToken].start
                let end = tk[m.end - 1].end
                if parts.isEmpty {
                    var f = Figure(kind: .award, text: v.text(start, end), start: start, end: end)
                    fill(&f, m, count: count, recipient: m.entry.defaultRecipient)
                    out.append(Candidate(figure: f, priority: priority))
                } else {
                    var f = Figure(kind: .quantity, text: v.text(start, tk[titleEnd - 1].end), start: start, end: tk[titleEnd - 1].end)
                    f.number = Double(count)
                    f.unit = v.lowerText(tk[m.start].start, tk[titleEnd - 1].end)
                    out.append(Candidate(figure: f, priority: totalPriority))
                }
            }
            for part in parts {
                var f = Figure(kind: .award, text: v.text(part.start, part.end), start: part.start, end: part.end)
                fill(&f, m, count: part.count, recipient: part.recipient)
                // The total's start offset, turned into its index once spans are resolved.
                if let (numberToken, _) = total { f.partOf = -(tk[numberToken].start + 1) }
                out.append(Candidate(figure: f, priority: priority))
            }
            t = max(m.end, t + 1)
        }
        return out
    }

    static func fill(_ f: inout Figure, _ m: Mention, count: Int, recipient: String?) {
        f.award = m.entry.title
        f.awardClass = m.awardClass
        f.conferrer = m.conferrer
        f.recipient = recipient
        f.count = count
        f.posthumous = m.posthumous
    }

    static func awardClass(_ key: String) -> Int? {
        switch key {
        case "nhat", "i", "1", "nhut": return 1
        case "nhi", "ii", "2": return 2
        case "ba", "iii", "3": return 3
        default: return nil
        }
    }

    /// "74 Danh hiệu vinh dự Nhà nước Bà mẹ Việt Nam anh hùng", "08 Cờ thi đua": a count standing
    /// right before the title, with at most a few descriptive words between.
    static func numberBefore(_ v: TextView, _ start: Int) -> (Int, Int)? {
        let tk = v.tokens
        let allowed: Set<String> = ["danh", "hieu", "vinh", "du", "nha", "nuoc", "\"", "“"]
        var k = start - 1
        var skipped = 0
        while k >= 0, skipped < 6, tk[k].kind == .word || tk[k].key == "\"" || tk[k].key == "“", allowed.contains(tk[k].key) {
            k -= 1
            skipped += 1
        }
        guard k >= 0, tk[k].kind == .number, let value = VietnameseNumber.parse(v.scalars[tk[k].start..<tk[k].end]),
              value == value.rounded(), value < 1_000_000 else { return nil }
        // Not a year or a date piece.
        if k > 0, tk[k - 1].key == "/" || tk[k - 1].key == "nam" { return nil }
        return (k, Int(value))
    }

    struct Part { var start: Int; var end: Int; var count: Int; var recipient: String }

    /// "56 tập thể, 62 cá nhân", "13 tập thể và 42 cá nhân", "115 doanh nghiệp và doanh nhân".
    static func counts(_ v: TextView, _ lexicon: Lexicon, from: Int) -> [Part] {
        let tk = v.tokens
        var parts: [Part] = []
        var t = from
        while t < tk.count {
            // A count in digits, or in words right before the recipient ("hai gia đình", "một cá nhân").
            var value: Double
            var after = t + 1
            if tk[t].kind == .number, let n = VietnameseNumber.parse(v.scalars[tk[t].start..<tk[t].end]), n == n.rounded() {
                value = n
            } else if let (n, e) = VietnameseNumber.words(v, at: t) {
                value = Double(n)
                after = e
            } else {
                break
            }
            guard let (rEnd, _) = lexicon.recipients.longest(in: v, at: after) else { break }
            var recipientEnd = rEnd
            // "doanh nghiệp và doanh nhân": one count for a mixed recipient.
            if recipientEnd + 1 < tk.count, tk[recipientEnd].key == "va", tk.count > recipientEnd + 1,
               tk[recipientEnd + 1].kind == .word, let (e2, _) = lexicon.recipients.longest(in: v, at: recipientEnd + 1) {
                recipientEnd = e2
            }
            let recipient = v.lowerText(tk[after].start, tk[recipientEnd - 1].end)
            parts.append(Part(start: tk[t].start, end: tk[rEnd - 1].end, count: Int(value), recipient: recipient))
            t = recipientEnd
            if t < tk.count, tk[t].key == "," || tk[t].key == "va" { t += 1 } else { break }
        }
        return parts
    }
}
