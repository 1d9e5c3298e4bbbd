// SolieuIngest: from a bulletin (HTML page, scraped text, DOCX, ODT, DOC or PDF report) to a clean article.
//
// Brief overview
// - `Ingest.article(file:)` / `Ingest.article(bytes:name:format:)` return an `Article`: the clean
//   article text (title, date line, lead, body, captions, byline; paragraphs separated by a blank
//   line) and its metadata (title, published date, site, url, language, content hash).
// - HTML goes through libxml2's SAX parser (in CSolieuShim, which first cuts out the content of
//   comments, scripts, styles and svg elements, dropped anyway) into a light block list
//   (`BlockTree`; tags and attributes cross as ids, class verdicts are memoized per thread),
//   `ContentFinder` picks the article's blocks, and `BoilerplateRules` (shared with plain-text
//   input) drops counters, widgets, contact blocks and related-news lists. Valid NFC UTF-8 pages
//   go to the parser as bytes, without a string of the whole page.
// - Documents are told by their first bytes (`DocumentFormat.sniff`): DOCX and ODT go through
//   `Office/` (ZipArchive over zlib with a decompression cap, XMLEvents over libxml2 with no DTD,
//   DOCX and ODT readers), DOC through antiword (`Office/DOC.swift`), PDF through `PDF/PDFText` (poppler's characters and boxes laid out
//   into paragraphs and table rows); both end in `OfficeArticle`, which reads an official
//   document's header (`OfficialHeader`) and drops its signature block.
// - Errors are `IngestError` values naming the file and the reason; warnings (undecodable bytes,
//   a charset that lied) ride on the `Article`.
//
// What it does not do: figures, tokens or storage (see SolieuText, SolieuExtract).
import Foundation
import SolieuText

/// A clean article and what the page says about it.
public struct Article: Sendable, Codable, Equatable {
    /// Where it came from (the path given, or "-" for stdin).
    public var source: String
    public var title: String?
    /// ISO 8601: "YYYY-MM-DD", or with a time when the page states one.
    public var published: String?
    public var site: String?
    public var url: String?
    public var language: String?
    /// What the file was, read by its content: "html", "text", "docx", "odt", "pdf", "doc", or an
    /// image read by OCR: "png", "jpeg", "tiff", "bmp", "pnm" (a scanned PDF is "pdf", with `ocr`).
    public var format: String?
    /// What an official document's header states (issuer, number, type, place); nil for news.
    public var header: DocumentHeader?
    /// Set when the text was read from pictures (a scan or an image) by OCR: the page count, the
    /// mean confidence and each word's confidence in the text.
    public var ocr: OCRReading?
    /// The article's paragraphs in reading order (NFC), cut from `text`: an article keeps its
    /// text once, not a second time as paragraphs (a huge one would cost twice its size).
    public var paragraphs: [String] {
        var out: [String] = []
        out.reserveCapacity(paragraphBytes.count)
        var i = text.utf8.startIndex
        for n in paragraphBytes {
            let end = text.utf8.index(i, offsetBy: n)
            out.append(String(text[i..<end]))
            i = end < text.utf8.endIndex ? text.utf8.index(end, offsetBy: 2) : end
        }
        return out
    }
    /// The first `n` paragraphs (`paragraphs.prefix(n)` without cutting the others).
    public func paragraphs(first n: Int) -> [String] {
        var out: [String] = []
        var i = text.utf8.startIndex
        for len in paragraphBytes.prefix(n) {
            let end = text.utf8.index(i, offsetBy: len)
            out.append(String(text[i..<end]))
            i = end < text.utf8.endIndex ? text.utf8.index(end, offsetBy: 2) : end
        }
        return out
    }
    /// UTF-8 length of each paragraph in `text` (they are joined by "\n\n").
    private let paragraphBytes: [Int]
    /// Hex SHA-256 of `text`.
    public var hash: String
    public var warnings: [String]

    /// Paragraphs joined by one blank line: the text every character offset refers to.
    public let text: String

