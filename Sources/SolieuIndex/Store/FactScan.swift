import Foundation
import GRDB
import GRDBSQLite

/// A group's aggregates as one worker accumulates them; workers read disjoint documents, so two
/// workers' shares of a group merge by adding.
protocol GroupAccumulator {
    init()
    mutating func merge(_ other: Self)
}

/// What `AwardStats` and `ValueStats` share: the documents' ids split between workers, each
/// scanning its share of a facts table in its own read transaction, and their groups merged and
/// put in SQL's order.
enum FactScan {
    typealias Key = SIMD8<Int32>

    /// One worker's groups: keys of ids into `strings` (-1: NULL), and their aggregates.
    struct Groups<A> {
        var strings: [String] = []
        var keys: [Key] = []
        var accumulators: [A] = []
    }

    /// Each worker's outcome, written from the worker's thread.
    final class Results<A>: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var values: [Result<Groups<A>, Error>]
        init(count: Int) { values = Array(repeating: .success(Groups()), count: count) }
        func set(_ i: Int, _ r: Result<Groups<A>, Error>) { lock.withLock { values[i] = r } }
        func replaceAll(with r: Result<Groups<A>, Error>) { lock.withLock { values = [r] } }
    }

    /// A worker found the index changed since the document table was read.
    struct Moved: Error {}

    /// Below this many documents one scan is as fast as several.
    static let parallelThreshold = 20_000

    /// What identifies a state of the index for the workers' check: a new or replaced document
    /// changes the newest document id or its content hash, and the newest figure id.
    static func stamp(_ db: Database) throws -> String {
        try String.fetchOne(db, sql: """
            SELECT coalesce((SELECT max(id) FROM documents), '') || ' ' || coalesce((SELECT content_hash FROM documents ORDER BY id DESC LIMIT 1), '')
                || ' ' || coalesce((SELECT max(id) FROM figure_rows), '')
            """) ?? ""
    }

    /// Runs `scan` over the documents (one with `documentID`). On a large index up to four
    /// workers each read an equal share of the documents' ids; they check that they read the
    /// same state as the document table, and if an ingest committed in between, the scan runs
    /// again in a single transaction. Groups come back in SQL's order: NULLs first, then by
    /// value, key by key; each key's value by name (`groupBy`), nil for NULL.
    static func run<A: GroupAccumulator>(_ pool: DatabasePool, groupBy: [String], documentID: Int64?, workers requested: Int?,
                                         scan: @Sendable (Database, ClosedRange<Int64>) throws -> Groups<A>) throws -> [(keys: [String: String?], accumulator: A)] {
        let (maxID, state) = try pool.read { db in (try Int64.fetchOne(db, sql: "SELECT max(id) FROM documents") ?? 0, try stamp(db)) }
        let first = documentID ?? 0, last = documentID ?? maxID
        let workers = max(1, min(Int(last - first) + 1, requested
            ?? (last - first + 1 < Int64(parallelThreshold) ? 1 : min(4, ProcessInfo.processInfo.activeProcessorCount))))
        let share = (last - first + Int64(workers)) / Int64(workers)
        let results = Results<A>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { i in
            let range = (first + Int64(i) * share)...max(first + Int64(i) * share, min(last, first + Int64(i + 1) * share - 1))
            results.set(i, Result {
                try pool.read { db in
                    guard try stamp(db) == state else { throw Moved() }
                    return try scan(db, range)
                }
            })
        }
        if results.values.contains(where: { if case .failure(let e) = $0 { return e is Moved } else { return false } }) {
            let all = try pool.read { db in
                try scan(db, first...max(first, documentID ?? (try Int64.fetchOne(db, sql: "SELECT max(id) FROM documents") ?? 0)))
            }
            results.replaceAll(with: .success(all))
        }
        // Merge the workers' groups: each worker's ids are mapped to one set of ids, a string
        // hashed once per worker, not once per group.
        let global = AwardStats.Strings()
        var byKey: [Key: A] = [:]
        let n = min(8, groupBy.count)
        for result in results.values {
            let part = try result.get()
            let map = part.strings.map { global.id($0) }
            for (key, acc) in zip(part.keys, part.accumulators) {
                var k = Key(repeating: -1)
                for i in 0..<n where key[i] >= 0 { k[i] = map[Int(key[i])] }
                byKey[k, default: A()].merge(acc)
            }
        }
        // The distinct values are sorted once and the groups by their ranks (comparing
        // Vietnamese strings costs far more).
        var rank = [Int32](repeating: 0, count: global.values.count)
        for (r, id) in global.values.indices.sorted(by: { global.values[$0] < global.values[$1] }).enumerated() { rank[id] = Int32(r + 1) }
        let groups = Array(byKey)
        let ranks = groups.map { g in (0..<n).map { g.key[$0] >= 0 ? rank[Int(g.key[$0])] : 0 } }
        let order = groups.indices.sorted { a, b in
            for (x, y) in zip(ranks[a], ranks[b]) where x != y { return x < y }
            return false
        }
        return order.map { groups[$0] }.map { key, acc in
            var keys: [String: String?] = [:]
            for (i, name) in groupBy.enumerated() { keys[name] = i < 8 && key[i] >= 0 ? global.values[Int(key[i])] : nil }
            return (keys, acc)
        }
    }
}

