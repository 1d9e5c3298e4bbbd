import SolieuText

/// Why an office document could not be read, naming the part of the package at fault.
enum OfficeFailure: Error, Equatable, CustomStringConvertible {
    case zip(ZipArchive.Failure)
    case missingPart(String)
    case xml(String, XMLEvents.Failure)
    case notADocument(String)

    var description: String {
        switch self {
        case .zip(let z): return z.description
        case .missingPart(let p): return "its main part \(p) is missing"
        case .xml(let part, .notWellFormed(let line)): return "\(part) is not well-formed XML" + (line > 0 ? " (line \(line))" : "")
        case .xml(let part, .declaresDTD): return "\(part) declares a DTD (refused: entities are never loaded)"
        case .xml(let part, .outOfMemory): return "\(part): out of memory"
        case .notADocument(let what): return what
        }
    }

    /// Runs a read of one part, its ZIP failure as this type.
    static func part<T>(_ name: String, _ body: () throws(ZipArchive.Failure) -> T) throws(OfficeFailure) -> T {
        do { return try body() } catch { throw .zip(error) }
    }

    static func xml(_ part: String, _ bytes: [UInt8]) throws(OfficeFailure) -> [XMLEvent] {
        do { return try XMLEvents.parse(bytes) } catch { throw .xml(part, error) }
    }
}

/// The formats of documents (not pages) solieu tells apart by their first bytes, whatever
/// their file's extension says.
public enum DocumentFormat: String, Sendable {
    case docx, odt, pdf, doc, png, jpeg, tiff, bmp, pnm, zip

    static func sniff(_ bytes: [UInt8]) -> DocumentFormat? {
        func starts(_ magic: [UInt8]) -> Bool { bytes.count >= magic.count && Array(bytes.prefix(magic.count)) == magic }
        if ZipArchive.isZip(bytes) { return .zip }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        // A PDF may have up to 1 KiB of junk before its header.
        if bytes.prefix(1024).count >= 5, let r = bytes.prefix(1024).firstRange(of: Array("%PDF-".utf8)), r.lowerBound < 1024 { return .pdf }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .doc }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        if starts([0x42, 0x4D]), bytes.count >= 26, bytes[6] == 0, bytes[7] == 0, bytes[8] == 0, bytes[9] == 0 { return .bmp }
        // Netpbm: "P1" … "P6" and a white-space byte.
        if bytes.count >= 3, bytes[0] == 0x50, (0x31...0x36).contains(bytes[1]), [0x20, 0x0A, 0x0D, 0x09].contains(bytes[2]) { return .pnm }
        return nil
    }

    var displayName: String {
        switch self {
        case .docx: return "a Word document (DOCX)"
        case .odt: return "an OpenDocument text (ODT)"
        case .pdf: return "a PDF document"
        case .doc: return "a Word 97–2003 document (DOC) or another OLE file"
        case .png: return "a PNG image"
        case .jpeg: return "a JPEG image"
        case .tiff: return "a TIFF image"
        case .bmp: return "a BMP image"
        case .pnm: return "a PNM image"
        case .zip: return "a ZIP archive"
        }
    }
}

/// A DOCX or ODT file to an `Article`: the reader's paragraphs through the same decoding as
/// text (NFC, text typed in a legacy Vietnamese font repaired), the title and date from the
/// document itself or, failing that, from its package.
enum OfficeArticle {
    static func extract(_ bytes: [UInt8], name: String, limit: Int) throws(IngestError) -> Article {
        func fail(_ format: DocumentFormat?, _ f: OfficeFailure) -> IngestError {
            IngestError(file: name, reason: .unreadableDocument(format: format?.rawValue.uppercased() ?? "ZIP", why: f.description))
        }
        var zip: ZipArchive
        do { zip = try ZipArchive(bytes, budget: limit) } catch { throw fail(nil, .zip(error)) }
        let format: DocumentFormat
        let text: OfficeText
        if DOCX.matches(zip) {
            format = .docx
        } else if ODT.matches(&zip) {
            format = .odt
        } else {
            throw IngestError(file: name, reason: .unsupported("a ZIP archive that is neither a DOCX nor an ODT document"))
        }
        do {
            text = format == .docx ? try DOCX.read(&zip, limit: limit) : try ODT.read(&zip, limit: limit)
        } catch { throw fail(format, error) }
        return try article(text, format: format, name: name)
    }

