import CSolieuShim
import Foundation
import SolieuText

/// PDF text layers (poppler, in CSolieuShim) to paragraphs.
///
/// Poppler gives each page's characters in reading order (it finds columns, so a two-column page
/// reads column after column) with their boxes. From them:
/// - lines are poppler's lines, each with its box and its characters' height;
/// - running headers and footers are lines in a page's top or bottom tenth whose text, digits
///   aside, comes back on at least half the pages, and page numbers ("3", "- 3 -", "Trang 3/12")
///   there: they are dropped;
/// - lines are joined into paragraphs while they follow each other down one block at the normal
///   line spacing and the line before reached the block's right edge (or both are centred, as a
///   title over several lines is); a paragraph goes on across a page break when its last line
///   does not end a sentence and the next page starts in lower case;
/// - a word hyphenated at a line's end is rejoined when the next line starts in lower case.
enum PDFText {
    /// PDFs with more pages than this are refused rather than read for minutes.
    static let maximumPages = 2000

    struct Line {
        var text: String
        var x1: Float, y1: Float, x2: Float, y2: Float
        /// The median height of its characters: the line's font size, near enough.
        var height: Float
        var page: Int
        var pageHeight: Float
        /// A table row rebuilt from its cells ("cell | cell"): a paragraph of its own.
        var row = false
    }

    static func read(_ bytes: [UInt8], name: String) throws(IngestError) -> OfficeText {
        // A PDF ends with "%%EOF" (some writers add a few bytes after it). Without it the file
        // was cut short, and poppler would rebuild what it can of it: a partial document.
        guard bytes.suffix(1024).firstRange(of: Array("%%EOF".utf8)) != nil else {
            throw IngestError(file: name, reason: .unreadableDocument(format: "PDF", why: "it is truncated (no %%EOF at its end)"))
        }
        var handle: OpaquePointer?
        var pages: Int32 = 0
        var message = [CChar](repeating: 0, count: 256)
        let rc = bytes.withUnsafeBufferPointer { b in
            solieu_pdf_open(b.baseAddress, b.count, &handle, &pages, &message, message.count)
        }
        guard rc == Int32(SOLIEU_OK), let pdf = handle else {
            let why = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            switch Int(rc) {
            case SOLIEU_ERR_ENCRYPTED:
                throw IngestError(file: name, reason: .unreadableDocument(format: "PDF", why: "it is encrypted (a password is needed to read it)"))
            default:
                throw IngestError(file: name, reason: .unreadableDocument(format: "PDF", why: why.isEmpty ? "poppler cannot read it (damaged?)" : "poppler: \(why)"))
            }
        }
        defer { solieu_pdf_close(pdf) }
        if Int(pages) > maximumPages {
            throw IngestError(file: name, reason: .unreadableDocument(format: "PDF", why: "\(pages) pages is over the \(maximumPages)-page limit"))
        }
        var byPage: [[Line]] = []
        for p in 0..<Int(pages) {
            var out: UnsafeMutablePointer<UInt8>?
            var length = 0
            guard solieu_pdf_page(pdf, Int32(p), &out, &length) == Int32(SOLIEU_OK), let out else {
                throw IngestError(file: name, reason: .unreadableDocument(format: "PDF", why: "page \(p + 1) cannot be read"))
            }
            defer { solieu_free(out) }
            byPage.append(Tables.rebuild(pageLines(UnsafeBufferPointer(start: out, count: length), page: p)))
        }
        // Pages with no text layer are pictures of pages (a scan, or a scanned page among typed
        // ones): they are rendered and read by OCR.
        func hasText(_ page: [Line]) -> Bool { page.contains { $0.text.unicodeScalars.count > 1 } }
        let scanned = byPage.indices.filter { !hasText(byPage[$0]) }
        var ocr: OCRReading?
        if !scanned.isEmpty && (scanned.count == byPage.count || scanned.count * 4 >= byPage.count) {
            let read = try OCR.readScannedPDF(pdf, pages: scanned, name: name)
            for page in read { byPage[page.index] = page.lines }
            ocr = OCRReading(pages: read.count, words: read.flatMap(\.words))
        }
        let lines = byPage.flatMap { $0 }
        guard lines.contains(where: { $0.text.unicodeScalars.count > 1 }) else {
            throw IngestError(file: name, reason: .unreadableDocument(format: "PDF", why: ocr == nil ? "it has no text" : "it has no text layer, and OCR found no text in it"))
        }
        var title: UnsafeMutablePointer<CChar>?
        var created: Int64 = -1
        _ = solieu_pdf_metadata(pdf, &title, &created)
        defer { solieu_free(title) }
        var text = OfficeText(paragraphs: paragraphs(withoutRunningLines(lines, pages: Int(pages))))
        text.ocr = ocr
        if let title {
            let t = OfficeTextBuilder.collapse(String(cString: title))
            text.title = t.isEmpty ? nil : t
        }
        if created > 0 {
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
            f.dateFormat = "yyyy-MM-dd"
            text.created = f.string(from: Date(timeIntervalSince1970: TimeInterval(created)))
        }
        return text
    }

