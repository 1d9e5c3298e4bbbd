import ArgumentParser
import Foundation
import SolieuExtract
import SolieuIndex
import SolieuIngest
import SolieuText

extension ListFormat: ExpressibleByArgument {}

/// Filters shared by `figures`, `stats` and `export`.
struct FigureFilterOptions: ParsableArguments {
    @Option(help: "Figure kind: \(Figure.Kind.allCases.map(\.rawValue).joined(separator: ", ")) (repeat or comma-separate).")
    var kind: [String] = []
    @Option(help: "Award title or part of one, any spelling (\"Bằng khen\", \"huan chuong lao dong\").")
    var award: String?
    @Option(help: "Recipient kind (\"tập thể\", \"cá nhân\", …).")
    var recipient: String?
    @Option(help: "Province, before or after the 2025 reorganization.")
    var province: String?
    @Option(help: "Period the figures lie within: 2018, 2018-H1, 2020-Q3, 2019-06, 2016/2020.")
    var period: String?
    @Option(help: "Words the figure's measure contains, in any order, diacritics optional, abbreviations standing for their expansions (\"nông thôn mới\", \"NTM\", \"ty le ho ngheo\").")
    var measure: String?
    @Option(help: "A percent's role: share, plan (against a plan or estimate) or change.")
    var role: String?
    @Option(name: .customLong("doc"), help: "One document: id, path or content-hash prefix.")
    var document: String?

    func validate() throws {
        _ = try filter()
    }

    /// The filters as the query layer reads them (`QueryParameters`): the server reads its URL
    /// parameters with the same function, so a value means the same and is refused alike.
    func filter(limit: Int? = nil) throws -> FigureFilter {
        do {
            return try QueryParameters.commandLine.figureFilter(kind: kind, award: award, recipient: recipient, province: province,
                                                                 period: period, measure: measure, role: role, document: document,
                                                                 limit: limit)
        } catch {
            throw ValidationError(error.message)
        }
    }
}

/// `solieu search QUERY`: ranked documents with a highlighted snippet.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search: ranked documents with title, date, province and a highlighted snippet.",
        discussion: """
            Words are all required; "quoted phrases" match in order; OR joins alternatives; -word excludes; word* \
            matches a prefix. Case, diacritics and tone-mark placement are ignored ("thi dua" finds "thi đua"), and \
            known abbreviations match their expansions ("UBND" finds "Ủy ban nhân dân" and back).
            """
    )
    @Argument(help: "What to find.") var query: String
    @Option(help: "Only documents about this province.") var province: String?
    @Option(help: "Published on or after (YYYY, YYYY-MM or YYYY-MM-DD).") var from: String?
    @Option(help: "Published on or before.") var to: String?
    @OptionGroup var listing: ListingOptions
    @Flag(help: """
        Rank with document frequencies counted over the whole index (FTS5 bm25) instead of estimated \
        from the newest 1,024 documents: the same order on small indexes, slower on large ones.
        """) var exactRanking = false
    @Option(help: "table, json, jsonl or csv.") var format: ListFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let db = try database.open()
        let bold = format == .table && Terminal.stdoutStyled
        let limit = listing.limit(default: 20) ?? Int(Int32.max)
        let hits = try reportingErrors {
            try db.search(query, province: province, from: from, to: to, limit: limit, exactRanking: exactRanking,
                          markers: bold ? (Terminal.bold, Terminal.reset) : ("[", "]"))
        }
        defer {
            // Said last, after the listing, where the reader of a terminal sees it.
            if hits.count == limit, let total = try? db.searchTotal(query, province: province, from: from, to: to), total > limit {
                Output.error(ListingPage(rows: hits, total: total).notice(noun: "documents") ?? "")
            }
        }
        switch format {
        case .json: Output.print(try Output.json(hits, pretty: true))
        case .jsonl: for h in hits { Output.print(try Output.json(h)) }
        case .table, .csv:
            var table = Table(columns: ["id", "date", "province", "title", "snippet"], flexible: ["title", "snippet"])
            for h in hits {
                table.rows.append(["\(h.id)", String((h.published ?? "").prefix(10)), h.province ?? "", h.title ?? "", h.snippet])
            }
            if format == .csv { Output.print(table.csv) } else if hits.isEmpty { Output.error("no documents match") } else {
                // Long snippets read better below their row than squeezed into a column.
                for h in hits {
                    Output.print("\(h.id)  \(String((h.published ?? "?").prefix(10)))  \(h.province ?? "?")  \(h.title ?? "(no title)")")
                    Output.print("    " + h.snippet)
                }
            }
        }
    }
}

