import Foundation
@testable import SolieuIngest
import SolieuGen
import SolieuTestSupport
import Testing

/// DOCX and ODT reports (fixtures/office/, made by scripts/make-office-fixtures.py) and the
/// hostile packages beside them.
struct OfficeTests {
    static let reports = Project.files(in: "fixtures/office", suffix: ".docx").map { String($0.dropLast(5)) }

    @Test func reportsGiveTheirGoldText() throws {
        #expect(Self.reports.count >= 8)
        for ext in ["docx", "odt", "pdf", "doc"] {
            var read = 0
            for name in Self.reports {
                let path = Project.path("fixtures/office/\(name).\(ext)")
                guard FileManager.default.fileExists(atPath: path) else { continue }
                let a = try Ingest.article(file: path)
                let gold = Project.text("fixtures/office/\(name).article.txt")
                let score = BagOfWordsScore(predicted: a.text, gold: gold)
                #expect(score.f1 >= 0.99, "\(name).\(ext): bag-of-words F1 \(score.f1)")
                read += 1
            }
            // Every report has its .docx, .odt and .pdf; the TCVN3 one has no .doc (SOURCES.md).
            #expect(read == Self.reports.count - (ext == "doc" ? 1 : 0), "every report has its .\(ext)")
        }
    }

    @Test func headerMetadata() throws {
        for name in Self.reports {
            let meta = try JSONSerialization.jsonObject(with: Data(Project.text("fixtures/office/\(name).meta.json").utf8)) as? [String: Any] ?? [:]
            for ext in ["docx", "odt", "pdf", "doc"] where FileManager.default.fileExists(atPath: Project.path("fixtures/office/\(name).\(ext)")) {
                let a = try Ingest.article(file: Project.path("fixtures/office/\(name).\(ext)"))
                #expect(a.title == meta["title"] as? String, "\(name).\(ext)")
                #expect(a.published == meta["date"] as? String, "\(name).\(ext)")
                #expect(a.header == DocumentHeader(issuer: meta["issuer"] as? String, number: meta["number"] as? String,
                                                   type: meta["type"] as? String, place: meta["place"] as? String), "\(name).\(ext)")
                #expect(a.format == ext)
            }
        }
    }

    /// A two-column body reads column after column: the gold's paragraphs come in their order.
    @Test func twoColumnPagesReadInOrder() throws {
        let a = try Ingest.article(file: Project.path("fixtures/office/report-08.pdf"))
        let gold = Project.text("fixtures/office/report-08.article.txt").components(separatedBy: "\n\n").filter { $0.count > 80 && !$0.contains(" | ") }
        #expect(gold.count >= 4)
        var last = a.text.startIndex
        for p in gold {
            let head = String(p.prefix(40))
            guard let r = a.text.range(of: head, range: last..<a.text.endIndex) else {
                Issue.record("out of order or missing: \(head)")
                continue
            }
            last = r.upperBound
        }
    }

    /// A body in TCVN3: in a DOCX run or ODT span (repaired paragraph by paragraph) and in a PDF
    /// set in .VnTime and .VnTimeH (converted by font, capitals by the capitals font).
    @Test func legacyFontsBecomeUnicode() throws {
        for ext in ["docx", "pdf"] {
            let a = try Ingest.article(file: Project.path("fixtures/office/report-09.\(ext)"))
            #expect(a.text.contains("Thứ trưởng Bộ Công an"), "\(ext)")
            #expect(a.header?.issuer == "ỦY BAN NHÂN DÂN TỈNH AN GIANG", "\(ext)")
        }
        #expect(LegacyFonts.font("ABCDEF+.VnTimeH,Bold") == LegacyFonts.Font(kind: .tcvn3, capitals: true))
        #expect(LegacyFonts.font(".VnTime") == LegacyFonts.Font(kind: .tcvn3, capitals: false))
        #expect(LegacyFonts.font("VNI-Times") == LegacyFonts.Font(kind: .vni, capitals: false))
        #expect(LegacyFonts.font("TimesNewRomanPSMT") == nil)
        // TCVN3's "ư" (0xAD) comes out of WinAnsi as "-"; dashes between capitals or digits stay.
        #expect(LegacyFonts.convert("th-ëng cho 05-CT/TW, R\u{DE}a-V\u{F2}ng", .tcvn3) == "thưởng cho 05-CT/TW, Rịa-Vũng")
    }

    /// Every reader gives the award table's rows whole, an empty cell kept in its place so the
    /// count stays under its own column's heading.
    @Test func tableRowsKeepTheirColumns() throws {
        for ext in ["docx", "odt", "pdf", "doc"] {
            let p = try Ingest.article(file: Project.path("fixtures/office/report-01.\(ext)")).paragraphs
            for row in ["Hình thức khen thưởng | Tập thể | Cá nhân", "Bà mẹ Việt Nam anh hùng của Chủ tịch nước | | 3",
                        "Cờ thi đua của Chủ tịch UBND tỉnh | 21", "Bằng khen của Chủ tịch UBND tỉnh | 13 | 42"] {
                #expect(p.contains(row), "\(ext): \(row)")
            }
        }
    }

    @Test func wordNumberingIsPrinted() throws {
        let a = try Ingest.article(file: Project.path("fixtures/office/report-00.docx"))
        let p = a.paragraphs
        #expect(p.contains("1. Tình hình chung"))
        #expect(p.contains("2. Kết quả công tác thi đua, khen thưởng"))
        #expect(p.contains("Hình thức khen thưởng | Tập thể | Cá nhân"))
        // The header's two tables cells side by side.
        #expect(p.first?.hasPrefix("ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == true)
        // Signature and recipients leave the body.
        #expect(!a.text.contains("Nơi nhận") && !a.text.contains("Nguyễn Văn An"))
    }

    @Test func listNumbers() {
        #expect(ListNumber.format(3, "decimal") == "3")
        #expect(ListNumber.format(4, "upperRoman") == "IV")
        #expect(ListNumber.format(2, "lowerLetter") == "b")
        #expect(ListNumber.format(28, "upperLetter") == "BB")
        #expect(ListNumber.format(7, "decimalZero") == "07")
        #expect(ListNumber.roman(1994) == "MCMXCIV")
    }

    func failure(_ name: String) -> String {
        do {
            _ = try Ingest.article(file: Project.path("fixtures/office/bad/\(name)"))
            return "read"
        } catch {
            return error.description
        }
    }

    @Test func hostilePackagesAreNamedErrors() {
        #expect(failure("bomb.docx").contains("decompresses to more than"))
        #expect(failure("xxe.docx").contains("declares a DTD"))
        #expect(failure("malformed.docx").contains("word/document.xml is not well-formed XML"))
        #expect(failure("archive.docx").contains("neither a DOCX nor an ODT"))
        #expect(failure("encrypted.docx").contains("encrypted"))
        let truncated = failure("truncated.docx")
        #expect(truncated.contains("corrupt ZIP archive") || truncated.contains("truncated"), "\(truncated)")
        for name in ["bomb.docx", "xxe.docx", "malformed.docx", "truncated.docx"] {
            #expect(failure(name).hasPrefix(Project.path("fixtures/office/bad/\(name)")), "the error names the file")
        }
    }

    @Test func badPDFsAreNamedErrors() {
        #expect(failure("encrypted.pdf").contains("cannot read this PDF: it is encrypted"))
        #expect(failure("truncated.pdf").contains("cannot read this PDF: it is truncated"))
        #expect(failure("garbage.pdf").contains("cannot read this PDF: poppler"))
        // Drawings and no text: rendered for OCR, which finds none either.
        #expect(failure("no-text.pdf").contains("it has no text layer, and OCR found no text in it"))
        for name in ["encrypted.pdf", "truncated.pdf", "garbage.pdf", "no-text.pdf"] {
            #expect(failure(name).hasPrefix(Project.path("fixtures/office/bad/\(name)")), "the error names the file")
        }
    }

    @Test func contentDecidesNotTheExtension() throws {
        let docx = try Ingest.article(file: Project.path("fixtures/office/bad/lying-extension.txt"))
        #expect(docx.paragraphs.contains("1. Tình hình chung"))
        let page = try Ingest.article(file: Project.path("fixtures/office/bad/page-named.docx"))
        #expect(page.text.contains("5 tập thể và 7 cá nhân"))
    }

    @Test func documentsNotYetReadSayWhatTheyAre() {
        func error(_ bytes: [UInt8]) -> String {
            do { _ = try Ingest.article(bytes: bytes, name: "x.bin"); return "read" } catch { return error.description }
        }
        // An OLE file LibreOffice cannot make a text document of: named, not a crash or a hang.
        #expect(error([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).contains("cannot read this DOC: antiword could not read it"))
        #expect(error([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]).contains("cannot read this PNG: its header cannot be read"))
    }

    /// A hand-made package: footnotes after the body, deleted revisions and field codes left out,
    /// a text box's text once, a nested table flattened into its cell.
    @Test func docxDetails() throws {
        let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
        let document = """
            <?xml version="1.0" encoding="UTF-8"?><w:document \(w)><w:body>
            <w:p><w:r><w:t xml:space="preserve">Tặng Bằng khen cho </w:t></w:r><w:del><w:r><w:delText>99</w:delText></w:r></w:del>\
            <w:r><w:t>12 tập thể</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>.</w:t></w:r></w:p>
            <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Trang</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
            <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>Hộp chữ</w:t></w:r></w:p></w:txbxContent></mc:Choice>\
            <mc:Fallback><w:txbxContent><w:p><w:r><w:t>Hộp chữ</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cờ thi đua</w:t></w:r></w:p></w:tc><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc>\
            <w:tc><w:p><w:r><w:t>tập thể</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:t>Dòng một</w:t><w:br/><w:t>Dòng</w:t><w:tab/><w:t>hai</w:t></w:r></w:p>
            </w:body></w:document>
            """
        let footnotes = """
            <?xml version="1.0" encoding="UTF-8"?><w:footnotes \(w)><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>\
            <w:footnote w:id="1"><w:p><w:r><w:t>Theo Quyết định số 12/QĐ-UBND.</w:t></w:r></w:p></w:footnote></w:footnotes>
            """
        let bytes = TestZip.stored([("word/document.xml", document), ("word/footnotes.xml", footnotes)])
        let a = try Ingest.article(bytes: bytes, name: "details.docx")
        #expect(a.paragraphs == ["Tặng Bằng khen cho 12 tập thể.", "Trang", "Hộp chữ", "Cờ thi đua | 3 | tập thể", "Dòng một", "Dòng hai",
                                 "Theo Quyết định số 12/QĐ-UBND."])
    }

    @Test func odtDetails() throws {
        let ns = """
            xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
            xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
            xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
            """
        let content = """
            <?xml version="1.0" encoding="UTF-8"?><office:document-content \(ns)><office:automatic-styles>\
            <text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-format="I" style:num-suffix="."/>\
            <text:list-level-style-number text:level="2" style:num-format="1" style:num-suffix="." text:display-levels="2"/></text:list-style>\
            </office:automatic-styles><office:body><office:text><text:sequence-decls><text:sequence-decl text:name="Table"/></text:sequence-decls>
            <text:h text:outline-level="1">Báo cáo</text:h>
            <text:list text:style-name="L1"><text:list-item><text:p>Kết quả</text:p><text:list><text:list-item><text:p>Khen<text:s text:c="3"/>thưởng</text:p></text:list-item>\
            <text:list-item><text:p>Thi đua<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>Ghi chú một.</text:p></text:note-body></text:note></text:p></text:list-item></text:list></text:list-item>\
            <text:list-item><text:p>Kiến nghị</text:p></text:list-item></text:list>
            <table:table><table:table-row><table:table-cell><text:p>Bằng khen</text:p></table:table-cell><table:table-cell><text:p>40</text:p></table:table-cell>\
            <table:covered-table-cell/></table:table-row></table:table>
            <text:p>Có <office:annotation><text:p>bình luận</text:p></office:annotation>5 cá nhân<text:line-break/>dòng sau</text:p>
            </office:text></office:body></office:document-content>
            """
        let bytes = TestZip.stored([("mimetype", ODT.mimeType), ("content.xml", content)])
        let a = try Ingest.article(bytes: bytes, name: "details.odt")
        #expect(a.paragraphs == ["Báo cáo", "I. Kết quả", "I.1. Khen thưởng", "I.2. Thi đua", "II. Kiến nghị", "Bằng khen | 40", "Có 5 cá nhân",
                                 "dòng sau", "Ghi chú một."])
    }

    @Test func zipReader() throws {
        let bytes = TestZip.stored([("a.txt", "một"), ("b/c.xml", "<x/>")])
        var zip = try ZipArchive(bytes, budget: 1 << 20)
        #expect(zip.entries.map(\.name) == ["a.txt", "b/c.xml"])
        #expect(try zip.read("a.txt", limit: 100).map { String(decoding: $0, as: UTF8.self) } == "một")
        #expect(throws: ZipArchive.Failure.tooLarge("a.txt", limit: 2)) { try zip.read("a.txt", limit: 2) }
        var damaged = bytes
        damaged[30 + 5] ^= 0xFF  // a byte of a.txt's data
        var z2 = try ZipArchive(damaged, budget: 1 << 20)
        #expect(throws: ZipArchive.Failure.corrupt("a.txt fails its CRC-32 check (damaged)")) { try z2.read("a.txt", limit: 100) }
        #expect(throws: ZipArchive.Failure.corrupt("no end of central directory (truncated?)")) { try ZipArchive(Array(bytes.prefix(40)), budget: 100) }
    }
}

