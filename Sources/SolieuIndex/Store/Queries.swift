import Foundation
import GRDB
import SolieuIngest
import SolieuExtract
import SolieuText

/// Which figures a query is about. Every field is optional; each one given narrows the set.
public struct FigureFilter: Sendable, Equatable {
    public var kinds: [Figure.Kind] = []
    /// An award title, or part of one, in any spelling ("Bằng khen", "bang khen", "Huân chương Lao động").
    public var award: String?
    /// A recipient kind ("tập thể", "ca nhan").
    public var recipient: String?
    /// A province before or after the 2025 reorganization, any spelling.
    public var province: String?
    /// A period value ("2018", "2018-H1", "2020-Q3", "2019-06", "2016/2020"): figures whose
    /// period lies within it.
    public var period: String?
    /// Words the figure's measure must contain ("nong thon moi").
    public var measure: String?
    /// A percent's role: "share", "plan" or "change".
    public var role: String?
    /// A document: its id, a path (or the end of one), or a content-hash prefix.
    public var document: String?
    public var limit: Int?
    /// Only figures whose id is greater: the next page of a listing in id order.
    public var after: Int64?
    /// Listing order other than by id (figures then come `offset` rows in).
    public var sort: FigureSort?
    public var offset = 0

    public init() {}
}

/// An order for figure listings: by value (an award's count, a quantity's number, a percent), by
/// the first day of its period, or by its document's publication; ascending or descending, ties
/// by id (a total order: pages of a sorted listing never overlap).
public struct FigureSort: Sendable, Equatable {
    public enum Key: String, Sendable, CaseIterable { case value, period, published }
    public var key: Key
    public var descending: Bool

    /// "value", "-period" (descending).
    public init?(_ text: String) {
        let desc = text.hasPrefix("-")
        guard let key = Key(rawValue: String(desc ? text.dropFirst() : Substring(text))) else { return nil }
        self.key = key
        descending = desc
    }

    var expression: String {
        switch key {
        case .value: return "coalesce(f.count, f.number)"
        case .period: return "f.first_day"
        case .published: return "(SELECT published FROM documents WHERE id = f.document_id)"
        }
    }
}

/// One figure with its document and evidence sentence. JSON, JSONL, CSV and the SQL view
/// `figure_view` give it in one shape: `FigureRecord.fields`, the same names in the same order.
public struct FigureRow: Sendable, Encodable {
    public var id: Int64
    public var document: Int64
    public var source: String?
    public var title: String?
    /// As the page states it ("2018-07-18", "2018-08-07T07:37+07:00"); records give the date
    /// and the time as two fields.
    public var published: String?
    public var province: String?
    public var provinceNow: String?
    public var kind: String
    public var text: String
    public var start: Int
    public var end: Int
    public var value: Double?
    public var calendar: String?
    public var unit: String?
    public var currency: String?
    public var numerator: Double?
    public var denominator: Double?
    public var from: Double?
    public var to: Double?
    public var docType: String?
    public var docNumber: String?
    public var issuer: String?
    public var docDate: String?
    public var award: String?
    public var awardClass: Int?
    public var conferrer: String?
    public var recipient: String?
    public var count: Int?
    public var posthumous: Bool?
    public var inferred: Bool
    public var measure: String?
    public var period: String?
    public var periodFirst: String?
    public var periodLast: String?
    public var partOf: Int64?
    /// percent: "share", "plan" or "change" (with `sign` 1 or -1).
    public var role: String?
    public var sign: Int?
    /// OCR'd text: the engine's confidence (0–1) in the figure's least sure word.
    public var confidence: Double? = nil
    public var sentence: String
    public var sentenceStart: Int
    public var sentenceEnd: Int
    public var site: String? = nil
    public var url: String? = nil
    public var sentenceIndex: Int? = nil
    /// false for a figure not (yet) stored (`solieu extract`): it has no document id.
    public var stored = true

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureRecord.Key.self)
        for field in FigureRecord.fields {
            let key = FigureRecord.Key(field.name)
            switch self[field.name] {
            case .null: try c.encodeNil(forKey: key)
            case .integer(let v): try c.encode(v, forKey: key)
            case .number(let v): try c.encode(v, forKey: key)
            case .text(let v): try c.encode(v, forKey: key)
            case .boolean(let v): try c.encode(v, forKey: key)
            }
        }
    }

    /// The value of one record field (`FigureRecord.fields`).
    public subscript(field: String) -> FigureRecord.Value {
        func t(_ s: String?) -> FigureRecord.Value { s.map { .text($0) } ?? .null }
        func i(_ n: Int?) -> FigureRecord.Value { n.map { .integer(Int64($0)) } ?? .null }
        func r(_ d: Double?) -> FigureRecord.Value { d.map { .number($0) } ?? .null }
        let published = FigureRecord.splitPublished(self.published)
        switch field {
        case "id": return .integer(id)
        case "document_id": return stored ? .integer(document) : .null
        case "source": return t(source)
        case "title": return t(title)
        case "published": return t(published.date)
        case "published_time": return t(published.time)
        case "site": return t(site)
        case "url": return t(url)
        case "province": return t(province)
        case "province_now": return t(provinceNow)
        case "kind": return .text(kind)
        case "text": return .text(text)
        case "start": return i(start)
        case "end": return i(end)
        case "number": return r(value)
        case "numerator": return r(numerator)
        case "denominator": return r(denominator)
        case "range_from": return r(from)
        case "range_to": return r(to)
        case "unit": return t(unit)
        case "currency": return t(currency)
        case "date_value": return kind == "date" ? t(calendar) : .null
        case "period_value": return kind == "period" ? t(calendar) : .null
        case "doc_type": return t(docType)
        case "doc_number": return t(docNumber)
        case "issuer": return t(issuer)
        case "doc_date": return t(docDate)
        case "award": return t(award)
        case "award_class": return i(awardClass)
        case "conferrer": return t(conferrer)
        case "recipient": return t(recipient)
        case "count": return i(count)
        case "posthumous": return posthumous.map { .boolean($0) } ?? .null
        case "inferred": return .boolean(inferred)
        case "measure": return t(measure)
        case "role": return t(role)
        case "sign": return i(sign)
        case "period": return t(period)
        case "period_first": return t(periodFirst)
        case "period_last": return t(periodLast)
        case "part_of": return partOf.map { .integer($0) } ?? .null
        case "confidence": return r(confidence)
        case "sentence_index": return i(sentenceIndex)
        case "sentence": return .text(sentence)
        case "sentence_start": return i(sentenceStart)
        case "sentence_end": return i(sentenceEnd)
        default: return .null
        }
    }

    /// A number as a table shows it: whole numbers without ".0", nil as "".
    public static func number(_ d: Double?) -> String {
        guard let d else { return "" }
        return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }

    /// The normalized value in one short string, for tables.
    public var valueSummary: String {
        let n = Self.number
        switch kind {
        case "quantity", "percent": return n(value) + (kind == "percent" ? "%" : "") + (unit.map { " " + $0 } ?? "")
        case "money": return n(value) + " " + (currency ?? "")
        case "ratio": return "\(n(numerator))/\(n(denominator))" + (unit.map { " " + $0 } ?? "")
        case "range": return "\(n(from))–\(n(to))" + (unit.map { " " + $0 } ?? "")
        case "date", "period": return calendar ?? ""
        case "docref": return [docType, docNumber, docDate].compactMap { $0 }.joined(separator: " ")
        case "award":
            let cls = awardClass.map { " hạng \($0)" } ?? ""
            return "\(count ?? 0) × \(award ?? "")\(cls) → \(recipient ?? "?")" + (posthumous == true ? " (truy tặng)" : "")
        default: return ""
        }
    }
}

