import SolieuText

/// Awards: a title from the taxonomy (with spelling variants, abbreviations, any letter case, "sĩ"
/// or "sỹ" and one-letter misspellings), its class ("hạng Nhất/Nhì/Ba", "I/II/III"), the
/// conferrer ("của X" after the title, or the last conferrer named before it in the sentence),
/// "truy tặng", and the counts it is linked to.
///
/// This file finds the pieces: title mentions (`Mention`) and count phrases ("56 tập thể", "1.200
/// lượt cá nhân", "hai gia đình", `Part`). The rules that link counts to titles are small units in
/// AwardLinks.swift, each with its examples in the tests; award tables are in AwardTables.swift.
/// A count no rule links to a title stays a quantity (Amounts).
enum Awards {
    static let priority = 40
    static let totalPriority = 42

    struct Mention {
        var start: Int      // token index of the title
        var titleEnd: Int   // token index after the title words
        var end: Int        // token index after title, class and "của <conferrer>"
        var entry: Lexicon.AwardEntry
        var awardClass: Int?
        var conferrer: String?
        var posthumous: Bool
        /// "08 Cờ thi đua": a count standing right before the title (token index, count).
        var bareCount: (token: Int, count: Int)?
    }

    struct Part { var start: Int; var end: Int; var count: Int; var recipient: String; var firstToken: Int; var endToken: Int }

    static func candidates(_ v: TextView, _ lexicon: Lexicon, sentences: [Sentences.Unit]) -> [Candidate] {
        let mentions = self.mentions(v, lexicon, sentences: sentences)
        var out = AwardLinks.link(v, lexicon, mentions)
        out += AwardTables.candidates(v, lexicon, mentions)
        return out
    }

    /// Every award title in the text, in order, with its class, conferrer and posthumous flag.
    static func mentions(_ v: TextView, _ lexicon: Lexicon, sentences: [Sentences.Unit]) -> [Mention] {
        let tk = v.tokens
        var out: [Mention] = []
        var lastConferrer: String?
        var sentence = 0
        var t = 0
        while t < tk.count {
            while sentence < sentences.count, tk[t].start >= sentences[sentence].end { sentence += 1; lastConferrer = nil }
            if let (end, name) = lexicon.conferrers.longest(in: v, at: t) {
                lastConferrer = name
                t = end
                continue
            }
            guard var (titleEnd, entry) = title(v, lexicon, at: t) else { t += 1; continue }
            if let (end, name) = namedOrder(v, lexicon, entry, after: titleEnd) {
                titleEnd = end
                entry.title = name
            }
            var m = Mention(start: t, titleEnd: titleEnd, end: titleEnd, entry: entry, awardClass: nil, conferrer: entry.conferrer, posthumous: false)
            // Class: inside the matched variant ("Huân chương Lao động hạng II") or right after it.
            for k in t..<max(t, titleEnd - 1) where tk[k].key == "hang" { m.awardClass = awardClass(tk[k + 1].key) }
            if m.end + 1 < tk.count, tk[m.end].key == "hang", let c = awardClass(tk[m.end + 1].key) {
                m.awardClass = c
                m.end += 2
            }
            // "hạng nhất, nhì, ba": several classes, none of them the count's.
            while m.awardClass != nil || m.end > titleEnd, m.end + 1 < tk.count, tk[m.end].key == "," || tk[m.end].key == "va",
                  awardClass(tk[m.end + 1].key) != nil, tk[m.end + 1].kind == .word {
                m.awardClass = nil
                m.end += 2
            }
            // "truy tặng" just before.
            for back in 1...4 where t - back >= 0 {
                if tk[t - back].key == "truy", t - back + 1 < tk.count, tk[t - back + 1].key == "tang" { m.posthumous = true }
            }
            // "của Chính phủ" after the title.
            if m.end + 1 < tk.count, tk[m.end].key == "cua", let (e, name) = lexicon.conferrers.longest(in: v, at: m.end + 1) {
                m.conferrer = name
                m.end = e
                lastConferrer = name
            } else if m.conferrer == nil {
                m.conferrer = lastConferrer
            }
            m.bareCount = numberBefore(v, lexicon, m.start)
            out.append(m)
            t = max(m.end, t + 1)
        }
        return out
    }

