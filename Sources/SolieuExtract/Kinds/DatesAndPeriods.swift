import Foundation

/// Dates ("17/01/2017", "18.07.2018", "21-3-2019", "ngày 26 tháng 10 năm 2020", "ngày 13/9") and
/// periods (month "tháng 6/2019", quarter "quý III/2020", half-year "6 tháng đầu năm 2018",
/// nine months "9 tháng năm 2020", year "năm 2017", intervals "giai đoạn 2016-2020",
/// "nhiệm kỳ 2020 - 2025", "từ tháng 6/2019 đến 30/6/2020", "(11/6/1948-11/6/2018)", "(8/1947 – 5/1949)").
enum DatesAndPeriods {
    static let datePriority = 80
    static let periodPriority = 70
    static let intervalPriority = 90

    struct Day { var y: Int?; var m: Int; var d: Int; var start: Int; var end: Int }

    static func candidates(_ v: TextView) -> [Candidate] {
        var out: [Candidate] = []
        let s = v.scalars
        // Numeric dates and date intervals.
        var days: [Day] = []
        var i = 0
        while i < s.count {
            if TextView.isDigit(s[i]), i == 0 || !(TextView.isDigit(s[i - 1]) || s[i - 1] == "/" || s[i - 1] == "." || s[i - 1] == ","),
               let day = numericDate(v, i) {
                days.append(day)
                i = day.end
            } else { i += 1 }
        }
        for day in days {
            guard let y = day.y else { continue }
            var f = Figure(kind: .date, text: v.text(day.start, day.end), start: day.start, end: day.end)
            f.calendar = iso(y, day.m, day.d)
            out.append(Candidate(figure: f, priority: datePriority))
        }
        // "ngày 13/9", "sáng 25-11", "ngày 3.9" without a year: the year comes from context.
        for t in v.tokens.indices where t + 1 < v.tokens.count && v.tokens[t + 1].kind == .number && (v.tokens[t].kind == .word
            && dayLeadKeys.contains(v.tokens[t].keyHash) && dayLeads.contains(v.tokens[t].lower)
            // "Hôm nay (27/7)", "Chiều nay (24/7)"
            || v.tokens[t].key == "(" && t > 0 && v.tokens[t - 1].lower == "nay") {
            let start = v.tokens[t + 1].start
            guard v.tokens[t + 1].kind == .number, let day = days.first(where: { $0.start == start }) ?? numericDate(v, start, yearless: true),
                  day.y == nil else { continue }
            var f = Figure(kind: .date, text: v.text(day.start, day.end), start: day.start, end: day.end)
            f.calendar = "????-" + two(day.m) + "-" + two(day.d)
            f.inferred = true
            out.append(Candidate(figure: f, priority: datePriority - 1))
        }
        // Interval of two dates: "11/6/1948-11/6/2018".
        for (a, b) in zip(days, days.dropFirst()) {
            guard let ya = a.y, let yb = b.y, b.start - a.end <= 3 else { continue }
            let between = v.text(a.end, b.start).trimmingCharacters(in: .whitespaces)
            guard between == "-" || between == "–" else { continue }
            var f = Figure(kind: .period, text: v.text(a.start, b.end), start: a.start, end: b.end)
            f.calendar = iso(ya, a.m, a.d) + "/" + iso(yb, b.m, b.d)
            out.append(Candidate(figure: f, priority: intervalPriority))
        }
        // Word-led forms.
        let tk = v.tokens
        for t in tk.indices {
            // Every form below starts with a number or one of a few words: skip the rest at once.
            guard tk[t].kind == .number || wordLeads.contains(tk[t].keyHash) else { continue }
            let key = tk[t].key
            // ngày D tháng M năm Y
            if key == "ngay", t + 5 < tk.count, tk[t + 2].key == "thang", tk[t + 4].key == "nam",
               let d = int(tk[t + 1]), let m = int(tk[t + 3]), let y = int(tk[t + 5]), valid(y, m, d) {
                var f = Figure(kind: .date, text: v.text(tk[t].start, tk[t + 5].end), start: tk[t].start, end: tk[t + 5].end)
                f.calendar = iso(y, m, d)
                out.append(Candidate(figure: f, priority: datePriority + 1))
            }
            // ngày D tháng M (year from context)
            if key == "ngay", t + 3 < tk.count, tk[t + 2].key == "thang", let d = int(tk[t + 1]), let m = int(tk[t + 3]),
               (1...12).contains(m), (1...31).contains(d), !(t + 5 < tk.count && tk[t + 4].key == "nam" && tk[t + 5].kind == .number),
               !(t + 4 < tk.count && tk[t + 4].key == "/") {
                var f = Figure(kind: .date, text: v.text(tk[t].start, tk[t + 3].end), start: tk[t].start, end: tk[t + 3].end)
                f.calendar = "????-" + two(m) + "-" + two(d)
                f.inferred = true
                out.append(Candidate(figure: f, priority: datePriority))
            }
            // tháng M/YYYY, tháng M năm YYYY, tháng M (year from context)
            if key == "thang", t + 1 < tk.count, tk[t + 1].kind == .number, let m = int(tk[t + 1]), (1...12).contains(m),
               t == 0 || tk[t - 1].kind != .number {
                var end = tk[t + 1].end
                var year: Int?
                if t + 3 < tk.count, tk[t + 2].key == "/", let y = int(tk[t + 3]), isYear(y), v.onlySpaces(tk[t + 1].end, tk[t + 2].start) {
                    year = y; end = tk[t + 3].end
                } else if t + 3 < tk.count, tk[t + 2].key == "nam", let y = int(tk[t + 3]), isYear(y) {
                    year = y; end = tk[t + 3].end
                }
                if let year {
                    var f = Figure(kind: .period, text: v.text(tk[t].start, end), start: tk[t].start, end: end)
                    f.calendar = "\(year)-" + two(m)
                    // "tháng 6/2019 đến 30/6/2020": one interval.
                    let after = v.tokenIndex(atOrAfter: end)
                    if after + 1 < tk.count, tk[after].key == "den",
                       let day = days.first(where: { $0.start == tk[after + 1].start }), let yb = day.y {
                        f = Figure(kind: .period, text: v.text(tk[t].start, day.end), start: tk[t].start, end: day.end)
                        f.calendar = "\(year)-" + two(m) + "/" + iso(yb, day.m, day.d)
                        out.append(Candidate(figure: f, priority: intervalPriority))
                    } else {
                        out.append(Candidate(figure: f, priority: periodPriority + 5))
                    }
                } else if !(t + 3 < tk.count && ["/", "-", "–", "."].contains(tk[t + 2].key) && tk[t + 3].kind == .number),
                          !(t > 0 && tk[t - 1].kind == .number) {
                    // "tháng 10": the month of the year the text is about.
                    var f = Figure(kind: .period, text: v.text(tk[t].start, tk[t + 1].end), start: tk[t].start, end: tk[t + 1].end)
                    f.calendar = "????-" + two(m)
                    f.inferred = true
                    out.append(Candidate(figure: f, priority: periodPriority + 4))
                }
            }
            // quý III/2020, quý 3 năm 2020
            if key == "quy", t + 1 < tk.count {
                let q = int(tk[t + 1]) ?? VietnameseNumber.roman(tk[t + 1].key)
                if let q, (1...4).contains(q) {
                    var end = tk[t + 1].end
                    var year: Int?
                    if t + 3 < tk.count, tk[t + 2].key == "/" || tk[t + 2].key == "nam", let y = int(tk[t + 3]), isYear(y) {
                        year = y; end = tk[t + 3].end
                    }
                    var f = Figure(kind: .period, text: v.text(tk[t].start, end), start: tk[t].start, end: end)
                    f.calendar = (year.map(String.init) ?? "????") + "-Q\(q)"
                    f.inferred = year == nil
                    out.append(Candidate(figure: f, priority: periodPriority + 5))
                }
            }
            // N tháng đầu/cuối năm [YYYY]
            if tk[t].kind == .number, let n = int(tk[t]), (1...12).contains(n), t + 1 < tk.count, tk[t + 1].key == "thang" {
                var u = t + 2
                var part = ""
                if u < tk.count, tk[u].key == "dau" || tk[u].key == "cuoi" { part = tk[u].key; u += 1 }
                guard u < tk.count, tk[u].key == "nam" else {
                    // "Lũy kế 9 tháng", "tính chung 7 tháng", "9 tháng qua": the months so far of the year.
                    let led = t >= 2 && (v.match(["lũy", "kế"], at: t - 2, exact: true) != nil || v.match(["tính", "chung"], at: t - 2, exact: true) != nil)
                    let past = u < tk.count && tk[u].lower == "qua"
                    if part.isEmpty, led || past {
                        let end = past ? tk[u].end : tk[t + 1].end
                        var f = Figure(kind: .period, text: v.text(tk[t].start, end), start: tk[t].start, end: end)
                        f.calendar = n == 6 ? "????-H1" : n == 3 ? "????-Q1" : "????-01/????-" + two(n)
                        f.inferred = true
                        out.append(Candidate(figure: f, priority: periodPriority + 6))
                    }
                    continue
                }
                var end = tk[u].end
                var year: Int?
                if u + 1 < tk.count, let y = int(tk[u + 1]), isYear(y), tk[u + 1].kind == .number { year = y; end = tk[u + 1].end }
                let y = year.map(String.init) ?? "????"
                let value: String
                switch (n, part) {
                case (6, "cuoi"): value = "\(y)-H2"
                case (6, _): value = "\(y)-H1"
                case (3, "cuoi"): value = "\(y)-Q4"
                case (3, _): value = "\(y)-Q1"
                case (_, "cuoi"): value = "\(y)-" + two(13 - n) + "/\(y)-12"
                default: value = "\(y)-01/\(y)-" + two(n)
                }
                var f = Figure(kind: .period, text: v.text(tk[t].start, end), start: tk[t].start, end: end)
                f.calendar = value
                f.inferred = year == nil
                out.append(Candidate(figure: f, priority: periodPriority + 6))
            }
            // năm YYYY, năm YYYY-YYYY
            if key == "nam", t + 1 < tk.count, tk[t + 1].kind == .number, let y = int(tk[t + 1]), isYear(y),
               tk[t + 1].end - tk[t + 1].start == 4 {
                var f = Figure(kind: .period, text: v.text(tk[t].start, tk[t + 1].end), start: tk[t].start, end: tk[t + 1].end)
                f.calendar = "\(y)"
                if let (y2, end) = yearRange(v, t + 1) {
                    f = Figure(kind: .period, text: v.text(tk[t].start, end), start: tk[t].start, end: end)
                    f.calendar = "\(y)/\(y2)"
                }
                out.append(Candidate(figure: f, priority: periodPriority))
            }
            // "2016-2017", "(2015 – 2020)": two years joined by a dash are an interval.
            if tk[t].kind == .number, tk[t].end - tk[t].start == 4, let y = int(tk[t]), isYear(y), let (y2, end) = yearRange(v, t),
               t == 0 || !["/", "-", "–", "."].contains(tk[t - 1].key) || tk[t - 1].end < tk[t].start {
                var f = Figure(kind: .period, text: v.text(tk[t].start, end), start: tk[t].start, end: end)
                f.calendar = "\(y)/\(y2)"
                out.append(Candidate(figure: f, priority: periodPriority - 1))
            }
            // "kế hoạch 2023", "giá so sánh 2010", "dự toán 2024": a year named by what it qualifies.
            if tk[t].kind == .number, tk[t].end - tk[t].start == 4, let y = int(tk[t]), isYear(y), t >= 1,
               t + 1 >= tk.count || !["/", "-", "–"].contains(tk[t + 1].key),
               Self.yearLeads.contains(where: { t - $0.count >= 0 && v.match($0, at: t - $0.count, exact: true) != nil }) {
                var f = Figure(kind: .period, text: v.text(tk[t].start, tk[t].end), start: tk[t].start, end: tk[t].end)
                f.calendar = "\(y)"
                out.append(Candidate(figure: f, priority: periodPriority - 2))
            }
            // "(từ) năm 2009 đến (hết) năm 2013"
            if key == "nam", t + 3 < tk.count, let y = int(tk[t + 1]), isYear(y), tk[t + 1].end - tk[t + 1].start == 4, tk[t + 2].key == "den" {
                var k = t + 3
                if k < tk.count, tk[k].key == "het" { k += 1 }
                if k < tk.count, tk[k].key == "nam" { k += 1 }
                if k < tk.count, let y2 = int(tk[k]), isYear(y2), y2 > y, tk[k].end - tk[k].start == 4 {
                    let start = t > 0 && tk[t - 1].key == "tu" ? tk[t - 1].start : tk[t].start
                    var f = Figure(kind: .period, text: v.text(start, tk[k].end), start: start, end: tk[k].end)
                    f.calendar = "\(y)/\(y2)"
                    out.append(Candidate(figure: f, priority: intervalPriority))
                }
            }
            // "(từ) ngày 7/9 đến (hết) ngày 8/9/2015": the first day takes the second's year.
            if key == "ngay", t + 3 < tk.count, let a = days.first(where: { $0.start == tk[t + 1].start }), a.y == nil {
                var k = v.tokenIndex(atOrAfter: a.end)
                if k < tk.count, tk[k].key == "den" {
                    k += 1
                    if k < tk.count, tk[k].key == "het" { k += 1 }
                    if k < tk.count, tk[k].key == "ngay" { k += 1 }
                    if k < tk.count, let b = days.first(where: { $0.start == tk[k].start }), let y = b.y, valid(y, a.m, a.d),
                       iso(y, a.m, a.d) < iso(y, b.m, b.d) {
                        let start = t > 0 && tk[t - 1].key == "tu" ? tk[t - 1].start : tk[t].start
                        var f = Figure(kind: .period, text: v.text(start, b.end), start: start, end: b.end)
                        f.calendar = iso(y, a.m, a.d) + "/" + iso(y, b.m, b.d)
                        out.append(Candidate(figure: f, priority: intervalPriority))
                    }
                }
            }
            // "17-18/7/2020", "17 - 18/7/2020": days of one month.
            if tk[t].kind == .number, let d1 = int(tk[t]), (1...31).contains(d1), t + 2 < tk.count, tk[t + 1].key == "-" || tk[t + 1].key == "–",
               t == 0 || tk[t - 1].key != "/", let day = days.first(where: { $0.start == tk[t + 2].start }), let y = day.y, d1 < day.d,
               valid(y, day.m, d1) {
                var f = Figure(kind: .period, text: v.text(tk[t].start, day.end), start: tk[t].start, end: day.end)
                f.calendar = iso(y, day.m, d1) + "/" + iso(y, day.m, day.d)
                out.append(Candidate(figure: f, priority: intervalPriority))
            }
            // "(8/1947 – 5/1949)", "tháng 3/2019 - 9/2019": two months joined by a dash (a term of
            // office, a campaign). Not a day's month and year ("11/8/1947"), nor a date after.
            if let (m1, y1, e1) = monthYear(v, t), t == 0 || !(tk[t - 1].key == "/" && tk[t - 1].end == tk[t].start),
               e1 + 1 < tk.count, tk[e1 + 1].key == "-" || tk[e1 + 1].key == "–" {
                var second = e1 + 2
                if second < tk.count, tk[second].key == "thang" { second += 1 }
                if second < tk.count, let (m2, y2, e2) = monthYear(v, second), (y1, m1) < (y2, m2),
                   !(e2 + 1 < tk.count && tk[e2 + 1].key == "/" && tk[e2 + 1].start == tk[e2].end) {
                    let start = t > 0 && tk[t - 1].key == "thang" ? tk[t - 1].start : tk[t].start
                    var f = Figure(kind: .period, text: v.text(start, tk[e2].end), start: start, end: tk[e2].end)
                    f.calendar = "\(y1)-" + two(m1) + "/\(y2)-" + two(m2)
                    out.append(Candidate(figure: f, priority: intervalPriority))
                }
            }
            // giai đoạn / nhiệm kỳ / thời kỳ YYYY - YYYY
            for lead in intervalLeads where lead[0] == key {
                guard let after = v.match(lead, at: t), after < tk.count, tk[after].kind == .number,
                      let y = int(tk[after]), isYear(y), let (y2, end) = yearRange(v, after) else { continue }
                var f = Figure(kind: .period, text: v.text(tk[t].start, end), start: tk[t].start, end: end)
                f.calendar = "\(y)/\(y2)"
                out.append(Candidate(figure: f, priority: intervalPriority))
            }
        }
        return out
    }