extension FactScan {
    /// A document's facets as a facts scan reads them: text columns interned (-1 when NULL or
    /// not asked for), its period's days.
    struct DocumentFacets {
        var id: Int64
        var province: Int32
        var provinceNow: Int32
        var site: Int32
        var period: Int32
        var first: Int64
        var last: Int64
    }

    /// Which facets a scan needs: reading a text column costs an interning.
    struct FacetNeeds {
        var province = false, provinceNow = false, site = false, period = false
    }

    /// Walks a facts table (`award_facts`, `value_facts`) and `documents_facets` in id order
    /// over `range`, merged here (looking each document up in the index cost as much as reading
    /// both), and hands each document that has facts its facets and its blob.
    static func eachDocument(_ db: Database, table: String, range: ClosedRange<Int64>, interner: AwardStats.ByteInterner, needs: FacetNeeds,
                             _ body: (DocumentFacets, UnsafeRawBufferPointer) throws -> Void) throws {
        let factsStatement = try db.makeStatement(sql: "SELECT document_id, facts FROM \(table) WHERE document_id BETWEEN ? AND ? ORDER BY document_id")
        try factsStatement.setArguments([range.lowerBound, range.upperBound])
        let docsStatement = try db.makeStatement(sql: """
            SELECT id, province, province_now, site, period, period_first, period_last FROM documents INDEXED BY documents_facets
            WHERE id BETWEEN ? AND ? ORDER BY id
            """)
        try docsStatement.setArguments([range.lowerBound, range.upperBound])
        let sqlite = factsStatement.sqliteStatement, docs = docsStatement.sqliteStatement
        defer {
            sqlite3_reset(sqlite)
            sqlite3_reset(docs)
        }
        func docText(_ c: Int32) -> Int32 {
            guard let p = sqlite3_column_text(docs, c) else { return -1 }
            return interner.id(p, Int(sqlite3_column_bytes(docs, c)))
        }
        var docRow: Int64 = -1
        var docsDone = false
        while try RawStatement.step(sqlite) {
            let documentID = sqlite3_column_int64(sqlite, 0)
            while !docsDone && docRow < documentID {
                if try RawStatement.step(docs) { docRow = sqlite3_column_int64(docs, 0) } else { docsDone = true }
            }
            guard docRow == documentID else { continue }
            let facets = DocumentFacets(id: documentID, province: needs.province ? docText(1) : -1, provinceNow: needs.provinceNow ? docText(2) : -1,
                                        site: needs.site ? docText(3) : -1, period: needs.period ? docText(4) : -1,
                                        first: sqlite3_column_int64(docs, 5), last: sqlite3_column_int64(docs, 6))
            try body(facets, UnsafeRawBufferPointer(start: sqlite3_column_blob(sqlite, 1), count: Int(sqlite3_column_bytes(sqlite, 1))))
        }
    }

    /// Writes a facts table from `figure_rows` (the migration that adds it): `select` returns
    /// the document id first and is ordered by figure id; `fact` reads the rest of a row.
    static func buildBlobs<F>(_ db: Database, table: String, select: String, fact: (Row) -> F, encode: ([F]) -> [UInt8]) throws {
        let rows = try Row.fetchCursor(db, sql: select)
        let insert = try db.makeStatement(sql: "INSERT INTO \(table)(document_id, facts) VALUES (?, ?)")
        var document: Int64 = -1
        var facts: [F] = []
        func flush() throws {
            if !facts.isEmpty { try insert.execute(arguments: [document, Data(encode(facts))]) }
            facts = []
        }
        while let r = try rows.next() {
            let d: Int64 = r[0]
            if d != document {
                try flush()
                document = d
            }
            facts.append(fact(r))
        }
        try flush()
    }
}
