// libFuzzer harness: what a user types → FTS5 query (SolieuIndex.SearchQuery).
// Invariant: a query the parser accepts never raises an SQL error in FTS5, whole or phrase by
// phrase. Run: scripts/fuzz query SECONDS.
import FuzzDriver
import GRDB
import SolieuIndex

nonisolated(unsafe) let database: DatabaseQueue? = {
    guard let q = try? DatabaseQueue() else { return nil }
    try? q.write { db in
        try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(title, body, facets)")
        try db.execute(sql: "INSERT INTO t VALUES ('thi dua khen thuong', 'uy ban nhan dan tinh trao bang khen 12 tap the', 'p:kien-giang y:2019')")
    }
    return q
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let query = try? SearchQuery.parse(input), let database else { return 0 }
    do {
        try database.read { db in
            _ = try Row.fetchAll(db, sql: "SELECT rowid FROM t WHERE t MATCH ?", arguments: [query.fts5])
            for phrase in query.phrases { _ = try Row.fetchAll(db, sql: "SELECT rowid FROM t WHERE t MATCH ?", arguments: [phrase]) }
        }
    } catch {
        fatalError("FTS5 rejected \(query.fts5) for input \(input.debugDescription): \(error)")
    }
    return 0
}

fuzzMain(fuzzOne)
