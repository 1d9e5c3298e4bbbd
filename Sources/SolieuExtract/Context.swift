import Foundation
import SolieuText

/// What each figure measures, the period it refers to, and links from parts to their stated total.
enum Context {
    /// Words between "so với" and the period it compares with ("so với cùng kỳ năm 2017",
    /// "so với 6 tháng đầu năm 2017").
    static let comparisonFillers: Set<String> = ["cung", "ky", "nam", "thang", "quy", "dau", "cuoi", "ca", "giai", "doan", "thoi", "diem", "cua"]

    /// Whether a period follows "so với" / "so" (the period compared with), skipping fillers,
    /// or "giá so sánh" (the base year of constant prices: "theo giá so sánh 2010").
    static func isComparedPeriod(_ f: Figure, _ view: TextView) -> Bool {
        var from = max(0, f.start - 40)
        // A comma or a clause break ends the look-back: only what is in the same phrase counts.
        if let cut = (from..<f.start).last(where: { i in let v = view.key[i].value; return v == 0x2C || v == 0x3B || v == 0x3A || v == 0x28 || v == 0x29 }) {
            from = cut + 1
        }
        // Words of the search key (ASCII but for letters it cannot fold), scalar by scalar.
        var words: [String] = []
        var word = String.UnicodeScalarView()
        for s in view.key[from..<f.start] {
            let v = s.value
            let wordScalar = v < 0x80 ? ((v | 0x20 >= 0x61 && v | 0x20 <= 0x7A) || (v >= 0x30 && v <= 0x39)) : (s.properties.isAlphabetic || s.properties.numericType != nil)
            if wordScalar { word.append(s) } else if !word.isEmpty { words.append(String(word)); word = String.UnicodeScalarView() }
        }
        if !word.isEmpty { words.append(String(word)) }
        while let last = words.last, comparisonFillers.contains(last) || last.allSatisfy(\.isNumber) { words.removeLast() }
        return words.last == "so" || words.suffix(2) == ["so", "voi"] || words.suffix(2) == ["so", "sanh"]
    }

    static func attach(_ figures: inout [Figure], view: TextView, sentences: [Sentences.Unit]) {
        // Parts of a total named by the award grammar carry -(total start + 1).
        for i in figures.indices {
            if let p = figures[i].partOf, p < 0 {
                let start = -p - 1
                figures[i].partOf = figures.firstIndex { $0.start == start && $0.kind == .quantity }
            }
        }
        linkTotals(&figures, view, sentences: sentences)
        linkMoneyTotals(&figures, view, sentences: sentences)
        PercentRoles.attach(&figures, view: view)
        // Periods: the nearest period in the same sentence, else the one that opens the
        // paragraph ("Kết quả 6 tháng đầu năm …: … tổng số 82 tập thể"), else the title's
        // (sentence 0).
        let titlePeriod = figures.first { $0.sentence == 0 && $0.kind == .period }?.calendar
        var periodsBySentence: [Int: [Int]] = [:]
        // A period a figure is compared with ("… 52/118 xã, tăng 6 xã so với năm 2017") is not
        // the one it is stated for: it leaves the sentence to its other periods, the paragraph's
        // or the title's.
        for i in figures.indices where figures[i].kind == .period && !Self.isComparedPeriod(figures[i], view) {
            periodsBySentence[figures[i].sentence, default: []].append(i)
        }
        let paragraphLead = ParagraphLeads(view: view, sentences: sentences)
        let qualifiers = CountQualifiers(view: view, figures: figures)
        for i in figures.indices where figures[i].kind != .period && figures[i].kind != .date {
            let same = periodsBySentence[figures[i].sentence] ?? []
            let nearest = same.min { abs(figures[$0].start - figures[i].start) < abs(figures[$1].start - figures[i].start) }
            let lead = paragraphLead.sentence(of: figures[i].sentence).flatMap { s in
                s > 0 && s != figures[i].sentence ? periodsBySentence[s]?.first.map { figures[$0].calendar! } : nil
            }
            figures[i].period = nearest.map { figures[$0].calendar! } ?? lead ?? titlePeriod
            switch figures[i].kind {
            case .quantity, .ratio, .range: figures[i].measure = qualifiers.measure(of: i)
            case .award: figures[i].measure = figures[i].award
            default: break
            }
        }
        // Percents and amounts: the subject of their clause, or of the figure they follow.
        let subjects = ClauseSubjects(view: view, figures: figures)
        for i in figures.indices where figures[i].kind == .percent || figures[i].kind == .money {
            figures[i].measure = subjects.measure(of: i)
        }
    }