/// Rows of a listing up to its limit, and how many there are in all.
public struct ListingPage<Element: Sendable>: Sendable {
    public var rows: [Element]
    /// How many match in all (every page together), or at least, when `totalIsLowerBound`.
    public var total: Int
    /// The count stopped at a cap: `total` or more match.
    public var totalIsLowerBound = false
    /// Rows follow this page's last one.
    public var more: Bool
    public init(rows: [Element], total: Int) {
        self.rows = rows
        self.total = total
        more = rows.count < total
    }
    /// "showing 200 of 650", or nil when every row is shown.
    public func notice(noun: String) -> String? {
        rows.count < total ? "showing \(rows.count) of \(totalIsLowerBound ? "at least " : "")\(total) \(noun); --limit N or --all for more" : nil
    }
}

/// A search hit.
public struct SearchHit: Sendable, Encodable {
    public var id: Int64
    public var title: String?
    public var published: String?
    public var province: String?
    public var provinceNow: String?
    public var source: String?
    public var score: Double
    /// The time of publication when the page gives one (`published` is the day).
    public var publishedTime: String? = nil
    /// The text around the first match, matches wrapped in the markers asked for.
    public var snippet: String
    /// Scalar offsets of the matches in the article text.
    public var matches: [Snippet.Match]

    enum CodingKeys: String, CodingKey {
        case id, title, published, publishedTime = "published_time", province, provinceNow = "province_now", source, score, snippet, matches
    }
}



/// One group of `stats`: what may be added up is summed, the rest is described.
public struct StatsRow: Sendable, Encodable {
    public var keys: [String: String?]
    public var figures: Int
    public var documents: Int
    /// Award counts, or the values of quantities of one unit or money of one currency; nil
    /// when the group holds anything else (`note` says why and how to split it).
    public var sum: Double?
    /// Percents and ratios (as fractions numerator/denominator) are not added: their spread.
    public var min: Double?
    public var median: Double?
    public var max: Double?
    /// Ratios of one unit: Σ numerators / Σ denominators, the mean weighted by their bases.
    /// Percents state no base, so they get none.
    public var weightedMean: Double?
    /// Why a group has no sum ("mixes 3 kinds: award, percent, quantity"), with the option
    /// that splits it.
    public var note: String?

    /// A group's number as a table shows it: whole numbers without decimals, others to four
    /// significant digits, nil as "".
    public static func number(_ d: Double?) -> String {
        guard let d else { return "" }
        return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(format: "%.4g", d)
    }

    public init(keys: [String: String?], figures: Int, documents: Int, sum: Double?) {
        self.keys = keys
        self.figures = figures
        self.documents = documents
        self.sum = sum
    }

    /// A group from what was aggregated over it: summed only when its figures may be added
    /// (one kind among award, quantity of one unit and money of one currency); percents and
    /// ratios get their spread, and ratios of one unit the mean weighted by their denominators.
    init(keys: [String: String?], figures: Int, documents: Int, aggregates a: StatsAggregates) {
        self.init(keys: keys, figures: figures, documents: documents, sum: nil)
        let kinds = Schema.kindCodes.filter { a.kindMask & (1 << $0.code) != 0 }
        let codes = kinds.map(\.code), names = kinds.map(\.name)
        if codes.count > 1 {
            note = "mixes \(codes.count) kinds (\(names.joined(separator: ", "))): no sum; split with --kind or --group-by kind"
        } else if let code = codes.first {
            switch code {
            case Schema.awardKind: sum = a.total
            case 1:
                if a.mixedUnits { note = "mixes units: no sum; split with --group-by unit" } else { sum = a.total }
            case 3:
                if a.mixedCurrencies { note = "mixes currencies: no sum; split with --group-by currency" } else { sum = a.total }
            case 2, 4:
                min = a.low
                max = a.high
                median = a.median
                if code == 4 && !a.mixedUnits, let num = a.numerators, let den = a.denominators, den > 0 { weightedMean = num / den }
            default:
                note = "\(names.first ?? "these") figures are not added up"
            }
        }
    }
}

/// What a stats group aggregates, from SQL (`statsSQL`) or a facts scan (`ValueStats`): which
/// kinds it holds (bit `code` of `kindMask`), whether it mixes units or currencies, the sum of
/// its summands, the spread of its percents and ratios, and ratios' numerators and denominators.
struct StatsAggregates {
    var kindMask: Int
    var mixedUnits: Bool
    var mixedCurrencies: Bool
    var total: Double?
    var low: Double?
    var high: Double?
    var numerators: Double?
    var denominators: Double?
    var median: Double?
}

/// A stored document and its figures, for `show`.
public struct StoredDocument: Sendable, Encodable {
    public var id: Int64
    public var title: String?
    public var published: String?
    public var site: String?
    public var url: String?
    public var province: String?
    public var provinceNow: String?
    public var period: String?
    /// An official document's header (issuer, number, type, place); nil for news articles.
    public var header: DocumentHeader?
    public var sources: [String]
    /// Read from pictures by OCR: the pages so read and the engine's mean confidence (0–1).
    public var ocrPages: Int? = nil
    public var ocrConfidence: Double? = nil
    /// Sources that are near-identical copies of the article (`NearDuplicates`), with what differs.
    public var copies: [SourceCopy] = []
    public var text: String
    public var figures: [FigureRow]

    enum CodingKeys: String, CodingKey {
        case id, title, published, publishedTime = "published_time", site, url, province, provinceNow = "province_now", period, issuer, docNumber = "doc_number", docType = "doc_type", place, ocr, ocrPages = "ocr_pages", ocrConfidence = "ocr_confidence", sources, copies, text, figures
    }

    /// `published` as the page states it is split: the day, and the time when given.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let p = FigureRecord.splitPublished(published)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(p.date, forKey: .published)
        try c.encode(p.time, forKey: .publishedTime)
        try c.encode(site, forKey: .site)
        try c.encode(url, forKey: .url)
        try c.encode(province, forKey: .province)
        try c.encode(provinceNow, forKey: .provinceNow)
        try c.encode(period, forKey: .period)
        try c.encode(header?.issuer, forKey: .issuer)
        try c.encode(header?.number, forKey: .docNumber)
        try c.encode(header?.type, forKey: .docType)
        try c.encode(header?.place, forKey: .place)
        try c.encode(ocrPages != nil, forKey: .ocr)
        try c.encode(ocrPages, forKey: .ocrPages)
        try c.encode(ocrConfidence, forKey: .ocrConfidence)
        try c.encode(sources, forKey: .sources)
        try c.encode(copies, forKey: .copies)
        try c.encode(text, forKey: .text)
        try c.encode(figures, forKey: .figures)
    }
}

/// A source stored as a near copy of its document's article: how similar it is (estimated
/// Jaccard similarity of their shingles), the paragraphs only it has, and how many of the
/// article's paragraphs it lacks.
public struct SourceCopy: Sendable, Encodable, Equatable {
    public var path: String
    public var site: String?
    public var url: String?
    public var similarity: Double
    public var onlyHere: [String]
    public var missing: Int

    enum CodingKeys: String, CodingKey { case path, site, url, similarity, onlyHere = "only_here", missing }
}

/// Counts for the end of an ingest and for `solieu stats` without arguments.
public struct IndexSummary: Sendable, Encodable {
    public var documents: Int
    public var sources: Int
    public var figures: Int
    public var failures: Int
    public var byKind: [String: Int]
    public var byProvince: [String: Int]
    /// Sources by the format ingest read them as ("docx", "html", …; "(unknown)" before schema 11).
    public var byFormat: [String: Int]
    /// Documents read from pictures by OCR (scans and images).
    public var ocrDocuments: Int = 0
    public var textBytes: Int
}

