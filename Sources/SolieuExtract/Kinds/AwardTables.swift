import SolieuText

/// Award tables, as the article text writes them (`cell | cell` rows): under a header naming the
/// recipients of its columns ("Hình thức | Tập thể | Cá nhân"), a row "Bằng khen của Chủ tịch UBND
/// tỉnh | 73 | 158" gives two awards (73 tập thể, 158 cá nhân), like the same words in prose. A
/// row "Tổng cộng | 120 | 300" gives quantities, each the total of the awards above it in its
/// column (the audit checks the sums).
enum AwardTables {
    struct Cell { var start: Int; var end: Int; var tokens: Range<Int> }

    static let totalLabels: Set<String> = ["tong", "tong cong", "cong", "tong so"]

    static func candidates(_ v: TextView, _ lexicon: Lexicon, _ mentions: [Awards.Mention]) -> [Candidate] {
        var out: [Candidate] = []
        var header: [Int: String] = [:]      // column → recipient
        var columnParts: [Int: [Int]] = [:]  // column → indices in `out` of the awards above
        var incomplete = Set<Int>()          // columns with a number no award was made of
        for row in rows(v) {
            guard let cells = row else {
                header = [:]; columnParts = [:]; incomplete = []
                continue
            }
            let numeric = cells.map { numberCell(v, $0) }
            // A header: recipient nouns in cells, no numbers.
            if numeric.allSatisfy({ $0 == nil }) {
                var found: [Int: String] = [:]
                for (j, c) in cells.enumerated() {
                    for t in c.tokens {
                        if let (end, _) = lexicon.recipients.longest(in: v, at: t), end <= c.tokens.upperBound {
                            found[j] = v.lowerText(v.tokens[t].start, v.tokens[end - 1].end)
                            break
                        }
                    }
                }
                if !found.isEmpty { header = found; columnParts = [:]; incomplete = [] }
                continue
            }
            let label = cells.first { c in numberCell(v, c) == nil && !c.tokens.isEmpty }
            // The total row.
            if let label, totalLabels.contains(v.tokens[label.tokens].map(\.key).joined(separator: " ")) {
                for (j, n) in numeric.enumerated() {
                    // Only a column whose every number above is an award has a total to check.
                    guard let n, let recipient = header[j], let parts = columnParts[j], parts.count >= 2, !incomplete.contains(j) else { continue }
                    let t = cells[j].tokens.lowerBound
                    var f = Figure(kind: .quantity, text: v.text(v.tokens[t].start, v.tokens[t].end), start: v.tokens[t].start, end: v.tokens[t].end)
                    f.number = Double(n)
                    f.unit = recipient
                    out.append(Candidate(figure: f, priority: Awards.totalPriority))
                    for k in parts { out[k].figure.partOf = -(f.start + 1) }
                }
                columnParts = [:]
                incomplete = []
                continue
            }
            // A row naming an award: the first mention inside a text cell.
            guard let cell = label, let m = mentions.first(where: { cell.tokens.contains($0.start) }) else {
                for (j, n) in numeric.enumerated() where n != nil { incomplete.insert(j) }
                continue
            }
            let numbered = numeric.enumerated().filter { $0.element != nil }
            for (j, n) in numbered {
                // "0" in an award table is an empty cell, not an award.
                guard let n, n > 0 else { continue }
                let recipient = header[j] ?? (numbered.count == 1 && header.isEmpty ? m.entry.defaultRecipient : nil)
                guard header[j] != nil || recipient != nil else { continue }
                let t = cells[j].tokens.lowerBound
                var f = Figure(kind: .award, text: v.text(v.tokens[t].start, v.tokens[t].end), start: v.tokens[t].start, end: v.tokens[t].end)
                Awards.fill(&f, m, count: n, recipient: recipient)
                columnParts[j, default: []].append(out.count)
                out.append(Candidate(figure: f, priority: Awards.priority))
            }
        }
        return out
    }

    /// The lines of the text as table rows: cells for a line with " | ", nil for any other line
    /// that is not blank.
    static func rows(_ v: TextView) -> [[Cell]?] {
        let s = v.scalars
        var out: [[Cell]?] = []
        var lineStart = 0
        var i = 0
        var t = 0  // first token at or after the line start
        let tk = v.tokens
        while lineStart < s.count {
            i = lineStart
            while i < s.count, s[i] != "\n" { i += 1 }
            let lineEnd = i
            var bars: [Int] = []
            for k in lineStart..<lineEnd where s[k] == "|" { bars.append(k) }
            if bars.isEmpty {
                // A blank line between rows (text input puts one after every line) is not the end.
                if (lineStart..<lineEnd).contains(where: { !Tokenizer.isSpace(s[$0]) }) { out.append(nil) }
            } else {
                var cells: [Cell] = []
                var a = lineStart
                for b in bars + [lineEnd] {
                    while t < tk.count, tk[t].start < a { t += 1 }
                    var u = t
                    while u < tk.count, tk[u].end <= b { u += 1 }
                    cells.append(Cell(start: a, end: b, tokens: t..<u))
                    t = u
                    a = b + 1
                }
                out.append(cells)
            }
            lineStart = lineEnd + 1
        }
        return out
    }

    /// A cell holding one whole number and nothing else.
    static func numberCell(_ v: TextView, _ c: Cell) -> Int? {
        guard c.tokens.count == 1 else { return nil }
        let tok = v.tokens[c.tokens.lowerBound]
        guard tok.kind == .number, let n = VietnameseNumber.parse(v.scalars[tok.start..<tok.end]), n == n.rounded(), n < 10_000_000 else { return nil }
        return Int(n)
    }
}
