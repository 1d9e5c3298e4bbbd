import Foundation
import SolieuExtract
import SolieuIngest
import SolieuText

/// The one shape of a figure record. `solieu figures --format json|csv`, `solieu export
/// --format csv|jsonl`, `solieu extract` and the SQL view `figure_view` all give these fields,
/// under these names, in this order (a test holds each of them to this list, and
/// docs/records.md is generated from it: `solieu fields --markdown`).
///
/// Every kind of value has a typed column of its own, so a CSV column holds one type: `number`
/// only numbers, `date_value` only ISO dates, and so on; a field that does not apply is empty
/// (null in JSON and SQL).
public enum FigureRecord {
    public enum FieldType: String, Sendable { case integer, number, text, date, boolean }

    public struct Field: Sendable {
        public var name: String
        public var type: FieldType
        /// Which figures have it ("all", or the kinds).
        public var kinds: String
        public var meaning: String
    }

    public enum Value: Sendable, Equatable {
        case null
        case integer(Int64)
        case number(Double)
        case text(String)
        case boolean(Bool)

        /// As a CSV cell: empty for null, numbers as plain numerals, booleans as true/false.
        public var csv: String {
            switch self {
            case .null: return ""
            case .integer(let v): return String(v)
            case .number(let v): return v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
            case .text(let v): return v
            case .boolean(let v): return v ? "true" : "false"
            }
        }
    }

    public static let fields: [Field] = [
        Field(name: "id", type: .integer, kinds: "all", meaning: "the figure's id: document_id × 2^20 + its number in the document (from `solieu extract`: its number in the file)"),
        Field(name: "document_id", type: .integer, kinds: "all", meaning: "the document's id (null from `solieu extract`: not stored)"),
        Field(name: "source", type: .text, kinds: "all", meaning: "the first file the document was read from"),
        Field(name: "title", type: .text, kinds: "all", meaning: "the article's title"),
        Field(name: "published", type: .date, kinds: "all", meaning: "the day of publication, YYYY-MM-DD"),
        Field(name: "published_time", type: .text, kinds: "all", meaning: "the time of publication when the page gives one (HH:MM, with its offset when stated)"),
        Field(name: "site", type: .text, kinds: "all", meaning: "the site's host name"),
        Field(name: "url", type: .text, kinds: "all", meaning: "the page's address, when known"),
        Field(name: "province", type: .text, kinds: "all", meaning: "the province the document reports on, as named at publication"),
        Field(name: "province_now", type: .text, kinds: "all", meaning: "the province it belongs to after the 2025 reorganization"),
        Field(name: "kind", type: .text, kinds: "all", meaning: "quantity, percent, money, ratio, range, date, period, docref or award"),
        Field(name: "text", type: .text, kinds: "all", meaning: "the figure's exact text"),
        Field(name: "start", type: .integer, kinds: "all", meaning: "its first Unicode scalar in the article text (from 0)"),
        Field(name: "end", type: .integer, kinds: "all", meaning: "the scalar after its last"),
        Field(name: "number", type: .number, kinds: "quantity, percent, money", meaning: "the value, scale words applied (8.52 for 8,52%)"),
        Field(name: "numerator", type: .number, kinds: "ratio", meaning: "52 of 52/118"),
        Field(name: "denominator", type: .number, kinds: "ratio", meaning: "118 of 52/118"),
        Field(name: "range_from", type: .number, kinds: "range", meaning: "the low end"),
        Field(name: "range_to", type: .number, kinds: "range", meaning: "the high end"),
        Field(name: "unit", type: .text, kinds: "quantity, percent, ratio, range", meaning: "what is counted (\"tập thể\", \"xã\")"),
        Field(name: "currency", type: .text, kinds: "money", meaning: "VND, USD, …"),
        Field(name: "date_value", type: .date, kinds: "date", meaning: "the day, YYYY-MM-DD"),
        Field(name: "period_value", type: .text, kinds: "period", meaning: "2018, 2018-H1, 2020-Q3, 2019-06, 2016/2020"),
        Field(name: "doc_type", type: .text, kinds: "docref", meaning: "Quyết định, Kế hoạch, …"),
        Field(name: "doc_number", type: .text, kinds: "docref", meaning: "32/QĐ-UBND"),
        Field(name: "issuer", type: .text, kinds: "docref", meaning: "the body that issued it, when stated"),
        Field(name: "doc_date", type: .date, kinds: "docref", meaning: "the day it was signed, YYYY-MM-DD"),
        Field(name: "award", type: .text, kinds: "award", meaning: "the award's canonical title"),
        Field(name: "award_class", type: .integer, kinds: "award", meaning: "1, 2 or 3 for hạng Nhất, Nhì, Ba"),
        Field(name: "conferrer", type: .text, kinds: "award", meaning: "who gives it (\"Chủ tịch UBND tỉnh\")"),
        Field(name: "recipient", type: .text, kinds: "award", meaning: "who receives it (\"tập thể\", \"cá nhân\", \"gia đình\")"),
        Field(name: "count", type: .integer, kinds: "award", meaning: "how many were given"),
        Field(name: "posthumous", type: .boolean, kinds: "award", meaning: "true for truy tặng"),
        Field(name: "inferred", type: .boolean, kinds: "all", meaning: "a year or date filled in from context"),
        Field(name: "measure", type: .text, kinds: "all", meaning: "what the figure measures, when the sentence says it"),
        Field(name: "role", type: .text, kinds: "percent", meaning: "share, plan (against a plan or estimate) or change"),
        Field(name: "sign", type: .integer, kinds: "percent", meaning: "1 for a rise, -1 for a fall (role change)"),
        Field(name: "period", type: .text, kinds: "all", meaning: "the period the figure is stated for, when its sentence or title names one"),
        Field(name: "period_first", type: .date, kinds: "all", meaning: "the first day of the figure's period (its own, else its document's)"),
        Field(name: "period_last", type: .date, kinds: "all", meaning: "the last day of that period"),
        Field(name: "part_of", type: .integer, kinds: "all", meaning: "the id of the total this figure is a part of"),
        Field(name: "confidence", type: .number, kinds: "all", meaning: "text read by OCR: the engine's confidence (0 to 1) in the least sure word of the figure; empty for text that was not OCR'd"),
        Field(name: "sentence_index", type: .integer, kinds: "all", meaning: "the number of its sentence in the article (from 0)"),
        Field(name: "sentence", type: .text, kinds: "all", meaning: "the sentence, the evidence"),
        Field(name: "sentence_start", type: .integer, kinds: "all", meaning: "the sentence's first scalar"),
        Field(name: "sentence_end", type: .integer, kinds: "all", meaning: "the scalar after its last"),
    ]

