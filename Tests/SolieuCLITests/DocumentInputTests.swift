import Foundation
import GRDB
import SolieuTestSupport
import Testing

/// A folder mixing pages, text, DOCX, ODT, PDF and hostile files (issue 15): each article stored
/// once with the formats it was read as, every bad file a named failure that stops nothing.
@Suite struct DocumentInputTests {
    @Test func mixedFolderIngestsEachOnceWithItsFormat() throws {
        let scratch = Scratch()
        defer { scratch.cleanup() }
        let input = scratch.path("in")
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        func copy(_ from: String, _ to: String) throws { try FileManager.default.copyItem(atPath: Project.path(from), toPath: input + "/" + to) }
        try copy("fixtures/html/vn-cafef.html", "page.html")
        try copy("fixtures/office/report-01.docx", "report.docx")
        try copy("fixtures/office/report-01.odt", "report.odt")
        try copy("fixtures/office/report-01.pdf", "report.pdf")
        try copy("fixtures/office/report-06.doc", "other.doc")
        try copy("fixtures/office/report-01.article.txt", "report.txt")
        try copy("fixtures/office/report-05.odt", "other.odt")
        try copy("fixtures/office/bad/lying-extension.txt", "named-as-text.txt")
        // Scans: a TIFF of two pages and a PDF of JPEG pages with no text layer (OCR).
        try copy("fixtures/scans/report-07-300-clean.tif", "scan.tif")
        try copy("fixtures/scans/report-03-300-poor.pdf", "scanned.pdf")
        for bad in ["bomb.docx", "xxe.docx", "truncated.docx", "malformed.docx", "encrypted.pdf", "truncated.pdf"] { try copy("fixtures/office/bad/\(bad)", bad) }
        let db = scratch.path("x.db")
        let (status, _, err) = try SolieuBinary.run(["ingest", input, "--db", db])
        #expect(status == 2, "some files failed: \(err)")
        for bad in ["bomb.docx", "xxe.docx", "truncated.docx", "malformed.docx", "encrypted.pdf", "truncated.pdf"] {
            #expect(err.contains("\(input)/\(bad): cannot read this"), "\(bad): \(err)")
        }
        let queue = try DatabaseQueue(path: db)
        try queue.read { db in
            // page, report (DOCX, ODT, PDF and text of one article; the PDF a near copy), other.odt,
            // other.doc, and report-02 named .txt.
            // and the two scans.
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") == 7)
            let formats = try Row.fetchAll(db, sql: "SELECT format, count(*) FROM sources GROUP BY format ORDER BY format").map { "\($0[0] as String) \($0[1] as Int)" }
            #expect(formats == ["doc 1", "docx 2", "html 1", "odt 2", "pdf 2", "text 1", "tiff 1"])
            let scans = try Row.fetchAll(db, sql: """
                SELECT s.path, d.ocr_pages, d.ocr_confidence, d.doc_number FROM documents d JOIN sources s ON s.document_id = d.id
                WHERE d.ocr_pages IS NOT NULL ORDER BY s.path
                """)
            #expect(scans.map { ($0[0] as String).hasSuffix("/scan.tif") || ($0[0] as String).hasSuffix("/scanned.pdf") } == [true, true])
            #expect(scans.map { $0[1] as Int } == [2, 3], "scan.tif has 2 pages, scanned.pdf 3")
            #expect(scans.allSatisfy { ($0[2] as Double) > 0.8 && ($0[2] as Double) <= 1 })
            // Figures read by OCR carry a confidence; figures of typed text never do.
            let confident = try Row.fetchOne(db, sql: """
                SELECT count(*), count(f.confidence), min(f.confidence) FROM figure_view f JOIN documents d ON d.id = f.document_id
                WHERE d.ocr_pages IS NOT NULL
                """)
            #expect((confident?[0] as Int? ?? 0) > 10 && confident?[0] as Int? == confident?[1] as Int?)
            #expect((confident?[2] as Double? ?? 0) > 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(f.confidence) FROM figure_view f JOIN documents d ON d.id = f.document_id WHERE d.ocr_pages IS NULL") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM failures") == 6)
            let header = try Row.fetchOne(db, sql: "SELECT issuer, doc_number, doc_type, place, published FROM documents d JOIN sources s ON s.document_id = d.id WHERE s.path LIKE '%/report.docx'")
            #expect(header?[0] as String? == "ỦY BAN NHÂN DÂN TỈNH GIA LAI")
            #expect(header?[2] as String? == "Kế hoạch")
            #expect((header?[1] as String?)?.hasSuffix("/KH-UBND") == true)
        }
        let (_, stats, _) = try SolieuBinary.run(["stats", "--db", db])
        #expect(stats.contains("sources read as docx") && stats.contains("sources read as odt"), "\(stats)")
        #expect(stats.contains("sources read as tiff") && stats.contains("documents read by OCR"), "\(stats)")
        let (_, scan, _) = try SolieuBinary.run(["show", "\(input)/scan.tif", "--db", db])
        #expect(scan.contains("read by OCR: 2 pages, mean confidence 0."), "\(scan)")
        let (_, shown, _) = try SolieuBinary.run(["show", "\(input)/report.odt", "--db", db])
        #expect(shown.contains("Kế hoạch · số ") && shown.contains("issued by ỦY BAN NHÂN DÂN TỈNH GIA LAI · at Gia Lai"), "\(shown)")
    }
}
