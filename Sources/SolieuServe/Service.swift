// SolieuServe: `solieu serve`, the web app and JSON API over an index.
//
// Brief overview
// - `Server.application(service:options:)` builds a Hummingbird 2 application: the JSON API
//   under /api/v1 (API.swift), server-rendered pages (Pages.swift, HTML.swift, Chart.swift), the
//   OpenAPI document (Resources/openapi.json) and one stylesheet. Middleware (Middleware.swift)
//   adds the security headers, checks the bearer token and turns every error into a JSON or HTML
//   answer with a code and a message.
// - `Service` holds the store (any `FigureStore`: the server never knows the engine), reads URL
//   parameters with the CLI's own `QueryParameters`, and runs every query through `QueryRunner`:
//   on a thread of its own (stores block), at most N at once, each under a deadline.
// - `AuditCache` runs the audit once per version of the index and keeps its findings, sorted
//   failures first, for /audit and the documents' pages.
//
// The database is opened read-only: the server never writes, and documents an ingest adds to
// it (WAL) appear on the next request.
import Foundation
import SolieuAudit
import SolieuIndex

/// An error a request ends with: an HTTP status, a code a program can test and a message a
/// person can read. No SQL, stack or path is ever in it.
public struct ServeError: Error, Sendable {
    public var status: Int
    public var code: String
    public var message: String

    public init(_ status: Int, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    static func badParameter(_ message: String) -> ServeError { ServeError(400, "bad_parameter", message) }
    static func notFound(_ message: String) -> ServeError { ServeError(404, "not_found", message) }
}

/// Limits that keep one request from taking the server down.
public struct ServeLimits: Sendable {
    /// Longest search query, in characters.
    public var queryLength = 500
    /// Longest query string, in bytes.
    public var queryStringBytes = 8192
    /// Rows a page may ask for.
    public var pageSize = 500
    /// Seconds a request's queries may run (waiting for a turn included).
    public var requestSeconds = 10.0
    /// Queries running at once, and waiting for a turn beyond them (then 503).
    public var running = 4
    public var waiting = 64
    /// Open connections (further ones wait in the accept backlog).
    public var connections = 256
    /// Bytes of answers kept for the index's current version (0: none).
    public var cacheBytes = 64 << 20

    public init() {}
}

/// Runs blocking store calls off the event loop: at most `running` at once, `waiting` more in
/// line, each under `QueryDeadline` so a long query is stopped, not left to run.
public final class QueryRunner: @unchecked Sendable {
    let limits: ServeLimits
    private let lock = NSLock()
    private var active = 0
    private let turns: DispatchSemaphore
    private let queue = DispatchQueue(label: "solieu.queries", attributes: .concurrent)

    public init(limits: ServeLimits) {
        self.limits = limits
        turns = DispatchSemaphore(value: limits.running)
    }

    /// `body` on a query thread; `seconds` overrides the request's time limit (the audit).
    public func run<T: Sendable>(seconds: Double? = nil, _ body: @escaping @Sendable () throws -> T) async throws -> T {
        let admitted: Bool = lock.withLock {
            guard active < limits.running + limits.waiting else { return false }
            active += 1
            return true
        }
        guard admitted else { throw ServeError(503, "busy", "too many requests at once; try again in a moment") }
        let limit = seconds ?? limits.requestSeconds
        let start = DispatchTime.now()
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, Error>) in
            queue.async { [self] in
                defer { lock.withLock { active -= 1 } }
                guard turns.wait(timeout: start + limit) == .success else {
                    continuation.resume(throwing: ServeError(503, "timeout", "the server is busy and the request waited longer than \(Int(limit)) s"))
                    return
                }
                defer { turns.signal() }
                let left = limit - Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
                continuation.resume(with: Result {
                    try QueryDeadline.run(seconds: max(0.000_001, left)) {
                        do {
                            return try body()
                        } catch {
                            // Whatever the store threw once the deadline passed (an interrupted statement).
                            if QueryDeadline.expired { throw ServeError(503, "timeout", QueryDeadline.message) }
                            throw error
                        }
                    }
                })
            }
        }
    }
}