    /// "Vốn đầu tư … đạt 14.255,1 tỷ đồng, tăng 10% so với cùng kỳ. Trong đó: khu vực nhà nước đạt
    /// 3.010,8 tỷ đồng, tăng 0,8%; ngoài nhà nước đạt 11.224,4 tỷ đồng …", "67 tập thể, cá nhân
    /// được tuyên dương …, trong đó cấp Nhà nước là 17 tập thể, cá nhân; cấp tỉnh là 50 tập thể, cá
    /// nhân": an amount of money (or a count) and the amounts of the same currency (or unit) after
    /// "trong đó", in its sentence or opening the next, through ";" to the sentence's end, each
    /// smaller than it. A change ("tăng 228 ha", "giảm 20 tỷ đồng") is not a part.
    static func linkMoneyTotals(_ figures: inout [Figure], _ v: TextView, sentences: [Sentences.Unit]) {
        let tk = v.tokens
        func same(_ a: Figure, _ b: Figure) -> Bool {
            a.kind == b.kind && (a.kind == .money ? a.currency == b.currency : a.unit != nil && a.unit == b.unit)
        }
        func isChange(_ f: Figure) -> Bool {
            let t = v.tokenIndex(atOrAfter: f.start)
            return (max(0, t - 2)..<t).contains { ["tăng", "giảm", "thêm", "hơn", "vượt"].contains(tk[$0].lower) }
        }
        // The sentences holding "trong đó" (one pass over the tokens): only their figures, and
        // those of the sentence before, can be totals here.
        var withParts = Set<Int>()
        var sentence = 0
        for k in tk.indices where tk[k].key == "trong" && k + 1 < tk.count && tk[k + 1].key == "do" {
            while sentence + 1 < sentences.count, sentences[sentence].end <= tk[k].start { sentence += 1 }
            withParts.insert(sentence)
        }
        guard !withParts.isEmpty else { return }
        for i in figures.indices where (figures[i].kind == .money || figures[i].kind == .quantity) && figures[i].partOf == nil
            && (withParts.contains(figures[i].sentence) || withParts.contains(figures[i].sentence + 1)) {
            let f = figures[i]
            guard let total = f.number, f.sentence < sentences.count, !isChange(f),
                  !figures.contains(where: { $0.partOf == i || $0.partOf == -(f.start + 1) }) else { continue }
            // "trong đó" before the next amount like it (not a change), in this sentence or at the next one's start.
            let nextSame = figures.indices.first { $0 > i && same(figures[$0], f) && !isChange(figures[$0]) }
            let limit = nextSame.map { figures[$0].start } ?? v.scalars.count
            var region: (Int, Int)?
            var k = v.tokenIndex(atOrAfter: f.end)
            let stop = min(limit, sentences[f.sentence].end)
            while k + 1 < tk.count, tk[k].start < stop, !(tk[k].key == "trong" && tk[k + 1].key == "do") { k += 1 }
            if k + 1 < tk.count, tk[k].start < stop {
                region = (tk[k].start, sentences[f.sentence].end)
            } else if f.kind == .money, f.sentence + 1 < sentences.count {
                let next = sentences[f.sentence + 1]
                if next.start < limit || nextSame.map({ figures[$0].sentence == f.sentence + 1 }) == true,
                   v.lowerText(next.start, min(next.end, next.start + 12)).hasPrefix("trong đó") {
                    region = (next.start, next.end)
                }
            }
            guard let (a, b) = region else { continue }
            let members = figures.indices.filter {
                $0 > i && same(figures[$0], f) && figures[$0].start > a && figures[$0].end <= b && figures[$0].partOf == nil
                    && (figures[$0].number ?? .infinity) < total && !isChange(figures[$0])
            }
            guard members.count >= 2 else { continue }
            for m in members { figures[m].partOf = i }
        }
    }