    /// One page's buffer (see `solieu_pdf_page`) as poppler's lines.
    static func pageLines(_ b: UnsafeBufferPointer<UInt8>, page: Int) -> [Line] {
        var i = 0
        func u32() -> UInt32 {
            guard i + 4 <= b.count else { i = b.count; return 0 }
            defer { i += 4 }
            return UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
        }
        func f32() -> Float { Float(bitPattern: u32()) }
        _ = f32()
        let height = f32()
        let n = Int(u32())
        var codes: [UInt32] = []
        var allBoxes: [(Float, Float, Float, Float)] = []
        codes.reserveCapacity(n)
        allBoxes.reserveCapacity(n)
        for _ in 0..<n where i < b.count {
            codes.append(u32())
            allBoxes.append((f32(), f32(), f32(), f32()))
        }
        // Each character's legacy font, if it is set in one (TCVN3's .VnTime, VNI-Times, …).
        var fonts = [LegacyFonts.Font?](repeating: nil, count: codes.count)
        let runs = Int(u32())
        for _ in 0..<runs where i < b.count {
            let first = Int(u32()), last = Int(u32())
            _ = f32()
            guard i + 2 <= b.count else { break }
            let len = Int(b[i]) | Int(b[i + 1]) << 8
            i += 2
            guard i + len <= b.count else { break }
            let name = String(decoding: UnsafeBufferPointer(rebasing: b[i..<(i + len)]), as: UTF8.self)
            i += len
            guard let font = LegacyFonts.font(name), first <= last, first < fonts.count else { continue }
            for k in first...min(last, fonts.count - 1) { fonts[k] = font }
        }
        var lines: [Line] = []
        var scalars = String.UnicodeScalarView()
        var boxes: [(Float, Float, Float, Float)] = []
        var lineFonts: [LegacyFonts.Font?] = []
        func flush() {
            defer { scalars = String.UnicodeScalarView(); boxes.removeAll(keepingCapacity: true); lineFonts.removeAll(keepingCapacity: true) }
            // Runs of characters set in a legacy font are converted, each by its font; in a
            // capitals font (.VnTimeH) the letters are capitals, which TCVN3 codes as lower case.
            var raw = ""
            if lineFonts.contains(where: { $0 != nil }) {
                let chars = Array(scalars)
                var k = 0
                while k < chars.count {
                    let font = lineFonts[k]
                    var j = k
                    // Spaces join the run they stand in.
                    while j < chars.count, lineFonts[j] == font || chars[j] == " " { j += 1 }
                    var run = String(String.UnicodeScalarView(chars[k..<j]))
                    if let font {
                        run = LegacyFonts.convert(run, font.kind)
                        if font.capitals { run = run.uppercased() }
                    }
                    raw += run
                    k = j
                }
            } else {
                raw = String(scalars)
            }
            let text = dashBullet(OfficeTextBuilder.collapse(raw))
            guard !text.isEmpty else { return }
            let ink = zip(scalars, boxes).filter { $0.0 != " " }.map(\.1)
            guard !ink.isEmpty else { return }
            let heights = ink.map { $0.3 - $0.1 }.sorted()
            lines.append(Line(text: text, x1: ink.map(\.0).min()!, y1: ink.map(\.1).min()!, x2: ink.map(\.2).max()!, y2: ink.map(\.3).max()!,
                              height: max(1, heights[heights.count / 2]), page: page, pageHeight: height))
        }
        // Poppler runs the cells of a table row into one line, without a space between them
        // ("Tập thểCá nhân", "64143"): a gap wider than a character's height splits the line.
        // A space between the two (a justified line's wide spacing) allows a wider gap.
        var lastInk: (Float, Float, Float, Float)?
        var spaced = false
        for (k, cp) in codes.enumerated() {
            let box = allBoxes[k]
            if cp == 0x0A || cp == 0x0D { flush(); lastInk = nil; continue }
            guard let u = Unicode.Scalar(cp) else { continue }
            if u != " ", let prev = lastInk {
                let h = max(box.3 - box.1, prev.3 - prev.1, 1)
                let sameLine = box.1 < prev.3 && box.3 > prev.1
                if sameLine && box.0 - prev.2 > (spaced ? 3 * h : h) { flush() }
            }
            scalars.append(u)
            boxes.append(box)
            lineFonts.append(fonts[k])
            if u == " " { spaced = true } else { lastInk = box; spaced = false }
        }
        flush()
        return lines
    }