    /// "8/1947" at token `t`, written without spaces: its month, its year and its last token.
    static func monthYear(_ v: TextView, _ t: Int) -> (Int, Int, Int)? {
        let tk = v.tokens
        guard t + 2 < tk.count, tk[t].kind == .number, tk[t + 1].key == "/", tk[t + 1].start == tk[t].end, tk[t + 2].start == tk[t + 1].end,
              tk[t + 2].end - tk[t + 2].start == 4, let m = int(tk[t]), (1...12).contains(m), let y = int(tk[t + 2]), isYear(y) else { return nil }
        return (m, y, t + 2)
    }

    /// Words a bare year stands after ("kế hoạch 2023").
    static let yearLeads: [[String]] = [["kế", "hoạch"], ["dự", "toán"], ["so", "sánh"], ["chỉ", "tiêu"], ["niên", "độ"], ["kh"],
                                        // crop seasons: "vụ xuân 2018", "vụ hè thu 2023"
                                        ["vụ", "xuân"], ["vụ", "mùa"], ["vụ", "đông"], ["vụ", "hè", "thu"], ["vụ", "đông", "xuân"], ["vụ", "thu", "đông"]]

    /// Words a day and month stand after when the year is left out ("ngày 14/8", "sáng 25-11").
    static let dayLeads: Set<String> = ["ngày", "sáng", "chiều", "tối", "trưa", "đêm", "hôm", "khuya"]
    static let dayLeadKeys = KeyFilter(["ngay", "sang", "chieu", "toi", "trua", "dem", "hom", "khuya"])