    /// Whether a total's unit names recipients ("tập thể", "cá nhân", "gia đình", …), not awards.
    /// Whether `text` (lower case) holds the head of `unit` as whole words: its first two
    /// words ("trang trại"), or its first when that is the whole noun before a qualifier
    /// ("giải cấp huyện" → "giải").
    static func namesHead(_ text: String, of unit: String) -> Bool {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" }).map(String.init)
        let u = unit.lowercased().split(separator: " ").map(String.init)
        guard let first = u.first else { return false }
        if u.count >= 2, zip(words, words.dropFirst()).contains(where: { $0 == first && $1 == u[1] }) { return true }
        return words.contains(first) && (u.count == 1 || ["cấp", "loại", "hạng", "đạt"].contains(u[1]))
    }

    static func countsRecipients(_ unit: String) -> Bool {
        let recipients = ["tập thể", "cá nhân", "gia đình", "đơn vị", "hộ", "mẹ", "người", "trường hợp", "doanh nghiệp"]
        return recipients.contains { unit.contains($0) }
    }

    /// "tổng số 82 tập thể, cá nhân, trong đó 74 … và 08 …" and "1.880 tập thể, cá nhân (769 tập
    /// thể, 1.111 cá nhân)": the figures after "trong đó" or inside the parentheses are parts.
    static func linkTotals(_ figures: inout [Figure], _ v: TextView, sentences: [Sentences.Unit] = []) {
        let s = v.scalars
        for i in figures.indices where figures[i].kind == .quantity {
            let f = figures[i]
            var j = f.end
            while j < s.count, s[j] == " " || s[j] == "," { j += 1 }
            var partsStart: Int?
            var partsEnd = Int.max
            // "108 sản phẩm được công nhận là sản phẩm OCOP (85 …)", "371 gia trại, trang trại (345
            // gia trại; 26 trang trại)": the total's noun phrase may go on before the parentheses.
            var described: String?
            if j < s.count, s[j] != "(" {
                var k = j, words = 0
                while k < s.count, words <= 12, s[k] != "(", !".;:!?\n0123456789%".unicodeScalars.contains(s[k]) {
                    if s[k] == " " { words += 1 }
                    k += 1
                }
                if k < s.count, s[k] == "(", !figures.contains(where: { $0.start > f.end && $0.start < k }) {
                    described = v.lowerText(f.start, k)
                    j = k
                }
            }
            if j < s.count, s[j] == "(" {
                partsStart = j
                partsEnd = s[j...].firstIndex(of: ")") ?? j
            } else {
                let window = v.lowerText(f.end, min(s.count, f.end + 16))
                if window.hasPrefix(", trong đó") || window.hasPrefix(" trong đó") || window.hasPrefix(", gồm") || window.hasPrefix(" gồm") {
                    partsStart = f.end
                    partsEnd = s[f.end...].firstIndex { $0 == ";" || $0 == "\n" || $0 == "." } ?? s.count
                } else if f.sentence + 1 < sentences.count, !figures.contains(where: { $0.sentence == f.sentence && $0.start > f.end && $0.kind != .date && $0.kind != .period }) {
                    // "… 22 tập thể, cá nhân được khen thưởng cấp Nhà nước. Trong đó, có 1 tập thể …;
                    // 2 tập thể và 1 cá nhân …": the next sentence opens with its parts.
                    let next = sentences[f.sentence + 1]
                    let opening = v.lowerText(next.start, min(next.end, next.start + 12))
                    if opening.hasPrefix("trong đó") || opening.hasPrefix("trong số đó") {
                        partsStart = next.start
                        partsEnd = next.end
                    }
                }
            }
            guard let ps = partsStart else { continue }
            var members = figures.indices.filter {
                $0 != i && figures[$0].start > ps && figures[$0].end <= partsEnd
                    && (figures[$0].kind == .quantity || figures[$0].kind == .award) && figures[$0].partOf == nil
            }
            // "108 sản phẩm (85 sản phẩm đạt 3 sao và 23 sản phẩm đạt 4 sao)": inside an item, an
            // amount of another unit right after a part describes it ("3 sao"); it is not a part.
            if s[ps] == "(", let total = described ?? f.unit?.lowercased(), !total.isEmpty {
                func fits(_ m: Int) -> Bool { figures[m].kind == .quantity && figures[m].unit.map { !$0.isEmpty && Self.namesHead(total, of: $0) } == true }
                var kept: [Int] = []
                for m in members {
                    if let last = kept.last, fits(last), !fits(m), figures[m].kind == .quantity {
                        let between = v.lowerText(figures[last].end, figures[m].start)
                        if !between.contains(",") && !between.contains(";") && !between.contains(" và ") { continue }
                    }
                    kept.append(m)
                }
                members = kept
            }
            guard members.count >= 2 else { continue }
            // Parts are a breakdown, not changes: "98 người ( giảm 61 vụ, giảm 09 người chết, …)".
            let region = v.lowerText(ps, min(partsEnd, s.count))
            if ["tăng", "giảm", "so với", "so cùng kỳ"].contains(where: { region.contains($0) }) { continue }
            // Counted parts count (some of) what the total counts: "1.880 tập thể, cá nhân (769
            // tập thể, 1.111 cá nhân)". Awards are parts of any total of recipients.
            let totalUnit = (f.unit ?? "").lowercased()
            // Awards count recipients: theirs must be what the total counts ("82 tập thể, cá nhân,
            // trong đó 74 … và 08 …"), or the total counts awards ("… Bằng khen").
            let compatible = members.allSatisfy { m in
                let noun = figures[m].kind == .award ? figures[m].recipient : figures[m].unit
                return figures[m].kind == .award && (noun == nil || totalUnit.contains(noun!.lowercased()) || f.award == nil && !Self.countsRecipients(totalUnit))
                    || figures[m].kind != .award && (noun.map { !$0.isEmpty && totalUnit.contains($0.lowercased()) } ?? false)
                    // A total described up to its parentheses: a part names its head noun
                    // ("1.566 học sinh đoạt giải … (1.024 giải cấp huyện, …)").
                    || figures[m].kind == .quantity && described.map { d in noun.map { Self.namesHead(d, of: $0) } ?? false } == true
            }
            guard compatible else { continue }
            for m in members { figures[m].partOf = i }
        }
    }
}

