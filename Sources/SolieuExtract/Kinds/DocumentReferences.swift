/// Document references: "Quyết định số 32/QĐ-UBND ngày 17/01/2017", "Nghị định số 91/2017/NĐ-CP",
/// "Chỉ thị số 19-CT/TU", "Chỉ thị 26/CT-TTg ngày 05/9/2016", "Quyết định số 11 ngày 11/02/2015".
enum DocumentReferences {
    static let priority = 100

    static func candidates(_ v: TextView, _ lexicon: Lexicon) -> [Candidate] {
        var out: [Candidate] = []
        let tk = v.tokens
        var t = 0
        while t < tk.count {
            guard let (afterType, type) = lexicon.documentTypes.longest(in: v, at: t) else {
                // Checked here first: a Figure? returned for every token costs a large zeroed copy.
                if tk[t].keyHash == soKey, let f = numberedHeader(v, lexicon, at: t) {
                    out.append(Candidate(figure: f, priority: priority))
                    t = v.tokenIndex(atOrAfter: f.end)
                } else {
                    t += 1
                }
                continue
            }
            var u = afterType
            var hasSo = false
            if u < tk.count, tk[u].key == "so" { hasSo = true; u += 1 }
            guard u < tk.count, tk[u].kind == .number, let (code, codeEnd) = readCode(v, from: tk[u].start) else { t += 1; continue }
            // "các Quyết định số 543, 544, 545/QĐ-CTN": numbers sharing the last one's code.
            if hasSo, let shared = sharedCode(v, from: u), shared.count >= 2 {
                // "… 545/QĐ-CTN ngày 5/7/2012": the date of them all, inside the last.
                let dated = dateAfter(v, v.tokenIndex(atOrAfter: shared.last!.end))
                for (k, n) in shared.enumerated() {
                    let start = k == 0 ? tk[t].start : tk[n.token].start
                    let end = k == shared.count - 1 ? dated?.1 ?? n.end : n.end
                    var f = Figure(kind: .docref, text: v.text(start, end), start: start, end: end)
                    f.docNumber = n.number
                    f.docType = type
                    f.docDate = dated?.0
                    f.issuer = n.number.split(whereSeparator: { $0 == "-" || $0 == "/" }).last.map(String.init)
                    out.append(Candidate(figure: f, priority: priority))
                }
                t = v.tokenIndex(atOrAfter: dated?.1 ?? shared.last!.end)
                continue
            }
            let hasLetters = code.unicodeScalars.contains { TextView.isLetter($0) }
            guard hasLetters || hasSo else { t += 1; continue }
            var end = codeEnd
            var date: String?
            // "ngày 17/01/2017" right after.
            let n = v.tokenIndex(atOrAfter: codeEnd)
            if let (d, e) = dateAfter(v, n) {
                date = d
                end = e
            }
            var f = Figure(kind: .docref, text: v.text(tk[t].start, end), start: tk[t].start, end: end)
            f.docNumber = code
            f.docType = type
            f.docDate = date
            if hasLetters, let last = code.split(whereSeparator: { $0 == "-" || $0 == "/" }).last,
               last.unicodeScalars.contains(where: { TextView.isLetter($0) }) {
                f.issuer = String(last)
            }
            out.append(Candidate(figure: f, priority: priority))
            t = v.tokenIndex(atOrAfter: end)
        }
        return out
    }

    /// Bare numbers joined by "," / "và", the last with a code ("543, 544, 545/QĐ-CTN"): each
    /// with that code, and the span of its own number.
    static func sharedCode(_ v: TextView, from u: Int) -> [(token: Int, number: String, end: Int)]? {
        let tk = v.tokens
        var bare: [Int] = []
        var k = u
        while k + 1 < tk.count, tk[k].kind == .number, tk[k + 1].key == "," || tk[k + 1].key == "va", tk[k].end == tk[k + 1].start || tk[k + 1].key == "va",
              v.scalars[tk[k].start..<tk[k].end].allSatisfy(TextView.isDigit) {
            bare.append(k)
            k += 2
            if k < tk.count, tk[k].key == "va" { k += 1 }
        }
        guard !bare.isEmpty, k < tk.count, tk[k].kind == .number, let (code, end) = readCode(v, from: tk[k].start),
              let slash = code.firstIndex(where: { $0 == "/" || $0 == "-" }) else { return nil }
        let suffix = code[slash...]
        guard suffix.unicodeScalars.contains(where: { TextView.isLetter($0) }) else { return nil }
        return bare.map { (token: $0, number: v.text(tk[$0].start, tk[$0].end) + suffix, end: tk[$0].end) } + [(token: k, number: code, end: end)]
    }

