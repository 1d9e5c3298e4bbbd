import Foundation
@testable import SolieuIngest
import SolieuTestSupport
import Testing

/// Scans through OCR (Sources/SolieuIngest/OCR) on fixtures/scans, made from the reports of
/// fixtures/office by scripts/make-scan-fixtures. Each test reads few pages: OCR takes about a
/// second a page (scripts/bench-documents measures the speed and every scan's error rate).
struct OCRTests {
    func scan(_ name: String) -> String { Project.path("fixtures/scans/\(name)") }
    func gold(_ report: String) throws -> String { try String(contentsOfFile: Project.path("fixtures/office/\(report).article.txt"), encoding: .utf8) }
    func failure(_ bytes: [UInt8], _ name: String = "scan.png") -> String {
        do { _ = try Ingest.article(bytes: bytes, name: name); return "read" } catch { return error.description }
    }

    @Test func aCleanScanReadsAsItsReport() throws {
        let a = try Ingest.article(file: scan("report-05-300-clean.tif"))
        let cer = CharacterErrorRate(predicted: a.text, gold: try gold("report-05"))
        #expect(cer.rate < 0.04, "character error rate \(cer.rate)")
        #expect(a.format == "tiff")
        #expect(a.ocr?.pages == 2)
        #expect((a.ocr?.confidence ?? 0) > 0.8 && (a.ocr?.confidence ?? 2) <= 1)
        // The official header is read from the picture as from the text layer.
        #expect(a.header?.number == "346/TB-UBND")
        #expect(a.header?.issuer == "ỦY BAN NHÂN DÂN TỈNH AN GIANG")
        #expect(a.published == "2019-05-14")
        #expect(a.text.contains("Tặng Cờ thi đua của Chính phủ cho 8 tập thể"))
    }

    @Test func aScannedPDFIsReadPageByPage() throws {
        // A PDF of JPEG pages, turned, grey and noisy, with no text layer: rendered and read.
        let a = try Ingest.article(file: scan("report-07-300-poor.pdf"))
        #expect(a.format == "pdf")
        #expect(a.ocr?.pages == 2)
        let cer = CharacterErrorRate(predicted: a.text, gold: try gold("report-07"))
        #expect(cer.rate < 0.08, "character error rate \(cer.rate)")
    }

    /// A report set in two columns, scanned askew: the page is turned straight, and the columns'
    /// lines, which fill them row after row, are prose read column by column, not table rows.
    @Test func twoColumnsScannedAskew() throws {
        let a = try Ingest.article(file: scan("report-08-300-poor.pdf"))
        let cer = CharacterErrorRate(predicted: a.text, gold: try gold("report-08"))
        #expect(cer.rate < 0.05, "character error rate \(cer.rate)")
        #expect(a.text.contains("nhận đỡ đầu cha mẹ liệt sĩ neo đơn và con liệt sĩ cho đến tuổi trưởng thành"))
        #expect(!a.paragraphs.contains { $0.hasPrefix("1. Tình hình chung |") })
        // The text layer of the same report: the same rule.
        let pdf = try Ingest.article(file: Project.path("fixtures/office/report-08.pdf"))
        #expect(BagOfWordsScore(predicted: pdf.text, gold: try gold("report-08")).f1 == 1)
    }

    @Test func imagesOfOnePage() throws {
        for file in ["report-00-page1-300-clean.png", "report-00-page1-300-poor.jpg"] {
            let a = try Ingest.article(file: scan(file))
            #expect(a.ocr?.pages == 1, "\(file)")
            #expect(a.header?.number == "288/BC-UBND", "\(file)")
            #expect(a.format == (file.hasSuffix(".png") ? "png" : "jpeg"))
        }
    }