    enum CodingKeys: String, CodingKey { case source, title, published, site, url, language, format, header, ocr, paragraphs, hash, warnings, text }

    public init(source: String, title: String?, published: String?, site: String?, url: String?,
                language: String?, paragraphs: [String], warnings: [String]) {
        self.source = source
        self.title = title.map(Self.withoutControls).flatMap { $0.isEmpty ? nil : $0 }
        self.published = published
        self.site = site
        self.url = url
        self.language = language
        let paragraphs = paragraphs.map(Self.withoutControls).filter { !$0.isEmpty }
        self.paragraphBytes = paragraphs.map { $0.utf8.count }
        self.warnings = warnings
        var text = paragraphs.joined(separator: "\n\n")
        self.hash = text.withUTF8 { SHA256.hex($0) }
        self.text = text
    }

    /// A paragraph without terminal escape sequences (CSI "ESC [ … J", OSC "ESC ] … BEL", and
    /// two-character escapes, as whole sequences: their parameters are not text) and without any
    /// other C0 or C1 control character but tab and newline. Pages and text files carry them by accident
    /// or on purpose; stored, they would be printed raw and read as figures ("2J", "31m").
    static func withoutControls(_ p: String) -> String {
        guard p.unicodeScalars.contains(where: isControl) else { return p }
        let u = Array(p.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < u.count {
            let c = u[i].value
            if c == 0x1B || c == 0x9B || c == 0x9D {
                var j = i + 1
                var kind = c == 0x9B ? UInt32(0x5B) : c == 0x9D ? 0x5D : 0
                if c == 0x1B, j < u.count { kind = u[j].value; j += 1 }
                if kind == 0x5B {
                    // CSI: parameter and intermediate bytes, then one final byte 0x40–0x7E.
                    while j < u.count, (0x20...0x3F).contains(u[j].value) { j += 1 }
                    if j < u.count, (0x40...0x7E).contains(u[j].value) { j += 1 }
                } else if kind == 0x5D || kind == 0x50 || kind == 0x5F || kind == 0x5E {
                    // OSC, DCS, APC, PM: up to BEL or ST (ESC \), at most one line.
                    while j < u.count, u[j].value != 0x07, u[j].value != 0x0A, !(u[j].value == 0x1B && j + 1 < u.count && u[j + 1] == "\\") { j += 1 }
                    if j < u.count, u[j].value == 0x07 { j += 1 } else if j < u.count, u[j].value == 0x1B { j += 2 }
                }
                i = j
                continue
            }
            if isControl(u[i]) { i += 1; continue }
            out.append(u[i])
            i += 1
        }
        return String(out).trimmingCharacters(in: .whitespaces)
    }

    /// A C0 or C1 control character (or DEL) other than tab and newline: never article text.
    public static func isControl(_ u: Unicode.Scalar) -> Bool {
        (u.value < 0x20 && u != "\t" && u != "\n") || (u.value >= 0x7F && u.value < 0xA0)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        source = try c.decode(String.self, forKey: .source)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        published = try c.decodeIfPresent(String.self, forKey: .published)
        site = try c.decodeIfPresent(String.self, forKey: .site)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        language = try c.decodeIfPresent(String.self, forKey: .language)
        format = try c.decodeIfPresent(String.self, forKey: .format)
        header = try c.decodeIfPresent(DocumentHeader.self, forKey: .header)
        ocr = try c.decodeIfPresent(OCRReading.self, forKey: .ocr)
        let paragraphs = try c.decode([String].self, forKey: .paragraphs)
        paragraphBytes = paragraphs.map { $0.utf8.count }
        text = paragraphs.joined(separator: "\n\n")
        hash = try c.decode(String.self, forKey: .hash)
        warnings = try c.decode([String].self, forKey: .warnings)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(source, forKey: .source)
        try c.encode(title, forKey: .title)
        try c.encode(published, forKey: .published)
        try c.encode(site, forKey: .site)
        try c.encode(url, forKey: .url)
        try c.encode(language, forKey: .language)
        try c.encode(format, forKey: .format)
        try c.encode(header, forKey: .header)
        try c.encode(ocr, forKey: .ocr)
        try c.encode(hash, forKey: .hash)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(paragraphs, forKey: .paragraphs)
        try c.encode(text, forKey: .text)
    }
}

/// The header of an official document (Nghị định 30/2020/NĐ-CP): who issued it, its number
/// ("346/TB-UBND"), its type ("Thông báo") and the place of its date line. Its title and date
/// are the article's.
public struct DocumentHeader: Sendable, Codable, Equatable {
    public var issuer: String?
    public var number: String?
    public var type: String?
    public var place: String?

