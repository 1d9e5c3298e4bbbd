// SolieuIndex: the SQLite store of documents and figures, batch ingest into it, and the queries
// researchers run on it.
//
// Brief overview
// - `SolieuDatabase(path:)` opens (or creates, then migrates) one SQLite file through GRDB, in
//   WAL mode so readers are never blocked by a running ingest. `Schema` holds the migrations;
//   docs/schema.md documents the tables for sqlite3 / DuckDB / pandas users.
// - `Preparer` turns one file into a `PreparedDocument` (ingest, extraction, province, period,
//   search keys): pure work, run in parallel by `BatchIngest`, which feeds one writer.
// - `SolieuDatabase.store(batch:)` writes prepared documents in one transaction, each in its own
//   savepoint: a new article, a second source of a known one, or the replacement of what a
//   changed file said before.
// - `SearchQuery` parses what users type into a safe FTS5 query (diacritic- and tone-insensitive,
//   abbreviations matched with their expansions); `Queries` answers search, figures, stats,
//   show and export.
//
// What it does not do: parse HTML (SolieuIngest) or find figures (SolieuExtract).
import Foundation
import GRDB
import GRDBSQLite
import SolieuExtract
import SolieuIngest
import SolieuText

/// A clear message for a user: no SQL errors reach the terminal unexplained.
public struct IndexError: Error, CustomStringConvertible, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// One solieu database file.
public final class SolieuDatabase: Sendable {
    public let path: String
    let pool: DatabasePool
    /// Ids of `terms` this connection pool has seen committed.
    let terms = TermCache()