    public static var names: [String] { fields.map(\.name) }

    public struct Key: CodingKey {
        public var stringValue: String
        public var intValue: Int? { nil }
        public init(_ s: String) { stringValue = s }
        public init?(stringValue: String) { self.stringValue = stringValue }
        public init?(intValue: Int) { nil }
    }

    /// "2018-08-07T07:37+07:00" → ("2018-08-07", "07:37+07:00"); "2018-07-18" → ("2018-07-18", nil).
    public static func splitPublished(_ s: String?) -> (date: String?, time: String?) {
        guard let s, !s.isEmpty else { return (nil, nil) }
        guard s.count > 10 else { return (s, nil) }
        let date = String(s.prefix(10))
        var time = String(s.dropFirst(10))
        if time.hasPrefix("T") || time.hasPrefix(" ") { time.removeFirst() }
        return (date, time.isEmpty ? nil : time)
    }

    /// What `solieu extract` cannot know of a figure (it stores nothing): null there.
    public static let onlyStored: Set<String> = ["document_id", "province", "province_now"]

    /// Where each record goes, for the side-by-side table.
    public static let outputs = ["`figures --format json\\|csv`", "`export --format csv\\|jsonl`", "`extract --format jsonl\\|json`", "SQL `figure_view`"]

    /// docs/records.md: the fields side by side in every output, generated from `fields` (a test
    /// compares the file with it; `solieu fields --markdown > docs/records.md` rewrites it).
    public static var markdown: String {
        var out = """
            # Figure records

            Generated from `FigureRecord.fields` (Sources/SolieuIndex/Record.swift) by `solieu fields --markdown`;
            a test fails when this file and the code differ.

            Every output that lists figures gives the same record: the same field names, and in CSV and SQL the
            same order. JSON objects have every field, null when it does not apply (CSV: an empty cell). Each kind of
            value has a typed column of its own, so a CSV column holds one type and pandas or DuckDB read `number`,
            `numerator`, `denominator`, `range_from` and `range_to` as floats. Days are `YYYY-MM-DD`; the time of
            publication, when the page gives one, is `published_time`.


            """
        out += "| field | type | figures | " + outputs.joined(separator: " | ") + " | meaning |\n"
        out += "|---|---|---|" + outputs.map { _ in "---|" }.joined() + "---|\n"
        for f in fields {
            let cells = outputs.map { o in o.contains("extract") && onlyStored.contains(f.name) ? "null" : "✓" }
            out += "| `\(f.name)` | \(f.type.rawValue) | \(f.kinds) | " + cells.joined(separator: " | ") + " | \(f.meaning) |\n"
        }
        out += """

            `solieu stats` groups have their keys, then `sum`, `min`, `median`, `max`, `weighted_mean`, `figures`,
            `documents` and `note` (JSON) or the columns that apply (table, CSV). `sum` is given only where the
            figures may be added: award counts, quantities of one unit, money of one currency.

            """
        return out
    }
}

