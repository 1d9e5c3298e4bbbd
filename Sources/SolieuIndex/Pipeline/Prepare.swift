import Foundation
import SolieuExtract
import SolieuIngest
import SolieuText

/// Everything the writer stores for one file, computed off the writer's thread.
public struct PreparedDocument: Sendable {
    /// The source path as stored (absolute, standardized).
    public var path: String
    public var fileHash: String
    public var bytes: Int
    public var article: Article
    public var text: String
    public var chars: Int
    public var contentHash: String { article.hash }
    public var figures: [Figure]
    public var sentences: [Sentences.Unit]
    public var province: Provinces.Detection?
    public var period: DocumentPeriod?
    /// Per figure: the calendar span it refers to (its own for dates and periods, else the period
    /// its sentence states, else the document's).
    public var figurePeriods: [PeriodRange?]
    public var titleKey: String
    public var bodyKey: String
    /// Abbreviations the article defines for itself.
    public var definitions: [Abbreviations.Definition]
    /// MinHash signature of the text, to find near-identical copies (`NearDuplicates`).
    public var signature: [UInt32] = []
    /// Its keys as a candidate copy (`NearDuplicates.keys`).
    public var nearKeys: [Int64] = []

    /// The text the full-text index holds: searchKey (lower-case, no diacritics, "đ" → "d"), one
    /// scalar per scalar of the original, so offsets found in it are offsets in the text.
    static func searchKey(_ text: String) -> String { VietnameseFold.searchKey(text) }
}

/// The period a bulletin reports on.
public struct DocumentPeriod: Sendable, Equatable {
    /// A period value of the gold format ("2018-H1", "2017", "2016/2020").
    public var value: String
    public var range: PeriodRange
    /// "title", "lead" (the first paragraphs) or "published" (the year of publication).
    public var evidence: String
}

/// Turns one file into a `PreparedDocument`. Thread-safe: holds only immutable reference data.
public struct Preparer: Sendable {
    public var provinces: Provinces

    public init(provinces: Provinces = .bundled) {
        self.provinces = provinces
    }

    /// The path under which a file is stored: absolute and standardized, so "corpus/a.txt" and
    /// "./corpus/a.txt" are one source.
    public static func storedPath(_ path: String) -> String {
        if path == "-" { return path }
        // realpath(3) on the path's own bytes (a name need not be UTF-8: `RawPath`).
        return RawPath.realPath(path) ?? URL(fileURLWithPath: path).standardizedFileURL.path
    }

    public func prepare(path: String, bytes: [UInt8], fileHash: String? = nil, limit: Int = Ingest.maximumInputBytes) throws(IngestError) -> PreparedDocument {
        let article = try Ingest.article(bytes: bytes, name: path, limit: limit)
        return prepare(path: path, bytes: bytes, article: article, fileHash: fileHash ?? Ingest.sha256(bytes))
    }

    public func prepare(path: String, bytes: [UInt8], article: Article, fileHash: String) -> PreparedDocument {
        let text = article.text
        var (figures, sentences) = Extractor.extractWithSentences(text, published: article.published)
        // Text read by OCR: each figure carries the engine's confidence in its least sure word.
        if let ocr = article.ocr {
            for k in figures.indices { figures[k].confidence = ocr.confidence(start: figures[k].start, end: figures[k].end) }
        }
        let province = provinces.detect(title: article.title, text: text, site: article.site, url: article.url,
                                        pageHosts: Provinces.hosts(inPage: bytes) + Provinces.hosts(inPath: path), published: article.published)
        let period = documentPeriod(article: article, figures: figures)
        let figurePeriods: [PeriodRange?] = figures.map { f in
            if f.kind == .period || f.kind == .date, let own = f.calendar.flatMap(PeriodRange.init) { return own }
            if let stated = f.period.flatMap(PeriodRange.init) { return stated }
            return period?.range
        }
        let bodyKey = PreparedDocument.searchKey(text)
        let signature = NearDuplicates.signature(key: bodyKey)
        return PreparedDocument(
            path: path, fileHash: fileHash, bytes: bytes.count, article: article, text: text, chars: text.unicodeScalars.count,
            figures: figures, sentences: sentences, province: province, period: period, figurePeriods: figurePeriods,
            titleKey: PreparedDocument.searchKey(article.title ?? ""), bodyKey: bodyKey,
            definitions: Abbreviations.definitions(in: text), signature: signature,
            nearKeys: NearDuplicates.keys(signature: signature, key: bodyKey))
    }

    /// The title's period, else the first one in the first paragraphs, else the year published.
    func documentPeriod(article: Article, figures: [Figure]) -> DocumentPeriod? {
        let lead = article.paragraphs(first: 3)
        let titleEnd = lead.first.map { $0.unicodeScalars.count } ?? 0
        let leadEnd = lead.reduce(0) { $0 + $1.unicodeScalars.count + 2 }
        let periods = figures.filter { $0.kind == .period }
        if article.title != nil, let f = periods.first(where: { $0.end <= titleEnd }),
           let value = f.calendar, let range = PeriodRange(value) {
            return DocumentPeriod(value: value, range: range, evidence: "title")
        }
        if let f = periods.first(where: { $0.end <= leadEnd }), let value = f.calendar, let range = PeriodRange(value) {
            return DocumentPeriod(value: value, range: range, evidence: "lead")
        }
        if let published = article.published, published.count >= 4 {
            let year = String(published.prefix(4))
            if let range = PeriodRange(year) { return DocumentPeriod(value: year, range: range, evidence: "published") }
        }
        return nil
    }
}
