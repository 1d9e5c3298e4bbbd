import Foundation
import Hummingbird
import HummingbirdTesting
import SolieuAudit
import SolieuIndex
@testable import SolieuServe
import SolieuTestSupport
import Testing

/// `solieu serve` through HummingbirdTesting: every API route with its filters, pages and errors,
/// the pages (escaped, with their twins), the token, the limits and the read-only guarantee.
/// One database of the corpus, the audit fixtures and a hostile bulletin serves every test.
@Suite struct ServeTests {
    static let hostileTitle = "<script>alert(1)</script> \"><img src=x onerror=alert(2)>"
    static let escaped = hostileTitle.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    /// The same as a plain-text bulletin: its first line is its title.
    static let hostileText = "\(hostileTitle)\n\nNgày 5/6/2019, UBND tỉnh Gia Lai tặng Bằng khen cho 7 tập thể <script>alert(6)</script>.\n"
    static let hostile = """
        <html><head><title>\(escaped)</title>
        <link rel="canonical" href="javascript:alert(3)"></head>
        <body><article><h1>\(escaped)</h1>
        <p>Ngày 12/3/2019, UBND tỉnh Gia Lai tặng Bằng khen cho 5 tập thể &lt;script&gt;alert(4)&lt;/script&gt; và 3 cá nhân "><img src=y onerror=alert(5)>.</p>
        <p>Phong trào thi đua yêu nước của tỉnh Gia Lai năm 2019 có 120 đơn vị tham gia, đạt 85% kế hoạch.</p>
        </article></body></html>
        """

    struct Fixture: Sendable {
        let db: SolieuDatabase
        let path: String
    }

    static let shared: Fixture = {
        let scratch = Scratch()
        let path = scratch.path("serve.db")
        let hostilePath = scratch.write("hostile/gialai-2019.html", hostile)
        let hostileTextPath = scratch.write("hostile/gialai-2019-06.txt", hostileText)
        let writer = try! SolieuDatabase(path: path)
        let paths = Project.files(in: "corpus", suffix: ".txt").map { Project.path("corpus/" + $0) }
            + Project.files(in: "fixtures/audit", suffix: ".txt").map { Project.path("fixtures/audit/" + $0) } + [hostilePath, hostileTextPath]
        _ = try! BatchIngest(database: writer, jobs: 1).run(paths: paths)
        try! writer.checkpoint()
        return Fixture(db: try! SolieuDatabase(path: path, create: false, readOnly: true), path: path)
    }()

    static func app(_ limits: ServeLimits = ServeLimits(), token: String? = nil, store: (any FigureStore)? = nil) -> some ApplicationProtocol {
        var options = ServeOptions()
        options.limits = limits
        options.token = token
        return Server.application(Service(store: store ?? shared.db, limits: limits, token: token), options: options)
    }

    static func get(_ uri: String, headers: HTTPFields = [:], _ app: some ApplicationProtocol) async throws -> (HTTPResponse.Status, String, HTTPFields) {
        try await app.test(.router) { client in
            try await client.execute(uri: uri, method: .get, headers: headers) { r in (r.status, String(buffer: r.body), r.headers) }
        }
    }