    /// Words that open an interval: "giai đoạn 2016-2020", "nhiệm kỳ 2020 - 2025".
    static let intervalLeads: [[String]] = [["giai", "doan"], ["nhiem", "ky"], ["thoi", "ky"], ["nien", "khoa"], ["nam", "hoc"]]
    /// The first words of every word-led form in `candidates`.
    static let wordLeads = KeyFilter(["ngay", "thang", "quy", "nam", "tu"] + intervalLeads.map { $0[0] })

    /// "2016-2020", "2020 - 2025" starting at number token `t`.
    static func yearRange(_ v: TextView, _ t: Int) -> (Int, Int)? {
        let tk = v.tokens
        guard t + 2 < tk.count, tk[t + 1].key == "-" || tk[t + 1].key == "–", let y1 = int(tk[t]), let y2 = int(tk[t + 2]),
              isYear(y2), tk[t + 2].end - tk[t + 2].start == 4, y2 > y1, y2 - y1 <= 30 else { return nil }
        return (y2, tk[t + 2].end)
    }

    /// d/m/yyyy, d.m.yyyy, d-m-yyyy (same separator), or d/m, d-m with no year.
    static func numericDate(_ v: TextView, _ i: Int, yearless: Bool = false) -> Day? {
        let s = v.scalars
        func digits(_ p: Int, max: Int) -> (Int, Int)? {
            var j = p
            var value = 0
            while j < s.count, j - p < max, TextView.isDigit(s[j]) { value = value * 10 + Int(s[j].value - 0x30); j += 1 }
            return j > p ? (value, j) : nil
        }
        guard let (d, a) = digits(i, max: 2), a < s.count, a - i <= 2 else { return nil }
        let sep = s[a]
        guard sep == "/" || sep == "." || sep == "-" else { return nil }
        guard let (m, b) = digits(a + 1, max: 2), (1...12).contains(m), (1...31).contains(d) else { return nil }
        if b < s.count, s[b] == sep, let (y, c) = digits(b + 1, max: 4), c - (b + 1) == 4 {
            if c < s.count, TextView.isDigit(s[c]) { return nil }
            guard valid(y, m, d) else { return nil }
            return Day(y: y, m: m, d: d, start: i, end: c)
        }
        // No year: only "/" or "-" and not followed by more digits or a code.
        guard sep != "." || yearless, b >= s.count || !(TextView.isDigit(s[b]) || s[b] == "/" || s[b] == "-" || TextView.isLetter(s[b])) else { return nil }
        return Day(y: nil, m: m, d: d, start: i, end: b)
    }

