import Foundation
import Hummingbird
import SolieuAudit
import SolieuExtract
import SolieuIndex

/// Server-rendered pages: each reads its parameters as its API twin does and links to that twin
/// (JSON) and to a CSV of the same view. They work without JavaScript (there is none); a
/// figure's details show on hover and on keyboard focus through CSS alone.
enum Pages {
    static let common: Set<String> = ["lang"]

    static func register(_ router: Router<BasicRequestContext>, _ service: Service) {
        router.get("/") { request, _ in try await search(request, service) }
        router.get("/search") { request, _ in try await search(request, service) }
        router.get("/figures") { request, _ in try await figures(request, service) }
        router.get("/stats") { request, _ in try await stats(request, service) }
        router.get("/documents/:id") { request, context in try await document(request, context.parameters.get("id") ?? "", service) }
        router.get("/audit") { request, _ in try await audit(request, service) }
        router.get("/stats.csv") { request, _ in try await statsCSV(request, service) }
        router.get("/login") { request, _ in login(request) }
        router.post("/login") { request, context in try await signIn(request, context, service) }
        // Browsers ask for it on every site; there is none, and saying so is not an error.
        router.get("/favicon.ico") { _, _ in Response(status: .noContent) }
        router.get("/static/solieu.css") { _, _ throws in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(bytes: try OpenAPI.serve(OpenAPI.stylesheet, name: "solieu.css"))))
        }
    }

    static func html(_ s: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: s)))
    }

    static func e(_ s: String?) -> String { HTML.escape(s ?? "") }

    static func input(_ name: String, _ label: String, _ p: Parameters, placeholder: String = "", size: Int = 16) -> String {
        "<label>\(label) <input name=\"\(name)\" value=\"\(e(p[name]))\" placeholder=\"\(e(placeholder))\" size=\"\(size)\"></label>"
    }

    static func select(_ name: String, _ label: String, _ p: Parameters, _ options: [(String, String)]) -> String {
        var out = "<label>\(label) <select name=\"\(name)\">"
        for (value, text) in options {
            out += "<option value=\"\(e(value))\"\(p[name] == value || (p[name] == nil && value.isEmpty) ? " selected" : "")>\(e(text))</option>"
        }
        return out + "</select></label>"
    }

    static func hidden(_ lang: Lang) -> String { lang.english ? "<input type=\"hidden\" name=\"lang\" value=\"en\">" : "" }

    // MARK: search

    static func search(_ request: Request, _ service: Service) async throws -> Response {
        let lang = Lang(request)
        let p = try Parameters(request, API.searchNames.union(common), service)
        var body = "<h1>\(lang.t("Tìm trong các bản tin", "Search the bulletins"))</h1>"
        body += "<form action=\"/search\" method=\"get\" class=\"filters\">\(hidden(lang))"
            + "<label class=\"wide\">\(lang.t("Từ khóa", "Query")) <input name=\"q\" value=\"\(e(p["q"]))\" placeholder=\"thi dua khen thuong\" size=\"40\" autofocus></label>"
            + input("province", lang.t("Tỉnh", "Province"), p) + input("from", lang.t("Từ ngày", "From"), p, placeholder: "2018", size: 10)
            + input("to", lang.t("Đến ngày", "To"), p, placeholder: "2019-06", size: 10)
            + "<button>\(lang.t("Tìm", "Search"))</button></form>"
        body += "<p class=\"hint\">\(lang.t("Không cần dấu; \"cụm từ\", OR, -loại trừ, tiền tố*; UBND tìm cả Ủy ban nhân dân.", "Diacritics optional; \"phrases\", OR, -exclude, prefix*; UBND also finds Ủy ban nhân dân."))</p>"
        guard p["q"] != nil else {
            return html(HTML.page(title: lang.t("Tìm kiếm", "Search"), lang: lang, request: request, active: "/") { body })
        }
        // Snippet markers from the private-use area, which no stored article holds (NFC text from
        // bulletins), turned into <mark> after escaping.
        let answer = try await API.search(p, service, markers: ("\u{E000}", "\u{E001}"), facets: true)
        let hits = answer.results, total = answer.total, facets = answer.facets ?? SearchFacets()
        body += "<div class=\"columns\"><aside class=\"facets\">"
        func facet(_ title: String, _ counts: [SearchFacets.Count], _ name: String?) {
            guard !counts.isEmpty else { return }
            body += "<h2>\(title)</h2><ul>"
            for c in counts.prefix(12) {
                let item = "\(e(c.value)) <span class=\"count\">\(c.documents)</span>"
                if let name {
                    let current = name == "year" ? p["from"] == c.value && p["to"] == c.value : p[name] == c.value
                    let link = name == "year" ? p.link("/search", replacing: ["from": c.value, "to": c.value, "offset": nil])
                        : p.link("/search", replacing: [name: c.value, "offset": nil])
                    body += current ? "<li class=\"on\">\(item)</li>" : "<li><a href=\"\(e(link))\">\(item)</a></li>"
                } else {
                    body += "<li>\(item)</li>"
                }
            }
            body += "</ul>"
        }
        facet(lang.t("Tỉnh (trước 2025)", "Province (before 2025)"), facets.province, "province")
        facet(lang.t("Tỉnh (từ 2025)", "Province (from 2025)"), facets.provinceNow, "province")
        facet(lang.t("Năm", "Year"), facets.year, "year")
        facet(lang.t("Trang", "Site"), facets.site, nil)
        facet(lang.t("Loại số liệu", "Figure kind"), facets.kind, nil)
        if facets.sampled { body += "<p class=\"hint\">\(lang.t("Đếm trên \(facets.documents) bản tin mới nhất.", "Counted over the newest \(facets.documents) bulletins."))</p>" }
        body += "</aside><section>"
        let shownTotal = matchCount(total, lowerBound: answer.totalIsLowerBound, lang)
        body += "<p class=\"summary\">\(lang.t("\(shownTotal) bản tin khớp", "\(shownTotal) bulletins match"))</p><ol class=\"hits\" start=\"\(answer.offset + 1)\">"
        for h in hits {
            let snippet = e(h.snippet).replacingOccurrences(of: "\u{E000}", with: "<mark>").replacingOccurrences(of: "\u{E001}", with: "</mark>")
            body += "<li><a class=\"title\" href=\"/documents/\(h.id)\(lang.english ? "?lang=en" : "")\">\(e(h.title ?? lang.t("(không tiêu đề)", "(no title)")))</a>"
                + "<div class=\"meta\">\(e(h.published)) · \(e(h.province))</div><p class=\"snippet\">\(snippet)</p></li>"
        }
        body += "</ol>"
        body += pager(p, "/search", offset: answer.offset, limit: answer.limit, count: hits.count, total: total, lang: lang)
        body += HTML.twins(json: p.link("/api/v1/search", replacing: ["lang": nil]),
                           csv: p.link("/api/v1/search", replacing: ["lang": nil, "format": "csv"]), lang: lang)
        body += "</section></div>"
        return html(HTML.page(title: p["q"] ?? "", lang: lang, request: request, active: "/") { body })
    }

    /// How many match, as a listing's summary line opens: the count, or "Hơn 10000" when
    /// counting stopped at `API.countLimit`.
    static func matchCount(_ total: Int, lowerBound: Bool, _ lang: Lang) -> String {
        lowerBound ? lang.t("Hơn \(API.countLimit)", "More than \(API.countLimit)") : "\(total)"
    }

    static func pager(_ p: Parameters, _ path: String, offset: Int, limit: Int, count: Int, total: Int, lang: Lang) -> String {
        var out = "<nav class=\"pager\">"
        if offset > 0 {
            let previous = max(0, offset - limit)
            out += "<a rel=\"prev\" href=\"\(e(p.link(path, replacing: ["offset": previous == 0 ? nil : String(previous)])))\">← \(lang.t("Trước", "Previous"))</a> "
        }
        if count > 0 { out += "<span>\(offset + 1)–\(offset + count) / \(total)</span>" }
        if offset + count < total {
            out += " <a rel=\"next\" href=\"\(e(p.link(path, replacing: ["offset": String(offset + count)])))\">\(lang.t("Sau", "Next")) →</a>"
        }
        return out + "</nav>"
    }

    // MARK: figures

    static func kindOptions(_ lang: Lang) -> [(String, String)] {
        [("", lang.t("mọi loại", "any kind"))] + Figure.Kind.allCases.map { ($0.rawValue, $0.rawValue) }
    }

    static func filterForm(_ action: String, _ p: Parameters, _ lang: Lang, extra: String = "") -> String {
        "<form action=\"\(action)\" method=\"get\" class=\"filters\">\(hidden(lang))"
            + select("kind", lang.t("Loại", "Kind"), p, kindOptions(lang))
            + input("award", lang.t("Danh hiệu", "Award"), p, placeholder: "bang khen")
            + input("recipient", lang.t("Đối tượng", "Recipient"), p, placeholder: "tập thể", size: 10)
            + input("province", lang.t("Tỉnh", "Province"), p, size: 12)
            + input("period", lang.t("Kỳ", "Period"), p, placeholder: "2018", size: 8)
            + input("measure", lang.t("Chỉ tiêu", "Measure"), p, placeholder: "nông thôn mới", size: 14)
            + select("role", lang.t("Vai trò %", "Percent role"), p, [("", lang.t("mọi", "any")), ("share", "share"), ("plan", "plan"), ("change", "change")])
            + extra + "<button>\(lang.t("Lọc", "Filter"))</button></form>"
    }

    static func tip(_ f: FigureRow) -> String {
        [f.kind, f.valueSummary, f.measure.map { "measure: \($0)" }, (f.period ?? f.periodFirst.map { "\($0)…\(f.periodLast ?? "")" }).map { "period: \($0)" },
         f.role.map { "role: \($0)" }].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
    }

    /// The sentence with the figure marked.
    static func evidence(_ f: FigureRow) -> String {
        let start = f.start - f.sentenceStart, end = f.end - f.sentenceStart
        return HTML.marked(f.sentence, [(start, end, "<mark>", "</mark>")])
    }

    static func figures(_ request: Request, _ service: Service) async throws -> Response {
        let lang = Lang(request)
        let p = try Parameters(request, API.figureNames.union(common), service)
        let (page, _, next) = try await API.figurePage(p, service, path: "/figures")
        var body = "<h1>\(lang.t("Số liệu", "Figures"))</h1>" + filterForm("/figures", p, lang)
        let shownTotal = matchCount(page.total, lowerBound: page.totalIsLowerBound, lang)
        body += "<p class=\"summary\">\(lang.t("\(shownTotal) số liệu khớp", "\(shownTotal) figures match"))</p>"
        let rows = page.rows.map { f -> [String] in
            ["<a href=\"/documents/\(f.document)\(lang.english ? "?lang=en" : "")#fig-\(f.id)\">\(f.document)</a>", e(f.province), e(f.kind),
             e(f.valueSummary), e(f.measure), e(f.period ?? f.periodFirst.map { "\($0)…\(f.periodLast ?? "")" }), e(f.role), evidence(f)]
        }
        // Sortable columns: a link that orders the whole listing (not just this page) on the server.
        func sortable(_ label: String, _ key: FigureSort.Key) -> String {
            let current = p["sort"]
            let next = current == key.rawValue ? "-" + key.rawValue : key.rawValue
            let arrow = current == key.rawValue ? " ▲" : current == "-" + key.rawValue ? " ▼" : ""
            return "<a href=\"\(e(p.link("/figures", replacing: ["sort": next, "offset": nil, "after": nil])))\">\(label)\(arrow)</a>"
        }
        body += HTML.table([sortable(lang.t("Bản tin", "Doc"), .published), lang.t("Tỉnh", "Province"), lang.t("Loại", "Kind"),
                            sortable(lang.t("Giá trị", "Value"), .value), lang.t("Chỉ tiêu", "Measure"), sortable(lang.t("Kỳ", "Period"), .period),
                            lang.t("Vai trò", "Role"), lang.t("Câu gốc", "Sentence")], rows)
        var nav = "<nav class=\"pager\">"
        if p["after"] != nil || p["offset"] != nil {
            nav += "<a href=\"\(e(p.link("/figures", replacing: ["after": nil, "offset": nil])))\">« \(lang.t("Đầu", "First"))</a> "
        }
        if let next { nav += "<a rel=\"next\" href=\"\(e(next))\">\(lang.t("Sau", "Next")) →</a>" }
        body += nav + "</nav>"
        body += HTML.twins(json: p.link("/api/v1/figures", replacing: ["lang": nil]),
                           csv: p.link("/api/v1/export", replacing: ["lang": nil, "limit": nil, "after": nil, "offset": nil, "sort": nil, "format": "csv"]), lang: lang)
        return html(HTML.page(title: lang.t("Số liệu", "Figures"), lang: lang, request: request, active: "/figures") { body })
    }

    // MARK: stats

    static func stats(_ request: Request, _ service: Service) async throws -> Response {
        let lang = Lang(request)
        let p = try Parameters(request, API.statsNames.union(common), service)
        var body = "<h1>\(lang.t("Thống kê", "Stats"))</h1>"
        let groupField = "<label>\(lang.t("Nhóm theo", "Group by")) <input name=\"group_by\" value=\"\(e(p["group_by"] ?? "province,year"))\" size=\"18\"></label>"
        // The page's view: award counts by province and year unless asked otherwise.
        let effective = p.withDefaults([("group_by", "province,year"), ("kind", "award")])
        body += filterForm("/stats", effective, lang, extra: groupField)
        let answer = try await API.statsAnswer(effective, service, summaryWhenEmpty: false)
        for note in answer.notes { body += "<p class=\"note\">\(e(note))</p>" }
        body += Chart.svg(answer, lang: lang)
        let keys = answer.groupBy
        let spread = answer.groups.contains { $0.row.min != nil }
        var head = keys.map { e($0) } + [lang.t("Tổng", "Sum")]
        if spread { head += ["min", "median", "max"] }
        head += [lang.t("Số liệu", "Figures"), lang.t("Bản tin", "Documents")]
        let rows = answer.groups.map { g -> [String] in
            var cells = keys.map { e((g.row.keys[$0] ?? nil) ?? "(none)") } + [StatsRow.number(g.row.sum)]
            if spread { cells += [StatsRow.number(g.row.min), StatsRow.number(g.row.median), StatsRow.number(g.row.max)] }
            return cells + ["\(g.row.figures)", "\(g.row.documents)"]
        }
        let numeric = Set(keys.count..<(keys.count + (spread ? 6 : 3)))
        body += HTML.table(head, rows, numeric: numeric)
        body += HTML.twins(json: effective.link("/api/v1/stats", replacing: ["lang": nil]),
                           csv: effective.link("/stats.csv", replacing: ["lang": nil]), lang: lang)
        return html(HTML.page(title: lang.t("Thống kê", "Stats"), lang: lang, request: request, active: "/stats") { body })
    }

    /// The stats view as CSV: the keys, then sum, min, median, max, weighted mean, figures,
    /// documents and note, as `solieu stats --format csv` gives them.
    static func statsCSV(_ request: Request, _ service: Service) async throws -> Response {
        let p = try Parameters(request, API.statsNames.union(common), service)
        let answer = try await API.statsAnswer(p, service, summaryWhenEmpty: false)
        var out = (answer.groupBy + ["sum", "min", "median", "max", "weighted_mean", "figures", "documents", "note"]).map(FigureRecord.csvField).joined(separator: ",") + "\r\n"
        for g in answer.groups {
            let r = g.row
            let cells = answer.groupBy.map { (r.keys[$0] ?? nil) ?? "" } + [r.sum, r.min, r.median, r.max, r.weightedMean].map(FigureRow.number)
                + ["\(r.figures)", "\(r.documents)", r.note ?? ""]
            out += cells.map(FigureRecord.csvField).joined(separator: ",") + "\r\n"
        }
        return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"solieu-stats.csv\""],
                        body: .init(byteBuffer: ByteBuffer(string: out)))
    }

    // MARK: document

    static func document(_ request: Request, _ id: String, _ service: Service) async throws -> Response {
        let lang = Lang(request)
        _ = try Parameters(request, common, service)
        let answer = try await API.document(id, service)
        let d = answer.document
        var body = "<h1>\(e(d.title ?? lang.t("(không tiêu đề)", "(no title)")))</h1><dl class=\"meta\">"
        func item(_ k: String, _ v: String?) { if let v, !v.isEmpty { body += "<dt>\(k)</dt><dd>\(e(v))</dd>" } }
        item(lang.t("Ngày đăng", "Published"), d.published)
        item(lang.t("Tỉnh", "Province"), d.province.map { p in d.provinceNow.map { $0 != p ? "\(p) (\(lang.t("nay", "now")) \($0))" : p } ?? p })
        item(lang.t("Kỳ", "Period"), d.period)
        item(lang.t("Trang", "Site"), d.site)
        if let h = d.header {
            item(lang.t("Văn bản", "Document"), [h.type, h.number.map { "số \($0)" }].compactMap { $0 }.joined(separator: " "))
            item(lang.t("Cơ quan ban hành", "Issuer"), h.issuer)
        }
        if let pages = d.ocrPages { item("OCR", "\(pages) \(lang.t("trang", "pages")), \(String(format: "%.3f", d.ocrConfidence ?? 0))") }
        body += "</dl><h2>\(lang.t("Nguồn", "Sources"))</h2><ul class=\"sources\">"
        let copies = Dictionary(d.copies.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var urls = Set<String>()
        for s in d.sources {
            var line = e((s as NSString).lastPathComponent)
            if let c = copies[s] {
                line += " — \(lang.t("bản gần giống", "near copy")) (\(String(format: "%.2f", c.similarity)))"
                if let u = HTML.href(c.url) { line += " <a href=\"\(u)\" rel=\"noopener noreferrer\">\(u)</a>"; urls.insert(c.url ?? "") }
            }
            body += "<li>\(line)</li>"
        }
        if let u = HTML.href(d.url), !urls.contains(d.url ?? "") { body += "<li><a href=\"\(u)\" rel=\"noopener noreferrer\">\(u)</a></li>" }
        body += "</ul>"
        let marks = d.figures.map { f in
            (start: f.start, end: f.end, open: "<span id=\"at-\(f.start)\"></span><mark class=\"fig \(e(f.kind))\" id=\"fig-\(f.id)\" tabindex=\"0\" data-figure=\"\(f.id)\" data-kind=\"\(e(f.kind))\" data-tip=\"\(e(tip(f)))\">", close: "</mark>")
        }
        body += "<article class=\"text\">" + HTML.marked(d.text, marks).split(separator: "\n", omittingEmptySubsequences: false)
            .map { "<p>\($0)</p>" }.joined() + "</article>"
        if !answer.findings.isEmpty {
            body += "<h2>\(lang.t("Kiểm tra", "Audit findings"))</h2>" + findingList(answer.findings, lang: lang, linkDocuments: false)
        }
        if answer.findingsScope == "document" {
            body += "<p class=\"hint\">\(lang.t("Đối chiếu giữa các bản tin sẽ có khi kiểm tra toàn bộ chỉ mục xong.", "Checks across bulletins appear once the audit of the whole index is done."))</p>"
        }
        body += "<h2>\(lang.t("Số liệu", "Figures")) (\(d.figures.count))</h2>"
        body += HTML.table(["#", lang.t("Loại", "Kind"), lang.t("Chữ", "Text"), lang.t("Giá trị", "Value"), lang.t("Chỉ tiêu", "Measure"), lang.t("Kỳ", "Period")],
                           d.figures.map { f in ["<a href=\"#fig-\(f.id)\">\(f.id & 0xfffff)</a>", e(f.kind), e(f.text), e(f.valueSummary), e(f.measure), e(f.period)] })
        body += HTML.twins(json: "/api/v1/documents/\(d.id)", csv: "/api/v1/export?format=csv&doc=\(d.id)", lang: lang)
        return html(HTML.page(title: d.title ?? "document \(d.id)", lang: lang, request: request, active: "") { body })
    }

    // MARK: audit

    static func findingList(_ findings: [Finding], lang: Lang, linkDocuments: Bool) -> String {
        var out = "<ol class=\"findings\">"
        for f in findings {
            out += "<li id=\"\(e(f.id))\" class=\"finding \(f.status.rawValue)\"><div class=\"head\"><a class=\"fid\" href=\"/audit?status=\(f.status.rawValue)\(lang.english ? "&lang=en" : "")#\(e(f.id))\">\(e(f.id))</a> "
                + "<span class=\"status\">\(e(f.status.rawValue))</span> <span class=\"check\">\(e(f.check.rawValue))</span></div>"
                + "<p class=\"relation\">\(e(f.relation))</p>"
            if let reason = f.reason { out += "<p class=\"reason\">\(e(reason))</p>" }
            for ev in f.evidence {
                // To the sentence: the first operand's place in the article.
                let link = "/documents/\(ev.document)\(lang.english ? "?lang=en" : "")" + (ev.spans.first.map { "#at-\($0.start)" } ?? "")
                out += "<blockquote><p>\(ev.marked(open: "<mark>", close: "</mark>", escape: HTML.escape))</p><footer>"
                    + "<a href=\"\(link)\">\(e(ev.title ?? "document \(ev.document)"))</a> · \(e(ev.province)) · \(e(ev.published))</footer></blockquote>"
            }
            if let total = f.evidenceTotal, total > f.evidence.count {
                out += "<p class=\"hint\">\(lang.t("và \(total - f.evidence.count) bản tin khác", "and \(total - f.evidence.count) more bulletins"))</p>"
            }
            out += "</li>"
        }
        return out + "</ol>"
    }

    static func audit(_ request: Request, _ service: Service) async throws -> Response {
        let lang = Lang(request)
        let p = try Parameters(request, API.auditNames.union(common), service)
        let answer = try await API.auditAnswer(p, service, path: "/audit")
        let s = answer.summary
        var body = "<h1>\(lang.t("Kiểm tra số liệu", "Audit"))</h1>"
        body += "<p class=\"summary\">\(lang.t("\(s.documents) bản tin, \(s.findings) quan hệ: \(s.fails) sai, \(s.unverifiable) chưa kiểm được, \(s.holds) đúng.", "\(s.documents) bulletins, \(s.findings) relations: \(s.fails) fail, \(s.unverifiable) unverifiable, \(s.holds) hold."))</p>"
        body += "<form action=\"/audit\" method=\"get\" class=\"filters\">\(hidden(lang))"
            + select("status", lang.t("Kết quả", "Verdict"), p, [("", lang.t("mọi", "any"))] + Finding.Status.allCases.map { ($0.rawValue, $0.rawValue) })
            + select("check", lang.t("Phép kiểm", "Check"), p, [("", lang.t("mọi", "any"))] + Finding.Check.allCases.map { ($0.rawValue, $0.rawValue) })
            + input("province", lang.t("Tỉnh", "Province"), p, size: 12) + "<button>\(lang.t("Lọc", "Filter"))</button></form>"
        body += findingList(answer.findings, lang: lang, linkDocuments: true)
        body += pager(p, "/audit", offset: answer.offset, limit: answer.limit, count: answer.findings.count, total: answer.total, lang: lang)
        body += HTML.twins(json: p.link("/api/v1/audit", replacing: ["lang": nil]),
                           csv: p.link("/api/v1/audit", replacing: ["lang": nil, "format": "csv"]), lang: lang)
        return html(HTML.page(title: lang.t("Kiểm tra", "Audit"), lang: lang, request: request, active: "/audit") { body })
    }

    // MARK: login

    static func signIn(_ request: Request, _ context: BasicRequestContext, _ service: Service) async throws -> Response {
        let body = try await request.body.collect(upTo: 4096)
        let form = String(buffer: body)
        let given = form.split(separator: "&").compactMap { pair -> String? in
            let kv = pair.split(separator: "=", maxSplits: 1)
            return kv.count == 2 && kv[0] == "token" ? Parameters.decode(kv[1]) : nil
        }.last
        guard let token = service.token, let given, TokenCheck<BasicRequestContext>.same(given, token) else {
            throw ServeError(401, "unauthorized", "wrong token")
        }
        return Response(status: .seeOther, headers: [.location: "/", .setCookie: "solieu_token=\(Parameters.encode(token)); HttpOnly; SameSite=Strict; Path=/"])
    }

    /// A browser's way to send the token: a form whose answer sets the cookie (GET /login?token=…
    /// is refused on purpose: a token in a URL ends up in histories and logs).
    static func login(_ request: Request) -> Response {
        let lang = Lang(request)
        return html(HTML.page(title: "Login", lang: lang, request: request, active: "") {
            "<h1>\(lang.t("Đăng nhập", "Sign in"))</h1><form action=\"/login\" method=\"post\"><label>Token <input type=\"password\" name=\"token\"></label><button>OK</button></form>"
        })
    }
}
