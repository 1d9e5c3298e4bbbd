// SolieuIndex: the SQLite store of documents and figures, batch ingest into it, and the queries
// researchers run on it. Three rooms, one folder each:
// - Pipeline/ turns files into prepared documents and feeds them to a store (`Preparer`,
//   `BatchIngest`, `NearDuplicates`);
// - Store/ is the SQLite engine (this file, `Schema`, the queries and their fast scans);
// - Query/ is what readers depend on: the `FigureStore` protocol the store conforms to, the
//   search language (`SearchQuery`), `QueryParameters` (flags and URL parameters read alike)
//   and `QueryDeadline`. The CLI, `solieu serve` and the audit see only this room.
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

    /// Opens the database at `path`.
    /// - `readOnly: true` (every query command): the file is opened with `SQLITE_OPEN_READONLY`,
    ///   so a query never changes a byte of it. It must exist, be a regular non-empty file and
    ///   have this version's schema (an older one is upgraded by `solieu db migrate` or an ingest;
    ///   a newer one is refused untouched).
    /// - otherwise (ingest, `db migrate`): created when missing and `create`, then migrated.
    ///   Creation and migration hold an exclusive lock (`CreationLock`), so several processes
    ///   creating one database take turns: the first creates it, the others wait and proceed.
    ///   A file that fails `PRAGMA quick_check` is refused before anything is written.
    public init(path: String, create: Bool = true, readOnly: Bool = false) throws(IndexError) {
        self.path = path
        let shown = RawPath.display(path)
        let existing = RawPath.status(path)
        switch existing {
        case .failure(let e):
            if readOnly || !create || e.code != ENOENT {
                throw IndexError(e.code == ENOENT
                    ? "\(shown): no solieu database here (run `solieu ingest PATH... --db \(shown)` first)"
                    : "\(shown): cannot open: \(e)")
            }
        case .success(let st):
            if !st.isRegular { throw IndexError("\(shown): not a regular file, not a solieu database") }
            if readOnly && st.st_size == 0 { throw IndexError("\(shown): an empty file, not a solieu database") }
        }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(30)
        config.readonly = readOnly
        config.prepareDatabase { db in
            if !readOnly {
                // 4 KB pages. An article longer than a page goes to overflow pages that SQLite fills
                // completely, so only the remainder shares a leaf with others; with 16 KB pages a
                // 10 KB bulletin had a leaf to itself and a quarter of the documents table was empty
                // space (scripts/bench-index: 2.42x the text with 16 KB pages, 2.12x with 4 KB, on
                // bulletins as long as the corpus's). Takes effect only when the file is created.
                try db.execute(sql: "PRAGMA page_size = 4096")
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            // Plans must not depend on building a throw-away index over millions of figures.
            try db.execute(sql: "PRAGMA automatic_index = OFF")
            // A query past its deadline (`QueryDeadline`, set per request by the server) is
            // interrupted: SQLite asks every few thousand steps.
            sqlite3_progress_handler(db.sqliteConnection, 4000, { _ in QueryDeadline.expired ? 1 : 0 }, nil)
            // solieu_key(text): the search key (lower-case, no diacritics, "đ" → "d").
            db.add(function: DatabaseFunction("solieu_key", argumentCount: 1, pure: true) { values in
                String.fromDatabaseValue(values[0]).map(VietnameseFold.searchKey)
            })
            Ranking.register(db)
            // solieu_words(text): its folded words joined by one space ("Tập thể, cá nhân" → "tap the ca nhan").
            db.add(function: DatabaseFunction("solieu_words", argumentCount: 1, pure: true) { values in
                String.fromDatabaseValue(values[0]).map { SearchQuery.fold($0).joined(separator: " ") }
            })
            // solieu_median(x): the median of a group's non-NULL values, in the grouping pass.
            db.add(function: DatabaseFunction("solieu_median", argumentCount: 1, pure: true, aggregate: MedianAggregate.self))
        }
        let lock = readOnly ? nil : CreationLock(databasePath: path)
        defer { lock?.release() }
        // A writer first looks at an existing file through a read-only connection: a newer
        // schema, a file that is not solieu's or a damaged one is refused before anything
        // (not even a journal-mode switch) is written to it.
        if !readOnly, case .success(let st) = existing, st.st_size > 0 {
            try Self.inspect(path: path, quickCheck: st.st_size <= Self.quickCheckBytes)
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch {
            throw Self.explain(error, path: path, opening: true)
        }
        do {
            if readOnly {
                try pool.read { db in try Self.verify(db, path: path, readOnly: true) }
            } else {
                try Schema.migrator.migrate(pool)
            }
        } catch let error as IndexError {
            throw error
        } catch {
            throw Self.explain(error, path: path)
        }
    }

    /// A writer's look at an existing file before writing: opens it read-only and checks it
    /// (`verify`), with `PRAGMA quick_check` when asked.
    static func inspect(path: String, quickCheck: Bool) throws(IndexError) {
        do {
            let queue = try readOnlyQueue(path)
            try queue.read { db in
                try verify(db, path: path, readOnly: false)
                if quickCheck {
                    let verdict = try Self.quickCheck(db)
                    if verdict != ["ok"] { throw damaged(path: path, detail: verdict.joined(separator: "; ")) }
                }
            }
            try queue.close()
        } catch let error as IndexError {
            throw error
        } catch {
            throw explain(error, path: path, opening: true)
        }
    }

    /// The schema checks every open makes: not newer than this version, solieu's own tables, and
    /// for a reader this version's schema.
    static func verify(_ db: Database, path: String, readOnly: Bool) throws(IndexError) {
        let shown = RawPath.display(path)
        do {
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            if version > Schema.version {
                throw IndexError("\(shown): made by a newer solieu (schema \(version), this one knows \(Schema.version)); left as it is")
            }
            let hasDocuments = try db.tableExists("documents")
            // GRDB's own bookkeeping table is committed before the first migration: a creation
            // killed between the two leaves it alone, which is solieu's file, not someone else's.
            let objects = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM sqlite_master WHERE name NOT IN ('grdb_migrations', 'sqlite_autoindex_grdb_migrations_1')
                """) ?? 0
            if !hasDocuments && objects > 0 { throw IndexError("\(shown): an SQLite file, but not a solieu database") }
            if readOnly {
                if !hasDocuments { throw IndexError("\(shown): an empty database, not a solieu database yet (run `solieu ingest`)") }
                if version < Schema.version {
                    throw IndexError("\(shown): schema \(version) from an older solieu; upgrade it with `solieu db migrate --db \(shown)` (or any ingest)")
                }
            }
        } catch let error as IndexError {
            throw error
        } catch {
            throw explain(error, path: path)
        }
    }

    /// Databases up to this size are checked with `PRAGMA quick_check` before an ingest writes
    /// to them (about 0.3 s per 100 MB here); larger ones only by `solieu db check`.
    public static let quickCheckBytes: Int64 = 512 << 20

    static func describe(_ error: Error) -> String {
        if let e = error as? DatabaseError { return e.message ?? "\(e.resultCode)" }
        return String(describing: error)
    }

    /// Whether an error means the file itself cannot be trusted or written (damaged, not a
    /// database, disk full, I/O error, read-only): a batch stops at once, writing nothing more.
    public static func isFatal(_ error: Error) -> Bool {
        guard let e = error as? DatabaseError else { return false }
        return [.SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_READONLY, .SQLITE_CANTOPEN]
            .contains(e.resultCode.primaryResultCode)
    }

    /// One clear line for any error of the store: SQLite's own text without the SQL, and for a
    /// damaged file the result of `PRAGMA quick_check` and what to do.
    public static func explain(_ error: Error, path: String, opening: Bool = false) -> IndexError {
        if let e = error as? IndexError { return e }
        let shown = RawPath.display(path)
        guard let e = error as? DatabaseError else { return IndexError("\(shown): \(error)") }
        switch e.resultCode.primaryResultCode {
        case .SQLITE_CORRUPT:
            return damaged(path: path, detail: quickCheck(path))
        case .SQLITE_NOTADB:
            return IndexError("\(shown): not a database file (or its first page is damaged)")
        case .SQLITE_FULL:
            return IndexError("\(shown): the disk is full; nothing of the interrupted batch was stored")
        case .SQLITE_READONLY:
            return IndexError("\(shown): read-only (file, folder or mount); it cannot be written")
        case .SQLITE_CANTOPEN:
            var fs = statvfs()
            let dir = (path as NSString).deletingLastPathComponent
            if RawPath.withCString(dir.isEmpty ? "." : dir, { statvfs($0, &fs) }) == 0, fs.f_flag & UInt(ST_RDONLY) != 0 {
                return IndexError("\(shown): on a read-only mount, where SQLite cannot make the database's -shm file; " +
                                  "copy the database to a writable folder to query it")
            }
            return IndexError("\(shown): cannot open (missing folder, no permission, or a read-only folder that cannot hold its -wal/-shm files)")
        case .SQLITE_IOERR:
            return IndexError("\(shown): I/O error: \(e.message ?? "unknown")")
        case .SQLITE_INTERRUPT:
            return IndexError(QueryDeadline.message)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return IndexError("\(shown): still locked by another process after 30 s")
        default:
            return IndexError("\(shown): \(opening ? "cannot open as a database" : "database error"): \(e.message ?? "\(e.resultCode)")")
        }
    }

    static func damaged(path: String, detail: String) -> IndexError {
        let shown = RawPath.display(path)
        // One line: SQLite's report has a line per page; the first three say enough.
        let lines = detail.split(whereSeparator: { $0 == "\n" || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("***") }
        let detail = lines.prefix(3).joined(separator: "; ") + (lines.count > 3 ? "; …" : "")
        return IndexError("\(shown): the database is damaged (quick_check: \(detail)); nothing was written. " +
                          "`solieu db check --db \(shown)` tells more; rebuild it by ingesting the files again into a new database")
    }

    /// A connection of its own that cannot write (no migration, no journal-mode switch).
    static func readOnlyQueue(_ path: String) throws -> DatabaseQueue {
        var config = Configuration()
        config.readonly = true
        return try DatabaseQueue(path: path, configuration: config)
    }

    /// `PRAGMA quick_check`, its first five findings ("ok" alone when sound).
    static func quickCheck(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "PRAGMA quick_check(5)")
    }

    /// `PRAGMA quick_check` on a separate read-only connection, as one line.
    static func quickCheck(_ path: String) -> String {
        do {
            return try readOnlyQueue(path).read(quickCheck).joined(separator: "; ")
        } catch {
            return describe(error)
        }
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
        /// A near-identical copy of an indexed article (`NearDuplicates`): one more source of it.
        case nearCopy(documentID: Int64)
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
        var copy: (similarity: Double, onlyHere: [String], missing: Int)?
        if documentID == nil, let (id, similarity, text) = try nearCopy(of: doc, excluding: previousDocument, in: db) {
            // The same article, a byline or a sentence apart: one more source of it.
            let d = NearDuplicates.difference(copy: doc.text, document: text)
            copy = (similarity, d.onlyInCopy, d.missing)
            documentID = id
        }
        if let id = documentID {
            outcome = previousDocument == id ? .unchanged(documentID: id) : copy != nil ? .nearCopy(documentID: id) : .newSource(documentID: id)
        } else {
            let id = try insertDocument(doc, in: db, now: now, terms: terms)
            documentID = id
            outcome = previousDocument == nil ? .added(documentID: id) : .replaced(documentID: id)
        }
        let id = documentID!
        try db.cachedStatement(sql: """
            INSERT INTO sources(document_id, path, file_hash, bytes, site, url, ingested_at, warnings, similarity, only_here, missing, format)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(path) DO UPDATE SET document_id = excluded.document_id, file_hash = excluded.file_hash,
                bytes = excluded.bytes, site = excluded.site, url = excluded.url, ingested_at = excluded.ingested_at,
                warnings = excluded.warnings, similarity = excluded.similarity, only_here = excluded.only_here,
                missing = excluded.missing, format = excluded.format
            """).execute(arguments: [id, doc.path, doc.fileHash, doc.bytes, doc.article.site, doc.article.url, now,
                                     doc.article.warnings.isEmpty ? nil : doc.article.warnings.joined(separator: "\n"),
                                     copy?.similarity, copy.map { $0.onlyHere.joined(separator: "\n\n") }, copy?.missing,
                                     doc.article.format])
        if let old = previousDocument, old != id {
            let others = try Int.fetchOne(db, sql: "SELECT count(*) FROM sources WHERE document_id = ?", arguments: [old]) ?? 0
            if others == 0 { try deleteDocument(old, in: db) }
            switch outcome {
            case .newSource, .nearCopy: outcome = .replaced(documentID: id)
            default: break
            }
        }
        try db.cachedStatement(sql: "DELETE FROM failures WHERE path = ?").execute(arguments: [doc.path])
        return outcome
    }

    static func insertDocument(_ doc: PreparedDocument, in db: Database, now: String, terms: TermWriter) throws -> Int64 {
        let a = doc.article
        try db.cachedStatement(sql: """
            INSERT INTO documents(content_hash, title, published, site, url, language, province, province_now, province_evidence,
                period, period_first, period_last, period_evidence, text, chars, figure_count, ingested_at,
                issuer, doc_number, doc_type, place, ocr_pages, ocr_confidence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [doc.contentHash, a.title, a.published, a.site, a.url, a.language,
                             doc.province?.province, doc.province?.provinceNow, doc.province?.evidence,
                             doc.period?.value, doc.period?.range.firstDay, doc.period?.range.lastDay, doc.period?.evidence,
                             doc.text, doc.chars, doc.figures.count, now,
                             a.header?.issuer, a.header?.number, a.header?.type, a.header?.place,
                             a.ocr?.pages, a.ocr.map { ($0.confidence * 1000).rounded() / 1000 }])
        let id = db.lastInsertedRowID
        try db.cachedStatement(sql: "INSERT INTO document_search(rowid, title, body, facets) VALUES (?, ?, ?, ?)").execute(
                       arguments: [id, doc.titleKey, doc.bodyKey,
                                   Facets.tokens(province: doc.province?.province, provinceNow: doc.province?.provinceNow, published: a.published)])
        try storeNearKeys(doc.nearKeys, document: id, in: db)
        for d in doc.definitions {
            try db.execute(sql: "INSERT OR IGNORE INTO document_abbreviations(document_id, abbreviation, expansion, abbreviation_key) VALUES (?, ?, ?, ?)",
                           arguments: [id, d.abbreviation, d.expansion, VietnameseFold.searchKey(d.abbreviation)])
        }
        let insert = try db.cachedStatement(sql: """
            INSERT INTO figure_rows(id, kind, start, "end", sentence, sentence_start, sentence_end,
                value, calendar, unit, currency, numerator, denominator, range_from, range_to,
                doc_type, doc_number, issuer, doc_date,
                award, award_class, conferrer, recipient, count, posthumous, inferred, measure, period, period_first, period_last, part_of, role,
                confidence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let documentPeriod = doc.period?.range
        var awardFacts: [AwardFact] = []
        var valueFacts: [ValueFact] = []
        var kinds: Int64 = 0  // document_kinds: a bit per kind code
        for (seq, f) in doc.figures.enumerated() {
            let sentence = f.sentence < doc.sentences.count ? doc.sentences[f.sentence] : Sentences.Unit(start: f.start, end: f.end)
            // Only what differs from the document is stored: NULL period = the document's.
            let range = doc.figurePeriods[seq]
            let ownRange = range == documentPeriod ? nil : range
            let ownFirst = ownRange.map { Int64($0.firstDay) }, ownLast = ownRange.map { Int64($0.lastDay) }
            // 0 = "the unit (or the award) is what it measures", resolved by the figures view.
            let measure: Int64? = try f.measure.flatMap { m in m == f.unit || (f.kind == .award && m == f.award) ? 0 : try terms.id(m, db) }
            let partOf = f.partOf.flatMap { $0 >= 0 && $0 < doc.figures.count ? figureID(document: id, seq: $0) : nil }
            guard let kind = Schema.kindCode(f.kind.rawValue) else { preconditionFailure("figure kind \(f.kind) has no code in Schema.kindCodes") }
            kinds |= 1 << Int64(kind)
            let award = try terms.id(f.award, db), conferrer = try terms.id(f.conferrer, db), recipient = try terms.id(f.recipient, db)
            let period = try terms.id(f.period, db), unit = try terms.id(f.unit, db), currency = try terms.id(f.currency, db)
            let role = Schema.roleCode(f.role, sign: f.sign)
            // Bound directly: 33 values per figure, tens of figures per bulletin, on the one
            // writer thread (boxed arguments cost it more than SQLite's own work).
            let b = FigureBinder(statement: insert.sqliteStatement)
            b.reset()
            b.int(1, figureID(document: id, seq: seq)); b.int(2, Int64(kind)); b.int(3, Int64(f.start)); b.int(4, Int64(f.end))
            b.int(5, Int64(f.sentence)); b.int(6, Int64(sentence.start)); b.int(7, Int64(sentence.end))
            b.real(8, f.number); b.int(9, try terms.id(f.calendar, db)); b.int(10, unit); b.int(11, currency)
            b.real(12, f.numerator); b.real(13, f.denominator); b.real(14, f.from); b.real(15, f.to)
            b.int(16, try terms.id(f.docType, db)); b.text(17, f.docNumber); b.int(18, try terms.id(f.issuer, db)); b.int(19, try terms.id(f.docDate, db))
            b.int(20, award); b.int(21, f.awardClass.map(Int64.init)); b.int(22, conferrer); b.int(23, recipient)
            b.int(24, f.count.map(Int64.init)); b.int(25, f.posthumous.map { $0 ? 1 : 0 }); b.int(26, f.inferred ? 1 : nil)
            b.int(27, measure); b.int(28, period); b.int(29, ownFirst); b.int(30, ownLast)
            b.int(31, partOf); b.int(32, role); b.real(33, f.confidence)
            try b.step()
            if kind == Schema.awardKind {
                awardFacts.append(AwardFact(award: award, recipient: recipient, count: f.count.map(Int64.init),
                                            awardClass: f.awardClass.map(Int64.init), conferrer: conferrer,
                                            period: period, periodFirst: ownFirst, periodLast: ownLast))
            } else if ValueFacts.kinds.contains(kind) {
                valueFacts.append(ValueFact(kind: kind, unit: unit, currency: currency, measure: measure,
                                            period: period, periodFirst: ownFirst, periodLast: ownLast, role: role,
                                            value: f.number, numerator: f.numerator, denominator: f.denominator))
            }
        }
        if kinds != 0 {
            try db.cachedStatement(sql: "INSERT INTO document_kinds(document_id, kinds) VALUES (?, ?)").execute(arguments: [id, kinds])
        }
        if !valueFacts.isEmpty {
            try db.cachedStatement(sql: "INSERT INTO value_facts(document_id, facts) VALUES (?, ?)").execute(arguments: [id, Data(ValueFacts.encode(valueFacts))])
        }
        if !awardFacts.isEmpty {
            try db.cachedStatement(sql: "INSERT INTO award_facts(document_id, facts) VALUES (?, ?)").execute(arguments: [id, Data(AwardFacts.encode(awardFacts))])
        }
        return id
    }

    /// The most similar indexed article of which `doc` is a near copy, if any: candidates share
    /// keys with it (`NearDuplicates.keys`), their similarity must reach
    /// `NearDuplicates.threshold`, and they must state the same counts and amounts
    /// (`countedValues`): a bulletin that differs by a number is another report (a correction,
    /// next month's figures from the same template), kept apart for the audit to compare.
    static func nearCopy(of doc: PreparedDocument, excluding: Int64?, in db: Database) throws -> (id: Int64, similarity: Double, text: String)? {
        guard !doc.nearKeys.isEmpty else { return nil }
        // Signatures are not stored (they would be a twentieth of the database): a candidate's
        // is made again from its text. A candidate shares two keys or more: bulletins written
        // from one template share a paragraph, copies share most of them and their bands.
        let candidates = try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT document_id FROM document_bands WHERE band IN (\(doc.nearKeys.map { _ in "?" }.joined(separator: ",")))
            GROUP BY document_id HAVING count(*) >= 2 ORDER BY count(*) DESC, document_id LIMIT \(Self.nearCandidates)
            """), arguments: StatementArguments(doc.nearKeys))
        var similar: [(id: Int64, similarity: Double, text: String)] = []
        for id in candidates where id != excluding {
            guard let text = try String.fetchOne(db.cachedStatement(sql: "SELECT text FROM documents WHERE id = ?"), arguments: [id]) else { continue }
            let similarity = NearDuplicates.similarity(doc.signature, NearDuplicates.signature(key: PreparedDocument.searchKey(text)))
            if similarity >= NearDuplicates.threshold { similar.append((id, similarity, text)) }
        }
        guard !similar.isEmpty else { return nil }
        let mine = countedValues(doc.figures)
        return try similar.sorted(by: { $0.similarity > $1.similarity }).first { try countedValues(document: $0.id, in: db) == mine }
    }

    /// The kinds whose values a near copy must repeat: what `stats` adds up or compares.
    static let countedKinds: [Figure.Kind] = [.award, .quantity, .money, .percent, .ratio, .range]

    /// A document's counts and amounts, sorted: kind and values, not wording (dates, periods and
    /// document numbers are left out, as bylines and page furniture bring their own).
    static func countedValues(_ figures: [Figure]) -> [String] {
        figures.filter { countedKinds.contains($0.kind) }.map { f in
            countedValue(kind: Schema.kindCode(f.kind.rawValue) ?? -1, f.number, f.count.map(Double.init), f.numerator, f.denominator, f.from, f.to)
        }.sorted()
    }

    static func countedValues(document id: Int64, in db: Database) throws -> [String] {
        let codes = countedKinds.compactMap { Schema.kindCode($0.rawValue) }.map(String.init).joined(separator: ",")
        return try Row.fetchAll(db.cachedStatement(sql: """
            SELECT kind, value, count, numerator, denominator, range_from, range_to FROM figure_rows
            WHERE id BETWEEN ? AND ? AND kind IN (\(codes))
            """), arguments: [figureID(document: id, seq: 0), figureID(document: id, seq: maximumFigures - 1)]).map { r in
            countedValue(kind: r[0], r[1], (r[2] as Int64?).map(Double.init), r[3], r[4], r[5], r[6])
        }.sorted()
    }

    static func countedValue(kind: Int, _ values: Double?...) -> String {
        "\(kind):" + values.map { $0.map { "\($0)" } ?? "-" }.joined(separator: ",")
    }

    /// Documents compared with a new article at most: those sharing the most keys with it.
    static let nearCandidates = 8

    static func storeNearKeys(_ keys: [Int64], document id: Int64, in db: Database) throws {
        let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO document_bands(band, document_id) VALUES (?, ?)")
        for key in Set(keys) { try insert.execute(arguments: [key, id]) }
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
        let bodyKey = PreparedDocument.searchKey(row[1] as String)
        try db.execute(sql: "INSERT INTO document_search(document_search, rowid, title, body, facets) VALUES ('delete', ?, ?, ?, ?)",
                       arguments: [id, PreparedDocument.searchKey(title ?? ""), bodyKey,
                                   Facets.tokens(province: row[2], provinceNow: row[3], published: row[4])])
        try db.execute(sql: "DELETE FROM figure_rows WHERE id BETWEEN ? AND ?",
                       arguments: [figureID(document: id, seq: 0), figureID(document: id, seq: maximumFigures - 1)])
        try db.execute(sql: "DELETE FROM document_abbreviations WHERE document_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM award_facts WHERE document_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM value_facts WHERE document_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM document_kinds WHERE document_id = ?", arguments: [id])
        // Its near-copy keys, made again from its text (the table is keyed by band alone).
        let delete = try db.cachedStatement(sql: "DELETE FROM document_bands WHERE band = ? AND document_id = ?")
        for band in Set(NearDuplicates.keys(key: bodyKey)) { try delete.execute(arguments: [band, id]) }
        try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [id])
    }
}