    /// "3", "- 3 -", "Trang 3", "3/12": a page number.
    static func isPageNumber(_ s: String) -> Bool {
        var t = VietnameseFold.searchKey(s).trimmingCharacters(in: CharacterSet(charactersIn: " -–—."))
        if t.hasPrefix("trang ") { t.removeFirst(6) }
        let parts = t.split(separator: "/", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        return !t.isEmpty && parts.count <= 2 && parts.allSatisfy { !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isNumber) }
    }

    /// The lines without running headers and footers and page numbers.
    static func withoutRunningLines(_ lines: [Line], pages: Int) -> [Line] {
        func zone(_ l: Line) -> Int? {
            if l.y2 <= l.pageHeight * 0.1 { return 0 }
            if l.y1 >= l.pageHeight * 0.9 { return 1 }
            return nil
        }
        func key(_ l: Line) -> String {
            String(VietnameseFold.searchKey(l.text).map { $0.isNumber ? "#" : $0 })
        }
        var pagesWith: [String: Set<Int>] = [:]
        for l in lines { if let z = zone(l) { pagesWith["\(z) \(key(l))", default: []].insert(l.page) } }
        let repeated = max(2, (pages + 1) / 2)
        return lines.filter { l in
            guard let z = zone(l) else { return true }
            if isPageNumber(l.text) { return false }
            return pages < 2 || (pagesWith["\(z) \(key(l))"]?.count ?? 0) < repeated
        }
    }