    /// Generic titles that a name completes: "Huân chương Thành đồng", "Huy chương Chiến sĩ giải
    /// phóng", "Huy hiệu “Vì sự nghiệp xây dựng và phát triển tỉnh Quảng Nam”".
    static let generic: Set<String> = ["Huân chương", "Huy chương", "Huy hiệu"]

    /// The name after a generic title, and the token after it: a quoted phrase, or a capitalized
    /// word and up to two more before a function word ("hạng", "cho", "của", …).
    static func namedOrder(_ v: TextView, _ lexicon: Lexicon, _ entry: Lexicon.AwardEntry, after t: Int) -> (Int, String)? {
        let tk = v.tokens
        guard generic.contains(entry.title), t < tk.count, v.onlySpaces(tk[t - 1].end, tk[t].start) else { return nil }
        // "Huy hiệu 50 năm tuổi Đảng": the Party's badge, named by its class (which stays a
        // quantity of years: the mention ends before it).
        if entry.title == "Huy hiệu", tk[t].kind == .number {
            var e = t + 1
            if e < tk.count, tk[e].key == "nam" { e += 1 }
            if e + 1 < tk.count, tk[e].key == "tuoi", tk[e + 1].key == "dang" { return (t, "Huy hiệu Đảng") }
        }
        if tk[t].key == "“" || tk[t].key == "\"" {
            var e = t + 1
            while e < tk.count, e - t <= 16, tk[e].key != "”", tk[e].key != "\"", !v.lineBreak(tk[e - 1].end, tk[e].start) { e += 1 }
            guard e < tk.count, e > t + 1, tk[e].key == "”" || tk[e].key == "\"" else { return nil }
            return (e + 1, entry.title + " " + v.text(tk[t + 1].start, tk[e - 1].end))
        }
        guard tk[t].kind == .word, Tokenizer.isUpper(v.scalars[tk[t].start]), !tk[t].isUpper,
              lexicon.conferrers.longest(in: v, at: t) == nil else { return nil }
        // The name is the first word (by the word list) from the capital: "Huân chương Thành đồng",
        // "Huy hiệu Đảng dịp Quốc khánh" → "Huy hiệu Đảng".
        var syllables: [String] = []
        var e = t
        while e < tk.count, e - t < 4, tk[e].kind == .word, e == t || v.onlySpaces(tk[e - 1].end, tk[e].start),
              e == t || !Tokenizer.isUpper(v.scalars[tk[e].start]) || syllables.count == 0 {
            syllables.append(tk[e].lower)
            e += 1
        }
        guard let first = WordSegmenter.bundled.segment(syllables).first else { return nil }
        e = t + first.count
        return (e, entry.title + " " + v.text(tk[t].start, tk[e - 1].end))
    }