public extension SolieuDatabase {
    static let statsKeys = ["province", "province_now", "year", "period", "award", "recipient", "kind", "class", "conferrer", "unit", "currency", "site", "document"]

    func summary() throws -> IndexSummary {
        try pool.read { db in
            var byKind: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT kind, count(*) FROM figures GROUP BY kind") { byKind[row[0]] = row[1] }
            var byProvince: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT coalesce(province, '(unknown)'), count(*) FROM documents GROUP BY 1") { byProvince[row[0]] = row[1] }
            var byFormat: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT coalesce(format, '(unknown)'), count(*) FROM sources GROUP BY 1") { byFormat[row[0]] = row[1] }
            return IndexSummary(
                documents: try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0,
                sources: try Int.fetchOne(db, sql: "SELECT count(*) FROM sources") ?? 0,
                figures: try Int.fetchOne(db, sql: "SELECT count(*) FROM figures") ?? 0,
                failures: try Int.fetchOne(db, sql: "SELECT count(*) FROM failures") ?? 0,
                byKind: byKind, byProvince: byProvince, byFormat: byFormat,
                ocrDocuments: try Int.fetchOne(db, sql: "SELECT count(*) FROM documents WHERE ocr_pages IS NOT NULL") ?? 0,
                textBytes: try Int.fetchOne(db, sql: "SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM documents") ?? 0)
        }
    }

    // MARK: search

    /// At most this many matching documents are ranked by relevance (the most recently ingested).
    static let rankingWindow = 2000

    /// Ranked documents matching `query` (see `SearchQuery`), newest first among equals.
    /// With `exactRanking`, relevance uses document frequencies counted over the whole index
    /// (FTS5's bm25()) instead of estimated from the newest documents (`Ranking`): the same order
    /// on an index of up to `Ranking.sampleSize` documents, slower on large ones.
    func search(_ query: String, province: String? = nil, from: String? = nil, to: String? = nil, limit: Int = 20,
                exactRanking: Bool = false, markers: (String, String) = ("[", "]")) throws -> [SearchHit] {
        try search(SearchRequest(query: query, province: province, from: from, to: to, limit: limit, exactRanking: exactRanking, markers: markers))
    }