/// What a count measures: its unit and the words that qualify it in its clause ("42/82 xã được
/// công nhận đạt chuẩn nông thôn mới, chiếm tỷ lệ 51%" → "xã được công nhận đạt chuẩn nông thôn
/// mới"; "1.200 hộ thoát nghèo" → "hộ thoát nghèo"). The qualifier ends at punctuation, another
/// number, a word that compares or places the count ("chiếm", "tăng", "so", "trên", "trong"…),
/// or after ten words; "và" before another count ends it too ("21 xã đạt chuẩn và 23 xã …").
/// A duration ("3 năm xây dựng nông thôn mới") is not qualified: it measures time.
struct CountQualifiers {
    let view: TextView
    let figures: [Figure]
    /// Figure starts, by token.
    let startsFigure: Set<Int>

    /// Folded words that end a qualifier.
    static let stops: Set<String> = [
        "chiem", "tang", "giam", "so", "gom", "trong", "nhu", "voi", "la", "tai", "tren", "o", "cua", "bang", "con",
        "nang", "theo", "sau", "truoc", "den", "tu", "cho", "dat", "vuot", "bao", "ke", "thuoc", "ve", "vao", "duoi",
        "len", "xuong", "de", "nham", "do", "vi", "ma", "nen", "khi", "neu", "nhung", "hay", "hoac", "nay", "thi",
    ]
    /// Units of time, and points of a percentage: a count of them measures time or a change.
    static let durations: Set<String> = ["nam", "thang", "ngay", "gio", "tuan", "quy", "phut", "giay", "thap", "diem"]

    init(view: TextView, figures: [Figure]) {
        self.view = view
        self.figures = figures
        startsFigure = Set(figures.map { view.tokenIndex(atOrAfter: $0.start) })
    }