/// ZIP archives with stored entries, for tests (CRC-32 through the same shim the reader uses).
enum TestZip {
    static func stored(_ files: [(String, String)]) -> [UInt8] {
        var out: [UInt8] = []
        var directory: [UInt8] = []
        func u16(_ v: Int, _ a: inout [UInt8]) { a += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: UInt32, _ a: inout [UInt8]) { for k in 0..<4 { a.append(UInt8(v >> (8 * UInt32(k)) & 0xFF)) } }
        for (name, text) in files {
            let data = Array(text.utf8)
            let n = Array(name.utf8)
            let crc = ZipArchive.crc32(data)
            let offset = out.count
            u32(0x0403_4B50, &out); u16(20, &out); u16(0, &out); u16(0, &out); u16(0, &out); u16(0, &out)
            u32(crc, &out); u32(UInt32(data.count), &out); u32(UInt32(data.count), &out); u16(n.count, &out); u16(0, &out)
            out += n + data
            u32(0x0201_4B50, &directory); u16(20, &directory); u16(20, &directory); u16(0, &directory); u16(0, &directory)
            u16(0, &directory); u16(0, &directory); u32(crc, &directory); u32(UInt32(data.count), &directory); u32(UInt32(data.count), &directory)
            u16(n.count, &directory); u16(0, &directory); u16(0, &directory); u16(0, &directory); u16(0, &directory); u32(0, &directory)
            u32(UInt32(offset), &directory)
            directory += n
        }
        let at = out.count
        out += directory
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(files.count, &out); u16(files.count, &out)
        u32(UInt32(directory.count), &out); u32(UInt32(at), &out); u16(0, &out)
        return out
    }
}

/// Work on a PDF is bounded by its page count: a thousand pages are read, more than
/// `PDFText.maximumPages` are refused by name.
struct PDFBoundsTests {
    @Test func aThousandPagesAreReadAndTooManyRefused() throws {
        let big = PDFWriter.document(pages: 1000, linesPerPage: 4)
        let a = try Ingest.article(bytes: big, name: "thousand.pdf")
        #expect(a.format == "pdf")
        // The page numbers at the foot of each page are gone; every page's lines are there.
        #expect(!a.paragraphs.contains("1000"))
        #expect(a.text.components(separatedBy: "Tj").count == 1)
        #expect(a.paragraphs.count >= 1000)
        let tooMany = PDFWriter.document(pages: PDFText.maximumPages + 1, linesPerPage: 1)
        #expect(throws: IngestError(file: "many.pdf", reason: .unreadableDocument(format: "PDF", why: "\(PDFText.maximumPages + 1) pages is over the \(PDFText.maximumPages)-page limit"))) {
            try Ingest.article(bytes: tooMany, name: "many.pdf")
        }
    }
}
