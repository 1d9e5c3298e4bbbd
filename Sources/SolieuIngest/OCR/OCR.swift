import CSolieuShim
import Foundation
import SolieuText

/// Scanned pages and images to paragraphs, through Tesseract (CSolieuShim) with its Vietnamese
/// model (Debian's `tesseract-ocr-vie`).
///
/// - An image (PNG, JPEG, TIFF with all its pages, BMP, PNM) is taken at the resolution it states
///   (300 dpi when it states none) and scaled down to `readDPI` when it is finer. One with more
///   than `maximumPixels` is refused before a pixel is decoded.
/// - A PDF page with no text layer is rendered at `renderDPI` and read.
/// - Both are 200 dpi, measured on fixtures/scans (scripts/bench-documents; SOLIEU_OCR_DPI sets
///   another for a run): the character error rate of the 300-dpi scans read at 200 is that of
///   reading them at 300 (clean 1.82% and 1.80%, poor 2.85% and 3.04%), and a page is read in
///   0.85 s rather than 1.06 s.
/// - A page scanned askew is turned straight (leptonica's deskew) before it is read: the poor
///   copies' error rate falls from 2.85% to 1.35%, and a turned two-column page no longer runs
///   its columns' lines into one another.
/// - The recognized words come back as lines with boxes in points, the shape of a PDF text layer,
///   and go through the same layout: running headers and page numbers out, lines into
///   paragraphs, table rows as `cell | cell`.
/// - Each word keeps its confidence; the document gets the mean, and each figure the lowest of the
///   words it covers (`OCRReading.confidence(start:end:)`).
enum OCR {
    static let maximumPixels: Int64 = 120_000_000
    static let renderDPI: Int32 = Int32(ProcessInfo.processInfo.environment["SOLIEU_OCR_DPI"] ?? "") ?? 200
    /// Images of a higher resolution are scaled down to it before they are read.
    static var readDPI: Int32 { renderDPI }
    /// Resolution assumed for an image that states none (most scanners write one).
    static let fallbackDPI: Int32 = 300
    /// No page takes longer than this to read (a page of noise can keep the engine busy).
    static let pageDeadlineMs: Int32 = 60_000
    /// The shorter side of an image below which it is no scanned page.
    static let minimumSide: Int32 = 400
    /// Pages at most in one scanned document.
    static let maximumPages = 500

    struct Page {
        var index: Int
        var lines: [PDFText.Line]
        var words: [OCRReading.Word]
    }

    // MARK: engines

