/// What an office document's reader hands on: its paragraphs in reading order (list items with
/// their numbers, table rows as `cell | cell`, footnotes after the body) and the metadata its
/// package states.
struct OfficeText {
    var paragraphs: [String] = []
    var title: String?
    /// ISO 8601 date the package says the document was created ("2024-01-07").
    var created: String?
    /// Set when the text was read from pictures (OCR), with its words' confidences.
    var ocr: OCRReading?
}

/// Collects paragraphs, table cells and rows while a reader walks a document's events. Table
/// cells hold their paragraphs joined by a space; a row of several cells becomes one
/// `cell | cell` paragraph, as tables of HTML pages do, with an empty cell kept in its place
/// ("Bà mẹ Việt Nam anh hùng | | 3": the 3 is under the third column's heading, not the
/// second's) and empty cells at the row's end dropped; a table inside a cell is flattened into
/// that cell.
struct OfficeTextBuilder {
    private(set) var paragraphs: [String] = []
    /// The paragraphs being written (a text box's paragraph opens inside another).
    private var open: [String] = []
    /// Open table rows, innermost last, each with its cells; `cell` is the cell being written.
    private var rows: [[String]] = []
    private var cells: [String?] = []

    var inParagraph: Bool { !open.isEmpty }

    mutating func startParagraph(prefix: String = "") { open.append(prefix) }

    mutating func append(_ text: String) {
        if open.isEmpty { open.append("") }
        open[open.count - 1] += text
    }

    /// A line break inside a paragraph ends a line of the text: what follows is a new paragraph.
    mutating func lineBreak() {
        guard !open.isEmpty else { return }
        let line = open[open.count - 1]
        open[open.count - 1] = ""
        emit(line)
    }

    mutating func endParagraph() {
        guard let p = open.popLast() else { return }
        emit(p)
    }

    mutating func startRow() { rows.append([]); cells.append(nil) }
    mutating func startCell() {
        guard !rows.isEmpty else { return }
        cells[cells.count - 1] = ""
    }
    /// Ends a cell; `span` is how many grid columns it covers (the others are empty cells).
    mutating func endCell(span: Int = 1) {
        guard !rows.isEmpty, let cell = cells[cells.count - 1] else { return }
        rows[rows.count - 1].append(Self.collapse(cell))
        for _ in 1..<max(1, min(span, 64)) { rows[rows.count - 1].append("") }
        cells[cells.count - 1] = nil
    }
    mutating func endRow() {
        guard let row = rows.popLast() else { return }
        cells.removeLast()
        emit(Self.row(row))
    }

    /// Cells as one `cell | cell` line: empty cells kept in their places ("a | | 3") but not
    /// at the end; "" when every cell is empty.
    static func row(_ cells: [String]) -> String {
        var cells = cells
        while let last = cells.last, last.isEmpty { cells.removeLast() }
        var out = ""
        for (i, c) in cells.enumerated() {
            if i > 0 { out += c.isEmpty ? " |" : " | " }
            out += c
        }
        return out
    }

    /// The paragraphs so far, with any left open closed.
    mutating func finish() -> [String] {
        while !open.isEmpty { endParagraph() }
        while !rows.isEmpty { endCell(); endRow() }
        return paragraphs
    }

    private mutating func emit(_ raw: String) {
        let text = Self.collapse(raw)
        guard !text.isEmpty else { return }
        if !cells.isEmpty, let cell = cells[cells.count - 1] {
            cells[cells.count - 1] = cell.isEmpty ? text : cell + " " + text
        } else if !rows.isEmpty {
            // Text in a row outside any cell: a cell of its own.
            rows[rows.count - 1].append(text)
        } else {
            paragraphs.append(text)
        }
    }

    /// Runs of white space as one space, trimmed: the page text's `collapse` (tabs, no-break
    /// and other Unicode spaces; zero-width spaces dropped), with Word's line and paragraph
    /// separators (U+2028, U+2029) as spaces too and byte-order marks dropped. A soft hyphen is
    /// kept: in TCVN3 text read as windows-1252 it is the letter "ư" (byte 0xAD); `OfficeArticle`
    /// drops the ones left once legacy text is converted.
    static func collapse(_ s: String) -> String {
        var t = s
        if t.unicodeScalars.contains(where: { $0.value == 0x2028 || $0.value == 0x2029 || $0.value == 0xFEFF }) {
            t = String(String.UnicodeScalarView(t.unicodeScalars.compactMap { u -> Unicode.Scalar? in
                u.value == 0xFEFF ? nil : u.value == 0x2028 || u.value == 0x2029 ? " " : u
            }))
        }
        return SolieuIngest.collapse(Array(t.utf8))
    }
}

/// List numbers as a word processor prints them.
enum ListNumber {
    /// The number `n` in a DOCX `numFmt` or an ODF `style:num-format` ("1", "a", "A", "i", "I").
    static func format(_ n: Int, _ style: String) -> String {
        switch style {
        case "decimal", "1", "ordinal", "cardinalText", "ordinalText": return String(n)
        case "decimalZero": return n < 10 ? "0\(n)" : String(n)
        case "lowerLetter", "a": return letters(n).lowercased()
        case "upperLetter", "A": return letters(n)
        case "lowerRoman", "i": return roman(n).lowercased()
        case "upperRoman", "I": return roman(n)
        case "none", "": return ""
        default: return String(n)
        }
    }

    /// 1 → A, 26 → Z, 27 → AA (as Word does: the letter repeated).
    static func letters(_ n: Int) -> String {
        guard n > 0 else { return "" }
        let letter = Character(Unicode.Scalar(UInt8(65 + (n - 1) % 26)))
        return String(repeating: letter, count: (n - 1) / 26 + 1)
    }

    static func roman(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return String(n) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n
        var out = ""
        for (v, s) in table { while n >= v { out += s; n -= v } }
        return out
    }

    /// A bullet glyph (often a private-use character of the Symbol or Wingdings font) as the
    /// dash a text bulletin uses.
    static let bullet = "-"
}