/// The audit's findings as the server keeps them: failures first, from a run without sentences
/// (`Auditor(sentences: false)`: evidence as offsets, sliced again with its document's title,
/// date and source for the page shown; on 100,000 bulletins the sentences were most of a 1.5 GB
/// heap), with the findings of each status, document and province indexed.
///
/// Findings are taken one at a time from the audit run and kept in a compact form (`Stored`:
/// evidence as a document, a province number and offsets, 24 bytes, its spans in one array per
/// finding); `finding(_:keeping:)` gives a shown one back as a `Finding`. The full form was 725 MB
/// of heap on the bench index, where a cross-document finding cites 90 bulletins.
public struct AuditIndex: Sendable {
    struct StoredEvidence: Sendable {
        var document: Int64
        var sentenceStart: Int32
        var sentenceEnd: Int32
        /// Index in `places`, or `UInt16.max` for none.
        var province: UInt16
        /// How many spans of the finding's `spans` are this evidence's.
        var spanCount: UInt16
    }

    struct Stored: Sendable {
        var id: String
        var check: Finding.Check
        var status: Finding.Status
        var province: UInt16
        var operands: [Double]
        var stated: Double?
        var relation: String
        var difference: Double?
        var reason: String?
        var period: String?
        var evidence: [StoredEvidence]
        /// Start and end of every span, evidence after evidence.
        var spans: [Int32]
    }

    private(set) var stored: [Stored] = []
    public private(set) var documents = 0
    private var places: [String] = []
    private var placeNumbers: [String: UInt16] = [:]
    var byStatus: [Finding.Status: [Int]] = [:]
    var byDocument: [Int64: [Int]] = [:]
    /// By the finding's province and its documents' provinces.
    var byProvince: [String: [Int]] = [:]

    /// The audit of `store`, run here.
    init(auditing store: any FigureStore) throws {
        // Failures first, each status in report order.
        var byRank: [[Stored]] = [[], [], []]
        let done = try Auditor(database: store, sentences: false).run { f in
            byRank[f.status == .fails ? 0 : f.status == .unverifiable ? 1 : 2].append(self.compact(f))
        }
        documents = done.documents
        stored.reserveCapacity(byRank.map(\.count).reduce(0, +))
        for k in byRank.indices { stored += byRank[k]; byRank[k] = [] }
        for i in stored.indices {
            byStatus[stored[i].status, default: []].append(i)
            var seen = Set<Int64>()
            var places = Set<UInt16>()
            if stored[i].province != .max { places.insert(stored[i].province) }
            for e in stored[i].evidence {
                if seen.insert(e.document).inserted { byDocument[e.document, default: []].append(i) }
                if e.province != .max { places.insert(e.province) }
            }
            for p in places { byProvince[self.places[Int(p)], default: []].append(i) }
        }
    }

    private mutating func number(_ place: String?) -> UInt16 {
        guard let place else { return .max }
        if let n = placeNumbers[place] { return n }
        guard places.count < Int(UInt16.max) else { return .max }
        places.append(place)
        placeNumbers[place] = UInt16(places.count - 1)
        return UInt16(places.count - 1)
    }

    private mutating func compact(_ f: Finding) -> Stored {
        var spans: [Int32] = []
        let evidence = f.evidence.map { e in
            for s in e.spans { spans += [Int32(s.start), Int32(s.end)] }
            return StoredEvidence(document: e.document, sentenceStart: Int32(e.sentenceStart), sentenceEnd: Int32(e.sentenceEnd),
                                  province: number(e.province), spanCount: UInt16(clamping: e.spans.count))
        }
        return Stored(id: f.id, check: f.check, status: f.status, province: number(f.province), operands: f.operands, stated: f.stated,
                      relation: f.relation, difference: f.difference, reason: f.reason, period: f.period, evidence: evidence, spans: spans)
    }

    var count: Int { stored.count }
    func count(_ status: Finding.Status) -> Int { byStatus[status]?.count ?? 0 }
    func check(_ i: Int) -> Finding.Check { stored[i].check }
    func status(_ i: Int) -> Finding.Status { stored[i].status }

    /// Finding `i` without its sentences (`Service.withSentences` adds them). A cross-document
    /// finding cites every bulletin that reports the same count: with more than `evidenceShown`
    /// it keeps `document`'s own evidence and the first others, and says how many there are.
    func finding(_ i: Int, keeping document: Int64? = nil, evidenceShown: Int) -> Finding {
        let s = stored[i]
        var evidence: [Finding.Evidence] = []
        var k = 0
        for e in s.evidence {
            let spans = (0..<Int(e.spanCount)).map { m in Finding.Span(start: Int(s.spans[k + 2 * m]), end: Int(s.spans[k + 2 * m + 1]), text: "") }
            k += 2 * Int(e.spanCount)
            evidence.append(Finding.Evidence(document: e.document, title: nil, source: nil, province: place(e.province), published: nil,
                                             sentence: "", sentenceStart: Int(e.sentenceStart), sentenceEnd: Int(e.sentenceEnd), spans: spans))
        }
        var total: Int?
        if evidence.count > evidenceShown {
            total = evidence.count
            let own = document.map { n in evidence.filter { $0.document == n } } ?? []
            evidence = own + evidence.filter { $0.document != document }.prefix(max(0, evidenceShown - own.count))
        }
        var f = Finding(check: s.check, status: s.status, operands: s.operands, stated: s.stated, relation: s.relation,
                        difference: s.difference, reason: s.reason, province: place(s.province), period: s.period, evidence: evidence)
        f.id = s.id
        f.evidenceTotal = total
        return f
    }