    /// The article of a document's paragraphs (from any reader: DOCX, ODT, PDF).
    static func article(_ text: OfficeText, format: DocumentFormat, name: String, warnings: [String] = []) throws(IngestError) -> Article {
        // One decoding for the whole text: a document typed in TCVN3 or VNI fonts is repaired as
        // a text file would be.
        let joined = text.paragraphs.joined(separator: "\n")
        let decoded = Decoding.decode(Array(joined.utf8), html: false)
        // Then paragraph by paragraph: a body typed in a legacy font under a Unicode header
        // (the usual mix in old reports) is not one encoding throughout.
        var repaired: Set<String> = []
        let lines = decoded.text.split(separator: "\n", omittingEmptySubsequences: true).map { line -> String in
            let p = String(line)
            // Text read by OCR is Unicode as the engine writes it: its misreadings are no legacy
            // encoding to convert.
            guard text.ocr == nil, let fix = LegacyVietnamese.repair(p) else {
                // Soft hyphens of Unicode text are invisible: they go.
                return p.contains("\u{AD}") ? p.replacingOccurrences(of: "\u{AD}", with: "") : p
            }
            repaired.insert(fix.encoding.rawValue)
            return fix.text
        }
        let paragraphs = OfficialHeader.withoutSignature(lines)
        guard !paragraphs.isEmpty else { throw IngestError(file: name, reason: .noArticleFound) }
        let header = OfficialHeader.read(paragraphs)
        var published = header?.date
        for p in paragraphs.prefix(12) where published == nil && Dateline.isDateLine(p, chars: p.unicodeScalars.count) {
            published = Dateline.parse(p)
        }
        let title = header?.title ?? text.title ?? paragraphs.first
        var article = Article(source: name, title: title, published: published ?? text.created, site: nil, url: nil,
                              language: Language.guess(paragraphs.prefix(40).joined(separator: " ")), paragraphs: paragraphs,
                              warnings: warnings + decoded.warnings + repaired.sorted().map { "paragraphs in \($0) converted to Unicode" })
        article.format = format.rawValue
        article.header = header.flatMap { DocumentHeader(stating: $0.issuer, number: $0.number, type: $0.type, place: $0.place) }
        if var ocr = text.ocr {
            ocr.place(in: article.text)
            article.ocr = ocr
            // The header's capitals are what a scan reads worst ("TĨNH KIEN GIANG"): its words take
            // the marks the body gives them ("tỉnh Kiên Giang").
            if let issuer = article.header?.issuer {
                article.header?.issuer = OCRVocabulary(paragraphs.dropFirst(6)).respelled(issuer)
            }
        }
        return article
    }
}

/// The layout of a Vietnamese official document (Nghị định 30/2020/NĐ-CP): the issuer and the
/// national motto side by side, "Số: 12/BC-UBND" and the place and date line, then the type
/// ("BÁO CÁO", "KẾ HOẠCH") and the title on its own lines.
enum OfficialHeader {
    /// "Gia Lai, ngày 12 tháng 3 năm 2022" (alone or as a cell of the header row).
    static func isPlaceDateLine(_ line: String) -> Bool {
        let key = VietnameseFold.searchKey(line)
        return key.contains("ngay") && key.contains("thang") && key.contains("nam") && line.unicodeScalars.count <= 160
    }

    /// The body without the signature block ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", the
    /// signer's name) and the list of recipients ("Nơi nhận: - Như trên; - Lưu: VT."), which
    /// close an official document: they are layout, not its text.
    static func withoutSignature(_ paragraphs: [String]) -> [String] {
        var end = paragraphs.count
        // "Nơi nhận:" in the last part of the document, alone or as the first cell of the row
        // that also holds the signature.
        if let i = paragraphs.indices.last(where: { VietnameseFold.searchKey(paragraphs[$0]).hasPrefix("noi nhan") }), i > 0, i >= paragraphs.count / 3 {
            end = i
        }
        // Then the signature lines just before: short lines, one of them the signing formula.
        var k = end
        var cut: Int?
        while k > 0, end - k < 8 {
            let line = paragraphs[k - 1]
            guard line.unicodeScalars.count <= 70, !line.contains("|") || isSignature(line) else { break }
            if isSignature(line) { cut = k - 1 }
            k -= 1
        }
        if let cut, cut > 0 { end = cut }
        return Array(paragraphs[..<end])
    }