    /// Years the text leaves out. A day ("ngày 14/8") takes the year of the last full date before
    /// it, else the document's (the year before when that puts it after publication and the
    /// text says it is past: "vừa qua"); a month or part of a year takes the last year stated
    /// before it, else the document's; else the first year stated after.
    static func fillYears(_ figures: inout [Figure], publishedYear: Int?, published: String? = nil, view: TextView? = nil) {
        var explicit: [(Int, Int)] = []  // (position, year)
        var fullDates: [(Int, Int)] = []
        var sameTimeLastYear: Int?
        for f in figures where (f.kind == .date || f.kind == .period || f.kind == .docref) && !f.inferred {
            // "so với cùng kỳ năm 2019", "giá so sánh 2010": a year compared with is not the year the text is about.
            if let view, isComparison(view, before: f.start) {
                // "so với cùng kỳ năm 2012": the text reports on the year after.
                if f.kind == .period, let c = f.calendar, c.count == 4, let y = Int(c), isSamePeriodLastYear(view, before: f.start) { sameTimeLastYear = y }
                continue
            }
            if f.kind == .docref {
                if let d = f.docDate, let y = Int(d.prefix(4)) { fullDates.append((f.start, y)) }
                continue
            }
            if let c = f.calendar, let y = Int(c.prefix(4)) {
                explicit.append((f.start, y))
                if f.kind == .date { fullDates.append((f.start, y)) }
                // "(28/8/1954 - 28/8/2024)": the interval's last day is a full date too.
                if f.kind == .period, c.count == 21, let y2 = Int(c.suffix(10).prefix(4)) { fullDates.append((f.start, y2)); explicit.append((f.start, y2)) }
                // "giai đoạn 2013-2018": the interval's last year is stated too.
                if f.kind == .period, c.count == 9, let y2 = Int(c.suffix(4)) { explicit.append((f.start, y2)) }
            }
        }
        for i in figures.indices where figures[i].inferred {
            guard let c = figures[i].calendar, hasUnknownYear(c) else { continue }
            let isDay = figures[i].kind == .date
            let last = (isDay ? fullDates : explicit).last(where: { $0.0 < figures[i].start })
            // A day takes the year of a full date just before it (the same passage), else the
            // document's, else any full date before it, else the next one.
            let near = isDay ? last.flatMap { figures[i].start - $0.0 <= 250 ? $0.1 : nil } : last?.1
            let before = last?.1
            let after = isDay ? fullDates.first(where: { $0.0 > figures[i].start })?.1 : nil
            // Without a document date, the latest year the text states (not one it compares with)
            // is the year it reports on.
            let latest = explicit.map(\.1).max()
            guard var year = near ?? publishedYear ?? (isDay ? latest : before) ?? after ?? explicit.first?.1 ?? sameTimeLastYear.map({ $0 + 1 }) else { continue }
            if isDay, near == nil, let published, published.count >= 10, let view,
               c.replacingOccurrences(of: "????", with: String(year)) > String(published.prefix(10)),
               saysPast(view, after: figures[i].end) {
                year -= 1
            }
            figures[i].calendar = c.replacingOccurrences(of: "????", with: String(year))
        }
        figures.removeAll { $0.calendar.map(hasUnknownYear) == true }
    }