    public init(issuer: String?, number: String?, type: String?, place: String?) {
        self.issuer = issuer
        self.number = number
        self.type = type
        self.place = place
    }

    /// A header that states at least one of its fields; nil when it states none.
    public init?(stating issuer: String?, number: String?, type: String?, place: String?) {
        guard issuer != nil || number != nil || type != nil || place != nil else { return nil }
        self.init(issuer: issuer, number: number, type: type, place: place)
    }
}

/// A file that could not become an article.
public struct IngestError: Error, CustomStringConvertible, Equatable {
    public enum Reason: Equatable, Sendable {
        case unreadable(String)
        case empty
        case binary
        case tooLarge(bytes: Int, limit: Int)
        case parser(Int32)
        case noArticleFound
        /// A document (DOCX, ODT) whose package is damaged or hostile: what, and where in it.
        case unreadableDocument(format: String, why: String)
        /// A kind of file solieu recognizes but does not read.
        case unsupported(String)
    }
    public var file: String
    public var reason: Reason

    public init(file: String, reason: Reason) {
        self.file = file
        self.reason = reason
    }

    /// The file name is shown escaped (`RawPath.display`): a name cannot forge a line of output.
    public var description: String {
        let file = RawPath.display(self.file)
        switch reason {
        case .unreadable(let why): return "\(file): cannot read: \(why)"
        case .empty: return "\(file): empty input"
        case .binary: return "\(file): binary data, not HTML or text"
        case .tooLarge(let bytes, let limit): return "\(file): \(bytes) bytes is over the \(limit)-byte limit (--max-size)"
        case .parser(let code): return "\(file): HTML parser failed (code \(code))"
        case .noArticleFound: return "\(file): no article text found"
        case .unreadableDocument(let format, let why): return "\(file): cannot read this \(format): \(why)"
        case .unsupported(let what): return "\(file): \(what); solieu does not read this kind of file yet"
        }
    }
}

public enum InputFormat: String, Sendable, CaseIterable {
    case html, text

    /// By extension: .html/.htm/.xhtml/.aspx/.php are HTML, anything else is sniffed.
    static func guess(name: String, bytes: [UInt8]) -> InputFormat {
        let lower = name.lowercased()
        for ext in [".html", ".htm", ".xhtml", ".aspx", ".asp", ".php", ".jsp"] where lower.hasSuffix(ext) { return .html }
        if lower.hasSuffix(".txt") { return .text }
        // Sniff: a tag near the start.
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
        for marker in ["<!doctype html", "<html", "<head", "<body", "<div", "<p>", "<meta", "<table"] where head.contains(marker) {
            return .html
        }
        return .text
    }
}

public enum Ingest {
    /// Inputs larger than this are refused with a clear error rather than parsed.
    public static let maximumInputBytes = 64 * 1024 * 1024

    /// Reads and cleans one file (`-` reads standard input).
    public static func article(file path: String, format: InputFormat? = nil, limit: Int = maximumInputBytes) throws(IngestError) -> Article {
        try article(bytes: try read(file: path, limit: limit), name: path, format: format, limit: limit)
    }

