import Foundation
import Hummingbird
import SolieuAudit
import SolieuIndex

/// The JSON API under /api/v1: the same queries as the CLI (through `FigureStore` and
/// `QueryParameters`), pages with a stable order and a `next` link, errors as
/// `{"error": {"code", "message"}}`. Resources/openapi.json describes every route.
enum API {
    static let searchNames: Set<String> = ["q", "province", "from", "to", "limit", "offset", "exact_ranking", "facets", "format"]
    static let figureNames = Parameters.figureFilterNames.union(["limit", "after", "sort", "offset"])
    static let statsNames = Parameters.figureFilterNames.union(["group_by"])
    static let auditNames: Set<String> = ["status", "check", "province", "doc", "limit", "offset", "format"]
    static let exportNames = Parameters.figureFilterNames.union(["format"])

    static func register(_ router: Router<BasicRequestContext>, _ service: Service) {
        router.get("/api/v1/search") { request, _ in
            let p = try Parameters(request, searchNames, service)
            let answer = try await search(p, service)
            guard try csvWanted(p) else { return try json(answer) }
            return csv(["id", "published", "published_time", "province", "province_now", "title", "score", "snippet", "source"],
                       answer.results.map { h in
                           ["\(h.id)", h.published ?? "", h.publishedTime ?? "", h.province ?? "", h.provinceNow ?? "", h.title ?? "",
                            String(h.score), h.snippet, h.source ?? ""]
                       }, name: "solieu-search")
        }
        router.get("/api/v1/figures") { request, _ in try await json(figures(Parameters(request, figureNames, service), service)) }
        router.get("/api/v1/stats") { request, _ in try await json(stats(Parameters(request, statsNames, service), service)) }
        router.get("/api/v1/documents/:id") { request, context in
            _ = try Parameters(request, [], service)
            return try await json(document(context.parameters.get("id") ?? "", service))
        }
        router.get("/api/v1/audit") { request, _ in
            let p = try Parameters(request, auditNames, service)
            let answer = try await audit(p, service)
            guard try csvWanted(p) else { return try json(answer) }
            return csv(["id", "status", "check", "relation", "difference", "reason", "province", "period", "documents", "sentence"],
                       answer.findings.map { f in
                           [f.id, f.status.rawValue, f.check.rawValue, f.relation, f.difference.map { String($0) } ?? "", f.reason ?? "",
                            f.province ?? "", f.period ?? "", f.documents.map(String.init).joined(separator: " "), f.evidence.first?.sentence ?? ""]
                       }, name: "solieu-audit")
        }
        router.get("/api/v1/export") { request, _ in try await export(Parameters(request, exportNames, service), service) }
        router.get("/api/openapi.json") { _, _ throws in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: try OpenAPI.serve(OpenAPI.document, name: "openapi.json"))))
        }
    }

    // MARK: search

    /// Matching documents are counted up to this many; "total_is_lower_bound" says when more match.
    static let countLimit = 10_000

    struct SearchAnswer: Encodable, Sendable {
        var query: String
        var total: Int
        var totalIsLowerBound: Bool
        var offset: Int
        var limit: Int
        var results: [SearchHit]
        var facets: SearchFacets?
        var next: String?
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: FigureRecord.Key.self)
            try c.encode(query, forKey: .init("query"))
            try c.encode(total, forKey: .init("total"))
            try c.encode(totalIsLowerBound, forKey: .init("total_is_lower_bound"))
            try c.encode(offset, forKey: .init("offset"))
            try c.encode(limit, forKey: .init("limit"))
            try c.encode(results, forKey: .init("results"))
            if let facets { try c.encode(facets, forKey: .init("facets")) }
            try c.encode(next, forKey: .init("next"))
        }
    }

    static func searchRequest(_ p: Parameters, _ service: Service, markers: (String, String) = ("[", "]")) throws -> SearchRequest {
        guard let q = p["q"] else { throw ServeError.badParameter("q: what to find is missing (q=…)") }
        guard q.count <= service.limits.queryLength else {
            throw ServeError.badParameter("q: at most \(service.limits.queryLength) characters, got \(q.count)")
        }
        let limit = try pageSize(p, 20, service)
        let offset = try position(p, "offset") ?? 0
        guard offset <= 100_000 else { throw ServeError.badParameter("offset: at most 100000; narrow the search instead") }
        return SearchRequest(query: q, province: p["province"], from: p["from"], to: p["to"], limit: limit, offset: Int(offset),
                             exactRanking: try p.flag("exact_ranking"), markers: markers)
    }

    /// A page of hits; the search page asks for other markers and always for facets.
    static func search(_ p: Parameters, _ service: Service, markers: (String, String) = ("[", "]"), facets: Bool? = nil) async throws -> SearchAnswer {
        let request = try searchRequest(p, service, markers: markers)
        let withFacets = try facets ?? p.flag("facets")
        let (hits, total, facets) = try await service.query { store in
            let hits = try store.search(request)
            // Counted only when the page is full, and only as far as `countLimit`.
            let total = hits.count < request.limit ? request.offset + hits.count : try store.searchTotal(request, upTo: countLimit)
            return (hits, total, withFacets ? try store.searchFacets(request) : nil)
        }
        let next = request.offset + hits.count < total ? p.link("/api/v1/search", replacing: ["offset": String(request.offset + hits.count)]) : nil
        return SearchAnswer(query: request.query, total: total, totalIsLowerBound: total >= countLimit, offset: request.offset,
                            limit: request.limit, results: hits, facets: facets, next: next)
    }

    // MARK: figures

    struct FiguresAnswer: Encodable, Sendable {
        var total: Int
        var totalIsLowerBound: Bool
        var limit: Int
        var figures: [FigureRow]
        var next: String?
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: FigureRecord.Key.self)
            try c.encode(total, forKey: .init("total"))
            try c.encode(totalIsLowerBound, forKey: .init("total_is_lower_bound"))
            try c.encode(limit, forKey: .init("limit"))
            try c.encode(figures, forKey: .init("figures"))
            try c.encode(next, forKey: .init("next"))
        }
    }

    static func figurePage(_ p: Parameters, _ service: Service, path: String) async throws -> (ListingPage<FigureRow>, Int, String?) {
        let limit = try pageSize(p, 50, service)
        var filter = try p.figureFilter(limit: limit)
        filter.after = try position(p, "after")
        if let sort = p["sort"] {
            guard let parsed = FigureSort(sort) else {
                throw ServeError.badParameter("sort: '\(Parameters.shown(sort))': use \(FigureSort.Key.allCases.map(\.rawValue).joined(separator: ", ")), with '-' before for descending")
            }
            guard filter.after == nil else { throw ServeError.badParameter("after: pages of a sorted listing are counted with offset, not after") }
            filter.sort = parsed
            let offset = try position(p, "offset") ?? 0
            guard offset <= 100_000 else { throw ServeError.badParameter("offset: at most 100000; narrow the listing instead") }
            filter.offset = Int(offset)
        } else if p["offset"] != nil {
            throw ServeError.badParameter("offset: figures in id order are paged with after (the next link gives it); offset goes with sort")
        }
        let asked = filter
        // Counted as far as `countLimit`, as a search's hits are.
        let page = try await service.query { try $0.figurePage(asked, countUpTo: countLimit) }
        let next: String?
        if !page.more {
            next = nil
        } else if filter.sort != nil {
            next = p.link(path, replacing: ["offset": String(filter.offset + page.rows.count)])
        } else {
            next = page.rows.last.map { p.link(path, replacing: ["after": String($0.id)]) }
        }
        return (page, limit, next)
    }

    static func figures(_ p: Parameters, _ service: Service) async throws -> FiguresAnswer {
        let (page, limit, next) = try await figurePage(p, service, path: "/api/v1/figures")
        return FiguresAnswer(total: page.total, totalIsLowerBound: page.totalIsLowerBound, limit: limit, figures: page.rows, next: next)
    }

    // MARK: stats

    struct StatsAnswer: Encodable, Sendable {
        var groupBy: [String]
        var groups: [StatsRecord]
        var notes: [String]
        var summary: IndexSummary?
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: FigureRecord.Key.self)
            if let summary {
                try c.encode(summary, forKey: .init("summary"))
                return
            }
            try c.encode(groupBy, forKey: .init("group_by"))
            try c.encode(groups, forKey: .init("groups"))
            try c.encode(notes, forKey: .init("notes"))
        }
    }

    static func statsAnswer(_ p: Parameters, _ service: Service, summaryWhenEmpty: Bool = true) async throws -> StatsAnswer {
        let keys: [String]
        do { keys = try QueryParameters.url.groupKeys(p["group_by"].map { $0.replacingOccurrences(of: " ", with: ",") }) } catch {
            throw ServeError.badParameter(error.message.replacingOccurrences(of: "group-by", with: "group_by"))
        }
        let filter = try p.figureFilter()
        if summaryWhenEmpty && keys.isEmpty && filter == FigureFilter() {
            let summary = try await service.query { try $0.summary() }
            return StatsAnswer(groupBy: [], groups: [], notes: [], summary: summary)
        }
        let rows = try await service.query { try $0.stats(filter, groupBy: keys) }
        let shown = SolieuDatabase.statsKeys(filter, groupBy: keys)
        return StatsAnswer(groupBy: shown, groups: rows.map { StatsRecord($0, keys: shown) }, notes: Set(rows.compactMap(\.note)).sorted(), summary: nil)
    }

    static func stats(_ p: Parameters, _ service: Service) async throws -> StatsAnswer { try await statsAnswer(p, service) }

    // MARK: documents

    struct DocumentAnswer: Encodable, Sendable {
        var document: StoredDocument
        var findings: [Finding]
        /// "index": every finding citing the document, cross-document ones included; "document":
        /// its own checks only, while the audit of the whole index is still running.
        var findingsScope: String
        func encode(to encoder: Encoder) throws {
            try document.encode(to: encoder)
            var c = encoder.container(keyedBy: FigureRecord.Key.self)
            try c.encode(findings, forKey: .init("findings"))
            try c.encode(findingsScope, forKey: .init("findings_scope"))
        }
    }

    /// Evidence an answer gives of one finding at most (`Finding.evidenceTotal` then says how
    /// many; `solieu audit --format json` lists all).
    static let documentEvidence = 6

    /// A document by its numeric id only: paths and hashes are for the CLI, and nothing a URL
    /// holds is ever taken for a file name.
    static func document(_ id: String, _ service: Service) async throws -> DocumentAnswer {
        guard !id.isEmpty, id.count <= 18, id.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int64(id) else {
            throw ServeError.notFound("no document '\(Parameters.shown(id))': documents are named by their number (/documents/12)")
        }
        let doc = try await service.query { try $0.document(id: n) }
        if let report = try await service.audit.currentReport(service) {
            // A cross-document finding cites every bulletin that reports the same count (90 of
            // them on the bench index): a document shows its own sentence and the first few others.
            let mine = (report.byDocument[n] ?? []).map { report.finding($0, keeping: n, evidenceShown: documentEvidence) }
            return DocumentAnswer(document: doc, findings: try await service.withSentences(mine), findingsScope: "index")
        }
        let own = try await service.query { store in try Auditor(database: store).run(scope: DocumentScope(document: String(n))).findings }
        return DocumentAnswer(document: doc, findings: AuditReport.failuresFirst(own), findingsScope: "document")
    }

    // MARK: audit

    struct AuditAnswer: Encodable, Sendable {
        struct Summary: Encodable, Sendable {
            var documents: Int
            var findings: Int
            var fails: Int
            var unverifiable: Int
            var holds: Int
        }
        var summary: Summary
        var total: Int
        var offset: Int
        var limit: Int
        var findings: [Finding]
        var next: String?
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: FigureRecord.Key.self)
            try c.encode(summary, forKey: .init("summary"))
            try c.encode(total, forKey: .init("total"))
            try c.encode(offset, forKey: .init("offset"))
            try c.encode(limit, forKey: .init("limit"))
            try c.encode(findings, forKey: .init("findings"))
            try c.encode(next, forKey: .init("next"))
        }
    }

    /// Findings with the filters applied, failures first; the summary counts every finding.
    static func auditAnswer(_ p: Parameters, _ service: Service, path: String) async throws -> AuditAnswer {
        let status = try p["status"].map { s in
            guard let v = Finding.Status(rawValue: s) else {
                throw ServeError.badParameter("status: '\(Parameters.shown(s))': use \(Finding.Status.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return v
        }
        let check = try p["check"].map { s in
            guard let v = Finding.Check(rawValue: s) else {
                throw ServeError.badParameter("check: '\(Parameters.shown(s))': use \(Finding.Check.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return v
        }
        let limit = try pageSize(p, 50, service)
        let offset = Int(try position(p, "offset") ?? 0)
        let docID = try position(p, "doc")
        let province = try p["province"].map { name in
            do { return try SolieuDatabase.provinceName(name) } catch { throw ServeError.badParameter("province: \((error as? IndexError)?.message ?? "unknown province")") }
        }
        let report = try await service.audit.report(service)
        // The smallest index that applies, then the other filters over it (in failures-first order).
        var candidates: [Int]
        if let docID {
            candidates = report.byDocument[docID] ?? []
            if let province { candidates = candidates.filter { i in report.byProvince[province]?.contains(i) ?? false } }
        } else if let province {
            candidates = report.byProvince[province] ?? []
        } else if let status {
            candidates = report.byStatus[status] ?? []
        } else {
            candidates = Array(0..<report.count)
        }
        if check != nil || (status != nil && (docID != nil || province != nil)) {
            candidates = candidates.filter { i in
                (check == nil || report.check(i) == check) && (status == nil || report.status(i) == status)
            }
        }
        let shown = candidates.dropFirst(offset).prefix(limit).map { report.finding($0, evidenceShown: documentEvidence) }
        let page = try await service.withSentences(Array(shown))
        let next = offset + page.count < candidates.count ? p.link(path, replacing: ["offset": String(offset + page.count)]) : nil
        let summary = AuditAnswer.Summary(documents: report.documents, findings: report.count, fails: report.count(.fails),
                                          unverifiable: report.count(.unverifiable), holds: report.count(.holds))
        return AuditAnswer(summary: summary, total: candidates.count, offset: offset, limit: limit, findings: page, next: next)
    }

    static func audit(_ p: Parameters, _ service: Service) async throws -> AuditAnswer { try await auditAnswer(p, service, path: "/api/v1/audit") }

    // MARK: export

    /// Every matching figure as CSV or JSON lines, streamed a few thousand at a time (keyset
    /// pages in id order): the server never holds the whole export.
    static func export(_ p: Parameters, _ service: Service) async throws -> Response {
        let format = p["format"] ?? "csv"
        guard format == "csv" || format == "jsonl" else { throw ServeError.badParameter("format: '\(Parameters.shown(format))': use csv or jsonl") }
        let filter = try p.figureFilter()
        // The first chunk is read before the answer starts, so a bad filter is a 400, not a cut stream.
        let chunk = 2000
        @Sendable func page(after: Int64?) async throws -> [FigureRow] {
            var f = filter
            f.limit = chunk
            f.after = after
            let asked = f
            return try await service.query { store in
                var rows: [FigureRow] = []
                try store.eachFigure(asked) { rows.append($0) }
                return rows
            }
        }
        let first = try await page(after: nil)
        let csv = format == "csv"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        @Sendable func lines(_ rows: [FigureRow]) throws -> ByteBuffer {
            var out = ""
            for r in rows {
                out += csv ? FigureRecord.csvLine(r) + "\r\n" : String(decoding: try encoder.encode(r), as: UTF8.self) + "\n"
            }
            return ByteBuffer(string: out)
        }
        let headers: HTTPFields = [
            .contentType: csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
            .contentDisposition: "attachment; filename=\"solieu-figures.\(format)\"",
        ]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            if csv { try await writer.write(ByteBuffer(string: FigureRecord.csvHeader + "\r\n")) }
            var rows = first
            while !rows.isEmpty {
                try await writer.write(try lines(rows))
                guard rows.count == chunk, let last = rows.last?.id else { break }
                rows = try await page(after: last)
            }
            try await writer.finish(nil)
        })
    }

    // MARK: helpers

    /// `format=json` (the default) or `format=csv`: the same page as a CSV.
    static func csvWanted(_ p: Parameters) throws -> Bool {
        switch p["format"] ?? "json" {
        case "json": return false
        case "csv": return true
        case let other: throw ServeError.badParameter("format: '\(Parameters.shown(other))': use json or csv")
        }
    }

    static func csv(_ header: [String], _ rows: [[String]], name: String) -> Response {
        var out = header.map(FigureRecord.csvField).joined(separator: ",") + "\r\n"
        for r in rows { out += r.map(FigureRecord.csvField).joined(separator: ",") + "\r\n" }
        return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name).csv\""],
                        body: .init(byteBuffer: ByteBuffer(string: out)))
    }

    static func pageSize(_ p: Parameters, _ fallback: Int, _ service: Service) throws -> Int {
        do { return try QueryParameters.url.pageSize(p["limit"], fallback: fallback, maximum: service.limits.pageSize) } catch {
            throw ServeError.badParameter(error.message)
        }
    }

    static func position(_ p: Parameters, _ name: String) throws -> Int64? {
        do { return try QueryParameters.url.position(name, p[name]) } catch { throw ServeError.badParameter(error.message) }
    }

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}

extension Parameters {
    init(_ request: Request, _ allowed: Set<String>, _ service: Service) throws {
        try self.init(query: request.uri.query, allowed: allowed, limits: service.limits)
    }
}