    /// Whether the words before offset `start` compare ("so với cùng kỳ năm", "giá so sánh").
    static func isComparison(_ v: TextView, before start: Int) -> Bool {
        // Token keys, not a string search: this runs for every date and period.
        let tk = v.tokens
        let t = v.tokenIndex(atOrAfter: start)
        for k in max(0, t - 5)..<t where k + 1 < tk.count {
            let a = tk[k].key, b = tk[k + 1].key
            if a == "so" && (b == "voi" || b == "sanh" || b == "cung") || a == "cung" && b == "ky" { return true }
        }
        return false
    }

    /// "cùng kỳ năm 2012" right before offset `start`.
    static func isSamePeriodLastYear(_ v: TextView, before start: Int) -> Bool {
        let tk = v.tokens
        let t = v.tokenIndex(atOrAfter: start)
        return t >= 2 && tk[t - 2].key == "cung" && tk[t - 1].key == "ky"
    }

    /// "ngày 25/12 vừa qua", "… năm ngoái": the day is in the past.
    static func saysPast(_ v: TextView, after end: Int) -> Bool {
        let window = v.lowerText(end, min(v.scalars.count, end + 24))
        return window.hasPrefix(" vừa qua") || window.hasPrefix(" năm ngoái") || window.hasPrefix(" năm trước") || window.hasPrefix(" vừa rồi")
    }

    /// A calendar value still waiting for its year ("????-06-11"): "?" appears in no other.
    static func hasUnknownYear(_ calendar: String) -> Bool { calendar.utf8.contains(UInt8(ascii: "?")) }

    static func int(_ t: TextView.Token) -> Int? {
        guard t.kind == .number, t.end - t.start <= 4 else { return nil }
        return Int(t.key)
    }
    static func isYear(_ y: Int) -> Bool { (1900...2100).contains(y) }
    static func valid(_ y: Int, _ m: Int, _ d: Int) -> Bool {
        guard isYear(y), (1...12).contains(m), d >= 1 else { return false }
        let days = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return d <= days[m - 1]
    }
    static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    static func iso(_ y: Int, _ m: Int, _ d: Int) -> String { "\(y)-\(two(m))-\(two(d))" }
}
