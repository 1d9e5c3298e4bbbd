import Foundation

/// What every reader of an index asks of its store: the CLI's query commands, `solieu serve`
/// and the audit go through this protocol, never through an engine's own API, so that a second
/// engine (PostgreSQL, issue 17) answers them by conforming to it. `SolieuDatabase` (SQLite,
/// Store/) is the first implementation.
///
/// Every method is synchronous and may block on I/O; callers on an event loop run it on a
/// thread of their own (`QueryRunner` in SolieuServe). Errors are `IndexError`s whose message
/// may be shown to a user as is: no SQL, no stack.
public protocol FigureStore: Sendable {
    /// Where the store lives, as a user would name it in a message (a path or a URL).
    var location: String { get }
    /// One clear line for an error the engine threw (no SQL).
    func explain(_ error: Error) -> IndexError
    /// Changes whenever a writer commits: readers that cache (the server's audit) compare it.
    func version() throws -> Int64

    /// Counts of what the index holds (`stats` without filters).
    func summary() throws -> IndexSummary
    /// Ranked documents for a search request, `request.offset` hits skipped.
    func search(_ request: SearchRequest) throws -> [SearchHit]
    /// How many documents the request matches in all, counting no further than `upTo`.
    func searchTotal(_ request: SearchRequest, upTo: Int?) throws -> Int
    /// Pieces of articles by scalar offsets, in the order asked, with their document's title,
    /// publication and first source (evidence the server's audit keeps as offsets only).
    func slices(_ requests: [TextSlice]) throws -> [SlicedText]
    /// Counts by province, year, site and figure kind among the documents a search ranks.
    func searchFacets(_ request: SearchRequest) throws -> SearchFacets
    /// Figures up to the filter's limit (after `filter.after`), and how many match in all,
    /// counting no further than `countUpTo` when given (`totalIsLowerBound` then says so).
    func figurePage(_ filter: FigureFilter, countUpTo: Int?) throws -> ListingPage<FigureRow>
    /// Every matching figure in id order, streamed.
    func eachFigure(_ filter: FigureFilter, _ body: (FigureRow) throws -> Void) throws
    /// Groups of figures: sums of what may be added, the spread of the rest.
    func stats(_ filter: FigureFilter, groupBy: [String]) throws -> [StatsRow]
    /// A document by id, path or content-hash prefix, with its figures and sources.
    func document(_ ref: String) throws -> StoredDocument
    /// A document by its id only (what a URL names: never a path).
    func document(id: Int64) throws -> StoredDocument
    /// Every document in scope with its figures, in id order (whole-document passes: the audit).
    func eachDocument(_ scope: DocumentScope, _ body: (DocumentWithFigures) throws -> Void) throws
}

/// Scalar offsets `start..<end` of one document's article.
public struct TextSlice: Sendable, Equatable {
    public var document: Int64
    public var start: Int
    public var end: Int
    public init(document: Int64, start: Int, end: Int) {
        self.document = document
        self.start = start
        self.end = end
    }
}

/// A piece of an article and what is shown with it.
public struct SlicedText: Sendable, Equatable {
    public var text: String
    public var title: String?
    public var published: String?
    public var source: String?
    public init(text: String, title: String?, published: String?, source: String?) {
        self.text = text
        self.title = title
        self.published = published
        self.source = source
    }
}

/// A full-text search as a user states it: the query and its filters, one page of hits.
public struct SearchRequest: Sendable, Equatable {
    public var query: String
    public var province: String?
    /// Published on or after / before: YYYY, YYYY-MM or YYYY-MM-DD.
    public var from: String?
    public var to: String?
    public var limit: Int = 20
    /// Hits skipped (a page's start): ranked hits have a stable order, ties broken by date then id.
    public var offset: Int = 0
    /// Document frequencies counted over the whole index instead of estimated (`Ranking`).
    public var exactRanking = false
    /// What wraps each match in the snippet.
    public var markers: (String, String) = ("[", "]")

    public init(query: String, province: String? = nil, from: String? = nil, to: String? = nil, limit: Int = 20, offset: Int = 0,
                exactRanking: Bool = false, markers: (String, String) = ("[", "]")) {
        self.query = query
        self.province = province
        self.from = from
        self.to = to
        self.limit = limit
        self.offset = offset
        self.exactRanking = exactRanking
        self.markers = markers
    }

    public static func == (a: SearchRequest, b: SearchRequest) -> Bool {
        a.query == b.query && a.province == b.province && a.from == b.from && a.to == b.to && a.limit == b.limit
            && a.offset == b.offset && a.exactRanking == b.exactRanking && a.markers == b.markers
    }
}

/// Facet counts for a search: how many of the ranked documents fall in each value.
public struct SearchFacets: Sendable, Encodable, Equatable {
    public struct Count: Sendable, Encodable, Equatable {
        public var value: String
        public var documents: Int
    }
    /// Provinces as the documents name them (before 2025), and their units after 2025.
    public var province: [Count] = []
    public var provinceNow: [Count] = []
    public var year: [Count] = []
    public var site: [Count] = []
    /// Documents holding at least one figure of each kind.
    public var kind: [Count] = []
    /// How many documents the counts cover: every match, or the newest `rankingWindow` of them.
    public var documents: Int = 0
    /// True when the query matches more documents than were counted.
    public var sampled = false

    enum CodingKeys: String, CodingKey { case province, provinceNow = "province_now", year, site, kind, documents, sampled }

    public init() {}
}

/// A stop for a query that runs too long: every statement a store runs on this thread while
/// `QueryDeadline.run` is active is interrupted once the deadline passes, and the query throws
/// `IndexError` ("took longer than …"). The server sets one per request; the CLI sets none.
public enum QueryDeadline {
    private final class Box { var deadline: UInt64 = 0; var limit: Double = 0 }
    nonisolated(unsafe) private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    private static var box: Box {
        if let p = pthread_getspecific(key) { return Unmanaged<Box>.fromOpaque(p).takeUnretainedValue() }
        let b = Box()
        pthread_setspecific(key, Unmanaged.passRetained(b).toOpaque())
        return b
    }

    /// Runs `body` with a deadline `seconds` from now on this thread.
    public static func run<T>(seconds: Double, _ body: () throws -> T) throws -> T {
        let b = box
        let saved = (b.deadline, b.limit)
        b.deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, seconds) * 1e9)
        b.limit = seconds
        defer { (b.deadline, b.limit) = saved }
        return try body()
    }

    /// True when this thread's deadline has passed (checked by the store's progress handler
    /// and by long scans of its own).
    public static var expired: Bool {
        guard let p = pthread_getspecific(key) else { return false }
        let b = Unmanaged<Box>.fromOpaque(p).takeUnretainedValue()
        return b.deadline != 0 && DispatchTime.now().uptimeNanoseconds > b.deadline
    }

    /// The message for an interrupted query.
    public static var message: String {
        let limit = pthread_getspecific(key).map { Unmanaged<Box>.fromOpaque($0).takeUnretainedValue().limit } ?? 0
        return "the query took longer than \(limit == limit.rounded() ? String(Int(limit)) : String(limit)) s and was stopped; narrow it with filters"
    }
}