    private func place(_ n: UInt16) -> String? { n == .max ? nil : places[Int(n)] }
}

/// The findings of the audit for one version of the index.
public actor AuditCache {
    private var cached: (version: Int64, report: AuditIndex)?
    private var running: (version: Int64, task: Task<AuditIndex, Error>)?
    /// The store's version, read at most once a second (a new document shows within a second).
    private var checked: (version: Int64, at: UInt64)?

    public init() {}

    func currentVersion(_ service: Service) async throws -> Int64 {
        let now = DispatchTime.now().uptimeNanoseconds
        if let checked, now - checked.at < 1_000_000_000 { return checked.version }
        let version = try await service.runner.run { try service.store.version() }
        checked = (version, now)
        return version
    }

    /// The report for the store as it is now, waiting for a run when an ingest changed it.
    func report(_ service: Service) async throws -> AuditIndex {
        let version = try await currentVersion(service)
        if let cached, cached.version == version { return cached.report }
        return try await refresh(service, version: version).value
    }

    /// The report when it is current; else nil, and a run starts in the background (a page that
    /// only shows some findings does not wait for the whole index to be audited).
    func currentReport(_ service: Service) async throws -> AuditIndex? {
        let version = try await currentVersion(service)
        if let cached, cached.version == version { return cached.report }
        _ = refresh(service, version: version)
        return nil
    }

    /// Starts the first audit (at server start).
    public func warm(_ service: Service) async {
        _ = try? await currentReport(service)
    }

    private func refresh(_ service: Service, version: Int64) -> Task<AuditIndex, Error> {
        if let running, running.version == version { return running.task }
        let task = Task { () throws -> AuditIndex in
            let report = try await service.runner.run(seconds: 3600) { try AuditIndex(auditing: service.store) }
            await self.keep(report, version: version)
            return report
        }
        running = (version, task)
        return task
    }

    private func keep(_ report: AuditIndex, version: Int64) {
        if cached.map({ $0.version != version }) ?? true { cached = (version, report) }
        if running?.version == version { running = nil }
    }
}

/// What the routes share: the store, the runner, the limits and the audit cache.
public struct Service: Sendable {
    public let store: any FigureStore
    public let runner: QueryRunner
    public let limits: ServeLimits
    public let audit = AuditCache()
    /// The bearer token requests must carry, if any.
    public let token: String?

    public init(store: any FigureStore, limits: ServeLimits = ServeLimits(), token: String? = nil) {
        self.store = store
        self.limits = limits
        self.token = token
        runner = QueryRunner(limits: limits)
    }

    /// A store call on the runner, its `IndexError` turned into a 400 with the store's location
    /// taken out of the message.
    func query<T: Sendable>(_ body: @escaping @Sendable (any FigureStore) throws -> T) async throws -> T {
        let store = self.store
        do {
            return try await runner.run { try body(store) }
        } catch let error as IndexError {
            throw scrubbed(error)
        } catch let error as ServeError {
            throw error
        } catch {
            // The engine's own error, in the store's words.
            throw scrubbed(store.explain(error))
        }
    }

    /// Findings with their evidence sentences sliced from the articles again.
    func withSentences(_ findings: [Finding]) async throws -> [Finding] {
        let wanted = findings.flatMap { f in f.evidence.map { TextSlice(document: $0.document, start: $0.sentenceStart, end: $0.sentenceEnd) } }
        let texts = try await query { try $0.slices(wanted) }
        var out = findings
        var k = 0
        for i in out.indices {
            for j in out[i].evidence.indices where k < texts.count {
                out[i].evidence[j].sentence = texts[k].text
                out[i].evidence[j].title = texts[k].title
                out[i].evidence[j].source = texts[k].source
                out[i].evidence[j].published = texts[k].published
                // Span texts from the sentence they lie in.
                let sentence = Array(texts[k].text.unicodeScalars), base = out[i].evidence[j].sentenceStart
                for m in out[i].evidence[j].spans.indices {
                    let a = out[i].evidence[j].spans[m].start - base, b = out[i].evidence[j].spans[m].end - base
                    if a >= 0, a <= b, b <= sentence.count { out[i].evidence[j].spans[m].text = String(String.UnicodeScalarView(sentence[a..<b])) }
                }
                k += 1
            }
        }
        return out
    }

