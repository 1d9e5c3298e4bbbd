import SolieuText

/// Numbers with what they count: percent ("8,52%", "14, 78 %", "115%KH"), money ("52.623 tỉ đồng",
/// "5,6 tỉ USD"), ratio ("49/118 xã", "3,86%/2%"), range ("10 -14 tiêu chí") and quantity
/// ("3.304 tập thể, cá nhân", "3,83 triệu lượt", "8,27 tiêu chí/xã", "3 PTTĐ").
/// Not figures: ordinals and names ("lần thứ 2", "Cụm thi đua số 2", "Hội trường 19/5"), list
/// markers, phone numbers, times of day, numbers with nothing after them.
enum Amounts {
    static let percentPriority = 50
    static let ratioPriority = 55
    static let moneyPriority = 60
    static let rangePriority = 45
    static let quantityPriority = 10

    static func candidates(_ v: TextView, _ lexicon: Lexicon) -> [Candidate] {
        var out: [Candidate] = []
        let tk = v.tokens
        let s = v.scalars
        for t in tk.indices where tk[t].kind == .number {
            let tok = tk[t]
            // Part of a bigger number, date or code: "17/01", "QĐ-32".
            if tok.start > 0, s[tok.start - 1] == "/" || s[tok.start - 1] == "-" && tok.start > 1 && TextView.isLetter(s[tok.start - 2]) { continue }
            guard var value = VietnameseNumber.parse(s[tok.start..<tok.end]) else { continue }
            var end = tok.end
            var next = t + 1
            // "14, 78 %": a decimal comma followed by a space.
            if next + 2 < tk.count, tk[next].key == ",", tk[next + 1].kind == .number, tk[next + 1].end - tk[next + 1].start <= 2,
               tk[next + 2].key == "%", v.onlySpaces(tk[next].end, tk[next + 1].start), tk[next].start == tok.end,
               let frac = VietnameseNumber.parse(s[tk[next + 1].start..<tk[next + 1].end]) {
                value += frac / (tk[next + 1].end - tk[next + 1].start == 1 ? 10 : 100)
                value = (value * 100).rounded() / 100
                end = tk[next + 1].end
                next += 2
            }
            // Percent (and the ratio "3,86%/2%").
            if next < tk.count, tk[next].key == "%", v.onlySpaces(end, tk[next].start) {
                var pend = tk[next].end
                if next + 3 < tk.count, tk[next + 1].key == "/", tk[next + 2].kind == .number, tk[next + 3].key == "%",
                   tk[next + 1].start == pend, let den = VietnameseNumber.parse(s[tk[next + 2].start..<tk[next + 2].end]) {
                    var f = Figure(kind: .ratio, text: v.text(tok.start, tk[next + 3].end), start: tok.start, end: tk[next + 3].end)
                    f.numerator = value
                    f.denominator = den
                    f.unit = "%"
                    out.append(Candidate(figure: f, priority: ratioPriority))
                    continue
                }
                // "115%KH": letters glued to the sign belong to the written form.
                if next + 1 < tk.count, tk[next + 1].kind == .word, tk[next + 1].start == pend, tk[next + 1].isUpper { pend = tk[next + 1].end }
                // "-0,36%", "(+5,2%)": a sign glued to the number, after a space or a bracket.
                var pstart = tok.start
                if tok.start > 0, s[tok.start - 1] == "-" || s[tok.start - 1] == "+" || s[tok.start - 1] == "−",
                   tok.start == 1 || Tokenizer.isSpace(s[tok.start - 2]) || s[tok.start - 2] == "(" {
                    pstart = tok.start - 1
                    if s[pstart] != "+" { value = -value }
                }
                var f = Figure(kind: .percent, text: v.text(pstart, pend), start: pstart, end: pend)
                f.number = value
                out.append(Candidate(figure: f, priority: percentPriority))
                continue
            }
            if excluded(v, lexicon, t) { continue }
            // Ratio x/y unit.
            if next + 1 < tk.count, tk[next].key == "/", tk[next].start == end, tk[next + 1].kind == .number,
               tk[next + 1].start == tk[next].end, !(next + 2 < tk.count && (tk[next + 2].key == "/" || tk[next + 2].key == "-") && tk[next + 2].start == tk[next + 1].end),
               let den = VietnameseNumber.parse(s[tk[next + 1].start..<tk[next + 1].end]),
               let (unit, uend) = unitPhrase(v, lexicon, from: next + 2) {
                var f = Figure(kind: .ratio, text: v.text(tok.start, uend), start: tok.start, end: uend)
                f.numerator = value
                f.denominator = den
                f.unit = unit
                out.append(Candidate(figure: f, priority: ratioPriority))
                continue
            }
            // Range a - b unit.
            if next + 1 < tk.count, tk[next].key == "-" || tk[next].key == "–", tk[next + 1].kind == .number,
               tk[next].start - end <= 1, tk[next + 1].start - tk[next].end <= 1,
               let to = VietnameseNumber.parse(s[tk[next + 1].start..<tk[next + 1].end]), to > value, value < 1900 || to > 2100,
               let (unit, uend) = unitPhrase(v, lexicon, from: next + 2) {
                var f = Figure(kind: .range, text: v.text(tok.start, uend), start: tok.start, end: uend)
                f.from = value
                f.to = to
                f.unit = unit
                out.append(Candidate(figure: f, priority: rangePriority))
                continue
            }
            // Scale words.
            var u = next
            if u < tk.count, let factor = lexicon.scale[tk[u].lower] {
                value *= factor
                u += 1
            }
            // Money.
            if let (after, code) = lexicon.currencies.longest(in: v, at: u), u > next || currencyStandsAlone(v, lexicon, after) {
                let mend = tk[after - 1].end
                var f = Figure(kind: .money, text: v.text(tok.start, mend), start: tok.start, end: mend)
                f.number = value
                f.currency = code
                out.append(Candidate(figure: f, priority: moneyPriority))
                continue
            }
            // Quantity.
            if let (unit, uend) = unitPhrase(v, lexicon, from: u) {
                var f = Figure(kind: .quantity, text: v.text(tok.start, uend), start: tok.start, end: uend)
                f.number = value
                f.unit = unit
                out.append(Candidate(figure: f, priority: quantityPriority))
            }
        }
        out += wordQuantities(v, lexicon)
        return out
    }