    /// "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "Q. GIÁM ĐỐC", "TL. BỘ TRƯỞNG", "T/M BAN THƯỜNG VỤ".
    static func isSignature(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        for marker in ["TM.", "T/M", "KT.", "K/T", "Q.", "TL.", "T/L", "TUQ.", "TM ", "KT "] where t.hasPrefix(marker) {
            let rest = t.dropFirst(marker.count).trimmingCharacters(in: .whitespaces)
            return !rest.isEmpty && rest.uppercased() == rest
        }
        return false
    }

    /// The national motto every official document's header carries, folded.
    /// The national motto's words that a scan's misread letters spare most ("CỘNG HÒA XÃ HỘI CHỦ
    /// NGHĨA VIỆT NA nộ" in a poor copy): "xã hội chủ nghĩa", folded.
    static let motto = "xa hoi chu nghia"

    /// What a header states, read by the layout's shape rather than from a list of names.
    struct Fields: Equatable, Sendable {
        /// "ỦY BAN NHÂN DÂN TỈNH AN GIANG": the cell beside the motto (or the lines above it).
        var issuer: String?
        /// "346/TB-UBND", after "Số:".
        var number: String?
        /// "Thông báo": the type line's first two syllables (every type of Nghị định 30/2020's
        /// Phụ lục III has two), in sentence case.
        var type: String?
        /// The type line, and the line after it when the type line is the type alone.
        var title: String?
        /// "An Giang": what the place and date line names before "ngày".
        var place: String?
        /// "2019-05-14", from the place and date line.
        var date: String?
    }

    /// The header of an official document, when its first lines are one (the motto among them).
    /// The header table's rows as one when its cells wrap over several lines and each line came
    /// out as a row of its own (a scan: "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ", then "TỈNH AN
    /// GIANG | NGHĨA VIỆT NAM"): rows of as many cells are joined cell by cell while the motto is
    /// not yet whole in one of them.
    static func wrappedRowsJoined(_ head: [String]) -> [String] {
        guard !head.contains(where: { VietnameseFold.searchKey($0).contains(motto) }) else { return head }
        for i in head.indices where head[i].contains(" | ") {
            var cells = head[i].components(separatedBy: " | ")
            var j = i + 1
            while j < min(head.count, i + 4), head[j].contains(" | ") {
                let next = head[j].components(separatedBy: " | ")
                guard next.count == cells.count else { break }
                cells = zip(cells, next).map { a, b in [a, b].map { $0.trimmingCharacters(in: .whitespaces) }.filter(isWords).joined(separator: " ") }
                j += 1
                if cells.contains(where: { VietnameseFold.searchKey($0).contains(motto) }) {
                    return Array(head[..<i]) + [cells.joined(separator: " | ")] + Array(head[j...])
                }
            }
        }
        return head
    }

    /// The issuer's lines without the motto's words run into them (a scan read line by line
    /// across the two columns of the header: "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ TỈNH KIÊN
    /// GIANG NGHĨA VIỆT NAM"): runs of two or more words that are the motto's, in its order, go.
    /// Words, not marks: two letters in a row somewhere. A fragment without is the rule under a
    /// cell read as marks ("; Ầ", "ù").
    static func isWords(_ t: String) -> Bool {
        var run = 0
        for c in t { run = c.isLetter ? run + 1 : 0; if run >= 2 { return true } }
        return false
    }

    static func withoutMotto(_ issuer: String) -> String? {
        let mottoWords = "cong hoa xa hoi chu nghia viet nam".split(separator: " ").map(String.init)
        let words = issuer.split(separator: " ").map(String.init)
        let keys = words.map { VietnameseFold.searchKey($0) }
        var keep = [Bool](repeating: true, count: words.count)
        var i = 0
        while i < words.count {
            guard let start = mottoWords.firstIndex(of: keys[i]) else { i += 1; continue }
            var j = i, k = start
            while j < words.count, k < mottoWords.count, keys[j] == mottoWords[k] { j += 1; k += 1 }
            if j - i >= 2 { for x in i..<j { keep[x] = false } }
            i = max(j, i + 1)
        }
        let kept = zip(words, keep).filter(\.1).map(\.0).joined(separator: " ")
        return kept.isEmpty ? nil : kept
    }