    /// Opens the database at `path`. With `create: false`, a missing file is an error (query
    /// commands must not leave empty databases behind a typo).
    public init(path: String, create: Bool = true) throws(IndexError) {
        self.path = path
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && !create {
            throw IndexError("\(path): no solieu database here (run `solieu ingest PATH... --db \(path)` first)")
        }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(30)
        config.prepareDatabase { db in
            // 4 KB pages. An article longer than a page goes to overflow pages that SQLite fills
            // completely, so only the remainder shares a leaf with others; with 16 KB pages a
            // 10 KB bulletin had a leaf to itself and a quarter of the documents table was empty
            // space (scripts/bench-index: 2.42x the text with 16 KB pages, 2.12x with 4 KB, on
            // bulletins as long as the corpus's). Takes effect only when the file is created.
            try db.execute(sql: "PRAGMA page_size = 4096")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Plans must not depend on building a throw-away index over millions of figures.
            try db.execute(sql: "PRAGMA automatic_index = OFF")
            // solieu_key(text): the search key (lower-case, no diacritics, "đ" → "d").
            db.add(function: DatabaseFunction("solieu_key", argumentCount: 1, pure: true) { values in
                String.fromDatabaseValue(values[0]).map(VietnameseFold.searchKey)
            })
            Ranking.register(db)
            // solieu_words(text): its folded words joined by one space ("Tập thể, cá nhân" → "tap the ca nhan").
            db.add(function: DatabaseFunction("solieu_words", argumentCount: 1, pure: true) { values in
                String.fromDatabaseValue(values[0]).map { SearchQuery.fold($0).joined(separator: " ") }
            })
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch {
            throw IndexError("\(path): cannot open as a database: \(Self.describe(error))")
        }
        do {
            let version = try pool.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
            if version > Schema.version {
                throw IndexError("\(path): made by a newer solieu (schema \(version), this one knows \(Schema.version))")
            }
            let isSolieu = try pool.read { db in
                try db.tableExists("documents") || (try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0) == 0
            }
            if !isSolieu { throw IndexError("\(path): an SQLite file, but not a solieu database") }
            try Schema.migrator.migrate(pool)
        } catch let error as IndexError {
            throw error
        } catch {
            throw IndexError("\(path): not a usable solieu database: \(Self.describe(error))")
        }
    }

    static func describe(_ error: Error) -> String {
        if let e = error as? DatabaseError { return e.message ?? "\(e.resultCode)" }
        return String(describing: error)
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    public func integrityCheck() throws -> String {
        try pool.read { db in
            let result = try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
            return result
        }
    }

    /// Abbreviations documents define for themselves, as entries for query expansion.
    public func definedAbbreviations() throws -> [Abbreviations.Entry] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT DISTINCT abbreviation, expansion FROM document_abbreviations").map {
                Abbreviations.Entry(abbreviation: $0[0], expansion: $0[1], category: "defined in a document")
            }
        }
    }

    /// Files already stored: path → file hash, for skipping unchanged files before any work.
    public func knownSources() throws -> [String: String] {
        try pool.read { db in
            var out: [String: String] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT path, file_hash FROM sources")
            while let row = try rows.next() { out[row[0]] = row[1] }
            return out
        }
    }

    // MARK: writing

    public enum StoreOutcome: Sendable, Equatable {
        /// A new article.
        case added(documentID: Int64)
        /// The article was already indexed from another path: this path became one more source.
        case newSource(documentID: Int64)
        /// The file changed: its previous document (if no other source kept it) was replaced.
        case replaced(documentID: Int64)
        /// Same path, same bytes.
        case unchanged(documentID: Int64)
    }

    /// Writes one prepared document in one transaction.
    @discardableResult
    public func store(_ doc: PreparedDocument) throws -> StoreOutcome {
        try store(batch: [doc])[0].get()
    }

    /// Writes prepared documents in one transaction, each in its own savepoint: a document that
    /// cannot be stored is rolled back alone and reported in its place. If the transaction
    /// itself fails (the disk is full, the file is locked), every document reports that error.
    public func store(batch docs: [PreparedDocument]) -> [Result<StoreOutcome, Error>] {
        var results: [Result<StoreOutcome, Error>] = []
        var added: [String: Int64] = [:]
        do {
            try pool.write { db in
                results = []
                added = [:]
                for doc in docs {
                    // Sees the terms earlier documents of this transaction added.
                    let writer = TermWriter(terms, inherited: added)
                    do {
                        var outcome: StoreOutcome?
                        try db.inSavepoint {
                            outcome = try Self.store(doc, in: db, terms: writer)
                            return .commit
                        }
                        results.append(.success(outcome!))
                        added.merge(writer.added) { old, _ in old }
                    } catch {
                        results.append(.failure(error))
                    }
                }
            }
        } catch {
            return docs.map { _ in .failure(error) }
        }
        // Only now: a transaction that rolled back must not leave its ids in the cache.
        terms.commit(added)
        return results
    }

    /// Moves the write-ahead log into the database file and empties it (the file's size at rest).
    public func checkpoint() throws {
        try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }

    /// Refreshes the query planner's statistics after a batch (sampled ANALYZE: well under a
    /// second on 100,000 documents).
    public func optimize() throws {
        try pool.write { db in try db.execute(sql: "PRAGMA analysis_limit = 2000; ANALYZE; PRAGMA optimize") }
    }

    /// Records a file that could not be ingested; what it produced before stays indexed.
    public func recordFailure(path: String, reason: String) throws {
        try pool.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO failures(path, reason, at) VALUES (?, ?, ?)",
                           arguments: [path, reason, Self.now()])
        }
    }

    /// The current UTC time as ISO 8601 ("2026-11-22T05:36:43Z"). Written by hand: a new
    /// ISO8601DateFormatter per stored document cost 4% of a batch ingest.
    static func now() -> String {
        var t = time(nil)
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    static func store(_ doc: PreparedDocument, in db: Database, terms: TermWriter) throws -> StoreOutcome {
        let now = Self.now()
        let previous = try Row.fetchOne(db.cachedStatement(sql: "SELECT document_id, file_hash FROM sources WHERE path = ?"), arguments: [doc.path])
        let previousDocument: Int64? = previous?[0]
        if let previous, (previous[1] as String) == doc.fileHash, let id = previousDocument {
            return .unchanged(documentID: id)
        }
        var documentID = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM documents WHERE content_hash = ?"), arguments: [doc.contentHash])
        var outcome: StoreOutcome
        if let id = documentID {
            outcome = previousDocument == id ? .unchanged(documentID: id) : .newSource(documentID: id)
        } else {
            let id = try insertDocument(doc, in: db, now: now, terms: terms)
            documentID = id
            outcome = previousDocument == nil ? .added(documentID: id) : .replaced(documentID: id)
        }
        let id = documentID!
        try db.cachedStatement(sql: """
            INSERT INTO sources(document_id, path, file_hash, bytes, site, url, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(path) DO UPDATE SET document_id = excluded.document_id, file_hash = excluded.file_hash,
                bytes = excluded.bytes, site = excluded.site, url = excluded.url, ingested_at = excluded.ingested_at
            """).execute(arguments: [id, doc.path, doc.fileHash, doc.bytes, doc.article.site, doc.article.url, now])
        if let old = previousDocument, old != id {
            let others = try Int.fetchOne(db, sql: "SELECT count(*) FROM sources WHERE document_id = ?", arguments: [old]) ?? 0
            if others == 0 { try deleteDocument(old, in: db) }
            if case .newSource = outcome { outcome = .replaced(documentID: id) }
        }
        try db.cachedStatement(sql: "DELETE FROM failures WHERE path = ?").execute(arguments: [doc.path])
        return outcome
    }

    static func insertDocument(_ doc: PreparedDocument, in db: Database, now: String, terms: TermWriter) throws -> Int64 {
        let a = doc.article
        try db.cachedStatement(sql: """
            INSERT INTO documents(content_hash, title, published, site, url, language, province, province_now, province_evidence,
                period, period_first, period_last, period_evidence, text, chars, figure_count, ingested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [doc.contentHash, a.title, a.published, a.site, a.url, a.language,
                             doc.province?.province, doc.province?.provinceNow, doc.province?.evidence,
                             doc.period?.value, doc.period?.range.firstDay, doc.period?.range.lastDay, doc.period?.evidence,
                             doc.text, doc.chars, doc.figures.count, now])
        let id = db.lastInsertedRowID
        try db.cachedStatement(sql: "INSERT INTO document_search(rowid, title, body, facets) VALUES (?, ?, ?, ?)").execute(
                       arguments: [id, doc.titleKey, doc.bodyKey,
                                   Facets.tokens(province: doc.province?.province, provinceNow: doc.province?.provinceNow, published: a.published)])
        for d in doc.definitions {
            try db.execute(sql: "INSERT OR IGNORE INTO document_abbreviations(document_id, abbreviation, expansion, abbreviation_key) VALUES (?, ?, ?, ?)",
                           arguments: [id, d.abbreviation, d.expansion, VietnameseFold.searchKey(d.abbreviation)])
        }
        let insert = try db.cachedStatement(sql: """
            INSERT INTO figure_rows(id, kind, start, "end", sentence, sentence_start, sentence_end,
                value, calendar, unit, currency, numerator, denominator, range_from, range_to,
                doc_type, doc_number, issuer, doc_date,
                award, award_class, conferrer, recipient, count, posthumous, inferred, measure, period, period_first, period_last, part_of, role)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let documentPeriod = doc.period?.range
        var awardFacts: [AwardFact] = []
        for (seq, f) in doc.figures.enumerated() {
            let sentence = f.sentence < doc.sentences.count ? doc.sentences[f.sentence] : Sentences.Unit(start: f.start, end: f.end)
            // Only what differs from the document is stored: NULL period = the document's.
            let range = doc.figurePeriods[seq]
            let ownRange = range == documentPeriod ? nil : range
            // 0 = "the unit (or the award) is what it measures", resolved by the figures view.
            let measure: Int64? = try f.measure.flatMap { m in m == f.unit || (f.kind == .award && m == f.award) ? 0 : try terms.id(m, db) }
            let partOf = f.partOf.flatMap { $0 >= 0 && $0 < doc.figures.count ? figureID(document: id, seq: $0) : nil }
            guard let kind = Schema.kindCode(f.kind.rawValue) else { preconditionFailure("figure kind \(f.kind) has no code in Schema.kindCodes") }
            let award = try terms.id(f.award, db), conferrer = try terms.id(f.conferrer, db), recipient = try terms.id(f.recipient, db)
            let period = try terms.id(f.period, db)
            // Bound directly: 32 values per figure, tens of figures per bulletin, on the one
            // writer thread (boxed arguments cost it more than SQLite's own work).
            let b = FigureBinder(statement: insert.sqliteStatement)
            b.reset()
            b.int(1, figureID(document: id, seq: seq)); b.int(2, Int64(kind)); b.int(3, Int64(f.start)); b.int(4, Int64(f.end))
            b.int(5, Int64(f.sentence)); b.int(6, Int64(sentence.start)); b.int(7, Int64(sentence.end))
            b.real(8, f.number); b.int(9, try terms.id(f.calendar, db)); b.int(10, try terms.id(f.unit, db)); b.int(11, try terms.id(f.currency, db))
            b.real(12, f.numerator); b.real(13, f.denominator); b.real(14, f.from); b.real(15, f.to)
            b.int(16, try terms.id(f.docType, db)); b.text(17, f.docNumber); b.int(18, try terms.id(f.issuer, db)); b.int(19, try terms.id(f.docDate, db))
            b.int(20, award); b.int(21, f.awardClass.map(Int64.init)); b.int(22, conferrer); b.int(23, recipient)
            b.int(24, f.count.map(Int64.init)); b.int(25, f.posthumous.map { $0 ? 1 : 0 }); b.int(26, f.inferred ? 1 : nil)
            b.int(27, measure); b.int(28, period); b.int(29, ownRange.map { Int64($0.firstDay) }); b.int(30, ownRange.map { Int64($0.lastDay) })
            b.int(31, partOf); b.int(32, Schema.roleCode(f.role, sign: f.sign))
            try b.step()
            if kind == Schema.awardKind {
                awardFacts.append(AwardFact(award: award, recipient: recipient, count: f.count.map(Int64.init),
                                            awardClass: f.awardClass.map(Int64.init), conferrer: conferrer,
                                            period: period, periodFirst: ownRange.map { Int64($0.firstDay) },
                                            periodLast: ownRange.map { Int64($0.lastDay) }))
            }
        }
        if !awardFacts.isEmpty {
            try db.cachedStatement(sql: "INSERT INTO award_facts(document_id, facts) VALUES (?, ?)").execute(arguments: [id, Data(AwardFacts.encode(awardFacts))])
        }
        return id
    }

    /// Figures of one document share a rowid range: id = document × 2^20 + seq.
    static let maximumFigures = 1 << 20
    static func figureID(document: Int64, seq: Int) -> Int64 { document * Int64(maximumFigures) + Int64(seq) }

    /// Removes a document, its figures and its search entry (contentless FTS5 needs the indexed
    /// values to delete them; they are recomputed from the stored text).
    static func deleteDocument(_ id: Int64, in db: Database) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT title, text, province, province_now, published FROM documents WHERE id = ?",
                                         arguments: [id]) else { return }
        let title: String? = row[0]
        let text: String = row[1]
        try db.execute(sql: "INSERT INTO document_search(document_search, rowid, title, body, facets) VALUES ('delete', ?, ?, ?, ?)",
                       arguments: [id, PreparedDocument.searchKey(title ?? ""), PreparedDocument.searchKey(text),
                                   Facets.tokens(province: row[2], provinceNow: row[3], published: row[4])])
        try db.execute(sql: "DELETE FROM figure_rows WHERE id BETWEEN ? AND ?",
                       arguments: [figureID(document: id, seq: 0), figureID(document: id, seq: maximumFigures - 1)])
        try db.execute(sql: "DELETE FROM document_abbreviations WHERE document_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM award_facts WHERE document_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [id])
    }
}