    func measure(of i: Int) -> String? {
        let f = figures[i]
        guard let unit = f.unit, !unit.isEmpty else { return f.unit }
        let tk = view.tokens
        let first = view.tokenIndex(atOrAfter: f.end)
        // The unit's first word, folded (a tokenizer per count would cost more than the rest).
        guard let unitWord = VietnameseFold.words(unit).first, !Self.durations.contains(unitWord) else { return unit }
        var t = first, words = 0
        while t < tk.count, words < 10, tk[t].kind == .word, !startsFigure.contains(t), tk[t].start >= f.end {
            // "đạt chuẩn" qualifies ("xã đạt chuẩn nông thôn mới"); "đạt 34,52%" compares.
            if Self.stops.contains(tk[t].key), !(tk[t].key == "dat" && t + 1 < tk.count && tk[t + 1].kind == .word && !startsFigure.contains(t + 1)) { break }
            if tk[t].key == "va", t + 1 < tk.count, tk[t + 1].kind != .word || startsFigure.contains(t + 1) { break }
            // No line break inside it.
            if t > first, view.lineBreak(tk[t - 1].end, tk[t].start) { break }
            t += 1
            words += 1
        }
        var last = t - 1
        while last >= first, ClauseSubjects.trailing.contains(tk[last].lower) || tk[last].key == "va" { last -= 1 }
        guard last >= first, view.onlySpaces(f.end, tk[first].start) else { return unit }
        return unit + " " + view.text(tk[first].start, tk[last].end)
    }
}

/// What a percent or an amount measures: the noun phrase of its clause, less the verbs that
/// introduce the figure ("Tổng kim ngạch xuất khẩu ước đạt 51,71%" → "Tổng kim ngạch xuất
/// khẩu") and a period said in between ("Công tác tuyển quân năm 2017 đạt 100%" → "Công tác
/// tuyển quân"). A figure that continues a clause ("… ước đạt 50,16% kế hoạch và tăng 14,65% so
/// cùng kỳ", "thu ngân sách hơn 52.623 tỉ đồng, bình quân đạt 57,78% kế hoạch") measures what
/// the figure before it in that clause measures; ";" ends a clause.
struct ClauseSubjects {
    let view: TextView
    let figures: [Figure]
    /// Tokens inside a date or period figure.
    let inPeriod: [Bool]

    /// Words (lower case) that introduce a figure or compare it rather than name what it measures.
    static let verbs: Set<String> = [
        "ước", "đạt", "tăng", "giảm", "chiếm", "bằng", "là", "còn", "khoảng", "hơn", "trên", "dưới", "gần", "với", "so", "cùng",
        "kỳ", "kế", "hoạch", "lên", "xuống", "từ", "đến", "thứ", "vượt", "thực", "hiện", "đã", "được", "ở", "mức", "nâng",
    ]
    /// Two-word verbs whose words alone are nouns too ("tuyển quân").
    static let verbPairs: Set<[String]> = [["bình", "quân"], ["phấn", "đấu"], ["triển", "khai"], ["ước", "tính"]]
    /// Words that end a clause's subject without being part of it ("giải quyết việc làm cho").
    static let trailing: Set<String> = ["cho", "của", "có", "và", "với", "là", "được", "trong", "tại", "về"]

    /// How many tokens ending at `t` are an introducing verb (0 when none).
    func verbLength(_ t: Int) -> Int {
        let tk = view.tokens
        guard tk[t].kind == .word else { return 0 }
        if t >= 1, tk[t - 1].kind == .word, Self.verbPairs.contains([tk[t - 1].lower, tk[t].lower]) { return 2 }
        return Self.verbs.contains(tk[t].lower) ? 1 : 0
    }

    /// Back from token `t` over the verbs and periods right before a figure.
    func skipVerbs(_ t: Int) -> Int {
        var t = t
        while t >= 0 {
            if inPeriod[t] { t -= 1; continue }
            let n = verbLength(t)
            guard n > 0 else { break }
            t -= n
        }
        return t
    }

    init(view: TextView, figures: [Figure]) {
        self.view = view
        self.figures = figures
        var inPeriod = [Bool](repeating: false, count: view.tokens.count)
        for f in figures where f.kind == .period || f.kind == .date {
            var t = view.tokenIndex(atOrAfter: f.start)
            while t < view.tokens.count, view.tokens[t].start < f.end { inPeriod[t] = true; t += 1 }
        }
        self.inPeriod = inPeriod
    }