    /// Ranked documents for `request` (see `search(_:province:…)`); pages have a stable order:
    /// relevance, then the newest publication, then the newest id.
    func search(_ request: SearchRequest) throws -> [SearchHit] {
        let query = request.query, limit = request.limit, exactRanking = request.exactRanking, markers = request.markers
        guard limit > 0 else { throw IndexError("--limit must be at least 1") }
        guard request.offset >= 0 else { throw IndexError("offset must be 0 or more") }
        let scope = try searchScope(query, province: request.province, from: request.from, to: request.to)
        let parsed = scope.parsed, match = scope.match, conditions = scope.conditions
        var arguments = scope.arguments
        // bm25 costs a few µs per matching document; when a query matches more than
        // `rankingWindow` documents, the most recently ingested `rankingWindow` of them are ranked.
        let bound: Int64 = try pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT rowid FROM document_search WHERE document_search MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                               arguments: [match, Self.rankingWindow - 1])
        } ?? 0
        // Document frequencies from the most recent documents (see `Ranking`): a thousand-document
        // sample per phrase instead of bm25()'s walk over every document holding it.
        let countedPhrases = exactRanking ? [] : parsed.phrases
        let (sample, hits): (Int, [Int]) = exactRanking ? (0, []) : try pool.read { db in
            let newest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM documents") ?? 0
            let low = newest - Int64(Ranking.sampleSize)
            let sample = try Int.fetchOne(db, sql: "SELECT count(*) FROM documents WHERE id > ?", arguments: [low]) ?? 0
            let hits = try countedPhrases.map { phrase in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM document_search WHERE document_search MATCH ? AND rowid > ?",
                                 arguments: [phrase, low]) ?? 0
            }
            return (sample, hits)
        }
        let rankArguments = exactRanking ? [] : ([sample] + hits).map { $0 as (any DatabaseValueConvertible)? }
        let rankExpression = exactRanking ? "document_search.rank"
            : "solieu_bm25(document_search, \(rankArguments.map { _ in "?" }.joined(separator: ", ")))"
        let ranked = """
            SELECT document_search.rowid AS id, \(rankExpression) AS rank
            FROM document_search JOIN documents d ON d.id = document_search.rowid
            WHERE document_search MATCH ? AND document_search.rowid >= ?\(conditions.map { " AND " + $0 }.joined())
            ORDER BY rank, d.published DESC, d.id DESC LIMIT ? OFFSET ?
            """
        arguments = rankArguments + [match, bound] + arguments + [limit, request.offset]
        let sql = """
            SELECT d.id, d.title, d.published, d.province, d.province_now, d.text, hits.rank,
                   (SELECT path FROM sources s WHERE s.document_id = d.id ORDER BY s.id LIMIT 1)
            FROM (\(ranked)) hits JOIN documents d ON d.id = hits.id
            ORDER BY hits.rank, d.published DESC, d.id DESC
            """
        let rows: [Row]
        do {
            rows = try pool.read { db in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)) }
        } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_INTERRUPT && QueryDeadline.expired {
            throw IndexError(QueryDeadline.message)
        } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_ERROR {
            throw IndexError("search: the index could not run '\(query)': \(error.message ?? "\(error.resultCode)")")
        } catch {
            // A damaged file, a full disk, a lock: the store's own explanation.
            throw Self.explain(error, path: path)
        }
        let phrases = parsed.highlightPhrases
        let prefix = parsed.groups.flatMap { $0 }.contains { $0.prefix }
        return rows.map { row in
            let text: String = row[5]
            let title: String? = row[1]
            let matches = Snippet.matches(in: text, phrases: phrases, prefix: prefix)
            let published = FigureRecord.splitPublished(row[2])
            return SearchHit(id: row[0], title: title, published: published.date, province: row[3], provinceNow: row[4], source: row[7],
                             score: -(row[6] as Double), publishedTime: published.time,
                             snippet: Snippet.make(text: text, matches: matches, open: markers.0, close: markers.1), matches: matches)
        }
    }

    /// What a search selects: the parsed query, its FTS5 expression with the facet filters, and
    /// the exact-day conditions on `d` (documents).
    func searchScope(_ query: String, province: String?, from: String?, to: String?) throws
        -> (parsed: SearchQuery, match: String, conditions: [String], arguments: [(any DatabaseValueConvertible)?]) {
        let defined = (try? definedAbbreviations()) ?? []
        let parsed = try SearchQuery.parse(query, abbreviations: defined.isEmpty ? .bundled : Abbreviations(entries: Abbreviations.bundled.entries + defined))
        // Filters become part of the FTS5 query (facet tokens), so relevance is computed only for
        // documents that pass them; exact days are then checked in SQL.
        var match = "(\(parsed.fts5))"
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let province {
            let name = try Self.provinceName(province)
            match += " AND facets : \"\(Facets.province(name))\""
        }
        if from != nil || to != nil {
            let first = try from.map { try Self.dateBound($0, end: false) } ?? "1000-01-01"
            let last = try to.map { try Self.dateBound($0, end: true) } ?? "2999-12-31"
            guard first <= last else { throw IndexError("--from \(from ?? "") is after --to \(to ?? "")") }
            if let facet = Facets.dateRange(first: first, last: String(last.prefix(10))) { match += " AND facets : \(facet)" }
            conditions.append("d.published >= ? AND d.published <= ?")
            arguments += [first, last]
        }
        return (parsed, match, conditions, arguments)
    }

    /// How many documents a search matches in all (a listing that stops at its limit says so).
    public func searchTotal(_ query: String, province: String? = nil, from: String? = nil, to: String? = nil) throws -> Int {
        try searchTotal(SearchRequest(query: query, province: province, from: from, to: to))
    }

    func searchTotal(_ request: SearchRequest) throws -> Int { try searchTotal(request, upTo: nil) }

    /// Counting stops at `upTo` when given (a common word matches most of the index, and the
    /// count would cost more than the page).
    public func searchTotal(_ request: SearchRequest, upTo cap: Int?) throws -> Int {
        let scope = try searchScope(request.query, province: request.province, from: request.from, to: request.to)
        let inner = """
            SELECT 1 FROM document_search JOIN documents d ON d.id = document_search.rowid
            WHERE document_search MATCH ?\(scope.conditions.map { " AND " + $0 }.joined())
            """
        let sql = cap == nil ? "SELECT count(*) FROM (\(inner))" : "SELECT count(*) FROM (\(inner) LIMIT ?)"
        let arguments: [(any DatabaseValueConvertible)?] = [scope.match] + scope.arguments + (cap.map { [$0] } ?? [])
        do {
            return try pool.read { db in try Int.fetchOne(db, sql: sql, arguments: StatementArguments(arguments)) ?? 0 }
        } catch {
            throw Self.explain(error, path: path)
        }
    }

    // MARK: figures

    func figures(_ filter: FigureFilter) throws -> [FigureRow] {
        var out: [FigureRow] = []
        try eachFigure(filter) { out.append($0) }
        return out
    }

    /// The figures up to the filter's limit, and how many match in all: a listing never stops
    /// at its limit without saying so. With `countUpTo`, counting stops there (a province's
    /// awards are tens of thousands of figures, and counting them all would cost more than the
    /// page); the page's `totalIsLowerBound` then says the total is a floor.
    public func figurePage(_ filter: FigureFilter, countUpTo cap: Int? = nil) throws -> ListingPage<FigureRow> {
        var whole = filter
        whole.limit = nil
        whole.after = nil
        whole.offset = 0
        let paged = filter.after != nil || filter.offset > 0
        func page(_ rows: [FigureRow], more: Bool) throws -> ListingPage<FigureRow> {
            let counted = paged || more ? try countFigures(whole, upTo: cap) : rows.count
            var page = ListingPage(rows: rows, total: counted)
            page.more = more
            page.totalIsLowerBound = cap.map { counted >= $0 } ?? false
            return page
        }
        guard let limit = filter.limit else { return try page(try figures(filter), more: false) }
        var probe = filter
        probe.limit = limit + 1  // one more than shown tells whether there are more
        var rows = try figures(probe)
        guard rows.count > limit else { return try page(rows, more: false) }
        rows.removeLast(rows.count - limit)
        return try page(rows, more: true)
    }

    /// How many figures match the filter (its limit aside), counting no further than `cap`.
    public func countFigures(_ filter: FigureFilter, upTo cap: Int? = nil) throws -> Int {
        let (whereSQL, arguments) = try figureConditions(filter)
        let inner = "SELECT 1 FROM \(figureSource(filter)) f WHERE \(whereSQL)"
        let sql = cap == nil ? "SELECT count(*) FROM (\(inner))" : "SELECT count(*) FROM (\(inner) LIMIT ?)"
        return try pool.read { db in
            try Int.fetchOne(db, sql: sql, arguments: StatementArguments(arguments + (cap.map { [$0] } ?? []))) ?? 0
        }
    }

    /// Streams matching figures in document order (for export of any size).
    func eachFigure(_ filter: FigureFilter, _ body: (FigureRow) throws -> Void) throws {
        let (whereSQL, arguments) = try figureConditions(filter)
        var args = arguments
        var limitSQL = ""
        if let limit = filter.limit {
            guard limit > 0 else { throw IndexError("--limit must be at least 1") }
            limitSQL = " LIMIT ?"
            args.append(limit)
        }
        // Select the ids first (filters, order, limit); slice texts and sentences only for those.
        // The same order either way (id = document × 2^20 + seq), said so that SQLite sees it is
        // the order it visits rows in: documents by id then their figures, or figures by id.
        var order = Self.startsFromDocuments(filter) ? "f.document_id, f.id" : "f.id"
        var key = "", outer = "f.id"
        if let sort = filter.sort {
            // Values missing from the order (a date has no value) come last either way.
            let direction = sort.descending ? "DESC" : "ASC"
            order = "\(sort.expression) IS NULL, \(sort.expression) \(direction), f.id"
            key = ", \(sort.expression) IS NULL AS missing, \(sort.expression) AS k"
            outer = "hits.missing, hits.k \(direction), f.id"
            if filter.offset > 0 {
                if limitSQL.isEmpty { limitSQL = " LIMIT -1" }
                limitSQL += " OFFSET ?"
                args.append(filter.offset)
            }
        }
        let sql = """
            WITH hits AS (SELECT f.id\(key) FROM \(figureSource(filter)) f WHERE \(whereSQL) ORDER BY \(order)\(limitSQL))
            SELECT f.id, f.document_id, f.source, f.title, d.published, f.province, f.province_now, f.kind, f.text, f.start, f."end",
                   f.number, coalesce(f.date_value, f.period_value), f.unit, f.currency, f.numerator, f.denominator, f.range_from,
                   f.range_to, f.doc_type, f.doc_number, f.issuer, f.doc_date, f.award, f.award_class, f.conferrer, f.recipient,
                   f.count, f.posthumous, f.inferred, f.measure, f.period, f.period_first, f.period_last, f.part_of,
                   f.sentence_start, f.sentence_end, f.sentence, f.role, f.sign, f.site, f.url, f.sentence_index, f.confidence
            FROM hits CROSS JOIN figure_view f ON f.id = hits.id JOIN documents d ON d.id = f.document_id
            ORDER BY \(outer)
            """
        try pool.read { db in
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(args))
            while let row = try cursor.next() { try body(Self.figureRow(row)) }
        }
    }

    static func figureRow(_ row: Row) -> FigureRow {
        FigureRow(id: row[0], document: row[1], source: row[2], title: row[3], published: row[4], province: row[5], provinceNow: row[6],
                  kind: row[7], text: row[8], start: row[9], end: row[10], value: row[11], calendar: row[12], unit: row[13],
                  currency: row[14], numerator: row[15], denominator: row[16], from: row[17], to: row[18], docType: row[19],
                  docNumber: row[20], issuer: row[21], docDate: row[22], award: row[23], awardClass: row[24], conferrer: row[25],
                  recipient: row[26], count: row[27], posthumous: (row[28] as Int?).map { $0 != 0 }, inferred: (row[29] as Int) != 0,
                  measure: row[30], period: row[31], periodFirst: row[32], periodLast: row[33], partOf: row[34],
                  role: row[38], sign: row[39], confidence: row[43], sentence: row[37] ?? "", sentenceStart: row[35], sentenceEnd: row[36],
                  site: row[40], url: row[41], sentenceIndex: row[42])
    }

    /// A province or a document selects few documents: start from them (and keep SQLite from
    /// preferring the kind/award index, which would visit every figure of that kind).
    static func startsFromDocuments(_ filter: FigureFilter) -> Bool { filter.province != nil || filter.document != nil }

    /// figure_view's rows with the stored codes the conditions compare (see `figureConditions`).
    func figureSource(_ filter: FigureFilter) -> String {
        "(\(Schema.figureViewSelect(join: Self.startsFromDocuments(filter) ? "CROSS JOIN" : "JOIN", figures: "(\(Schema.figuresSelect(codes: true)))", codes: true)))"
    }

    /// The province condition (named before or after 2025) and the period condition (lying
    /// within it) over `alias` (figure_view f, or documents d).
    ///
    /// Over figures (alias `f`) the province selects documents by id: SQLite then visits them in
    /// id order, so figures come out in id order without a sort and a LIMIT stops the scan early.
    static func placeAndTime(province: String?, period: String?, alias: String,
                             _ conditions: inout [String], _ arguments: inout [(any DatabaseValueConvertible)?]) throws {
        if let province {
            let name = try provinceName(province)
            if alias == "f" {
                conditions.append("f.document_id IN (SELECT id FROM documents WHERE province = ? OR province_now = ?)")
            } else {
                conditions.append("(\(alias).province = ? OR \(alias).province_now = ?)")
            }
            arguments += [name, name]
        }
        if let period {
            let range = try Self.periodRange(period)
            // Days as numbers: the documents' own columns, or those a figure source passes on.
            let (first, last) = alias == "f" ? ("f.first_day", "f.last_day") : ("\(alias).period_first", "\(alias).period_last")
            conditions.append("\(first) >= ? AND \(last) <= ?")
            arguments += [range.firstDay, range.lastDay]
        }
    }

    /// 20180630 → "2018-06-30".
    static func day(_ value: Int?) -> String? {
        guard let v = value, v >= 0 else { return nil }
        func two(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }
        let y = String(v / 10000)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + two(v / 100 % 100) + "-" + two(v % 100)
    }

    /// SQL conditions for a filter (over `figureSource` f), user values only as arguments. Words
    /// are matched against the terms table once; each figure then compares stored codes.
    func figureConditions(_ filter: FigureFilter) throws -> (String, [(any DatabaseValueConvertible)?]) {
        var conditions = ["1"]
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let after = filter.after {
            conditions.append("f.id > ?")
            arguments.append(after)
        }
        if !filter.kinds.isEmpty {
            let codes = filter.kinds.compactMap { Schema.kindCode($0.rawValue) }
            // `kind = 9` as such: the award index is partial on it.
            conditions.append(codes.count == 1 ? "f.kind_code = \(codes[0])" : "f.kind_code IN (\(codes.map(String.init).joined(separator: ",")))")
        }
        if let award = filter.award {
            let names = try matchingAwards(award)
            conditions.append("f.award_code IN (SELECT id FROM terms WHERE term IN (\(names.map { _ in "?" }.joined(separator: ","))))")
            arguments += names
        }
        if let recipient = filter.recipient {
            let words = SearchQuery.fold(recipient)
            guard !words.isEmpty else { throw IndexError("--recipient needs words") }
            conditions.append("f.recipient_code IN (SELECT id FROM terms WHERE solieu_words(term) = ?)")
            arguments.append(words.joined(separator: " "))
        }
        try Self.placeAndTime(province: filter.province, period: filter.period, alias: "f", &conditions, &arguments)
        if let measure = filter.measure {
            // Words as users type them: folded, abbreviations for their expansions and back
            // (`MeasureQuery`); a measure holding every word of one alternative matches.
            let (matching, patterns) = try Self.measureTerms(measure)
            // The measure as figure_view resolves it: its own term, or (code 0) its unit / award.
            conditions.append("(f.measure_code IN (\(matching)) OR (f.measure_code = 0 AND (CASE WHEN f.kind_code = \(Schema.awardKind) THEN f.award_code ELSE f.unit_code END) IN (\(matching))))")
            arguments += patterns + patterns
        }
        if let role = filter.role {
            conditions.append("f.role_code IN (\(try Self.roleCodes(role).map(String.init).joined(separator: ",")))")
        }
        if let document = filter.document {
            let id = try documentID(document)
            conditions.append("f.document_id = ? AND f.id BETWEEN ? AND ?")
            arguments += [id, Self.figureID(document: id, seq: 0), Self.figureID(document: id, seq: Self.maximumFigures - 1)]
        }
        return (conditions.joined(separator: " AND "), arguments)
    }

    /// The terms a `--measure` names, as a SELECT of their ids and its LIKE patterns: words as
    /// users type them, folded, abbreviations for their expansions and back (`MeasureQuery`); a
    /// term holding every word of one alternative matches.
    static func measureTerms(_ measure: String) throws -> (sql: String, patterns: [String]) {
        let query = MeasureQuery(measure)
        guard !query.alternatives.isEmpty else { throw IndexError("--measure needs words") }
        let sql = "SELECT id FROM terms WHERE " + query.alternatives.map { words in
            "(" + words.map { _ in "(' ' || solieu_words(term) || ' ') LIKE ? ESCAPE '\\'" }.joined(separator: " AND ") + ")"
        }.joined(separator: " OR ")
        return (sql, query.alternatives.flatMap { $0.map { "% \(likeEscaped($0)) %" } })
    }

    /// The period a `--period` names, or an error saying how to write one.
    static func periodRange(_ period: String) throws -> PeriodRange {
        guard let range = PeriodRange(period) else {
            throw IndexError("unknown period '\(period)': write 2018, 2018-H1, 2020-Q3, 2019-06, 2018-07-18 or 2016/2020")
        }
        return range
    }

    /// The role codes a `--role` names ("share", "plan", "change", or the start of one).
    static func roleCodes(_ role: String) throws -> [Int64] {
        let codes = Schema.roleCodes.filter { $0.key.hasPrefix(role) }.map(\.value).sorted()
        guard !codes.isEmpty else { throw IndexError("unknown role '\(role)': use share, plan, change") }
        return codes
    }

    static func likeEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }

    /// The stored award titles a user's words name: the query's words, in order, as a run of the
    /// title's words, diacritics and case aside ("bang khen" → "Bằng khen"; "huan chuong lao
    /// dong" → "Huân chương Lao động").
    func matchingAwards(_ query: String) throws -> [String] {
        let words = SearchQuery.fold(query)
        guard !words.isEmpty else { throw IndexError("--award needs words") }
        // The distinct titles, read by skipping through the award index rather than scanning.
        let known = try pool.read { db in try AwardStats.awardTitles(db) }
        let matching = known.filter { value in
            let v = SearchQuery.fold(value)
            // the query's words, in order, as a run of the value's words
            guard v.count >= words.count else { return false }
            return (0...(v.count - words.count)).contains { Array(v[$0..<($0 + words.count)]) == words }
        }
        if matching.isEmpty {
            let sample = known.sorted().prefix(12).joined(separator: ", ")
            throw IndexError("no award matches '\(query)' in this database" + (known.isEmpty ? "" : " (known: \(sample)\(known.count > 12 ? ", …" : ""))"))
        }
        return matching
    }

    public static func provinceName(_ query: String) throws -> String {
        if let unit = Provinces.bundled.unit(named: query) { return unit.name }
        let words = SearchQuery.fold(query)
        let close = Provinces.bundled.allNames.filter { name in
            let n = SearchQuery.fold(name)
            return words.contains { w in n.contains(w) }
        }
        throw IndexError("unknown province '\(query)'" + (close.isEmpty ? " (the 63 provinces before and the 34 after the 2025 reorganization are known)" : "; did you mean: \(close.prefix(6).joined(separator: ", "))?"))
    }

    /// "2018" → "2018-01-01" (or "2018-12-31…" as an end), "2018-07" → its first/last day,
    /// "2018-07-18" as is; impossible dates are errors.
    static func dateBound(_ s: String, end: Bool) throws -> String {
        guard let range = PeriodRange(s), !s.contains("/"), !s.contains("Q"), !s.contains("H") else {
            throw IndexError("'\(s)' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (an existing day)")
        }
        return end ? range.last + "T99" : range.first
    }

    /// A document by id, path (or the end of one) or content-hash prefix.
    func documentID(_ ref: String) throws -> Int64 {
        try pool.read { db in
            if let id = Int64(ref), try Int.fetchOne(db, sql: "SELECT count(*) FROM documents WHERE id = ?", arguments: [id]) == 1 {
                return id
            }
            let paths = try Row.fetchAll(db, sql: "SELECT document_id, path FROM sources WHERE path = ? OR path LIKE ? ESCAPE '\\' LIMIT 5",
                                         arguments: [Preparer.storedPath(ref), "%/" + Self.likeEscaped(ref)])
            let ids = Set(paths.map { $0[0] as Int64 })
            if ids.count == 1 { return ids.first! }
            if ids.count > 1 {
                throw IndexError("'\(ref)' names several documents: \(paths.map { $0[1] as String }.joined(separator: ", "))")
            }
            if ref.count >= 8, ref.allSatisfy(\.isHexDigit) {
                let hashes = try Int64.fetchAll(db, sql: "SELECT id FROM documents WHERE content_hash LIKE ? LIMIT 2", arguments: [ref.lowercased() + "%"])
                if hashes.count == 1 { return hashes[0] }
            }
            throw IndexError("no document '\(ref)' in \(path) (give an id, a path or a content-hash prefix)")
        }
    }

    // MARK: stats

    func stats(_ filter: FigureFilter, groupBy: [String]) throws -> [StatsRow] {
        let keys = Self.statsKeys(filter, groupBy: groupBy)
        let rows = AwardStats.applies(filter, keys) ? try awardStats(filter, groupBy: keys)
            : ValueStats.applies(filter, keys) ? try valueStats(filter, groupBy: keys) : try statsSQL(filter, groupBy: keys)
        return Self.collated(rows, keys: keys)
    }

    /// Groups in Vietnamese alphabetical order of their keys, the first key first ("Bạc Liêu"
    /// before "Bến Tre" before "Bình Định"; numbers by value; a missing key first).
    static func collated(_ rows: [StatsRow], keys: [String]) -> [StatsRow] {
        guard !keys.isEmpty, rows.count > 1 else { return rows }
        // Few distinct values (provinces, years, titles) behind many groups: each keyed once.
        var cache: [String: VietnameseCollation.Key] = [:]
        func key(_ s: String) -> VietnameseCollation.Key {
            if let k = cache[s] { return k }
            let k = VietnameseCollation.key(s)
            cache[s] = k
            return k
        }
        let sortKeys = rows.map { r in keys.map { k in (r.keys[k] ?? nil).map(key) } }
        let order = rows.indices.sorted { a, b in
            for (x, y) in zip(sortKeys[a], sortKeys[b]) where x != y {
                guard let x else { return true }
                guard let y else { return false }
                return x < y
            }
            return a < b
        }
        return order.map { rows[$0] }
    }

    /// The keys `stats` groups on: those asked for, and `currency` for money (amounts in two
    /// currencies are never one sum, so a money query is split by currency unless asked to be).
    public static func statsKeys(_ filter: FigureFilter, groupBy: [String]) -> [String] {
        filter.kinds == [.money] && !groupBy.contains("currency") ? groupBy + ["currency"] : groupBy
    }

    /// `stats` through `AwardStats`; `workers` overrides how many scan in parallel (tests).
    func awardStats(_ filter: FigureFilter, groupBy: [String], workers: Int? = nil) throws -> [StatsRow] {
        let awards = try filter.award.map { try matchingAwards($0) }
        let province = try filter.province.map(Self.provinceName)
        let period = try filter.period.map(Self.periodRange)
        let document = try filter.document.map(documentID)
        if let r = filter.recipient, SearchQuery.fold(r).isEmpty { throw IndexError("--recipient needs words") }
        return try AwardStats.run(pool, filter: filter, groupBy: groupBy, awards: awards, provinceName: province, period: period,
                                  documentID: document, workers: workers)
    }

    /// `stats` through `ValueStats`; `workers` overrides how many scan in parallel (tests).
    func valueStats(_ filter: FigureFilter, groupBy: [String], workers: Int? = nil) throws -> [StatsRow] {
        let province = try filter.province.map(Self.provinceName)
        let period = try filter.period.map(Self.periodRange)
        let document = try filter.document.map(documentID)
        var measures: Set<Int64>?
        if let measure = filter.measure {
            let (sql, patterns) = try Self.measureTerms(measure)
            measures = try pool.read { db in Set(try Int64.fetchAll(db, sql: sql, arguments: StatementArguments(patterns))) }
        }
        let roles = try filter.role.map { Set(try Self.roleCodes($0)) }
        return try ValueStats.run(pool, filter: filter, groupBy: groupBy, measures: measures, roles: roles, provinceName: province,
                                  period: period, documentID: document, workers: workers)
    }

    /// What a figure of each kind adds to a sum (`f.` columns of `statsSource`): award counts,
    /// values of quantities and money; nothing for the others.
    static let summand = "CASE f.kind_code WHEN \(Schema.awardKind) THEN f.count WHEN 1 THEN f.value WHEN 3 THEN f.value END"
    /// Percents and ratios as one number each (a ratio as its fraction), for their spread.
    static let spreadValue = "CASE f.kind_code WHEN 2 THEN f.value WHEN 4 THEN f.numerator * 1.0 / nullif(f.denominator, 0) END"

    /// The same aggregates through SQL's GROUP BY (any kind, any filter). Rows are grouped on
    /// stored codes and only each group's key is decoded; documents are read from their facets
    /// index, never from the table (whose pages hold the articles' text).
    ///
    /// A group is summed only when its figures may be added: one kind among award, quantity
    /// (of one unit) and money (of one currency). Percents and ratios get count, min, median
    /// and max, and ratios of one unit the mean weighted by their denominators.
    func statsSQL(_ filter: FigureFilter, groupBy: [String]) throws -> [StatsRow] {
        var keys: [(group: String, decode: String)] = []
        for key in groupBy {
            guard let e = Self.statsExpression(key) else {
                throw IndexError("cannot group by '\(key)': use \(Self.statsKeys.joined(separator: ", "))")
            }
            keys.append(e)
        }
        let (whereSQL, arguments) = try figureConditions(filter)
        let groups = keys.enumerated().map { "\($1.group) AS g\($0)" }
        let decoded = keys.enumerated().map { i, k in k.decode.replacingOccurrences(of: "$", with: "g\(i)") + " AS k\(i)" }
        let groupBySQL = keys.isEmpty ? "" : "GROUP BY " + (0..<keys.count).map { "g\($0)" }.joined(separator: ", ")
        let aggregates = [
            "count(*) AS figures", "count(DISTINCT f.document_id) AS documents",
            // Which kinds a group holds, and whether it mixes units or currencies: plain
            // aggregates (DISTINCT ones sort each group's values again).
            Schema.kindCodes.map { "max(f.kind_code = \($0.code)) * \(1 << $0.code)" }.joined(separator: " + ") + " AS kind_mask",
            "min(coalesce(f.unit_code, 0)) <> max(coalesce(f.unit_code, 0)) AS mixed_units",
            "min(coalesce(f.currency_code, 0)) <> max(coalesce(f.currency_code, 0)) AS mixed_currencies",
            "sum(\(Self.summand)) AS total", "min(\(Self.spreadValue)) AS low", "max(\(Self.spreadValue)) AS high",
            "sum(f.numerator) AS numerators", "sum(f.denominator) AS denominators",
            "solieu_median(CASE WHEN f.kind_code IN (2, 4) THEN \(Self.spreadValue) END) AS middle",
        ]
        let sql = """
            SELECT \((decoded + ["figures", "documents", "kind_mask", "mixed_units", "mixed_currencies", "total", "low", "high",
                                "numerators", "denominators", "middle"]).joined(separator: ", ")) FROM (
                SELECT \((groups + aggregates).joined(separator: ", "))
                FROM \(Self.statsSource(filter)) f
                WHERE \(whereSQL)
                \(groupBySQL)
            )
            ORDER BY \((0..<keys.count).map { "k\($0)" }.joined(separator: ", ") + (keys.isEmpty ? "1" : ""))
            """
        let n = groupBy.count
        var rows: [StatsRow] = []
        try pool.read { db in
            for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)) {
                var keyValues: [String: String?] = [:]
                for (i, key) in groupBy.enumerated() { keyValues[key] = .some(row[i].map { "\($0)" } ?? nil) }  // a NULL group stays a key
                let aggregates = StatsAggregates(kindMask: row[n + 2] ?? 0, mixedUnits: row[n + 3] ?? false, mixedCurrencies: row[n + 4] ?? false,
                                                 total: row[n + 5], low: row[n + 6], high: row[n + 7], numerators: row[n + 8],
                                                 denominators: row[n + 9], median: row[n + 10])
                let r = StatsRow(keys: keyValues, figures: row[n], documents: row[n + 1], aggregates: aggregates)
                rows.append(r)
            }
        }
        return rows
    }

    /// The figures stats group: stored codes, the numbers summed, and the document facets from
    /// the covering index documents_facets. Same column names as `figureSource` where
    /// `figureConditions` reads them.
    static func statsSource(_ filter: FigureFilter) -> String {
        """
        (SELECT r.id, d.id AS document_id, r.kind AS kind_code, r.award AS award_code, r.recipient AS recipient_code,
                r.measure AS measure_code, r.unit AS unit_code, r.conferrer AS conferrer_code, r.period AS period_code,
                r.currency AS currency_code, r.role AS role_code, r.award_class, r.count, r.value, r.numerator, r.denominator,
                coalesce(r.period_first, d.period_first) AS period_first, coalesce(r.period_last, d.period_last) AS period_last,
                coalesce(r.period_first, d.period_first) AS first_day, coalesce(r.period_last, d.period_last) AS last_day,
                d.province, d.province_now, d.site, d.period AS document_period
         FROM documents d INDEXED BY documents_facets \(startsFromDocuments(filter) ? "CROSS JOIN" : "JOIN") figure_rows r
              ON r.id BETWEEN d.id * 1048576 AND d.id * 1048576 + 1048575 AND d.id = r.id >> 20)
        """
    }

    /// A stats key: what rows are grouped on (`group`), and how a group's value reads (`decode`,
    /// `$` standing for the grouped value).
    static func statsExpression(_ key: String) -> (group: String, decode: String)? {
        let term = Schema.termName("$")
        switch key {
        case "province": return ("f.province", "$")
        case "province_now": return ("f.province_now", "$")
        case "year": return ("CASE WHEN f.period_first / 10000 = f.period_last / 10000 THEN f.period_first / 10000 ELSE (f.period_first / 10000) || '/' || (f.period_last / 10000) END", "$")
        case "period": return ("CASE WHEN f.period_code IS NULL THEN f.document_period ELSE \(Schema.termName("f.period_code")) END", "$")
        case "award": return ("f.award_code", term)
        case "recipient": return ("f.recipient_code", term)
        case "kind": return ("f.kind_code", Schema.kindName("$"))
        case "class": return ("f.award_class", "$")
        case "conferrer": return ("f.conferrer_code", term)
        case "unit": return ("f.unit_code", term)
        case "currency": return ("f.currency_code", term)
        case "site": return ("f.site", "$")
        case "document": return ("f.document_id", "$")
        default: return nil
        }
    }

    // MARK: show

    func document(_ ref: String) throws -> StoredDocument { try document(id: try documentID(ref)) }

    public func document(id: Int64) throws -> StoredDocument {
        guard try pool.read({ db in try Int.fetchOne(db, sql: "SELECT count(*) FROM documents WHERE id = ?", arguments: [id]) }) == 1 else {
            throw IndexError("no document \(id)")
        }
        var filter = FigureFilter()
        filter.document = String(id)
        let figures = try self.figures(filter)
        return try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT id, title, published, site, url, province, province_now, period, text, issuer, doc_number, doc_type, place,
                       ocr_pages, ocr_confidence
                FROM documents WHERE id = ?
                """, arguments: [id]) else { throw IndexError("no document \(id)") }
            let sources = try String.fetchAll(db, sql: "SELECT path FROM sources WHERE document_id = ? ORDER BY id", arguments: [id])
            let copies = try Row.fetchAll(db, sql: """
                SELECT path, site, url, similarity, only_here, missing FROM sources
                WHERE document_id = ? AND similarity IS NOT NULL ORDER BY id
                """, arguments: [id]).map { r in
                SourceCopy(path: r[0], site: r[1], url: r[2], similarity: r[3],
                           onlyHere: (r[4] as String?).map { $0.components(separatedBy: "\n\n").filter { !$0.isEmpty } } ?? [], missing: r[5] ?? 0)
            }
            var document = StoredDocument(id: row[0], title: row[1], published: row[2], site: row[3], url: row[4], province: row[5],
                                          provinceNow: row[6], period: row[7],
                                          header: DocumentHeader(stating: row[9], number: row[10], type: row[11], place: row[12]),
                                          sources: sources, copies: copies, text: row[8], figures: figures)
            document.ocrPages = row[13]
            document.ocrConfidence = row[14]
            return document
        }
    }
}

/// A document with all its figures, for whole-document passes (the audit).
public struct DocumentWithFigures: Sendable {
    public var id: Int64
    public var title: String?
    public var published: String?
    public var province: String?
    public var provinceNow: String?
    public var period: String?
    public var periodEvidence: String?
    public var source: String?
    public var text: String
    /// In document order; `sentence` (the text) is empty: slice `text` with sentenceStart/End.
    public var figures: [FigureRow]
    /// The article's content hash: the same in every index built from the same bulletin.
    public var contentHash: String = ""
}

/// Which documents a whole-document pass covers.
public struct DocumentScope: Sendable, Equatable {
    public var document: String?
    public var province: String?
    /// Documents whose period lies within this one.
    public var period: String?
    public init(document: String? = nil, province: String? = nil, period: String? = nil) {
        self.document = document
        self.province = province
        self.period = period
    }
}

public extension SolieuDatabase {
    /// Every document in scope with its figures, in id order, streamed (one read transaction,
    /// two cursors merged by document id: no per-document query).
    func eachDocument(_ scope: DocumentScope, _ body: (DocumentWithFigures) throws -> Void) throws {
        var conditions = ["1"]
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let document = scope.document {
            conditions.append("d.id = ?")
            arguments.append(try documentID(document))
        }
        try Self.placeAndTime(province: scope.province, period: scope.period, alias: "d", &conditions, &arguments)
        let whereSQL = conditions.joined(separator: " AND ")
        try pool.read { db in
            let docs = try Row.fetchCursor(db, sql: """
                SELECT d.id, d.title, d.published, d.province, d.province_now, d.period, d.period_evidence, d.text,
                       (SELECT path FROM sources s WHERE s.document_id = d.id ORDER BY s.id LIMIT 1),
                       d.period_first, d.period_last, d.content_hash
                FROM documents d WHERE \(whereSQL) ORDER BY d.id
                """, arguments: StatementArguments(arguments))
            let figures = try Row.fetchCursor(db, sql: """
                SELECT f.id, f.document_id, f.kind, f.start, f."end", f.value, f.calendar, f.unit, f.currency, f.numerator,
                       f.denominator, f.range_from, f.range_to, f.doc_type, f.doc_number, f.issuer, f.doc_date, f.award,
                       f.award_class, f.conferrer, f.recipient, f.count, f.posthumous, f.inferred, f.measure, f.period,
                       f.period_first, f.period_last, f.part_of, f.sentence_start, f.sentence_end, f.role, f.sign
                FROM figures f JOIN documents d ON f.id BETWEEN d.id * 1048576 AND d.id * 1048576 + 1048575 AND d.id = f.document_id
                WHERE \(whereSQL) ORDER BY f.id
                """, arguments: StatementArguments(arguments))
            var pending: FigureRow?
            while let d = try docs.next() {
                let id: Int64 = d[0]
                let text: String = d[7]
                let docFirst: Int? = d[9], docLast: Int? = d[10]
                var list: [FigureRow] = []
                func accept(_ f: FigureRow) -> Bool {
                    guard f.document == id else { return false }
                    list.append(f)
                    return true
                }
                if let p = pending {
                    if p.document < id { pending = nil } else if accept(p) { pending = nil }
                }
                if pending == nil {
                    while let r = try figures.next() {
                        var f = Self.lightFigureRow(r)
                        if f.periodFirst == nil { f.periodFirst = Self.day(docFirst); f.periodLast = Self.day(docLast) }
                        if f.document < id { continue }
                        if !accept(f) { pending = f; break }
                    }
                }
                try body(DocumentWithFigures(id: id, title: d[1], published: d[2], province: d[3], provinceNow: d[4], period: d[5],
                                             periodEvidence: d[6], source: d[8], text: text, figures: list, contentHash: d[11] ?? ""))
            }
        }
    }

    static func lightFigureRow(_ r: Row) -> FigureRow {
        let kind: String = r[2]
        let award: String? = r[17]
        let unit: String? = r[7]
        let storedMeasure: String? = r[24]
        let measure = storedMeasure == "" ? (kind == "award" ? award : unit) : storedMeasure
        return FigureRow(id: r[0], document: r[1], source: nil, title: nil, published: nil, province: nil, provinceNow: nil,
                         kind: kind, text: "", start: r[3], end: r[4], value: r[5], calendar: r[6], unit: unit, currency: r[8],
                         numerator: r[9], denominator: r[10], from: r[11], to: r[12], docType: r[13], docNumber: r[14], issuer: r[15],
                         docDate: r[16], award: award, awardClass: r[18], conferrer: r[19], recipient: r[20], count: r[21],
                         posthumous: (r[22] as Int?).map { $0 != 0 }, inferred: (r[23] as Int? ?? 0) != 0, measure: measure,
                         period: r[25], periodFirst: day(r[26]), periodLast: day(r[27]), partOf: r[28],
                         role: r[31], sign: r[32], sentence: "", sentenceStart: r[29], sentenceEnd: r[30])
    }
}

// MARK: the store protocol

extension SolieuDatabase: FigureStore {
    public var location: String { path }

    public func explain(_ error: Error) -> IndexError { Self.explain(error, path: path) }

    /// Slices of articles by scalar offsets (SQLite's substr counts characters: code points).
    public func slices(_ requests: [TextSlice]) throws -> [SlicedText] {
        guard !requests.isEmpty else { return [] }
        return try pool.read { db in
            let statement = try db.cachedStatement(sql: """
                SELECT substr(text, ?, ?), title, published, (SELECT path FROM sources s WHERE s.document_id = d.id ORDER BY s.id LIMIT 1)
                FROM documents d WHERE id = ?
                """)
            return try requests.map { r in
                guard let row = try Row.fetchOne(statement, arguments: [r.start + 1, max(0, r.end - r.start), r.document]) else {
                    return SlicedText(text: "", title: nil, published: nil, source: nil)
                }
                return SlicedText(text: row[0] ?? "", title: row[1], published: row[2], source: row[3])
            }
        }
    }

    /// Documents, sources, figures and failures counted with their largest ids: any commit of
    /// an ingest (a new article, a second source, a replaced document, a failed file) changes it.
    public func version() throws -> Int64 {
        try pool.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM documents), (SELECT coalesce(max(id), 0) FROM documents),
                       (SELECT count(*) FROM sources), (SELECT coalesce(max(id), 0) FROM sources),
                       (SELECT coalesce(max(id), 0) FROM figures), (SELECT count(*) FROM failures)
                """)
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for i in 0..<6 {
                let v: Int64 = row?[i] ?? 0
                h = (h ^ UInt64(bitPattern: v)) &* 0x100_0000_01b3
            }
            return Int64(bitPattern: h >> 1)
        }
    }

    /// Facets over the documents `search` ranks: every match, or the newest `rankingWindow`.
    public func searchFacets(_ request: SearchRequest) throws -> SearchFacets {
        let scope = try searchScope(request.query, province: request.province, from: request.from, to: request.to)
        let conditions = scope.conditions.map { " AND " + $0 }.joined()
        do {
            return try pool.read { db in
                let bound = try Int64.fetchOne(db, sql: "SELECT rowid FROM document_search WHERE document_search MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                                               arguments: [scope.match, Self.rankingWindow - 1]) ?? 0
                // Kinds from document_kinds' bits: one small row per document, not its figures.
                let matched = """
                    SELECT d.id, d.province, d.province_now, substr(d.published, 1, 4) AS year, d.site, k.kinds
                    FROM document_search JOIN documents d ON d.id = document_search.rowid
                    LEFT JOIN document_kinds k ON k.document_id = d.id
                    WHERE document_search MATCH ? AND document_search.rowid >= ?\(conditions)
                    """
                let arguments = StatementArguments([scope.match, bound] + scope.arguments)
                var tallies: [[String: Int]] = Array(repeating: [:], count: 4)
                var kindTally = [Int](repeating: 0, count: 64)
                var documents = 0
                let cursor = try Row.fetchCursor(db, sql: matched, arguments: arguments)
                while let row = try cursor.next() {
                    documents += 1
                    for i in 0..<4 {
                        if let v: String = row[i + 1], !v.isEmpty { tallies[i][v, default: 0] += 1 }
                    }
                    var bits = UInt64(bitPattern: row[5] as Int64? ?? 0)
                    while bits != 0 {
                        kindTally[bits.trailingZeroBitCount] += 1
                        bits &= bits - 1
                    }
                }
                func counts(_ i: Int) -> [SearchFacets.Count] {
                    tallies[i].map { SearchFacets.Count(value: $0.key, documents: $0.value) }
                        .sorted { $0.documents != $1.documents ? $0.documents > $1.documents : VietnameseCollation.precedes($0.value, $1.value) }
                }
                var facets = SearchFacets()
                facets.province = counts(0)
                facets.provinceNow = counts(1)
                facets.year = counts(2).sorted { $0.value > $1.value }
                facets.site = counts(3)
                facets.kind = Schema.kindCodes.filter { kindTally[$0.code] > 0 }
                    .sorted { (kindTally[$0.code], $1.code) > (kindTally[$1.code], $0.code) }
                    .map { SearchFacets.Count(value: $0.name, documents: kindTally[$0.code]) }
                facets.documents = documents
                facets.sampled = bound > 0
                return facets
            }
        } catch {
            throw Self.explain(error, path: path)
        }
    }
}
