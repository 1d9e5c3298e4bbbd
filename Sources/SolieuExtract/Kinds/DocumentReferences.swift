/// Document references: "Quyết định số 32/QĐ-UBND ngày 17/01/2017", "Nghị định số 91/2017/NĐ-CP",
/// "Chỉ thị số 19-CT/TU", "Chỉ thị 26/CT-TTg ngày 05/9/2016", "Quyết định số 11 ngày 11/02/2015".
enum DocumentReferences {
    static let priority = 100

    static func candidates(_ v: TextView, _ lexicon: Lexicon) -> [Candidate] {
        var out: [Candidate] = []
        let tk = v.tokens
        var t = 0
        while t < tk.count {
            guard let (afterType, type) = lexicon.documentTypes.longest(in: v, at: t) else { t += 1; continue }
            var u = afterType
            var hasSo = false
            if u < tk.count, tk[u].key == "so" { hasSo = true; u += 1 }
            guard u < tk.count, tk[u].kind == .number, let (code, codeEnd) = readCode(v, from: tk[u].start) else { t += 1; continue }
            let hasLetters = code.unicodeScalars.contains { TextView.isLetter($0) }
            guard hasLetters || hasSo else { t += 1; continue }
            var end = codeEnd
            var date: String?
            // "ngày 17/01/2017" right after.
            let n = v.tokenIndex(atOrAfter: codeEnd)
            if n + 1 < tk.count, tk[n].key == "ngay", let day = DatesAndPeriods.numericDate(v, tk[n + 1].start), let y = day.y {
                date = DatesAndPeriods.iso(y, day.m, day.d)
                end = day.end
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