    /// The words a number written in words starts with, for turning other words away at once.
    static let numberStarts = KeyFilter(Array(VietnameseNumber.unitWords.keys) + ["mười"])

    /// Numbers written in words before a counted noun: "hai gia đình", "mười lăm hộ nghèo",
    /// "hai mươi lăm cá nhân". Only before a noun of `count_nouns`, and from two up: "một" is as
    /// often "a" as "one" ("là một đơn vị tiêu biểu"); bare "năm" and "tư" are as often "year" and
    /// "fourth"; "thứ hai" is an ordinal.
    static func wordQuantities(_ v: TextView, _ lexicon: Lexicon) -> [Candidate] {
        var out: [Candidate] = []
        let tk = v.tokens
        /// A word of a number written in words ("hai", "mười", "mươi", "trăm").
        func numberWord(_ t: Int) -> Bool {
            tk[t].kind == .word && (VietnameseNumber.unitWords[tk[t].lower] != nil || ["mười", "mươi", "trăm"].contains(tk[t].lower))
        }
        for t in tk.indices where tk[t].kind == .word && numberStarts.contains(tk[t].lowerHash)
            && (VietnameseNumber.unitWords[tk[t].lower] != nil || tk[t].lower == "mười") {
            // Inside a number already read from its first word, or an ordinal.
            if t > 0, numberWord(t - 1) || (tk[t - 1].kind == .word && tk[t - 1].lower == "thứ") { continue }
            // Bare "năm" and "tư" (the commonest) are "year" and "fourth" unless "mươi" or "trăm" follows.
            if tk[t].lower == "năm" || tk[t].lower == "tư", !(t + 1 < tk.count && (tk[t + 1].lower == "mươi" || tk[t + 1].lower == "trăm")) {
                continue
            }
            guard let (n, e) = VietnameseNumber.words(v, at: t), n >= 2, e < tk.count else { continue }
            guard lexicon.countNouns.longest(in: v, at: e) != nil, let (unit, uend) = unitPhrase(v, lexicon, from: e) else { continue }
            var f = Figure(kind: .quantity, text: v.text(tk[t].start, uend), start: tk[t].start, end: uend)
            f.number = Double(n)
            f.unit = unit
            out.append(Candidate(figure: f, priority: quantityPriority))
        }
        return out
    }

    /// "4 đồng hành", "2 đồng chí": "đồng" is the currency only before punctuation, a number, the
    /// end, or a word that starts a new phrase (or after a scale word, checked by the caller).
    static func currencyStandsAlone(_ v: TextView, _ lexicon: Lexicon, _ after: Int) -> Bool {
        let tk = v.tokens
        // Only "đồng" starts compound words; "USD", "VNĐ" are the currency wherever they stand.
        guard tk[after - 1].lower == "đồng" else { return true }
        guard after < tk.count, tk[after].kind == .word else { return true }
        return lexicon.afterCurrency.contains(tk[after].lower)
    }