/// `solieu figures`: matching figures with their evidence sentence.
struct FiguresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "List figures matching the filters, with the sentence each one comes from."
    )
    @OptionGroup var filters: FigureFilterOptions
    @OptionGroup var listing: ListingOptions
    @Option(help: "table, json, jsonl or csv.") var format: ListFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let db = try database.open()
        let filter = try filters.filter(limit: listing.limit(default: 200))
        if filter.limit == nil {
            // Everything, streamed: a table is printed a few hundred rows at a time.
            var first = true, any = false
            var chunk: [FigureRow] = []
            func flush() {
                guard !chunk.isEmpty else { return }
                if format == .table { Output.print(FigureColumns.table(chunk, compact: true).render()) }
                chunk.removeAll(keepingCapacity: true)
            }
            if format == .json { Output.print("[") }
            if format == .csv { Output.print(FigureRecord.csvHeader + "\r") }
            try reportingErrors {
                try db.eachFigure(filter) { row in
                    any = true
                    switch format {
                    case .json: Output.print((first ? "" : ",") + (try Output.json(row, pretty: true))); first = false
                    case .jsonl: Output.print(try Output.json(row))
                    case .csv: Output.print(FigureRecord.csvLine(row) + "\r")
                    case .table:
                        chunk.append(row)
                        if chunk.count == 500 { flush() }
                    }
                }
            }
            flush()
            if format == .json { Output.print("]") }
            if format == .table && !any { Output.error("no figures match") }
            return
        }
        let page = try reportingErrors { try db.figurePage(filter) }
        let rows = page.rows
        switch format {
        case .json: Output.print(try Output.json(rows, pretty: true))
        case .jsonl: for r in rows { Output.print(try Output.json(r)) }
        case .csv: Output.print(FigureColumns.table(rows).csv)
        case .table:
            if rows.isEmpty { Output.error("no figures match") } else { Output.print(FigureColumns.table(rows, compact: true).render()) }
        }
        if let notice = page.notice(noun: "figures") { Output.error(notice) }
    }
}

/// `--limit N` and `--all`, for listings: a listing that stops at its limit says so on
/// standard error, and `--limit 0` or `--all` means every row.
struct ListingOptions: ParsableArguments {
    @Option(help: "At most this many rows (0: all).") var limit: Int?
    @Flag(help: "Every row, streamed (the same as --limit 0).") var all = false

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 (all) or more, got \(limit)") }
        if all, let limit, limit > 0 { throw ValidationError("--all and --limit \(limit) contradict each other") }
    }

    /// nil: no limit.
    func limit(default value: Int) -> Int? {
        if all || limit == 0 { return nil }
        return limit ?? value
    }
}

enum FigureColumns {
    /// CSV columns: the record's fields (`FigureRecord.fields`), as in JSON and figure_view.
    static var full: [String] { FigureRecord.names }

    static func table(_ rows: [FigureRow], compact: Bool = false) -> Table {
        if compact {
            var t = Table(columns: ["doc", "province", "kind", "text", "value", "period", "sentence"], flexible: ["text", "value", "sentence"])
            for r in rows {
                t.rows.append(["\(r.document)", r.province ?? "", r.kind, r.text, r.valueSummary,
                               r.period ?? r.periodFirst.map { "\($0)…\(r.periodLast ?? "")" } ?? "", r.sentence])
            }
            return t
        }
        var t = Table(columns: full)
        for r in rows { t.rows.append(fields(r)) }
        return t
    }

    static func fields(_ r: FigureRow) -> [String] { FigureRecord.names.map { r[$0].csv } }
}

