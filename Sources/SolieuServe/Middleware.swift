import Foundation
import Hummingbird
import SolieuIndex

/// Every answer's security headers: no script at all, nothing from another origin, no framing,
/// no sniffing, no referrer.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    static var policy: String {
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.init("Referrer-Policy")!] = "no-referrer"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

/// A bearer token, when the server was started with one: `Authorization: Bearer T`, or the
/// cookie `solieu_token=T` a browser sends after /login.
struct TokenCheck<Context: RequestContext>: RouterMiddleware {
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if path == "/login" || path == "/static/solieu.css" { return try await next(request, context) }
        var given: String?
        if let auth = request.headers[.authorization], auth.hasPrefix("Bearer ") { given = String(auth.dropFirst(7)) }
        if given == nil, let cookie = request.headers[.cookie] {
            for part in cookie.split(separator: ";") {
                let kv = part.trimmingCharacters(in: .whitespaces)
                if kv.hasPrefix("solieu_token=") { given = String(kv.dropFirst(13)) }
            }
        }
        guard let given, Self.same(given, token) else {
            throw ServeError(401, "unauthorized", "this server needs a token: send 'Authorization: Bearer …' or sign in at /login")
        }
        return try await next(request, context)
    }

    /// Compared in constant time.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var diff = x.count ^ y.count
        for i in 0..<max(x.count, y.count) { diff |= Int((i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0)) }
        return diff == 0
    }
}

/// Errors as answers: JSON `{"error": {"code", "message"}}` under /api, a page elsewhere. A
/// framework error (no such route, a method not allowed) gets the same shape; anything
/// unexpected is a 500 whose message says nothing of the inside.
struct ErrorAnswers<Context: RequestContext>: RouterMiddleware {
    let service: Service

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            // Everything is read with GET (or HEAD: its headers alone); the one form (/login) posts.
            if request.method != .get && request.method != .head && !(request.method == .post && request.uri.path == "/login") {
                var answer = Self.answer(ServeError(405, "method_not_allowed", "\(request.method.rawValue) is not served here: use GET"), request: request)
                answer.headers[.allow] = request.uri.path == "/login" ? "GET, HEAD, POST" : "GET, HEAD"
                return answer
            }
            return try await next(request, context)
        } catch let error as ServeError {
            return Self.answer(error, request: request)
        } catch let error as IndexError {
            return Self.answer(service.scrubbed(error), request: request)
        } catch let error as HTTPResponseError {
            let status = error.status
            let e = status == .notFound ? ServeError.notFound("no such page: \(Parameters.shown(request.uri.path))")
                : ServeError(Int(status.code), status.code == 405 ? "method_not_allowed" : "http_\(status.code)", status.reasonPhrase)
            return Self.answer(e, request: request)
        } catch {
            context.logger.error("request failed: \(error)")
            return Self.answer(ServeError(500, "internal", "the request failed inside the server"), request: request)
        }
    }

    static func answer(_ error: ServeError, request: Request) -> Response {
        let status = HTTPResponse.Status(code: error.status)
        if request.uri.path.hasPrefix("/api/") {
            let body = "{\"error\":{\"code\":\(HTML.jsonString(error.code)),\"message\":\(HTML.jsonString(error.message)),\"status\":\(error.status)}}"
            return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        let lang = Lang(request)
        let page = HTML.page(title: lang.t("Lỗi", "Error"), lang: lang, request: request, active: "") {
            "<h1>\(lang.t("Lỗi", "Error")) \(error.status)</h1><p class=\"error\">\(HTML.escape(error.message))</p>"
                + "<p><a href=\"/\">\(lang.t("Về trang tìm kiếm", "Back to search"))</a></p>"
        }
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page)))
    }
}

/// Answers kept for the index's current version: the same page or API call asked again (a
/// researcher paging back, a dashboard polling, many readers of one report) is served from
/// memory until an ingest changes the index. Only complete 200 answers of at most 2 MB are
/// kept, at most `capacity` bytes in all, the least recently used dropped first; the export
/// stream never is.
actor ResponseCache {
    struct Entry {
        var version: Int64
        var headers: HTTPFields
        var body: ByteBuffer
        var used: UInt64
    }
    private var entries: [String: Entry] = [:]
    private var bytes = 0
    private var clock: UInt64 = 0
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func get(_ key: String, version: Int64) -> Response? {
        guard var e = entries[key] else { return nil }
        guard e.version == version else {
            bytes -= e.body.readableBytes
            entries[key] = nil
            return nil
        }
        clock += 1
        e.used = clock
        entries[key] = e
        return Response(status: .ok, headers: e.headers, body: .init(byteBuffer: e.body))
    }

    func put(_ key: String, version: Int64, headers: HTTPFields, body: ByteBuffer) {
        guard body.readableBytes <= min(2 << 20, capacity) else { return }
        if let old = entries[key] { bytes -= old.body.readableBytes }
        clock += 1
        entries[key] = Entry(version: version, headers: headers, body: body, used: clock)
        bytes += body.readableBytes
        while bytes > capacity, let oldest = entries.min(by: { $0.value.used < $1.value.used }) {
            bytes -= oldest.value.body.readableBytes
            entries[oldest.key] = nil
        }
    }
}

struct CachedAnswers<Context: RequestContext>: RouterMiddleware {
    let service: Service
    let cache: ResponseCache

    final class Collector: ResponseBodyWriter {
        var buffer = ByteBuffer()
        func write(_ part: ByteBuffer) async throws { buffer.writeImmutableBuffer(part) }
        func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard request.method == .get, path != "/api/v1/export", path != "/login", !path.hasPrefix("/static/") else {
            return try await next(request, context)
        }
        let key = path + "?" + (request.uri.query ?? "")
        let version = try await service.audit.currentVersion(service)
        if let hit = await cache.get(key, version: version) { return hit }
        let response = try await next(request, context)
        guard response.status == .ok, let length = response.body.contentLength, length <= 2 << 20 else { return response }
        let collector = Collector()
        try await response.body.write(collector)
        await cache.put(key, version: version, headers: response.headers, body: collector.buffer)
        return Response(status: .ok, headers: response.headers, body: .init(byteBuffer: collector.buffer))
    }
}