    /// Numbers that are names, ordinals, list markers, phone numbers or times.
    static func excluded(_ v: TextView, _ lexicon: Lexicon, _ t: Int) -> Bool {
        let tk = v.tokens
        let s = v.scalars
        let tok = tk[t]
        // Time of day "07:37", ISO "9001: 2008", codes "a:b".
        if t + 1 < tk.count, tk[t + 1].key == ":" || tk[t + 1].key == "h" && tk[t + 1].start == tok.end { return true }
        if t > 0, tk[t - 1].key == ":" && t > 1 && tk[t - 2].kind == .number { return true }
        // Phone numbers: a leading zero and many digits.
        let digits = s[tok.start..<tok.end].filter { TextView.isDigit($0) }.count
        if s[tok.start] == "0" && digits >= 8 { return true }
        // List markers: "(1)" or "1." at the start of a line or sentence.
        if t > 0, tk[t - 1].key == "(", t + 1 < tk.count, tk[t + 1].key == ")" { return true }
        if t + 1 < tk.count, tk[t + 1].key == "." || tk[t + 1].key == ")", tk[t + 1].start == tok.end,
           tok.start == 0 || s[tok.start - 1] == "\n" { return true }
        // A word before it that makes it a name or an ordinal ("số 2", "lần thứ 3", "Hội trường 19/5").
        for back in 1...2 where t - back >= 0 {
            if let (end, _) = lexicon.notQuantityBefore.longest(in: v, at: t - back), end == t {
                // "tổng số 82 tập thể" is a count, "Cụm thi đua số 2" a name.
                if tk[t - 1].lower == "số", t >= 2, tk[t - 2].lower == "tổng" { return false }
                return true
            }
        }
        return false
    }

    /// The unit noun phrase starting at token `u`: an upper-case abbreviation ("PTTĐ"), or words up
    /// to a function word or punctuation (at most four), with ", " lists of units ("tập thể, cá
    /// nhân") and "/x" ("tiêu chí/xã"). Nil when what follows is not a noun.
    static func unitPhrase(_ v: TextView, _ lexicon: Lexicon, from u: Int) -> (String, Int)? {
        let tk = v.tokens
        guard u < tk.count, tk[u].kind == .word, u == 0 || v.onlySpaces(tk[u - 1].end, tk[u].start) else { return nil }
        // "tăng 1,8 lần", "gấp 3 lần": a multiple (not "lần thứ", an ordinal).
        if tk[u].lower == "lần", !(u + 1 < tk.count && tk[u + 1].lower == "thứ") { return ("lần", tk[u].end) }
        // "110 năm thành lập", "5 năm liền": years are the unit ("2 năm học" is school years).
        if tk[u].lower == "năm", !(u + 1 < tk.count && tk[u + 1].lower == "học") { return ("năm", tk[u].end) }
        // "trong 2 ngày", "2 ngày 17-18/7": a duration in days.
        if tk[u].lower == "ngày" { return ("ngày", tk[u].end) }
        if lexicon.notUnits.contains(tk[u].lower) { return nil }
        // "70 năm" is a duration; "năm 2018" after a number is not its unit.
        if tk[u].lower == "năm", u + 1 < tk.count, tk[u + 1].kind == .number { return nil }
        if tk[u].isUpper {
            return (v.lowerText(tk[u].start, tk[u].end), tk[u].end)
        }
        // An address, not a count: "428 Đường Nguyễn Huệ", "121 Trần Phú", "45 đường Lê Lợi".
        func capitalized(_ t: Int) -> Bool { t < tk.count && tk[t].kind == .word && Tokenizer.isUpper(v.scalars[tk[t].start]) }
        if u + 1 < tk.count, v.onlySpaces(tk[u].end, tk[u + 1].start),
           capitalized(u) && capitalized(u + 1) || (Self.streetWords.contains(tk[u].lower) && (capitalized(u + 1) || tk[u + 1].kind == .number)) {
            return nil
        }
        // Proper nouns are not units ("12 Chương trình" still is: a capital after a number is rare but real).
        var end = u
        var words = 0
        // A capital after the first word starts a name: "30 cổ phiếu Việt Nam", "3 xã Tân Hiệp".
        while end < tk.count, tk[end].kind == .word, words < 4, !tk[end].isUpper, end == u || !capitalized(end),
              end == u || (!lexicon.notUnits.contains(tk[end].lower) && !lexicon.stopWords.contains(tk[end].lower)),
              end == u || v.onlySpaces(tk[end - 1].end, tk[end].start) {
            end += 1
            words += 1
        }
        // "tiêu chí/xã"
        if end + 1 < tk.count, tk[end].key == "/", tk[end].start == tk[end - 1].end, tk[end + 1].kind == .word { end += 2 }
        // "tập thể, cá nhân", "xã, phường, thị trấn"
        while end + 1 < tk.count, tk[end].key == ",", let (after, _) = lexicon.recipients.longest(in: v, at: end + 1) ?? listNoun(v, end + 1) {
            end = after
        }
        guard end > u else { return nil }
        return (v.lowerText(tk[u].start, tk[end - 1].end), tk[end - 1].end)
    }

    /// Words that name a street when a name or a number follows them.
    static let streetWords: Set<String> = ["đường", "phố", "ngõ", "ngách", "hẻm", "kiệt"]

    static let listNouns: [[String]] = [["phuong"], ["thi", "tran"], ["thi", "xa"], ["truong", "hoc"], ["giai", "phap"], ["huyen"], ["xa"], ["thanh", "pho"]]
    static func listNoun(_ v: TextView, _ t: Int) -> (Int, String)? {
        for n in listNouns { if let e = v.match(n, at: t) { return (e, "") } }
        return nil
    }
}