extension FigureRow {
    /// A figure straight from the extractor (`solieu extract`), as the record every export
    /// gives: what the file says of its document, null for what only the index knows
    /// (document_id, province). `number` is its place in the file's figures.
    public init(unstored f: Figure, number: Int, article: Article, source: String, sentence: String, unit: Sentences.Unit) {
        self.init(id: Int64(number), document: 0, source: source, title: article.title, published: article.published,
                  province: nil, provinceNow: nil, kind: f.kind.rawValue, text: f.text, start: f.start, end: f.end,
                  value: f.number, calendar: f.calendar, unit: f.unit, currency: f.currency, numerator: f.numerator,
                  denominator: f.denominator, from: f.from, to: f.to, docType: f.docType, docNumber: f.docNumber,
                  issuer: f.issuer, docDate: f.docDate, award: f.award, awardClass: f.awardClass, conferrer: f.conferrer,
                  recipient: f.recipient, count: f.count, posthumous: f.posthumous, inferred: f.inferred, measure: f.measure,
                  period: f.period, periodFirst: nil, periodLast: nil, partOf: f.partOf.flatMap { $0 >= 0 ? Int64($0) : nil },
                  role: f.role, sign: f.sign, confidence: f.confidence, sentence: sentence, sentenceStart: unit.start, sentenceEnd: unit.end)
        site = article.site
        url = article.url
        sentenceIndex = f.sentence
        stored = false
        if let range = (f.kind == .date || f.kind == .period ? f.calendar : f.period).flatMap(PeriodRange.init) {
            periodFirst = range.first
            periodLast = range.last
        }
    }
}

public extension FigureRecord {
    /// A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180).
    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The CSV header line of figure records (no line end).
    static var csvHeader: String { names.map(csvField).joined(separator: ",") }

    /// One figure as a CSV line (no line end), fields in `names` order.
    static func csvLine(_ row: FigureRow) -> String { names.map { csvField(row[$0].csv) }.joined(separator: ",") }
}

/// A `stats` group as JSON and JSONL (CLI and server): its keys, then the same fields in every
/// row, null when not given.
public struct StatsRecord: Encodable, Sendable {
    public var row: StatsRow
    public var keys: [String]
    public init(_ row: StatsRow, keys: [String]) { self.row = row; self.keys = keys }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureRecord.Key.self)
        for k in keys { try c.encode((row.keys[k] ?? nil), forKey: .init(k)) }
        try c.encode(row.sum, forKey: .init("sum"))
        try c.encode(row.min, forKey: .init("min"))
        try c.encode(row.median, forKey: .init("median"))
        try c.encode(row.max, forKey: .init("max"))
        try c.encode(row.weightedMean, forKey: .init("weighted_mean"))
        try c.encode(row.figures, forKey: .init("figures"))
        try c.encode(row.documents, forKey: .init("documents"))
        try c.encode(row.note, forKey: .init("note"))
    }
}