/// The median of the values it is given (NULLs aside); NULL for none.
struct MedianAggregate: DatabaseAggregate {
    var values: [Double] = []
    init() {}
    mutating func step(_ dbValues: [DatabaseValue]) {
        if let v = Double.fromDatabaseValue(dbValues[0]) { values.append(v) }
    }
    func finalize() -> DatabaseValueConvertible? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted(), m = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2
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

/// An exclusive `flock` on the database's folder while a writer opens, creates or migrates the
/// database: two ingests starting on one new file would otherwise both create the tables (one
/// fails with "table … already exists"), or one would see the other's half-made schema. A lock
/// on the folder, not on the file: closing any descriptor of the database file would drop the
/// POSIX locks SQLite holds on it. Held for the open only; readers never take it.
final class CreationLock {
    private var fd: Int32

    init?(databasePath: String) {
        let dir = (databasePath as NSString).deletingLastPathComponent
        fd = RawPath.withCString(dir.isEmpty ? "." : dir) { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard fd >= 0 else { return nil }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { close(fd); return nil }
        }
    }

    func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}

/// `solieu db check` and `solieu db status`: what a user needs to know about a database file
/// without trusting it first.
public enum DatabaseHealth {
    public struct Report: Sendable, Encodable {
        public var integrity: [String]
        public var search: String
        public var ok: Bool { integrity == ["ok"] && search == "ok" }
    }