    static func json(_ uri: String, status: HTTPResponse.Status = .ok) async throws -> [String: Any] {
        let (s, body, headers) = try await get(uri, Self.app())
        #expect(s == status, "\(uri): \(body.prefix(300))")
        #expect(headers[.contentType]?.hasPrefix("application/json") == true)
        return try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] ?? [:]
    }

    static func error(_ object: [String: Any]) -> (code: String, message: String) {
        let e = object["error"] as? [String: Any] ?? [:]
        return (e["code"] as? String ?? "", e["message"] as? String ?? "")
    }

    // MARK: API

    @Test func searchWithoutDiacriticsPagesAndFacets() async throws {
        let first = try await Self.json("/api/v1/search?q=thi+dua+khen+thuong&limit=2&facets=true")
        let total = try #require(first["total"] as? Int)
        #expect(total >= 3)
        let hits = try #require(first["results"] as? [[String: Any]])
        #expect(hits.count == 2)
        let next = try #require(first["next"] as? String)
        #expect(next.contains("offset=2"))
        let second = try await Self.json(next)
        let ids = (hits + (second["results"] as? [[String: Any]] ?? [])).compactMap { $0["id"] as? Int }
        #expect(Set(ids).count == ids.count, "pages overlap: \(ids)")
        // The same order as the store gives on one page of everything.
        let all = try Self.shared.db.search(SearchRequest(query: "thi dua khen thuong", limit: 4)).map { Int($0.id) }
        #expect(Array(ids.prefix(4)) == Array(all.prefix(ids.count)))
        let facets = try #require(first["facets"] as? [String: Any])
        let provinces = try #require(facets["province"] as? [[String: Any]])
        #expect(provinces.contains { $0["value"] as? String == "Kiên Giang" })
        // The kind facet counts, for each kind, the matched documents holding a figure of it.
        var expected: [String: Int] = [:]
        for hit in try Self.shared.db.search(SearchRequest(query: "thi dua khen thuong", limit: 500)) {
            for kind in Set(try Self.shared.db.document(id: hit.id).figures.map(\.kind)) { expected[kind, default: 0] += 1 }
        }
        let kinds = try #require(facets["kind"] as? [[String: Any]])
        #expect(kinds.count == expected.count && expected.count >= 5)
        for k in kinds { #expect(expected[k["value"] as? String ?? ""] == k["documents"] as? Int, "\(k)") }
        #expect(kinds.map { $0["documents"] as? Int ?? 0 } == kinds.map { $0["documents"] as? Int ?? 0 }.sorted(by: >))
        // A facet value as a filter narrows the search to it.
        let narrowed = try await Self.json("/api/v1/search?q=thi+dua+khen+thuong&province=Gia+Lai&limit=50")
        let gialai = narrowed["results"] as? [[String: Any]] ?? []
        #expect(!gialai.isEmpty && gialai.allSatisfy { $0["province"] as? String == "Gia Lai" })
    }

    @Test func searchErrorsAreJSONWithACodeAndNoPath() async throws {
        for (uri, status, fragment) in [
            ("/api/v1/search", HTTPResponse.Status.badRequest, "q: what to find is missing"),
            ("/api/v1/search?q=%22thi", .badRequest, "unbalanced quote"),
            ("/api/v1/search?q=" + String(repeating: "a", count: 600), .badRequest, "at most 500 characters"),
            ("/api/v1/search?q=x&limit=100000", .badRequest, "at most 500 rows"),
            ("/api/v1/search?q=x&limit=-3", .badRequest, "not a number"),
            ("/api/v1/search?q=x&from=2018-02-30", .badRequest, "not a date"),
            ("/api/v1/search?q=%FF", .badRequest, "not valid UTF-8"),
            ("/api/v1/search?q=a%00b", .badRequest, "control characters"),
            ("/api/v1/search?qq=x", .badRequest, "unknown parameter 'qq'"),
            ("/api/v1/nothing", .notFound, "no such page"),
        ] {
            let object = try await Self.json(uri, status: status)
            let e = Self.error(object)
            #expect(e.message.contains(fragment), "\(uri): \(e.message)")
            #expect(!e.code.isEmpty)
            #expect(!e.message.contains(Self.shared.path) && !e.message.contains("SELECT"), "\(uri): \(e.message)")
        }
    }

    @Test func figuresFilterAndPageByID() async throws {
        var filter = FigureFilter()
        filter.kinds = [.award]
        filter.province = "Kiên Giang"
        let expected = try Self.shared.db.figurePage(filter).rows.map { Int($0.id) }
        #expect(expected.count > 5)
        var seen: [Int] = []
        var uri: String? = "/api/v1/figures?kind=award&province=kien+giang&limit=4"
        while let u = uri {
            let page = try await Self.json(u)
            #expect(page["total"] as? Int == expected.count)
            #expect(page["total_is_lower_bound"] as? Bool == false)
            seen += (page["figures"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
            uri = page["next"] as? String
        }
        #expect(seen == expected)
        // A count that stops at its cap says its total is a floor; the rows are the same.
        filter.limit = 2
        let capped = try Self.shared.db.figurePage(filter, countUpTo: 5)
        #expect(capped.total == 5 && capped.totalIsLowerBound && capped.more)
        #expect(capped.rows.map { Int($0.id) } == Array(expected.prefix(2)))
        let exact = try Self.shared.db.figurePage(filter, countUpTo: expected.count + 1)
        #expect(exact.total == expected.count && !exact.totalIsLowerBound)
        #expect(capped.notice(noun: "figures") == "showing 2 of at least 5 figures; --limit N or --all for more")
        // The CLI's words for a bad value, with the parameter as a URL names it.
        let bad = Self.error(try await Self.json("/api/v1/figures?kind=awards", status: .badRequest))
        #expect(bad.message.hasPrefix("kind: unknown kind 'awards'"))
        let role = Self.error(try await Self.json("/api/v1/figures?role=up", status: .badRequest))
        #expect(role.message.hasPrefix("role: unknown role"))
    }

    /// A sorted listing orders every figure, not one page: pages by offset, in order, no overlap.
    @Test func figuresSortAcrossPages() async throws {
        var values: [Double] = [], ids: [Int] = []
        var uri: String? = "/api/v1/figures?kind=award&sort=-value&limit=7"
        var total = 0
        while let u = uri {
            let page = try await Self.json(u)
            total = page["total"] as? Int ?? 0
            for f in page["figures"] as? [[String: Any]] ?? [] {
                ids.append(f["id"] as? Int ?? 0)
                values.append(Double(f["count"] as? Int ?? -1))
            }
            uri = page["next"] as? String
            #expect(uri == nil || uri!.contains("offset="))
        }
        #expect(ids.count == total && Set(ids).count == total && total > 20)
        #expect(values == values.sorted(by: >))
        let up = try await Self.json("/api/v1/figures?kind=award&sort=value&limit=500")
        let upCounts = (up["figures"] as? [[String: Any]] ?? []).map { Double($0["count"] as? Int ?? -1) }
        #expect(upCounts == upCounts.sorted())
        let (_, page, _) = try await Self.get("/figures?kind=award&sort=-value", Self.app())
        #expect(page.contains("▼"))
        #expect(Self.error(try await Self.json("/api/v1/figures?sort=size", status: .badRequest)).message.hasPrefix("sort: 'size'"))
        #expect(Self.error(try await Self.json("/api/v1/figures?offset=10", status: .badRequest)).message.contains("offset goes with sort"))
    }

    @Test func statsSumWhatMayBeAddedAndSplitMoney() async throws {
        let answer = try await Self.json("/api/v1/stats?kind=award&group_by=province,year")
        let groups = try #require(answer["groups"] as? [[String: Any]])
        var filter = FigureFilter()
        filter.kinds = [.award]
        let rows = try Self.shared.db.stats(filter, groupBy: ["province", "year"])
        #expect(groups.count == rows.count)
        for (g, r) in zip(groups, rows) {
            #expect(g["province"] as? String == (r.keys["province"] ?? nil))
            #expect(g["sum"] as? Double == r.sum)
            #expect(g["figures"] as? Int == r.figures)
        }
        let money = try await Self.json("/api/v1/stats?kind=money")
        #expect(money["group_by"] as? [String] == ["currency"])
        let mixed = try await Self.json("/api/v1/stats?group_by=province")
        #expect((mixed["notes"] as? [String] ?? []).contains { $0.contains("no sum") })
        let summary = try await Self.json("/api/v1/stats")
        #expect((summary["summary"] as? [String: Any])?["documents"] as? Int == (try Self.shared.db.summary().documents))
        let bad = Self.error(try await Self.json("/api/v1/stats?group_by=provinz", status: .badRequest))
        #expect(bad.message.contains("group_by: cannot group by 'provinz'"))
    }

    @Test func documentsGiveTextFiguresSourcesAndFindings() async throws {
        let doc = try await Self.json("/api/v1/documents/1")
        let text = try #require(doc["text"] as? String)
        let scalars = Array(text.unicodeScalars)
        let figures = try #require(doc["figures"] as? [[String: Any]])
        #expect(!figures.isEmpty)
        for f in figures {
            let start = try #require(f["start"] as? Int), end = try #require(f["end"] as? Int)
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == f["text"] as? String)
        }
        #expect((doc["sources"] as? [String])?.isEmpty == false)
        #expect(doc["findings"] is [Any])
        for uri in ["/api/v1/documents/999999", "/api/v1/documents/abc", "/api/v1/documents/..%2F..%2Fetc%2Fpasswd",
                    "/api/v1/documents/%2Fetc%2Fpasswd", "/api/v1/documents/99999999999999999999999"] {
            let e = Self.error(try await Self.json(uri, status: .notFound))
            #expect(e.code == "not_found", "\(uri)")
        }
    }

    @Test func auditFailuresFirstWithStableIDs() async throws {
        let all = try await Self.json("/api/v1/audit?limit=500")
        let findings = try #require(all["findings"] as? [[String: Any]])
        let statuses = findings.compactMap { $0["status"] as? String }
        let rank = ["fails": 0, "unverifiable": 1, "holds": 2]
        #expect(statuses.map { rank[$0] ?? 9 } == statuses.map { rank[$0] ?? 9 }.sorted())
        let summary = try #require(all["summary"] as? [String: Any])
        #expect((summary["fails"] as? Int ?? 0) >= 5)  // the altered fixtures
        let ids = findings.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == ids.count && ids.count == findings.count)
        let again = try await Self.json("/api/v1/audit?limit=500")
        #expect((again["findings"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } == ids)
        let fails = try await Self.json("/api/v1/audit?status=fails&check=sum")
        let sums = fails["findings"] as? [[String: Any]] ?? []
        #expect(!sums.isEmpty && sums.allSatisfy { $0["status"] as? String == "fails" && $0["check"] as? String == "sum" })
        let spans = (sums.first?["evidence"] as? [[String: Any]])?.first?["spans"] as? [[String: Any]] ?? []
        #expect(!spans.isEmpty)
        let bad = Self.error(try await Self.json("/api/v1/audit?status=broken", status: .badRequest))
        #expect(bad.message.contains("use holds, fails, unverifiable"))
    }

    /// The server's compact audit gives back the findings of the audit run, failures first, with
    /// the same ids, values, evidence offsets and spans; a trimmed finding keeps its document's own
    /// evidence and says how many there are.
    @Test func compactAuditIndexGivesBackTheRunsFindings() throws {
        let run = try Auditor(database: Self.shared.db, sentences: false).run()
        let rank: (Finding) -> Int = { $0.status == .fails ? 0 : $0.status == .unverifiable ? 1 : 2 }
        let expected = run.findings.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
        let index = try AuditIndex(auditing: Self.shared.db)
        #expect(index.count == expected.count && index.documents == run.documents)
        #expect(index.count(.fails) == expected.filter { $0.status == .fails }.count)
        #expect(index.count(.fails) >= 5)
        for (i, want) in expected.enumerated() {
            let got = index.finding(i, evidenceShown: .max)
            #expect(got.id == want.id && got.check == want.check && got.status == want.status)
            #expect(got.operands == want.operands && got.stated == want.stated && got.difference == want.difference)
            #expect(got.relation == want.relation && got.reason == want.reason && got.province == want.province && got.period == want.period)
            #expect(got.evidenceTotal == nil)
            #expect(got.evidence.map { [$0.document, Int64($0.sentenceStart), Int64($0.sentenceEnd)] }
                    == want.evidence.map { [$0.document, Int64($0.sentenceStart), Int64($0.sentenceEnd)] }, "\(want.id)")
            #expect(got.evidence.map(\.province) == want.evidence.map(\.province))
            #expect(got.evidence.map { $0.spans.map { [$0.start, $0.end] } } == want.evidence.map { $0.spans.map { [$0.start, $0.end] } })
            for d in Set(want.evidence.map(\.document)) { #expect(index.byDocument[d]?.contains(i) == true) }
        }
        // Trimming: one evidence shown, the last document's own first.
        let many = try #require(expected.indices.first { Set(expected[$0].evidence.map(\.document)).count > 1 })
        let last = try #require(expected[many].evidence.last?.document)
        let trimmed = index.finding(many, keeping: last, evidenceShown: 1)
        #expect(trimmed.evidenceTotal == expected[many].evidence.count)
        #expect(trimmed.evidence.map(\.document) == [last])
    }

    @Test func exportStreamsEveryFigure() async throws {
        var filter = FigureFilter()
        filter.kinds = [.award]
        let count = try Self.shared.db.countFigures(filter)
        let (status, csv, headers) = try await Self.get("/api/v1/export?kind=award&format=csv", Self.app())
        #expect(status == .ok)
        #expect(headers[.contentType]?.hasPrefix("text/csv") == true)
        let lines = csv.split(separator: "\r\n")
        #expect(lines.first.map(String.init) == FigureRecord.csvHeader)
        #expect(lines.count == count + 1)
        let (_, jsonl, _) = try await Self.get("/api/v1/export?format=jsonl", Self.app())
        #expect(jsonl.split(separator: "\n").count == (try Self.shared.db.summary().figures))
        let bad = try await Self.get("/api/v1/export?format=xlsx", Self.app())
        #expect(bad.0 == .badRequest)
    }

    /// Search and audit pages as CSV: the same rows as their JSON.
    @Test func searchAndAuditHaveCSVTwins() async throws {
        let json = try await Self.json("/api/v1/search?q=bang+khen&limit=7")
        let (_, csv, headers) = try await Self.get("/api/v1/search?q=bang+khen&limit=7&format=csv", Self.app())
        #expect(headers[.contentType]?.hasPrefix("text/csv") == true)
        let ids = (json["results"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }.map(String.init)
        #expect(csv.split(separator: "\r\n").dropFirst().map { String($0.prefix { $0 != "," }) } == ids)
        let audit = try await Self.json("/api/v1/audit?status=fails")
        let (_, auditCSV, _) = try await Self.get("/api/v1/audit?status=fails&format=csv", Self.app())
        let fids = (audit["findings"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(!fids.isEmpty)
        #expect(auditCSV.split(separator: "\r\n").first == "id,status,check,relation,difference,reason,province,period,documents,sentence")
        for id in fids { #expect(auditCSV.contains("\r\n\(id),fails,")) }
        #expect(try await Self.get("/api/v1/audit?format=xml", Self.app()).0 == .badRequest)
    }

    /// Every path of the OpenAPI document answers as it says, with the properties it requires,
    /// and every API route the server has is in the document.
    @Test func openAPIDocumentMatchesTheRoutes() async throws {
        let spec = try await Self.json("/api/openapi.json")
        #expect(spec["openapi"] as? String == "3.1.0")
        let paths = try #require(spec["paths"] as? [String: Any])
        let served = ["/api/v1/search", "/api/v1/figures", "/api/v1/stats", "/api/v1/documents/{id}", "/api/v1/audit", "/api/v1/export", "/api/openapi.json"]
        #expect(Set(paths.keys) == Set(served))
        let schemas = ((spec["components"] as? [String: Any])?["schemas"] as? [String: Any]) ?? [:]
        for (path, item) in paths {
            let get = try #require((item as? [String: Any])?["get"] as? [String: Any])
            let parameters = get["parameters"] as? [[String: Any]] ?? []
            var uri = path.replacingOccurrences(of: "{id}", with: "1")
            let required = parameters.filter { $0["required"] as? Bool == true && $0["in"] as? String == "query" }
            if !required.isEmpty { uri += "?" + required.map { "\($0["name"] as? String ?? "")=bang+khen" }.joined(separator: "&") }
            // Every query parameter it names is accepted.
            for p in parameters where p["in"] as? String == "query" {
                let name = p["name"] as? String ?? ""
                let sample: String
                switch (p["schema"] as? [String: Any])?["type"] as? String {
                case "integer": sample = "1"
                case "boolean": sample = "true"
                default: sample = ((p["schema"] as? [String: Any])?["enum"] as? [String])?.first ?? (name == "q" ? "bang+khen" : "Kiên Giang".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
                }
                let (status, body, _) = try await Self.get(uri + (uri.contains("?") ? "&" : "?") + "\(name)=\(sample)", Self.app())
                #expect(status != .badRequest || !body.contains("unknown parameter"), "\(path) \(name): \(body.prefix(200))")
            }
            let (status, body, _) = try await Self.get(uri, Self.app())
            #expect(status == .ok, "\(uri): \(body.prefix(200))")
            let ok = ((get["responses"] as? [String: Any])?["200"] as? [String: Any])?["content"] as? [String: Any]
            if let ref = ((ok?["application/json"] as? [String: Any])?["schema"] as? [String: Any])?["$ref"] as? String {
                let schema = schemas[String(ref.split(separator: "/").last ?? "")] as? [String: Any] ?? [:]
                let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] ?? [:]
                for key in schema["required"] as? [String] ?? [] { #expect(object.keys.contains(key), "\(path) lacks '\(key)'") }
            }
        }
    }

    // MARK: pages

    @Test func pagesRenderWithTwinsAndHeaders() async throws {
        for (uri, needle) in [
            ("/", "name=\"q\""), ("/search?q=bang+khen", "<mark>"), ("/search?q=bang+khen&lang=en", "bulletins match"),
            ("/figures?kind=award", "/api/v1/export?"), ("/stats", "<svg"), ("/stats?group_by=province", "<rect"),
            ("/documents/1", "class=\"fig "), ("/audit", "class=\"finding fails\""), ("/audit?status=fails&lang=en", "Audit"),
        ] {
            let (status, body, headers) = try await Self.get(uri, Self.app())
            #expect(status == .ok, "\(uri)")
            #expect(body.contains(needle), "\(uri) lacks \(needle)")
            #expect(headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            #expect(!body.contains("<script"), "\(uri) has a script")
        }
        let (status, body, _) = try await Self.get("/figures?kind=nothing", Self.app())
        #expect(status == .badRequest && body.contains("unknown kind"))
        let csv = try await Self.get("/stats.csv?kind=award&group_by=province", Self.app())
        #expect(csv.1.hasPrefix("province,sum,"))
        // HEAD: GET's status and headers, the length its body has, and no body.
        for uri in ["/audit", "/api/v1/figures?kind=award", "/api/v1/documents/99999999"] {
            let (getStatus, getBody, getHeaders) = try await Self.get(uri, Self.app())
            let (headStatus, headBody, headHeaders) = try await Self.app().test(.router) { client in
                try await client.execute(uri: uri, method: .head) { r in (r.status, String(buffer: r.body), r.headers) }
            }
            #expect(headStatus == getStatus && headBody.isEmpty, "\(uri) \(headStatus) \(getStatus) \(headBody.prefix(200))")
            #expect(headHeaders[.contentType] == getHeaders[.contentType] && headHeaders[.contentSecurityPolicy] != nil, "\(uri)")
            // No length rather than a wrong one.
            #expect(headHeaders[.contentLength] == nil || headHeaders[.contentLength] == String(getBody.utf8.count), "\(uri)")
        }
    }

    /// The figures a document page marks are the figures the API gives, span for span.
    @Test func documentHighlightsMatchTheFiguresAPI() async throws {
        let (_, page, _) = try await Self.get("/documents/1", Self.app())
        let marked = page.components(separatedBy: "data-figure=\"").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        let doc = try await Self.json("/api/v1/documents/1")
        let figures = (doc["figures"] as? [[String: Any]] ?? [])
        // Overlapping spans cannot nest in HTML: those the page leaves out start inside a previous one.
        var end = 0
        var expected: [Int] = []
        for f in figures.sorted(by: { ($0["start"] as? Int ?? 0) < ($1["start"] as? Int ?? 0) }) {
            guard let s = f["start"] as? Int, let e = f["end"] as? Int, let id = f["id"] as? Int, s >= end, s < e else { continue }
            expected.append(id)
            end = e
        }
        #expect(marked == expected)
        #expect(marked.count * 10 >= figures.count * 8)
    }

    @Test func bulletinTextIsEscapedEverywhere() async throws {
        let hits = try Self.shared.db.search("phong trao thi dua gia lai 2019")
        let id = try #require(hits.first { $0.title?.contains("<script>") == true }?.id)
        for uri in ["/documents/\(id)", "/search?q=gia+lai+2019", "/figures?doc=\(id)", "/audit?province=Gia+Lai", "/stats?doc=\(id)&group_by=document",
                    "/search?q=%3Cscript%3Ealert(9)%3C%2Fscript%3E", "/figures?award=%22%3E%3Cimg+src%3Dx+onerror%3Dalert(1)%3E"] {
            let (_, body, _) = try await Self.get(uri, Self.app())
            #expect(!body.contains("<script"), "\(uri)")
            #expect(!body.contains("<img"), "\(uri)")
            #expect(!body.contains("href=\"javascript:"), "\(uri)")
        }
        let (_, doc, _) = try await Self.get("/documents/\(id)", Self.app())
        #expect(doc.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // JSON carries the text as it is (a program reads it), served as JSON, never sniffed.
        let (_, api, headers) = try await Self.get("/api/v1/documents/\(id)", Self.app())
        #expect(api.contains("<script>alert(1)</script>"))
        #expect(headers[.xContentTypeOptions] == "nosniff")
        // The static report too.
        let report = try Auditor(database: Self.shared.db).run().render(.html)
        #expect(!report.contains("<script>alert") && !report.contains("<img src"))
    }

    // MARK: security and limits

    @Test func tokenIsRequiredWhenSet() async throws {
        let token = "s3cret-token-of-20-chars"
        let app = Self.app(token: token)
        #expect(try await Self.get("/api/v1/stats", app).0 == .unauthorized)
        #expect(try await Self.get("/", app).0 == .unauthorized)
        #expect(try await Self.get("/api/v1/stats", headers: [.authorization: "Bearer wrong-token-of-20-chars"], app).0 == .unauthorized)
        #expect(try await Self.get("/api/v1/stats", headers: [.authorization: "Bearer \(token)"], app).0 == .ok)
        #expect(try await Self.get("/audit", headers: [.cookie: "solieu_token=\(token)"], app).0 == .ok)
        let login = try await app.test(.router) { client in
            try await client.execute(uri: "/login", method: .post, body: ByteBuffer(string: "token=\(token)")) { ($0.status, $0.headers[.setCookie]) }
        }
        #expect(login.0 == .seeOther && login.1?.contains("HttpOnly") == true)
    }

    @Test func onlyGetIsServed() async throws {
        let app = Self.app()
        let (status, body, allow) = try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/figures", method: .delete) { ($0.status, String(buffer: $0.body), $0.headers[.allow]) }
        }
        #expect(status == .methodNotAllowed && allow == "GET, HEAD" && body.contains("\"code\":\"method_not_allowed\""))
        #expect(try await Self.get("/favicon.ico", app).0 == .noContent)
    }

    @Test func bindingBeyondLoopbackNeedsATokenOrPublic() throws {
        var o = ServeOptions()
        o.host = "0.0.0.0"
        #expect(throws: IndexError.self) { try o.check() }
        o.open = true
        try o.check()
        o.open = false
        o.token = "short"
        #expect(throws: IndexError.self) { try o.check() }
        o.token = "a-token-long-enough-123"
        try o.check()
        o = ServeOptions()
        try o.check()
    }

    @Test func aQueryPastItsDeadlineIsStopped() async throws {
        var limits = ServeLimits()
        limits.requestSeconds = 0.000_001
        let (status, body, _) = try await Self.get("/api/v1/stats?group_by=province,year,award", Self.app(limits))
        #expect(status == .serviceUnavailable, "\(body.prefix(200))")
        #expect(body.contains("\"code\":\"timeout\""))
        // The next request with time to spare is answered.
        #expect(try await Self.get("/api/v1/stats?group_by=province", Self.app()).0 == .ok)
    }

    @Test func aFullRunnerTurnsRequestsAway() async throws {
        var limits = ServeLimits()
        limits.running = 1
        limits.waiting = 0
        let runner = QueryRunner(limits: limits)
        let gate = DispatchSemaphore(value: 0)
        let started = DispatchSemaphore(value: 0)
        let first = Task { try await runner.run { started.signal(); gate.wait(); return 1 } }
        started.wait()
        await #expect(throws: ServeError.self) { try await runner.run { 2 } }
        gate.signal()
        #expect(try await first.value == 1)
        #expect(try await runner.run { 3 } == 3)
    }

    /// The server never writes: the database's bytes are the same after every route, and a
    /// document another process ingests appears without a restart (and in the audit).
    @Test func readOnlyAndSeesNewDocuments() async throws {
        let scratch = Scratch()
        defer { scratch.cleanup() }
        let path = scratch.path("live.db")
        let writer = try SolieuDatabase(path: path)
        _ = try BatchIngest(database: writer, jobs: 1).run(paths: [Project.path("corpus/000_d273c28c48bdecee.txt")])
        try writer.checkpoint()
        let reader = try SolieuDatabase(path: path, create: false, readOnly: true)
        let app = Self.app(store: reader)
        func bytes() -> Data { FileManager.default.contents(atPath: path) ?? Data() }
        let before = bytes()
        for uri in ["/", "/search?q=bang+khen", "/figures", "/stats", "/documents/1", "/audit", "/api/v1/search?q=thi+dua&facets=1",
                    "/api/v1/figures", "/api/v1/stats?group_by=province", "/api/v1/documents/1", "/api/v1/audit", "/api/v1/export"] {
            #expect(try await Self.get(uri, app).0 == .ok, "\(uri)")
        }
        #expect(bytes() == before)
        let writeAttempt = Result { try reader.recordFailure(path: "x", reason: "y") }
        #expect((try? writeAttempt.get()) == nil)
        let (_, auditBefore, _) = try await Self.get("/api/v1/audit", app)
        let (_, statsBefore, _) = try await Self.get("/api/v1/stats", app)
        #expect(try await Self.get("/api/v1/stats", app).1 == statsBefore)  // kept for this version
        _ = try BatchIngest(database: writer, jobs: 1).run(paths: [Project.path("fixtures/audit/sum-part-changed.txt")])
        let (_, search, _) = try await Self.get("/api/v1/search?q=bang+khen&limit=50", app)
        #expect(search.contains("sum-part-changed.txt"))
        // The audit reads the index's version at most once a second: within a few, it has run again.
        var auditAfter = auditBefore
        for _ in 0..<50 where !auditAfter.contains("\"status\":\"fails\"") {
            try await Task.sleep(nanoseconds: 100_000_000)
            auditAfter = try await Self.get("/api/v1/audit", app).1
        }
        #expect(auditAfter.contains("\"status\":\"fails\""), "\(auditAfter.prefix(200))")
        // A kept answer is not served once the index changed.
        let statsAfter = try await Self.get("/api/v1/stats", app).1
        #expect(statsAfter != statsBefore && statsAfter.contains("\"documents\":2"), "\(statsAfter.prefix(200))")
    }
}