    /// Each word keeps its confidence, and a span gets its least sure word's.
    @Test func wordsArePlacedInTheText() {
        var r = OCRReading(pages: 1, words: [OCRReading.Word(text: "Tặng", confidence: 0.96), OCRReading.Word(text: "8", confidence: 0.41),
                                             OCRReading.Word(text: "tập", confidence: 0.9), OCRReading.Word(text: "thể", confidence: 0.93),
                                             OCRReading.Word(text: "zzz", confidence: 0.2)])
        r.place(in: "Tặng cờ cho 8 tập thể.")
        #expect(r.spans.map(\.start) == [0, 12, 14, 18])
        #expect(r.confidence(start: 12, end: 21) == 0.41)
        #expect(r.confidence(start: 14, end: 21) == 0.9)
        // No word there: the document's mean.
        #expect(r.confidence(start: 5, end: 7) == (r.confidence * 1000).rounded() / 1000)
    }

    /// A scan's header words take the body's marks; the motto's words leave the issuer.
    @Test func headerWordsRespelledByTheBody() {
        let body = ["UBND tỉnh Kiên Giang trao Bằng khen.", "Tỉnh Kiên Giang có 15 huyện; tình hình tỉnh Kiên Giang ổn định."]
        let v = OCRVocabulary(body)
        #expect(v.respelled("ỦY BAN NHÂN DÂN TĨNH KIEN GIANG") == "ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG")
        // Fewer than three in the body, or no clear winner: as read.
        #expect(OCRVocabulary(["tỉnh Kiên Giang", "tình hình"]).respelled("TĨNH KIEN") == "TĨNH KIEN")
        #expect(OfficialHeader.withoutMotto("ỦY BAN NHÂN DÂN CÔNG HÒA XÃ HỘI CHỦ TỈNH KIÊN GIANG NGHĨA VIỆT NĂM") == "ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG")
        #expect(OfficialHeader.withoutMotto("ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU") == "ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU")
        // By the pair it makes: "kien giang" is "Kiên Giang" here, though "kiến" comes as often alone.
        let pairs = OCRVocabulary(["tỉnh Kiên Giang có nhiều ý kiến.", "Kiên Giang ghi nhận các kiến nghị, kiến thức."])
        #expect(pairs.respelled("TĨNH KIEN GIANG") == "TĨNH KIÊN GIANG")
        // A doubled mark ("BẾÊN") is the body's word once.
        #expect(OCRVocabulary(["Bến Tre", "tỉnh Bến Tre", "Bến Tre"]).respelled("BẾÊN TRE") == "BẾN TRE")
        // Header rows with marks read off a rule between them, down to the motto's second line.
        let header = OfficialHeader.read(["ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH CÀ MAU | ù",
                                          " | Độc lập - Tự do - Hạnh phúc", "Số: 143/KH-UBND | Cà Mau, ngày 16 tháng 1 năm 2023", "KẾ HOẠCH", "Tổ chức"])
        #expect(header?.issuer == "ỦY BAN NHÂN DÂN TỈNH CÀ MAU")
        #expect(header?.number == "143/KH-UBND")
    }

    @Test func badImagesAreNamedErrors() {
        // A PNG header claiming 20,000 × 20,000 pixels: refused before a pixel is decoded.
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        png += Array("IHDR".utf8) + [0, 0, 0x4E, 0x20, 0, 0, 0x4E, 0x20, 8, 0, 0, 0, 0] + [0x3B, 0x5E, 0x2F, 0x3A]
        png += [0, 0, 0, 0] + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82]
        let huge = failure(png, "huge.png")
        #expect(huge.hasPrefix("huge.png: cannot read this PNG: 20000 × 20000 pixels is over the 120-megapixel limit"), "\(huge)")
        // A real scan cut short: named, not a crash or a partial record.
        let bytes = [UInt8](FileManager.default.contents(atPath: scan("report-00-page1-300-poor.jpg")) ?? Data())
        let cut = failure(Array(bytes.prefix(bytes.count / 3)), "cut.jpg")
        #expect(cut.hasPrefix("cut.jpg: cannot read this JPEG"), "\(cut)")
        // Only a PNG's signature.
        #expect(failure([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]).contains("its header cannot be read"))
    }
}