    /// Lines joined into paragraphs (see the type's overview).
    static func paragraphs(_ lines: [Line]) -> [String] {
        // Blocks: runs of lines that go down the page at about the line spacing and overlap
        // horizontally.
        var blocks: [[Line]] = []
        for l in lines {
            if let prev = blocks.last?.last, prev.page == l.page, !prev.row, !l.row {
                let gap = l.y1 - prev.y2
                let overlap = min(prev.x2, l.x2) - max(prev.x1, l.x1)
                if gap > -0.3 * l.height, gap < 0.9 * max(l.height, prev.height), overlap > 0 {
                    blocks[blocks.count - 1].append(l)
                    continue
                }
            }
            blocks.append([l])
        }
        var out: [String] = []
        var open: String?
        var openEndsSentence = true
        func finish() {
            if let p = open { out.append(p) }
            open = nil
        }
        for (bi, block) in blocks.enumerated() {
            let right = block.map(\.x2).max() ?? 0
            let left = block.map(\.x1).min() ?? 0
            // A paragraph cut by a page break (or a column end) goes on in the next block when
            // it did not end a sentence and the block starts in lower case.
            if bi > 0, let first = block.first, !first.row, open != nil, !openEndsSentence, startsLowercase(first.text),
               let prevLast = blocks[bi - 1].last, prevLast.page != first.page || first.y1 < prevLast.y1 {
                open = join(open!, first.text)
            } else {
                finish()
                open = block.first?.text
            }
            for k in 1..<max(1, block.count) where k < block.count {
                let prev = block[k - 1], line = block[k]
                let em = max(prev.height, 1)
                let prevFull = prev.x2 >= right - 2.5 * em
                // A centred title over several lines: each line centred under the one before.
                let centred = abs((prev.x1 + prev.x2) / 2 - (line.x1 + line.x2) / 2) < em && line.x1 > left + 1.2 * em
                let indented = line.x1 > left + 1.2 * em && !centred
                let listItem = startsListItem(line.text)
                // A heading in capitals ("BÁO CÁO") over a line that is not: two paragraphs.
                let heading = isCapitals(prev.text) != isCapitals(line.text)
                if (prevFull || centred) && !indented && !listItem && !heading {
                    open = join(open ?? "", line.text)
                } else {
                    finish()
                    open = line.text
                }
            }
            if let last = block.last { openEndsSentence = endsSentence(last.text) || last.x2 < right - 2.5 * max(last.height, 1) }
        }
        finish()
        return out
    }

    static func join(_ a: String, _ b: String) -> String {
        // A soft hyphen at a line's end was the typesetter's: it goes and the word is whole.
        if a.hasSuffix("\u{AD}") { return String(a.dropLast()) + b }
        // A hyphen against its word ("05-" / "CT/TW", "Việt-" / "Lào") is the text's own:
        // Vietnamese is not hyphenated by syllable, so a line broken after a hyphen is rejoined
        // with it. A dash between spaces ("Thi đua -" / "Khen thưởng") stays a dash.
        if a.hasSuffix("-"), a.count >= 2, let before = a.dropLast().last, before.isLetter || before.isNumber {
            return a + b
        }
        return a.isEmpty ? b : a + " " + b
    }

    /// Letters, and all of them capitals.
    static func isCapitals(_ s: String) -> Bool {
        var letters = 0
        for c in s where c.isLetter {
            if !c.isUppercase { return false }
            letters += 1
        }
        return letters >= 2
    }

    static func startsLowercase(_ s: String) -> Bool {
        guard let c = s.first else { return false }
        return c.isLetter && c.isLowercase
    }

    /// Bullet glyphs: "•", "▪", and the private-use code points of the Symbol and Wingdings
    /// fonts that Word's bullets come out as.
    static func isBullet(_ c: Character) -> Bool {
        guard let u = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return false }
        return [0x2022, 0x25AA, 0x25CF, 0x25E6, 0x2023, 0x2043, 0x25A0, 0x25A1, 0x27A2].contains(u.value) || (0xF000...0xF0FF).contains(u.value)
    }

    /// A bulleted line as a text bulletin writes it: "- item".
    static func dashBullet(_ s: String) -> String {
        guard let first = s.first, isBullet(first) else { return s }
        let rest = s.dropFirst().drop { $0 == " " }
        return rest.isEmpty ? s : "- " + rest
    }

    static func endsSentence(_ s: String) -> Bool {
        guard let c = s.last else { return true }
        return ".!?:;…”\"".contains(c)
    }

    /// "1. …", "a) …", "- …", "+ …", "• …", "II. …": a line that starts an item of its own.
    static func startsListItem(_ s: String) -> Bool {
        guard let first = s.first else { return false }
        if "-+•–*".contains(first) || isBullet(first) { return s.dropFirst().first == " " }
        let head = s.prefix { $0 != " " }
        guard head.count <= 6, let last = head.last, last == "." || last == ")" else { return false }
        let body = head.dropLast()
        return !body.isEmpty && (body.allSatisfy { $0.isNumber || $0 == "." } || body.allSatisfy { "IVXLC".contains($0) } || (body.count == 1 && body.first!.isLetter))
    }
}