    static func read(_ paragraphs: [String]) -> Fields? {
        let joined = wrappedRowsJoined(Array(paragraphs.prefix(16)))
        let paragraphs = joined + paragraphs.dropFirst(16)
        let head = Array(paragraphs.prefix(12))
        // The motto, or its second line: a scan read at a low resolution may run the motto's
        // first line into the issuer's ("CỘNG HÒA XÃ HỘI CHỦ TỈNH KIÊN GIANG NGHĨA VIỆT NAM").
        guard let m = head.firstIndex(where: { VietnameseFold.searchKey($0).contains(motto) })
                ?? head.firstIndex(where: { let k = VietnameseFold.searchKey($0); return k.contains("doc lap") && k.contains("hanh phuc") })
        else { return nil }
        var f = Fields()
        // The issuer: the header row's other cells, or the upper-case lines above the motto.
        let row = head[m]
        if row.contains(" | ") {
            // The issuer's cell beside the motto, and beside "Độc lập - Tự do - Hạnh phúc" when
            // the two lines of the header come out as two rows (a PDF's table).
            // A scan may give the header's lines as rows of their own, with marks read off its
            // rules between them ("TỈNH CÀ MAU | ù"): the rows go on down to the "Độc lập" row
            // when it comes within three, and up to three rows of cells above a motto row
            // found by its second line.
            var parts: [String] = []
            var first = m
            while first > 0, m - first < 3, head[first - 1].contains(" | "),
                  !VietnameseFold.searchKey(head[m]).contains(motto) { first -= 1 }
            var last = m
            if let d = (m..<min(head.count, m + 4)).first(where: { head[$0].contains(" | ") && VietnameseFold.searchKey(head[$0]).contains("doc lap") }),
               (m...d).allSatisfy({ head[$0].contains(" | ") }) {
                last = d
            }
            var i = first
            while i < head.count, head[i].contains(" | ") {
                let cells = head[i].components(separatedBy: " | ")
                let keys = cells.map { VietnameseFold.searchKey($0) }
                guard i <= last || keys.contains(where: { $0.contains(motto) || $0.hasPrefix("doc lap") }) else { break }
                if let cell = zip(cells, keys).first(where: { !$0.1.contains(motto) && !$0.1.hasPrefix("doc lap") })?.0 {
                    let t = cell.trimmingCharacters(in: .whitespaces)
                    if Self.isWords(t) { parts.append(t) }
                }
                i += 1
            }
            f.issuer = parts.isEmpty ? nil : parts.joined(separator: " ")
        } else {
            let above = head[..<m].filter { $0.uppercased() == $0 && !$0.contains("|") }
            f.issuer = above.isEmpty ? nil : withoutMotto(above.joined(separator: " "))
        }
        var typeLine: Int?
        for (i, p) in head.enumerated() where i >= m {
            for cell in p.components(separatedBy: " | ") {
                let c = cell.trimmingCharacters(in: .whitespaces)
                if f.number == nil, let n = number(c) { f.number = n; continue }
                if f.date == nil, isPlaceDateLine(c), let d = Dateline.parse(c) {
                    f.date = d
                    let key = VietnameseFold.searchKey(c)
                    if let comma = c.firstIndex(of: ","), key.hasPrefix("ngay") == false {
                        let place = c[..<comma].trimmingCharacters(in: .whitespaces)
                        if !place.isEmpty && place.unicodeScalars.count <= 40 { f.place = place }
                    }
                }
            }
            // The type line: upper case, short, no digits, not a cell of the header rows.
            if typeLine == nil, !p.contains("|"), p.uppercased() == p, !p.contains(where: \.isNumber),
               !VietnameseFold.searchKey(p).hasPrefix("doc lap"), !VietnameseFold.searchKey(p).contains(motto),
               p.split(separator: " ").count >= 2 {
                typeLine = i
                break
            }
        }
        if let t = typeLine {
            let line = head[t]
            let words = line.split(separator: " ")
            let type = words.prefix(2).joined(separator: " ").lowercased()
            f.type = type.prefix(1).uppercased() + type.dropFirst()
            if words.count > 3 || t + 1 >= paragraphs.count {
                f.title = line
            } else {
                f.title = line + " " + paragraphs[t + 1]
            }
        }
        return f
    }

    /// "Số: 346/TB-UBND" → "346/TB-UBND".
    static func number(_ cell: String) -> String? {
        let t = cell.trimmingCharacters(in: .whitespaces)
        guard t.hasPrefix("Số") || t.hasPrefix("SỐ") else { return nil }
        var rest = t.dropFirst(2).drop { $0 == " " || $0 == ":" || $0 == "." }
        rest = rest.prefix { !$0.isWhitespace && $0 != "|" && $0 != "," && $0 != ";" }
        while let last = rest.last, last == "." || last == "-" { rest = rest.dropLast() }
        guard let first = rest.first, first.isNumber || first.isLetter, rest.contains(where: \.isNumber) else { return nil }
        return String(rest)
    }
}