    /// "ngày 17/01/2017" or "NGÀY 12 THÁNG 3 NĂM 2022" at token n: (ISO date, scalar end).
    static func dateAfter(_ v: TextView, _ n: Int) -> (String, Int)? {
        let tk = v.tokens
        guard n + 1 < tk.count, tk[n].key == "ngay" else { return nil }
        if let day = DatesAndPeriods.numericDate(v, tk[n + 1].start), let y = day.y { return (DatesAndPeriods.iso(y, day.m, day.d), day.end) }
        if n + 5 < tk.count, tk[n + 2].key == "thang", tk[n + 4].key == "nam", let d = DatesAndPeriods.int(tk[n + 1]),
           let m = DatesAndPeriods.int(tk[n + 3]), let y = DatesAndPeriods.int(tk[n + 5]), DatesAndPeriods.valid(y, m, d) {
            return (DatesAndPeriods.iso(y, m, d), tk[n + 5].end)
        }
        return nil
    }

    static let soKey = TextView.fingerprint("so")

    /// The number line of an official document, "Số: 217/KH-UBND" (Nghị định 30/2020/NĐ-CP):
    /// a docref whose type is read from the code ("KH" → "Kế hoạch").
    static func numberedHeader(_ v: TextView, _ lexicon: Lexicon, at t: Int) -> Figure? {
        let tk = v.tokens
        guard t + 2 < tk.count, tk[t].keyHash == soKey, tk[t].key == "so", tk[t + 1].key == ":", tk[t + 2].kind == .number,
              t == 0 || v.lineBreak(tk[t - 1].end, tk[t].start) || tk[t - 1].kind == .punct,
              let (code, codeEnd) = readCode(v, from: tk[t + 2].start) else { return nil }
        let parts = code.split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init)
        guard let type = parts.dropFirst().lazy.compactMap({ lexicon.typeByCode[$0] }).first else { return nil }
        var end = codeEnd
        var f = Figure(kind: .docref, text: "", start: tk[t].start, end: end)
        if let (d, e) = dateAfter(v, v.tokenIndex(atOrAfter: codeEnd)) { f.docDate = d; end = e }
        f.text = v.text(tk[t].start, end)
        f.end = end
        f.docNumber = code
        f.docType = type
        if let last = parts.last, last.unicodeScalars.contains(where: { TextView.isLetter($0) }), parts.count > 2 { f.issuer = last }
        return f
    }

    /// "32/QĐ-UBND", "91/2017/NĐ-CP", "19-CT/TU", "11": digits, then /- separated parts.
    static func readCode(_ v: TextView, from start: Int) -> (String, Int)? {
        let s = v.scalars
        var j = start
        while j < s.count, TextView.isDigit(s[j]) { j += 1 }
        guard j > start else { return nil }
        while j + 1 < s.count, s[j] == "/" || s[j] == "-", TextView.isLetter(s[j + 1]) || TextView.isDigit(s[j + 1]) {
            j += 1
            while j < s.count, TextView.isLetter(s[j]) || TextView.isDigit(s[j]) || (s[j] == "." && j + 1 < s.count && TextView.isLetter(s[j + 1])) { j += 1 }
        }
        // A date is not a code ("17/01/2017" after a type word without "số").
        let code = v.text(start, j)
        if DatesAndPeriods.numericDate(v, start).map({ $0.end == j }) == true { return nil }
        return (code, j)
    }
}