    /// The bytes of one file (`-`: standard input), refused with a clear error when it is missing,
    /// a folder, a FIFO or device (checked before anything is read, so a pipe cannot hang a batch),
    /// unreadable or over `limit` bytes. Paths may carry undecodable bytes (`RawPath`).
    public static func read(file path: String, limit: Int = maximumInputBytes) throws(IngestError) -> [UInt8] {
        if path == "-" {
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = chunk.withUnsafeMutableBytes { Glibc.read(STDIN_FILENO, $0.baseAddress, $0.count) }
                if n < 0 { if errno == EINTR { continue }; throw IngestError(file: path, reason: .unreadable(Errno(errno).description)) }
                if n == 0 { break }
                bytes.append(contentsOf: chunk[0..<n])
                if bytes.count > limit { throw IngestError(file: path, reason: .tooLarge(bytes: bytes.count, limit: limit)) }
            }
            return bytes
        }
        // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
        let fd = RawPath.withCString(path) { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
        if fd < 0 {
            let e = errno
            if e == ENOENT, case .success(let l) = RawPath.status(path, link: true), l.isLink {
                throw IngestError(file: path, reason: .unreadable("broken symbolic link"))
            }
            throw IngestError(file: path, reason: .unreadable(e == ENOENT ? "no such file" : Errno(e).description))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw IngestError(file: path, reason: .unreadable(Errno(errno).description)) }
        if st.isDirectory { throw IngestError(file: path, reason: .unreadable("is a directory")) }
        guard st.isRegular else { throw IngestError(file: path, reason: .unreadable("\(st.kindName), not a regular file")) }
        let size = Int(st.st_size)
        if size > limit { throw IngestError(file: path, reason: .tooLarge(bytes: size, limit: limit)) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var count = 0
        while true {
            if count == bytes.count {
                // The file grew while being read.
                if count > limit { throw IngestError(file: path, reason: .tooLarge(bytes: count, limit: limit)) }
                bytes.append(contentsOf: repeatElement(0, count: max(4096, count / 2)))
            }
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 { if errno == EINTR { continue }; throw IngestError(file: path, reason: .unreadable(Errno(errno).description)) }
            if n == 0 { break }
            count += n
        }
        if count > limit { throw IngestError(file: path, reason: .tooLarge(bytes: count, limit: limit)) }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// Hex SHA-256 of some bytes (the content hash solieu uses for files and articles).
    public static func sha256(_ bytes: [UInt8]) -> String { SHA256.hex(bytes) }

    /// Cleans one document given as bytes.
    public static func article(bytes: [UInt8], name: String, format: InputFormat? = nil,
                               limit: Int = maximumInputBytes) throws(IngestError) -> Article {
        if bytes.count > limit {
            throw IngestError(file: name, reason: .tooLarge(bytes: bytes.count, limit: limit))
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw IngestError(file: name, reason: .empty)
        }
        // Documents are told by their first bytes, whatever the extension says.
        switch DocumentFormat.sniff(bytes) {
        case .zip?: return try OfficeArticle.extract(bytes, name: name, limit: limit)  // sets .format
        case .pdf?: return try OfficeArticle.article(try PDFText.read(bytes, name: name), format: .pdf, name: name)
        case .doc?: return try LegacyWord.read(bytes, name: name, limit: limit)
        case let image? where image == .png || image == .jpeg || image == .tiff || image == .bmp || image == .pnm:
            return try OfficeArticle.article(try OCR.readImage(bytes, format: image, name: name), format: image, name: name)
        case let other?: throw IngestError(file: name, reason: .unsupported(other.displayName))
        case nil: break
        }
        if Decoding.looksBinary(bytes) { throw IngestError(file: name, reason: .binary) }
        let kind = format ?? InputFormat.guess(name: name, bytes: bytes)
        let decoded = Decoding.decode(bytes, html: kind == .html)
        var article: Article
        switch kind {
        case .html:
            article = try HTMLArticle.extract(decoded.body, name: name, warnings: decoded.warnings)
        case .text:
            article = try TextArticle.extract(decoded.text, name: name, warnings: decoded.warnings)
        }
        article.format = kind.rawValue
        return article
    }
}