/// `solieu stats`: sums, counts and documents per group.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Aggregate figures per group: sums of what may be added, the spread of the rest, and how many figures and documents.",
        discussion: """
            Award counts sum; quantities sum within one unit and money within one currency (money is split by \
            currency). Percents and ratios are never added: they get min, median and max, and ratios of one unit \
            the mean weighted by their denominators. A group that mixes kinds, units or currencies has no sum, and \
            a note on standard error says which option splits it. Without --group-by and filters: what the index \
            holds. Group keys: \(SolieuDatabase.statsKeys.joined(separator: ", ")).
            """
    )
    @OptionGroup var filters: FigureFilterOptions
    @Option(name: .customLong("group-by"), help: "Comma-separated keys, e.g. province,year,award,recipient.")
    var groupBy: String?
    @Option(help: "table, json, jsonl or csv.") var format: ListFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let db = try database.open()
        let keys = try reportingErrors { try QueryParameters.commandLine.groupKeys(groupBy) }
        let filter = try filters.filter()
        if keys.isEmpty && filter == FigureFilter() {
            let s = try db.summary()
            if format == .json || format == .jsonl { Output.print(try Output.json(s, pretty: format == .json)); return }
            var t = Table(columns: ["what", "count"])
            t.rows = [["documents", "\(s.documents)"], ["sources", "\(s.sources)"], ["figures", "\(s.figures)"], ["failed files", "\(s.failures)"]]
            t.rows += s.byKind.sorted { $0.key < $1.key }.map { ["  \($0.key)", "\($0.value)"] }
            t.rows += s.byFormat.sorted { $0.key < $1.key }.map { ["sources read as \($0.key)", "\($0.value)"] }
            if s.ocrDocuments > 0 { t.rows.append(["documents read by OCR", "\(s.ocrDocuments)"]) }
            t.rows += s.byProvince.sorted { VietnameseCollation.precedes($0.key, $1.key) }.map { ["documents in \($0.key)", "\($0.value)"] }
            Output.print(format == .csv ? t.csv : t.render())
            return
        }
        let rows = try reportingErrors { try db.stats(filter, groupBy: keys) }
        let shown = SolieuDatabase.statsKeys(filter, groupBy: keys)
        // Why a group has no sum, once per reason, where a reader of the table sees it.
        for note in Set(rows.compactMap(\.note)).sorted() { Output.error("note: \(note)") }
        if format == .json { Output.print(try Output.json(rows.map { StatsRecord($0, keys: shown) }, pretty: true)); return }
        if format == .jsonl { for r in rows { Output.print(try Output.json(StatsRecord(r, keys: shown))) }; return }
        let spread = rows.contains { $0.min != nil }
        let weighted = rows.contains { $0.weightedMean != nil }
        var t = Table(columns: shown + ["sum"] + (spread ? ["min", "median", "max"] : []) + (weighted ? ["weighted_mean"] : []) + ["figures", "documents"],
                      flexible: Set(shown))
        let number = StatsRow.number
        for r in rows {
            var cells = shown.map { (r.keys[$0] ?? nil) ?? "(none)" } + [number(r.sum)]
            if spread { cells += [number(r.min), number(r.median), number(r.max)] }
            if weighted { cells.append(number(r.weightedMean)) }
            t.rows.append(cells + ["\(r.figures)", "\(r.documents)"])
        }
        Output.print(format == .csv ? t.csv : t.render())
    }
}