/// Text set in the legacy Vietnamese fonts still common in PDFs made from old Word files: TCVN3
/// (".VnTime", ".VnArial", …) and VNI ("VNI-Times", …), whose glyphs sit on Latin-1 code points.
enum LegacyFonts {
    enum Kind { case tcvn3, vni }

    struct Font: Equatable {
        var kind: Kind
        /// TCVN3's capitals fonts (".VnTimeH", ".VnArialH"): lower-case codes drawn as capitals.
        var capitals: Bool
    }

    static func font(_ name: String) -> Font? {
        // Subset fonts carry a prefix ("ABCDEF+.VnTime"), styles a suffix (".VnTimeH,Bold").
        let base = (name.split(separator: "+").last.map(String.init) ?? name).split(separator: ",").first.map(String.init) ?? name
        let f = base.lowercased()
        if f.hasPrefix(".vn") {
            let family = f.split(separator: "-").first.map(String.init) ?? f
            return Font(kind: .tcvn3, capitals: family.hasSuffix("h"))
        }
        if f.hasPrefix("vni-") || f.hasPrefix("vni ") { return Font(kind: .vni, capitals: false) }
        return nil
    }

    /// A paragraph typed in a legacy font, through the text layer's conversion tables (the same
    /// ones a text file in those encodings goes through). A paragraph already in Unicode
    /// Vietnamese (a heading in another font) is left as it is.
    static func convert(_ paragraph: String, _ kind: Kind) -> String {
        switch kind {
        case .vni:
            return paragraph.unicodeScalars.allSatisfy({ $0.value < 0x100 || windows1252[$0.value] != nil }) ? LegacyVietnamese.fromVNI(paragraph) : paragraph
        case .tcvn3:
            // Each character is one byte of TCVN3, read as windows-1252. Byte 0xAD, TCVN3's
            // "ư", is a hyphen in the WinAnsi encoding such fonts are declared with, so poppler
            // gives "-": against a letter before it or starting a word, and not before a digit,
            // a capital or a space-less dash's other half, it is the letter ("th-ởng", "-ớc",
            // "nh-:"); "Rịa-Vũng", "05-CT" and a spaced " - " stay dashes.
            let chars = Array(paragraph.unicodeScalars)
            var bytes: [UInt8] = []
            for (k, u) in chars.enumerated() {
                if u == "-" {
                    let before = k > 0 ? chars[k - 1] : " "
                    let after = k + 1 < chars.count ? chars[k + 1] : " "
                    let letterBefore = before.properties.isAlphabetic || before.value >= 0xA1
                    let lowerAfter = (after.value >= 0x61 && after.value <= 0x7A) || after.value >= 0xA1
                    let endsWord = after == " " || ",.;:!?)”\"".unicodeScalars.contains(after)
                    if (letterBefore && (lowerAfter || endsWord)) || (before == " " && lowerAfter) {
                        bytes.append(0xAD)
                        continue
                    }
                }
                if u.value < 0x100 { bytes.append(UInt8(u.value)) } else if let b = windows1252[u.value] { bytes.append(b) } else { return paragraph }
            }
            return LegacyVietnamese.fromTCVN3(bytes)
        }
    }

    static let windows1252: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02C6: 0x88,
        0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93,
        0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98, 0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B,
        0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]
}

/// Tables rebuilt from where their cells' lines sit on the page: poppler reads a table column by
/// column (each cell is a block of its own), so its rows are lost. A run of lines, top to
/// bottom, that stand side by side in at least three columns (or two, one of them narrow) is a
/// table: its columns are where the lines start, and a row ends where the gap under a cell is
/// wider than a line's spacing (the cell's padding and border). Each row becomes one
/// `cell | cell` line, in the place of the table's first line.
enum Tables {
    typealias Line = PDFText.Line