public extension SolieuDatabase {
    /// Counts that must agree in a sound database (used after crashes).
    struct Consistency: Sendable, Equatable {
        public var documents: Int
        public var sources: Int
        public var figures: Int
        public var searchRows: Int
        public var orphanFigures: Int
        public var documentsWithoutSource: Int
    }

    func consistency() throws -> Consistency {
        try pool.read { db in
            func n(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? -1 }
            return Consistency(
                documents: try n("SELECT count(*) FROM documents"),
                sources: try n("SELECT count(*) FROM sources"),
                figures: try n("SELECT count(*) FROM figure_rows"),
                searchRows: try n("SELECT count(*) FROM document_search"),
                orphanFigures: try n("SELECT count(*) FROM figure_rows WHERE id >> 20 NOT IN (SELECT id FROM documents)"),
                documentsWithoutSource: try n("SELECT count(*) FROM documents WHERE id NOT IN (SELECT document_id FROM sources)"))
        }
    }

    /// Runs `body` inside an open write transaction (for tests of reader/writer concurrency).
    func holdWriteTransaction(_ body: () -> Void) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE documents SET ingested_at = ingested_at")
            body()
        }
    }
}

/// Ids of `terms` (the words figures repeat: units, award titles, recipients, measures, periods)
/// already committed. Terms are only ever added and never renumbered, so a committed id stays
/// right for the life of the file, whoever wrote it.
final class TermCache: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [String: Int64] = [:]
    func lookup(_ term: String) -> Int64? { lock.withLock { ids[term] } }
    func commit(_ added: [String: Int64]) {
        guard !added.isEmpty else { return }
        lock.withLock { ids.merge(added) { old, _ in old } }
    }
}