/// `solieu show DOC`: the article with its figures marked.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a stored article with its figures marked [like this]¹ and listed below it."
    )
    @Argument(help: "Document id, path or content-hash prefix.") var document: String
    @Option(help: "text or json.") var format: ShowFormat = .text
    @OptionGroup var database: DatabaseOptions

    enum ShowFormat: String, ExpressibleByArgument { case text, json }

    func run() throws {
        let db = try database.open()
        let doc = try reportingErrors { try db.document(document) }
        if format == .json { Output.print(try Output.json(doc, pretty: true)); return }
        let color = Terminal.stdoutStyled
        Output.print("document \(doc.id): \(doc.title ?? "(no title)")")
        Output.print("published \(doc.published ?? "?") · province \(doc.province ?? "?")" +
                     (doc.provinceNow.map { $0 != doc.province ? " (now \($0))" : "" } ?? "") + " · period \(doc.period ?? "?")")
        if let h = doc.header {
            let parts = [h.type, h.number.map { "số \($0)" }, h.issuer.map { "issued by \($0)" }, h.place.map { "at \($0)" }].compactMap { $0 }
            Output.print(parts.joined(separator: " · "))
        }
        if let pages = doc.ocrPages {
            Output.print("read by OCR: \(pages) \(pages == 1 ? "page" : "pages"), mean confidence \(String(format: "%.3f", doc.ocrConfidence ?? 0))")
        }
        let copies = Dictionary(doc.copies.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        for s in doc.sources {
            guard let c = copies[s] else { Output.print("source \(RawPath.display(s))"); continue }
            let only = c.onlyHere.count == 1 ? "1 paragraph only here" : "\(c.onlyHere.count) paragraphs only here"
            let missing = c.missing == 1 ? "1 paragraph missing" : "\(c.missing) paragraphs missing"
            Output.print("source \(RawPath.display(s)) (near copy: similarity \(String(format: "%.2f", c.similarity)), \(only), \(missing))")
            for p in c.onlyHere.prefix(3) { Output.print("  only here: \(p.count > 160 ? String(p.prefix(157)) + "…" : p)") }
        }
        Output.print("")
        Output.print(Self.marked(doc, color: color))
        Output.print("")
        let ocr = doc.ocrPages != nil
        var t = Table(columns: ["#", "kind", "text", "value", "period", "part of"] + (ocr ? ["confidence"] : []), flexible: ["text", "value"])
        let ids = Dictionary(uniqueKeysWithValues: doc.figures.enumerated().map { ($1.id, $0 + 1) })
        for (i, f) in doc.figures.enumerated() {
            t.rows.append(["\(i + 1)", f.kind, f.text, f.valueSummary, f.period ?? "", f.partOf.flatMap { ids[$0] }.map { "#\($0)" } ?? ""]
                          + (ocr ? [f.confidence.map { String(format: "%.3f", $0) } ?? ""] : []))
        }
        Output.print(t.render())
    }

    /// The text with each figure wrapped: "[3.304]¹²" (or underlined on a terminal), numbered.
    static func marked(_ doc: StoredDocument, color: Bool) -> String {
        let scalars = Array(doc.text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        for (n, f) in doc.figures.enumerated() where f.start >= i && f.end <= scalars.count {
            out.append(contentsOf: scalars[i..<f.start])
            let label = superscript(n + 1)
            let open = color ? Terminal.underline : "["
            let close = color ? Terminal.reset + label : "]" + label
            out.append(contentsOf: open.unicodeScalars)
            out.append(contentsOf: scalars[f.start..<f.end])
            out.append(contentsOf: close.unicodeScalars)
            i = f.end
        }
        out.append(contentsOf: scalars[i...])
        return String(out)
    }

    static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return String(String(n).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }
}

/// `solieu export --format csv|jsonl`: every matching figure with its document, streamed.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export figures with their document's metadata as CSV, JSON lines or JSON, for spreadsheets and notebooks."
    )
    enum Format: String, ExpressibleByArgument { case csv, jsonl, json }
    @OptionGroup var filters: FigureFilterOptions
    @Option(help: "csv, jsonl or json.") var format: Format = .csv
    @Option(help: "Write to this file (complete or not at all) instead of standard output; '-' is standard output.") var out: String?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let db = try database.open()
        let filter = try filters.filter()
        let sink = OutputSink(file: try out.flatMap { $0 == "-" ? nil : try OutFile.open($0, database: database.path) })
        if format == .csv { try sink.write(FigureRecord.csvHeader + "\r\n") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var first = true
        try reportingErrors {
            try db.eachFigure(filter) { row in
                switch format {
                case .csv: try sink.write(FigureRecord.csvLine(row) + "\r\n")
                case .jsonl: try sink.write(String(decoding: try encoder.encode(row), as: UTF8.self) + "\n")
                case .json:
                    try sink.write((first ? "[\n" : ",\n") + String(decoding: try encoder.encode(row), as: UTF8.self))
                    first = false
                }
            }
        }
        if format == .json { try sink.write(first ? "[]\n" : "\n]\n") }
        try sink.finish()
    }
}


/// `solieu fields`: the fields of a figure record, as every export gives them.
struct FieldsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fields",
        abstract: "List the fields of a figure record (JSON, JSONL, CSV and the SQL view figure_view share them)."
    )
    @Flag(help: "Print docs/records.md: the fields side by side in every output.") var markdown = false

    func run() throws {
        if markdown { Output.print(FigureRecord.markdown, terminator: false); return }
        var t = Table(columns: ["field", "type", "figures", "meaning"], flexible: ["meaning"])
        t.rows = FigureRecord.fields.map { [$0.name, $0.type.rawValue, $0.kinds, $0.meaning] }
        Output.print(t.render())
    }
}