    static func rebuild(_ lines: [Line]) -> [Line] {
        guard lines.count >= 4 else { return lines }
        let order = lines.indices.sorted { (lines[$0].y1, lines[$0].x1) < (lines[$1].y1, lines[$1].x1) }
        // Visual rows: lines whose vertical middles fall within each other.
        var rows: [[Int]] = []
        for i in order {
            let l = lines[i]
            let mid = (l.y1 + l.y2) / 2
            if let last = rows.last, let r = last.first.map({ lines[$0] }), mid >= r.y1, mid <= r.y2 {
                rows[rows.count - 1].append(i)
            } else {
                rows.append([i])
            }
        }
        let textLeft = lines.map(\.x1).min() ?? 0
        let textRight = lines.map(\.x2).max() ?? 0
        let width = max(1, textRight - textLeft)
        func multi(_ r: [Int]) -> Bool {
            let sorted = r.map { lines[$0] }.sorted { $0.x1 < $1.x1 }
            guard sorted.count >= 2 else { return false }
            return zip(sorted, sorted.dropFirst()).allSatisfy { $1.x1 - $0.x2 >= 0.8 * max($0.height, 1) }
        }
        var replaced: [Int: [Line]] = [:]
        var removed = Set<Int>()
        var r = 0
        while r < rows.count {
            guard multi(rows[r]) else { r += 1; continue }
            let em = max(lines[rows[r][0]].height, 1)
            // Extend the region while rows are multi-column, or single lines that fit in one of
            // its columns (a cell's continuation), and no gap is wider than three lines.
            // Extend the region down while each line falls in one of its columns (a line across
            // two of them, or across the page, is body text again) and no gap is wider than
            // three lines. The columns are the first row's cells, widened by the lines in them.
            var columns = rows[r].map { (lines[$0].x1, lines[$0].x2) }.sorted { $0.0 < $1.0 }
            var end = r + 1
            extend: while end < rows.count {
                let prevBottom = rows[end - 1].map { lines[$0].y2 }.max() ?? 0
                let top = rows[end].map { lines[$0].y1 }.min() ?? 0
                if top - prevBottom > 3 * em { break }
                // A line alone in its row continues a cell only right under the row before; a
                // heading after the table stands further down.
                if !multi(rows[end]) {
                    // and stays on its column's side of the middle of the gaps beside it (a
                    // centred heading under the table crosses one).
                    guard top - prevBottom <= em, let l = rows[end].first.map({ lines[$0] }) else { break }
                    let hits = columns.indices.filter { l.x1 < columns[$0].1 && l.x2 > columns[$0].0 }
                    guard hits.count == 1, let c = hits.first else { break }
                    if c > 0 && l.x1 < (columns[c - 1].1 + columns[c].0) / 2 { break }
                    if c + 1 < columns.count && l.x2 > (columns[c].1 + columns[c + 1].0) / 2 { break }
                }
                var widened = columns
                for i in rows[end] {
                    let l = lines[i]
                    if l.x2 - l.x1 > 0.6 * width { break extend }
                    let hits = widened.indices.filter { l.x1 < widened[$0].1 + 0.3 * em && l.x2 > widened[$0].0 - 0.3 * em }
                    if hits.count > 1 { break extend }
                    if let c = hits.first {
                        widened[c] = (min(widened[c].0, l.x1), max(widened[c].1, l.x2))
                    } else {
                        widened.append((l.x1, l.x2))
                        widened.sort { $0.0 < $1.0 }
                    }
                }
                // Widening must not make two columns meet.
                if zip(widened, widened.dropFirst()).contains(where: { $0.1 >= $1.0 }) { break }
                columns = widened
                end += 1
            }
            let region = Array(rows[r..<end])
            let narrow = columns.contains { $0.1 - $0.0 < 0.3 * width }
            // Two wide columns whose lines fill them, row after row, are prose set in two columns
            // (a scan's reader gives them column by column already), not a table's cells.
            let prose = columns.count == 2 && !narrow && region.count >= 3 && columns.allSatisfy { col in
                let inColumn = region.flatMap { $0 }.map { lines[$0] }.filter { $0.x1 < col.1 && $0.x2 > col.0 }
                let filled = inColumn.filter { $0.x2 - $0.x1 >= 0.85 * (col.1 - col.0) }
                return inColumn.count >= 3 && Double(filled.count) >= 0.6 * Double(inColumn.count)
            }
            let accepted = !prose && (columns.count >= 3 || (columns.count == 2 && (narrow || region.count <= 8)))
            guard accepted, region.count >= 2 || columns.count >= 3 else { r = end; continue }
            // Logical rows: a new one at a line of the first column after one that stopped
            // short of the column's edge (its label ended), at a line under a cell that holds a
            // number (numbers do not wrap), at a gap under a cell wider than a line's (padding
            // and border), and where a column starts below its row's top beside a new
            // first-column line (cells start at their row's top).
            var built: [[String]] = []
            var current = [[String]](repeating: [], count: columns.count)
            var lastBottom = [Float](repeating: -1, count: columns.count)
            var lastRight = [Float](repeating: -1, count: columns.count)
            var visualRows = 0
            func flush() {
                // Empty cells keep their places (a count under its own column's heading).
                let cells = current.map { $0.joined(separator: " ") }
                if cells.contains(where: { !$0.isEmpty }) { built.append(cells) }
                current = [[String]](repeating: [], count: columns.count)
                lastBottom = [Float](repeating: -1, count: columns.count)
                lastRight = [Float](repeating: -1, count: columns.count)
                visualRows = 0
            }
            let firstRight = region.flatMap { $0 }.map { lines[$0] }.filter { column(of: $0, columns) == 0 }.map(\.x2).max() ?? 0
            for row in region {
                let members = row.map { lines[$0] }.sorted { $0.x1 < $1.x1 }
                let here = Set(members.map { column(of: $0, columns) })
                // Cells start at their row's top: a column that begins below it, beside a new
                // line of the first column, begins the next row.
                let late = visualRows > 0 && here.contains(0) && here.contains { current[$0].isEmpty }
                let newRow = late || members.contains { l in
                    let c = column(of: l, columns)
                    guard !current[c].isEmpty else { return false }
                    if c == 0 && lastRight[0] < firstRight - 2 * max(l.height, 1) { return true }
                    // A number does not wrap: a cell holding one is complete.
                    if current[c].joined().allSatisfy({ $0.isNumber || $0 == "." || $0 == "," }) { return true }
                    // More than a line's gap under the cell's last line: its padding and border
                    // (a paragraph's spacing inside a cell is less).
                    return l.y1 - lastBottom[c] > 0.9 * max(l.height, 1)
                }
                if newRow { flush() }
                for l in members {
                    let c = column(of: l, columns)
                    current[c].append(l.text)
                    lastBottom[c] = max(lastBottom[c], l.y2)
                    lastRight[c] = l.x2
                }
                visualRows += 1
            }
            flush()
            let members = region.flatMap { $0 }
            let first = members.min()!
            // The rows stand where the table's first line stood.
            replaced[first] = built.map { cells in
                var l = lines[first]
                l.text = OfficeTextBuilder.row(cells)
                l.row = true
                return l
            }
            members.forEach { removed.insert($0) }
            r = end
        }
        guard !removed.isEmpty else { return lines }
        var out: [Line] = []
        for (i, l) in lines.enumerated() {
            if let rows = replaced[i] {
                out += rows
            } else if !removed.contains(i) {
                out.append(l)
            }
        }
        return out
    }

    /// The column a line's middle falls in (the nearest when between two).
    static func column(of l: Line, _ columns: [(Float, Float)]) -> Int {
        let mid = (l.x1 + l.x2) / 2
        var best = 0
        var distance = Float.infinity
        for (i, c) in columns.enumerated() {
            let d = mid < c.0 ? c.0 - mid : mid > c.1 ? mid - c.1 : 0
            if d < distance { distance = d; best = i }
        }
        return best
    }
}