    /// The award title at token `t`: the lexicon's longest variant, or one with a single
    /// misspelled word ("Huân chương Kháng chiên" is already equal on search keys; "Chiến sỹ",
    /// "Huân chươnng").
    static func title(_ v: TextView, _ lexicon: Lexicon, at t: Int) -> (Int, Lexicon.AwardEntry)? {
        if let hit = lexicon.awards.longest(in: v, at: t) { return hit }
        return lexicon.awards.longestAllowingOneTypo(in: v, at: t)
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
    static func numberBefore(_ v: TextView, _ lexicon: Lexicon, _ start: Int) -> (Int, Int)? {
        let tk = v.tokens
        // Descriptive words and classifiers: "74 Danh hiệu vinh dự Nhà nước …", "41 lá cờ thi đua".
        let allowed: Set<String> = ["danh", "hieu", "vinh", "du", "nha", "nuoc", "la", "tam", "chiec", "\"", "“"]
        var k = start - 1
        var skipped = 0
        while k >= 0, skipped < 6, tk[k].kind == .word || tk[k].key == "\"" || tk[k].key == "“", allowed.contains(tk[k].key) {
            k -= 1
            skipped += 1
        }
        // "bốn Huân chương Độc lập", "hai Huân chương kháng chiến": a count in words (from two;
        // "một" is as often "a", "năm" and "tư" as often "year" and "fourth").
        if k >= 0, tk[k].kind == .word {
            for w in stride(from: k, through: max(0, k - 3), by: -1) {
                guard let (n, end) = VietnameseNumber.words(v, at: w), end == k + 1, n >= 2 else { continue }
                if w == k, tk[k].lower == "năm" || tk[k].lower == "tư" { break }
                if w > 0, tk[w - 1].lower == "thứ" { break }
                return (w, n)
            }
        }
        // "6 ngàn bà mẹ Việt Nam anh hùng": a scale word after the number.
        var scale = 1.0
        if k >= 1, tk[k].kind == .word, let factor = lexicon.scale[tk[k].lower], tk[k - 1].kind == .number {
            scale = factor
            k -= 1
        }
        guard k >= 0, tk[k].kind == .number, v.onlySpaces(tk[k].end, tk[k + 1].start),
              let value = VietnameseNumber.parse(v.scalars[tk[k].start..<tk[k].end]),
              value * scale == (value * scale).rounded(), value * scale < 1_000_000 else { return nil }
        // Not a year, a date piece or a list marker ("2. Huân chương …").
        if k > 0, tk[k - 1].key == "/" || tk[k - 1].key == "nam" || tk[k - 1].key == "-" && tk[k - 1].end == tk[k].start { return nil }
        if k + 1 < tk.count, tk[k + 1].key == "." || tk[k + 1].key == ")" { return nil }
        return (k, Int(value * scale))
    }

    /// A count phrase at token `t`: a number (digits, or words right before the noun), an
    /// optional "lượt", and a recipient noun ("56 tập thể", "1.200 lượt cá nhân", "hai gia
    /// đình", "115 doanh nghiệp và doanh nhân", "14 mẹ").
    static func count(_ v: TextView, _ lexicon: Lexicon, at t: Int) -> Part? {
        let tk = v.tokens
        guard t < tk.count else { return nil }
        var value: Double
        var after = t + 1
        if tk[t].kind == .number, let n = VietnameseNumber.parse(v.scalars[tk[t].start..<tk[t].end]), n == n.rounded(), n < 10_000_000 {
            // Not a piece of a date or code ("25/11", "217/KH").
            if after < tk.count, tk[after].key == "/" || tk[after].key == "-", tk[after].start == tk[t].end { return nil }
            if t > 0, tk[t - 1].key == "/", tk[t - 1].end == tk[t].start { return nil }
            value = n
        } else if let (n, e) = VietnameseNumber.words(v, at: t) {
            value = Double(n)
            after = e
        } else {
            return nil
        }
        guard after < tk.count, v.onlySpaces(tk[after - 1].end, tk[after].start) else { return nil }
        var r = after
        // "1.200 lượt cá nhân": the count is of awards given, the recipient is "cá nhân".
        if tk[r].key == "luot", r + 1 < tk.count, lexicon.recipients.longest(in: v, at: r + 1) != nil { r += 1 }
        guard let (rEnd, _) = lexicon.recipients.longest(in: v, at: r) else { return nil }
        var recipientEnd = rEnd
        // "doanh nghiệp và doanh nhân": one count for a mixed recipient.
        if recipientEnd + 1 < tk.count, tk[recipientEnd].key == "va", tk[recipientEnd + 1].kind == .word,
           !(recipientEnd + 2 < tk.count && tk[recipientEnd + 2].kind == .number),
           let (e2, _) = lexicon.recipients.longest(in: v, at: recipientEnd + 1), !startsCount(v, lexicon, recipientEnd + 1) {
            recipientEnd = e2
        }
        let recipient = v.lowerText(tk[r].start, tk[recipientEnd - 1].end)
        var spanEnd = rEnd
        // "105 cán bộ, công chức, viên chức", "39 tập thể, đơn vị": one count for a list of
        // nouns naming one kind of recipient; the first names it (fixtures/seeds: "tập thể").
        while recipientEnd + 1 < tk.count, tk[recipientEnd].key == ",", tk[recipientEnd + 1].kind == .word,
              let (e2, _) = lexicon.recipients.longest(in: v, at: recipientEnd + 1), !(e2 < tk.count && tk[e2].kind == .number) {
            recipientEnd = e2
            spanEnd = e2
        }
        var endToken = recipientEnd
        if let (q, _) = lexicon.recipientQualifiers.longest(in: v, at: endToken) { endToken = q }
        return Part(start: tk[t].start, end: tk[spanEnd - 1].end, count: Int(value), recipient: recipient, firstToken: t, endToken: endToken)
    }

    /// Whether a count phrase starts at `t` (a number word that is really a count).
    static func startsCount(_ v: TextView, _ lexicon: Lexicon, _ t: Int) -> Bool {
        v.tokens[t].kind == .number && count(v, lexicon, at: t) != nil
    }

    /// Count phrases from token `t`, joined by ",", "và" or "," + "và": "56 tập thể, 62 cá nhân",
    /// "13 tập thể và 42 cá nhân". Stops at a line break.
    static func counts(_ v: TextView, _ lexicon: Lexicon, from: Int) -> [Part] {
        let tk = v.tokens
        var parts: [Part] = []
        var t = from
        while let part = count(v, lexicon, at: t) {
            parts.append(part)
            t = part.endToken
            // "1 tập thể (thời kỳ đổi mới), 1 cá nhân": a short aside without numbers.
            if t < tk.count, tk[t].key == "(", let close = (t + 1..<min(tk.count, t + 12)).first(where: { tk[$0].key == ")" }),
               !(t + 1..<close).contains(where: { tk[$0].kind == .number }), close + 1 < tk.count, tk[close + 1].key == "," || tk[close + 1].key == "va" {
                t = close + 1
            } else if t < tk.count, tk[t].kind != .punct, !v.lineBreak(tk[t - 1].end, tk[t].start) {
                // "1 đảng viên 80 năm tuổi Đảng, 1 đảng viên 75 năm tuổi Đảng, …": a few words
                // describing the counted, when another count follows the separator.
                var e = t
                while e < tk.count, e - t < 6, tk[e].kind != .punct, tk[e].lower != "và", !v.lineBreak(tk[e - 1].end, tk[e].start),
                      count(v, lexicon, at: e) == nil {
                    e += 1
                }
                var n = e
                if n < tk.count, tk[n].key == "," { n += 1 }
                if n < tk.count, tk[n].key == "va" { n += 1 }
                // Only when the next count counts the same noun ("1 đảng viên 80 năm tuổi Đảng, 4 đảng
                // viên …"); "54.480 gia đình có công với nước và 3.038 bà mẹ
                // được phong tặng …" names two different things.
                if e > t, n > e, n < tk.count, let next = count(v, lexicon, at: n), next.recipient == part.recipient { t = e }
            }
            guard t < tk.count else { break }
            var next = t
            if tk[next].key == "," { next += 1 }
            if next < tk.count, tk[next].key == "va" { next += 1 }
            guard next > t, next < tk.count, !v.lineBreak(tk[t - 1].end, tk[next].start) else { break }
            t = next
        }
        return parts
    }

    static func fill(_ f: inout Figure, _ m: Mention, count: Int, recipient: String?) {
        f.award = m.entry.title
        f.awardClass = m.awardClass
        f.conferrer = m.conferrer
        f.recipient = recipient
        f.count = count
        f.posthumous = m.posthumous
    }

    /// The award figure of one count phrase linked to mention `m`.
    static func award(_ v: TextView, _ m: Mention, _ p: Part, total: Int? = nil) -> Candidate {
        var f = Figure(kind: .award, text: v.text(p.start, p.end), start: p.start, end: p.end)
        fill(&f, m, count: p.count, recipient: recipientKind(p.recipient))
        if let total { f.partOf = -(total + 1) }
        return Candidate(figure: f, priority: priority)
    }

    /// "lượt cá nhân" counts awards to "cá nhân".
    static func recipientKind(_ r: String) -> String {
        r.hasPrefix("lượt ") ? String(r.dropFirst("lượt ".count)) : r
    }
}
