// SolieuIngest: from a bulletin (HTML page or scraped text) to a clean article.
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
    /// The article's paragraphs in reading order (NFC).
    public let paragraphs: [String]
    /// Hex SHA-256 of `text`.
    public var hash: String
    public var warnings: [String]

    /// Paragraphs joined by one blank line: the text every character offset refers to.
    public let text: String

    enum CodingKeys: String, CodingKey { case source, title, published, site, url, language, paragraphs, hash, warnings, text }

    public init(source: String, title: String?, published: String?, site: String?, url: String?,
                language: String?, paragraphs: [String], warnings: [String]) {
        self.source = source
        self.title = title
        self.published = published
        self.site = site
        self.url = url
        self.language = language
        self.paragraphs = paragraphs
        self.warnings = warnings
        var text = paragraphs.joined(separator: "\n\n")
        self.hash = text.withUTF8 { SHA256.hex($0) }
        self.text = text
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        source = try c.decode(String.self, forKey: .source)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        published = try c.decodeIfPresent(String.self, forKey: .published)
        site = try c.decodeIfPresent(String.self, forKey: .site)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        language = try c.decodeIfPresent(String.self, forKey: .language)
        paragraphs = try c.decode([String].self, forKey: .paragraphs)
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
        try c.encode(hash, forKey: .hash)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(paragraphs, forKey: .paragraphs)
        try c.encode(text, forKey: .text)
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
    }
    public var file: String
    public var reason: Reason

    public init(file: String, reason: Reason) {
        self.file = file
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .unreadable(let why): return "\(file): cannot read: \(why)"
        case .empty: return "\(file): empty input"
        case .binary: return "\(file): binary data, not HTML or text"
        case .tooLarge(let bytes, let limit): return "\(file): \(bytes) bytes is over the \(limit)-byte limit"
        case .parser(let code): return "\(file): HTML parser failed (code \(code))"
        case .noArticleFound: return "\(file): no article text found"
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
    public static func article(file path: String, format: InputFormat? = nil) throws(IngestError) -> Article {
        try article(bytes: try read(file: path), name: path, format: format)
    }

    /// The bytes of one file (`-`: standard input), refused with a clear error when it is missing,
    /// a folder, unreadable or over `maximumInputBytes`.
    public static func read(file path: String) throws(IngestError) -> [UInt8] {
        if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw IngestError(file: path, reason: .unreadable("no such file"))
        }
        if isDirectory.boolValue { throw IngestError(file: path, reason: .unreadable("is a directory")) }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
           size > maximumInputBytes {
            throw IngestError(file: path, reason: .tooLarge(bytes: size, limit: maximumInputBytes))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IngestError(file: path, reason: .unreadable("permission denied or I/O error"))
        }
        return Array(data)
    }

    /// Hex SHA-256 of some bytes (the content hash solieu uses for files and articles).
    public static func sha256(_ bytes: [UInt8]) -> String { SHA256.hex(bytes) }

    /// Cleans one document given as bytes.
    public static func article(bytes: [UInt8], name: String, format: InputFormat? = nil) throws(IngestError) -> Article {
        if bytes.count > maximumInputBytes {
            throw IngestError(file: name, reason: .tooLarge(bytes: bytes.count, limit: maximumInputBytes))
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw IngestError(file: name, reason: .empty)
        }
        if Decoding.looksBinary(bytes) { throw IngestError(file: name, reason: .binary) }
        let kind = format ?? InputFormat.guess(name: name, bytes: bytes)
        let decoded = Decoding.decode(bytes, html: kind == .html)
        switch kind {
        case .html:
            return try HTMLArticle.extract(decoded.body, name: name, warnings: decoded.warnings)
        case .text:
            return try TextArticle.extract(decoded.text, name: name, warnings: decoded.warnings)
        }
    }
}