    func measure(of i: Int, depth: Int = 0) -> String? {
        let tk = view.tokens
        let f = figures[i]
        var t = view.tokenIndex(atOrAfter: f.start) - 1
        while true {
            // The verbs (and a period) right before the figure.
            t = skipVerbs(t)
            guard t >= 0 else { return nil }
            if tk[t].key == "(" {
                // A figure in parentheses measures what stands before them: the figure there
                // ("47.124 ha (tăng 38,2% …)", "lúa 35.023 ha, (tăng 56,4%)") or the words
                // ("dệt (+5,2%); trang phục (+4,26%)").
                var u = t - 1
                if u >= 0, tk[u].key == "," { u -= 1 }
                guard u >= 0 else { return nil }
                if depth < 4, let p = previousFigure(i, before: tk[t].start), figures[p].end >= tk[u].end {
                    return continuing(p, upTo: tk[t].start, depth: depth)
                }
                return tk[u].kind == .word ? subject(from: u) : nil
            }
            let separator = tk[t].key == "," || tk[t].key == "va"
            guard separator else { break }
            // The clause goes on from an earlier figure: measure what it measures.
            if depth < 4, let p = previousFigure(i, before: tk[t].start) {
                return continuing(p, upTo: tk[t].start, depth: depth)
            }
            // "đã thực hiện vượt và đạt trên 45%": "và" between two verbs.
            guard tk[t].key == "va" else { return nil }
            t -= 1
        }
        // An aside in parentheses before the verbs ("GRDP 6 tháng đầu năm 2021 (theo giá so sánh
        // 2010) ước tính đạt …"): the subject stands before it. "(GRDP)" is no aside: a name.
        if tk[t].key == ")", let open = asideStart(closing: t) {
            t = skipVerbs(open - 1)
            guard t >= 0, tk[t].kind != .punct || tk[t].key == ")" else { return nil }
        }
        let found = subject(from: t)
        // "42/82 xã đạt chuẩn nông thôn mới, chiếm tỷ lệ 51%": a bare "tỷ lệ" is the share of
        // what the count before it in the clause counts.
        if let found, Self.bareShares.contains(MeasureQuery.words(found).joined(separator: " ")), depth < 4 {
            var c = t
            while c >= 0, tk[c].kind == .word { c -= 1 }
            if c >= 0, tk[c].key == ",", let p = previousFigure(i, before: tk[c].start), [.quantity, .ratio].contains(figures[p].kind),
               let counted = figures[p].measure ?? figures[p].unit, !counted.isEmpty {
                return found + " " + counted
            }
        }
        return found
    }

    /// Subjects that name a share without saying of what.
    static let bareShares: Set<String> = ["ty le", "ty trong", "chiem ty le"]

    /// What a figure measures that goes on from figure `p` (its clause runs to offset `end`).
    func continuing(_ p: Int, upTo end: Int, depth: Int) -> String? {
        switch figures[p].kind {
        case .quantity, .ratio:
            // "232 trường đạt chuẩn quốc gia, đạt 34,52%": the counted noun and what
            // follows it; "Khách quốc tế 308 ngàn lượt, đạt 71,8%": the clause's subject.
            let rest = view.text(figures[p].end, end).trimmingCharacters(in: .whitespaces)
            if let unit = figures[p].unit, !unit.isEmpty, !rest.isEmpty, rest.unicodeScalars.allSatisfy({ $0 == " " || Tokenizer.isLetter($0) }) {
                return unit + " " + rest
            }
            return subject(endingBefore: figures[p].start)
        default:
            return measure(of: p, depth: depth + 1)
        }
    }

    /// The words of the clause ending at token `last`: back to punctuation, at most twelve,
    /// with a parenthesized abbreviation kept ("Tổng sản phẩm trên địa bàn (GRDP)").
    func subject(from last: Int) -> String? {
        let tk = view.tokens
        var t = last
        var words = 0
        while t >= 0, words < 12 {
            // A line break ends it (a heading above is not its subject).
            if t < last, view.scalars[tk[t].end..<tk[t + 1].start].contains("\n") { break }
            if tk[t].kind == .word || (tk[t].kind == .number && t > 0 && tk[t - 1].kind == .word) {
                t -= 1
                words += 1
            } else if tk[t].key == ")", t >= 2, tk[t - 2].key == "(", tk[t - 1].kind == .word {
                t -= 3
                words += 1
            } else if let start = nameStart(at: t + 1) {
                // A sector's or indicator's name with a comma or dash inside it ("nông, lâm
                // nghiệp và thủy sản", "công nghiệp chế biến, chế tạo"): the walk goes on.
                words += (start...t).filter { tk[$0].kind == .word }.count
                t = start - 1
            } else {
                break
            }
        }
        var first = t + 1
        var last = last
        // Verbs at its start are not the subject ("đạt tỷ lệ" → "tỷ lệ"), nor a function word at
        // its end. A verb's syllable that begins a word with a syllable that is none ("tăng
        // trưởng", "mức sống", "thực tế") is the word's, not a verb: it stays.
        while first <= last {
            if first < last, tk[first + 1].kind == .word, Self.verbPairs.contains([tk[first].lower, tk[first + 1].lower]) {
                first += 2
            } else if verbLength(first) == 1, !beginsNoun(first, last) {
                first += 1
            } else {
                break
            }
        }
        while last > first, tk[last].kind == .word, Self.trailing.contains(tk[last].lower) { last -= 1 }
        guard first <= last, words > 0, tk[last].kind != .punct || tk[last].key == ")" else { return nil }
        return view.text(tk[first].start, tk[last].end)
    }

