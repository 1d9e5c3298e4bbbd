import SolieuText

/// What a percent states, from the words around it: progress against a plan ("đạt 50,16% kế
/// hoạch", "bằng 102% KH", "đạt 105% dự toán"), a change ("tăng 1,12% so với cùng kỳ", "giảm
/// 2%": the sign kept in `sign`) or a share or rate (anything else: "chiếm 41,5%", "tỷ lệ hộ
/// nghèo còn 3,2%", "giảm còn 3,2%").
enum PercentRoles {
    /// Words after a percent that make it progress against a plan (lower case, diacritics).
    static let planWords: [[String]] = [["kế", "hoạch"], ["kh"], ["dự", "toán"], ["chỉ", "tiêu"], ["mục", "tiêu"], ["nghị", "quyết"], ["nq"]]
    /// Words that may stand between the change verb and its percent ("tăng khoảng 5%").
    static let hedges: Set<String> = ["khoảng", "hơn", "trên", "gần", "xấp", "xỉ", "thêm", "lên", "trưởng", "bình", "quân", "đạt", "ước", "tới", "đến", "là", "được", "mức", "nhẹ", "mạnh"]

    static func attach(_ figures: inout [Figure], view v: TextView) {
        let tk = v.tokens
        for i in figures.indices where figures[i].kind == .percent {
            let f = figures[i]
            // Letters glued to the sign: "115%KH".
            if f.text.uppercased().hasSuffix("KH") { figures[i].role = "plan"; continue }
            // "(-0,36%)", "(+5,2%)": a written sign is a change.
            if f.text.hasPrefix("+") || f.text.hasPrefix("-") || f.text.hasPrefix("−") {
                figures[i].role = "change"
                figures[i].sign = f.text.hasPrefix("+") ? 1 : -1
                continue
            }
            var after = v.tokenIndex(atOrAfter: f.end)
            if after < tk.count, tk[after].lower == "so", after + 1 < tk.count, tk[after + 1].lower == "với" { after += 2 }
            if after < tk.count, tk[after].lower == "so" { after += 1 }
            if planWords.contains(where: { v.match($0, at: after, exact: true) != nil }) {
                figures[i].role = "plan"
                continue
            }
            // Back over hedges to the verb.
            var t = v.tokenIndex(atOrAfter: f.start) - 1
            var steps = 0
            while t >= 0, steps < 3, tk[t].kind == .word, hedges.contains(tk[t].lower) { t -= 1; steps += 1 }
            if t >= 0, tk[t].kind == .word {
                let w = tk[t].lower
                let next = t + 1 < tk.count ? tk[t + 1].lower : ""
                if w == "tăng" || (w == "tăng" && next == "trưởng") { figures[i].role = "change"; figures[i].sign = 1; continue }
                if w == "giảm", next != "còn", next != "xuống" { figures[i].role = "change"; figures[i].sign = -1; continue }
                if w == "trưởng", t > 0, tk[t - 1].lower == "tăng" { figures[i].role = "change"; figures[i].sign = 1; continue }
            }
            // "tốc độ tăng tổng sản phẩm … đạt 7,57%", "tăng trưởng kinh tế đạt 8%": a growth rate.
            var k = v.tokenIndex(atOrAfter: f.start) - 1
            var growth = false
            while k >= 0, f.start - tk[k].start < 90, tk[k].kind == .word || tk[k].key == "(" || tk[k].key == ")" {
                if tk[k].lower == "tăng" && ((k > 0 && tk[k - 1].lower == "độ") || tk[k + 1].lower == "trưởng") { growth = true; break }
                k -= 1
            }
            if growth { figures[i].role = "change"; figures[i].sign = 1; continue }
            figures[i].role = "share"
        }
    }
}