    /// Where Tesseract's models are: $TESSDATA_PREFIX, else Debian's folders.
    static func modelFolder() -> String? {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["TESSDATA_PREFIX"] {
            candidates += [env, (env as NSString).appendingPathComponent("tessdata")]
        }
        candidates += ["/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata", "/usr/share/tessdata",
                       "/usr/local/share/tessdata"]
        return candidates.first { FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent("vie.traineddata")) }
    }

    /// Engines are costly to load (the model is read each time) and are not shared between threads:
    /// a pool lends each reading thread one, and takes it back.
    final class Pool: @unchecked Sendable {
        private let lock = NSLock()
        private var idle: [OpaquePointer] = []

        func borrow(_ name: String) throws(IngestError) -> OpaquePointer {
            lock.lock()
            if let e = idle.popLast() { lock.unlock(); return e }
            lock.unlock()
            guard let folder = OCR.modelFolder() else {
                throw IngestError(file: name, reason: .unreadableDocument(format: "scan",
                    why: "reading it needs OCR, and Tesseract's Vietnamese model is not installed (apt install tesseract-ocr-vie, or set TESSDATA_PREFIX)"))
            }
            var engine: OpaquePointer?
            var message = [CChar](repeating: 0, count: 256)
            guard solieu_ocr_open(folder, "vie", &engine, &message, message.count) == Int32(SOLIEU_OK), let engine else {
                let why = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                throw IngestError(file: name, reason: .unreadableDocument(format: "scan", why: why))
            }
            return engine
        }

        func giveBack(_ engine: OpaquePointer) {
            lock.lock()
            defer { lock.unlock() }
            if idle.count < 16 { idle.append(engine) } else { solieu_ocr_close(engine) }
        }
    }

    static let pool = Pool()

    // MARK: reading

    /// An image file (any page count) to text.
    static func readImage(_ bytes: [UInt8], format: DocumentFormat, name: String) throws(IngestError) -> OfficeText {
        let label = format.rawValue.uppercased()
        var width: Int32 = 0, height: Int32 = 0, pages: Int32 = 0, dpi: Int32 = 0
        guard bytes.withUnsafeBufferPointer({ solieu_image_info($0.baseAddress, $0.count, &width, &height, &pages, &dpi) }) == Int32(SOLIEU_OK) else {
            throw IngestError(file: name, reason: .unreadableDocument(format: label, why: "its header cannot be read (damaged or not an image)"))
        }
        if Int64(width) * Int64(height) > maximumPixels {
            throw IngestError(file: name, reason: .unreadableDocument(format: label,
                why: "\(width) × \(height) pixels is over the \(maximumPixels / 1_000_000)-megapixel limit for a scanned page"))
        }
        if Int(pages) > maximumPages {
            throw IngestError(file: name, reason: .unreadableDocument(format: label, why: "\(pages) pages is over the \(maximumPages)-page limit"))
        }
        // A logo, an icon or a photo's thumbnail (a saved page's images sit beside it): no page of
        // text, even at 72 dpi, is this small.
        if min(width, height) < minimumSide {
            throw IngestError(file: name, reason: .unsupported("an image of \(width) × \(height) pixels, too small to be a scanned page"))
        }
        let engine = try pool.borrow(name)
        defer { pool.giveBack(engine) }
        var read: [Page] = []
        for p in 0..<Int(pages) {
            var out: UnsafeMutablePointer<UInt8>?
            var length = 0
            let rc = bytes.withUnsafeBufferPointer {
                solieu_ocr_image(engine, $0.baseAddress, $0.count, Int32(p), maximumPixels, fallbackDPI, readDPI, pageDeadlineMs, &out, &length)
            }
            guard rc == Int32(SOLIEU_OK), let out else {
                let why: String
                switch Int(rc) {
                case SOLIEU_ERR_TOO_LARGE: why = "page \(p + 1) is over the \(maximumPixels / 1_000_000)-megapixel limit"
                case SOLIEU_ERR_CORRUPT: why = "the pixels of page \(p + 1) do not decode (truncated or damaged)"
                case SOLIEU_ERR_ALLOC: why = "out of memory on page \(p + 1)"
                default: why = "page \(p + 1) cannot be read"
                }
                throw IngestError(file: name, reason: .unreadableDocument(format: label, why: why))
            }
            defer { solieu_free(out) }
            read.append(page(UnsafeBufferPointer(start: out, count: length), index: p))
        }
        return try text(read, name: name, label: label)
    }

    /// Pages of an open PDF that have no text layer, rendered and read.
    static func readScannedPDF(_ pdf: OpaquePointer, pages: [Int], name: String) throws(IngestError) -> [Page] {
        if pages.count > maximumPages {
            throw IngestError(file: name, reason: .unreadableDocument(format: "PDF", why: "a scan of \(pages.count) pages is over the \(maximumPages)-page limit for OCR"))
        }
        let engine = try pool.borrow(name)
        defer { pool.giveBack(engine) }
        var read: [Page] = []
        for p in pages {
            var grey: UnsafeMutablePointer<UInt8>?
            var width: Int32 = 0, height: Int32 = 0
            let rc = solieu_pdf_render(pdf, Int32(p), renderDPI, maximumPixels, &grey, &width, &height)
            guard rc == Int32(SOLIEU_OK), let grey else {
                let why = Int(rc) == SOLIEU_ERR_TOO_LARGE ? "page \(p + 1) is too large to render for OCR" : "page \(p + 1) cannot be rendered"
                throw IngestError(file: name, reason: .unreadableDocument(format: "PDF", why: why))
            }
            defer { solieu_free(grey) }
            var out: UnsafeMutablePointer<UInt8>?
            var length = 0
            guard solieu_ocr_grey(engine, grey, width, height, renderDPI, pageDeadlineMs, &out, &length) == Int32(SOLIEU_OK), let out else {
                throw IngestError(file: name, reason: .unreadableDocument(format: "PDF", why: "OCR failed on page \(p + 1)"))
            }
            defer { solieu_free(out) }
            read.append(page(UnsafeBufferPointer(start: out, count: length), index: p))
        }
        return read
    }

    /// One page's buffer (see `solieu_ocr_image`): lines as a text layer's, and the words.
    static func page(_ b: UnsafeBufferPointer<UInt8>, index: Int) -> Page {
        let lines = PDFText.pageLines(b, page: index)
        // The words follow the characters and the (empty) font runs.
        var i = 8
        func u32() -> Int {
            guard i + 4 <= b.count else { i = b.count; return 0 }
            defer { i += 4 }
            return Int(b[i]) | Int(b[i + 1]) << 8 | Int(b[i + 2]) << 16 | Int(b[i + 3]) << 24
        }
        let chars = u32()
        i += chars * 20
        _ = u32()
        let n = u32()
        var words: [OCRReading.Word] = []
        words.reserveCapacity(n)
        for _ in 0..<n where i + 6 <= b.count {
            let conf = Float(bitPattern: UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24)
            let len = Int(b[i + 4]) | Int(b[i + 5]) << 8
            i += 6
            guard i + len <= b.count else { break }
            let text = UnicodeNormalization.nfc(String(decoding: UnsafeBufferPointer(rebasing: b[i..<(i + len)]), as: UTF8.self))
            i += len
            words.append(OCRReading.Word(text: text, confidence: Double(max(0, min(100, conf))) / 100))
        }
        return Page(index: index, lines: Tables.rebuild(lines), words: words)
    }

    static func text(_ pages: [Page], name: String, label: String) throws(IngestError) -> OfficeText {
        let lines = pages.flatMap(\.lines)
        let words = pages.flatMap(\.words)
        guard lines.contains(where: { $0.text.unicodeScalars.count > 1 }) else {
            throw IngestError(file: name, reason: .unreadableDocument(format: label, why: "OCR found no text in it"))
        }
        var text = OfficeText(paragraphs: PDFText.paragraphs(PDFText.withoutRunningLines(lines, pages: pages.count)))
        text.ocr = OCRReading(pages: pages.count, words: words)
        return text
    }
}