    /// Where the parentheses closing at token `t` open, when they hold an aside: more than one
    /// token, no other parentheses, and no figure but a period or a date.
    func asideStart(closing t: Int) -> Int? {
        let tk = view.tokens
        var open = t - 1
        while open >= 0, tk[open].key != "(" {
            if tk[open].key == ")" || t - open > 16 { return nil }
            open -= 1
        }
        guard open >= 1, t - open > 2 else { return nil }
        let start = tk[open].start, end = tk[t].end
        let holdsFigure = figures.contains { $0.start >= start && $0.end <= end && $0.kind != .period && $0.kind != .date }
        return holdsFigure ? nil : open
    }

    /// Whether token `t` (a verb's syllable) and the next, up to `last`, are one dictionary word
    /// whose second syllable is no verb: "tăng trưởng" (growth), not "đạt được" or "kế hoạch".
    func beginsNoun(_ t: Int, _ last: Int) -> Bool {
        let tk = view.tokens
        guard t < last, tk[t + 1].kind == .word, verbLength(t + 1) == 0 else { return false }
        return WordSegmenter.bundled.isWord([tk[t].lower, tk[t + 1].lower])
    }

    /// Where a name of `Lexicon.measureNames` starts when the tokens from `first` on are its end
    /// and the tokens before it its beginning, across its punctuation.
    func nameStart(at first: Int) -> Int? {
        let tk = view.tokens
        for name in Lexicon.bundled.measureNames {
            for k in 1..<name.count where tk.indices.contains(first - 1) && name[k - 1] == tk[first - 1].key {
                let start = first - k, end = first + (name.count - k)
                guard start >= 0, end <= tk.count, name[k] != ",", name[k] != "-" else { continue }
                if (start..<end).allSatisfy({ tk[$0].key == name[$0 - start] }) && tk[start..<first].contains(where: { $0.kind == .punct }) {
                    return start
                }
            }
        }
        return nil
    }

    /// The subject of the clause that ends right before scalar offset `start` (a quantity's).
    func subject(endingBefore start: Int) -> String? {
        let tk = view.tokens
        let t = skipVerbs(view.tokenIndex(atOrAfter: start) - 1)
        return t >= 0 && tk[t].kind != .punct ? subject(from: t) : nil
    }

    /// The nearest percent, amount, quantity or ratio of figure `i`'s sentence that ends before
    /// offset `end`, with no ";" between it and figure `i` (figures are in text order).
    func previousFigure(_ i: Int, before end: Int) -> Int? {
        let sentence = figures[i].sentence
        var p = i - 1
        while p >= 0, figures[p].sentence == sentence {
            if figures[p].end <= end, [.percent, .money, .quantity, .ratio].contains(figures[p].kind) {
                return view.scalars[figures[p].end..<figures[i].start].contains(";") ? nil : p
            }
            p -= 1
        }
        return nil
    }
}

/// The first sentence of each sentence's paragraph (paragraphs are separated by a blank line).
struct ParagraphLeads {
    private var lead: [Int] = []

    init(view: TextView, sentences: [Sentences.Unit]) {
        var current = 0
        for (k, unit) in sentences.enumerated() {
            if k > 0 {
                // A blank line between the previous sentence and this one starts a paragraph.
                var newlines = 0
                for c in view.scalars[sentences[k - 1].end..<unit.start] where c == "\n" { newlines += 1 }
                if newlines >= 2 { current = k }
            }
            lead.append(current)
        }
    }

    func sentence(of k: Int) -> Int? { k >= 0 && k < lead.count ? lead[k] : nil }
}