/// The term ids one write transaction uses: from the cache, or added to `terms` (kept in
/// `added` until the transaction commits).
final class TermWriter {
    let cache: TermCache
    /// Ids added earlier in the same transaction (by documents whose savepoints committed).
    let inherited: [String: Int64]
    private(set) var added: [String: Int64] = [:]
    init(_ cache: TermCache, inherited: [String: Int64] = [:]) {
        self.cache = cache
        self.inherited = inherited
    }

    func id(_ term: String?, _ db: Database) throws -> Int64? {
        guard let term else { return nil }
        if let id = cache.lookup(term) ?? inherited[term] ?? added[term] { return id }
        try db.cachedStatement(sql: "INSERT INTO terms(term) VALUES (?) ON CONFLICT(term) DO NOTHING").execute(arguments: [term])
        guard let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM terms WHERE term = ?"), arguments: [term]) else {
            throw IndexError("\(db.description): the term '\(term)' could not be stored")
        }
        added[term] = id
        return id
    }
}

/// Binds and runs a prepared INSERT on its raw SQLite statement.
struct FigureBinder {
    let statement: SQLiteStatement
    /// SQLite copies the text before the call returns.
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func reset() {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
    }
    @inline(__always) func int(_ i: Int32, _ v: Int64?) {
        if let v { sqlite3_bind_int64(statement, i, v) } else { sqlite3_bind_null(statement, i) }
    }
    @inline(__always) func real(_ i: Int32, _ v: Double?) {
        if let v { sqlite3_bind_double(statement, i, v) } else { sqlite3_bind_null(statement, i) }
    }
    func text(_ i: Int32, _ v: String?) {
        guard let v else { sqlite3_bind_null(statement, i); return }
        _ = v.utf8.withContiguousStorageIfAvailable { sqlite3_bind_text(statement, i, UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), Int32($0.count), Self.transient) }
            ?? { var copy = v; return copy.withUTF8 { sqlite3_bind_text(statement, i, UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), Int32($0.count), Self.transient) } }()
    }
    func step() throws {
        defer { sqlite3_reset(statement) }
        _ = try RawStatement.step(statement)
    }
}

/// Raw SQLite statements on the hot paths (the writer's figure rows, award stats' scans).
enum RawStatement {
    /// Steps a statement: true for a row, false when done, SQLite's error otherwise.
    static func step(_ statement: SQLiteStatement) throws -> Bool {
        let rc = sqlite3_step(statement)
        if rc == SQLITE_DONE { return false }
        guard rc == SQLITE_ROW else {
            throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(statement))))
        }
        return true
    }
}