    /// `PRAGMA integrity_check` and FTS5's own integrity check of the search index, on a
    /// connection that runs no migration (the FTS check runs in a transaction that is rolled back).
    public static func check(path: String) throws(IndexError) -> Report {
        switch RawPath.status(path) {
        case .failure(let e): throw IndexError("\(RawPath.display(path)): \(e.code == ENOENT ? "no such file" : e.description)")
        case .success(let st) where !st.isRegular || st.st_size == 0:
            throw IndexError("\(RawPath.display(path)): not a database file")
        default: break
        }
        do {
            let queue = try DatabaseQueue(path: path)
            return try queue.inDatabase { db in
                // A file damaged where the schema lives fails the check itself: that is its verdict.
                let integrity: [String]
                do { integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check(20)") } catch {
                    integrity = ["the check could not finish: \(SolieuDatabase.describe(error))"]
                }
                var search = "ok"
                if (try? db.tableExists("document_search")) == true {
                    do {
                        try db.inSavepoint {
                            try db.execute(sql: "INSERT INTO document_search(document_search) VALUES ('integrity-check')")
                            return .rollback
                        }
                    } catch {
                        search = SolieuDatabase.describe(error)
                    }
                } else {
                    search = "no search index (not a solieu database?)"
                }
                return Report(integrity: integrity, search: search)
            }
        } catch {
            throw SolieuDatabase.explain(error, path: path, opening: true)
        }
    }

    public struct Status: Sendable, Encodable {
        public var path: String
        public var schema: Int
        public var current: Int
        public var bytes: Int64
        public var walBytes: Int64
        public var documents: Int
        public var sources: Int
        public var figures: Int
        public var failures: Int
    }
}

extension SolieuDatabase {
    /// Schema version, counts and size on disk.
    public func status() throws -> DatabaseHealth.Status {
        let s = try summary()
        let version = try pool.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
        let size = { (p: String) in (try? RawPath.status(p).get().st_size).map(Int64.init) ?? 0 }
        return DatabaseHealth.Status(path: path, schema: version, current: Schema.version, bytes: size(path), walBytes: size(path + "-wal"),
                                     documents: s.documents, sources: s.sources, figures: s.figures, failures: s.failures)
    }
}