    func scrubbed(_ error: IndexError) -> ServeError {
        var message = error.message.replacingOccurrences(of: store.location, with: "the index")
        message = message.replacingOccurrences(of: "`solieu db check --db the index`", with: "`solieu db check`")
        if message.hasPrefix("the query took longer") { return ServeError(503, "timeout", message) }
        if message.hasPrefix("no document") { return ServeError(404, "not_found", message) }
        if message.hasPrefix("the index: ") { return ServeError(500, "store", message) }
        return .badParameter(message)
    }
}

/// A request's URL parameters: decoded as HTML forms send them ("+" is a space), checked for
/// UTF-8 and against the names a route takes. Empty values are dropped (an empty form field
/// means no filter).
public struct Parameters: Sendable {
    private var values: [(String, String)] = []

    init(query: String?, allowed: Set<String>, limits: ServeLimits) throws {
        guard let query, !query.isEmpty else { return }
        guard query.utf8.count <= limits.queryStringBytes else {
            throw ServeError(414, "too_long", "the query string is longer than \(limits.queryStringBytes) bytes")
        }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { throw ServeError.badParameter("a parameter name is not valid UTF-8 or percent-encoding") }
            guard let value = Self.decode(parts.count > 1 ? parts[1] : "") else {
                throw ServeError.badParameter("\(Self.shown(name)): not valid UTF-8 or percent-encoding")
            }
            guard allowed.contains(name) else {
                throw ServeError.badParameter("unknown parameter '\(Self.shown(name))': use \(allowed.sorted().joined(separator: ", "))")
            }
            if value.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" }) {
                throw ServeError.badParameter("\(name): control characters are not allowed")
            }
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { values.append((name, value.precomposedStringWithCanonicalMapping)) }
        }
    }

    static func decode(_ s: Substring) -> String? {
        String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// A name as it may be quoted in a message: at most 40 characters.
    static func shown(_ s: String) -> String { s.count > 40 ? String(s.prefix(40)) + "…" : s }

    /// The value given last (a repeated parameter: the last one counts, as on the command line).
    public subscript(_ name: String) -> String? { values.last { $0.0 == name }?.1 }
    /// Every value of a repeatable parameter (kind).
    public func all(_ name: String) -> [String] { values.filter { $0.0 == name }.map(\.1) }

    /// A yes/no parameter: true/false, 1/0, yes/no, on (a checkbox).
    public func flag(_ name: String) throws -> Bool {
        guard let v = self[name]?.lowercased() else { return false }
        switch v {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw ServeError.badParameter("\(name): '\(Self.shown(v))' is not true or false")
        }
    }

    /// The figure filters, read as the CLI reads its flags.
    func figureFilter(limit: Int? = nil) throws -> FigureFilter {
        do {
            return try QueryParameters.url.figureFilter(kind: all("kind"), award: self["award"], recipient: self["recipient"],
                                                        province: self["province"], period: self["period"], measure: self["measure"],
                                                        role: self["role"], document: self["doc"], limit: limit)
        } catch {
            throw ServeError.badParameter(error.message)
        }
    }

    static let figureFilterNames: Set<String> = ["kind", "award", "recipient", "province", "period", "measure", "role", "doc"]

    /// These parameters with `defaults` for the names not given.
    func withDefaults(_ defaults: [(String, String)]) -> Parameters {
        var out = self
        for (name, value) in defaults where !values.contains(where: { $0.0 == name }) { out.values.append((name, value)) }
        return out
    }

    /// This view's URL with some parameters replaced (nil removes one).
    func link(_ path: String, replacing changes: [String: String?] = [:]) -> String {
        var out = values.filter { changes[$0.0] == nil }
        for (k, v) in changes.sorted(by: { $0.key < $1.key }) { if let v { out.append((k, v)) } }
        guard !out.isEmpty else { return path }
        return path + "?" + out.map { Self.encode($0.0) + "=" + Self.encode($0.1) }.joined(separator: "&")
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~,/")
        // Letters of any script stay percent-encoded: links are ASCII.
        return s.unicodeScalars.map { u in
            u.isASCII && allowed.contains(u) ? String(u) : String(u).utf8.map { String(format: "%%%02X", $0) }.joined()
        }.joined()
    }
}
