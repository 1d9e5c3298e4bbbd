import Foundation
import GRDB
@testable import SolieuIndex
import SolieuTestSupport
import Testing

/// `solieu_bm25` is FTS5's bm25() with document frequencies supplied by the caller: given exact
/// counts (an index no larger than the sample), it must give bm25()'s score for every document.
@Suite(.serialized) struct RankingTests {
    @Test func equalsBM25WhenTheCountsAreExact() throws {
        let (db, scratch) = try EndToEndTests.corpusDatabase()
        defer { scratch.cleanup() }
        let queries = ["thi dua khen thuong", "\"Huân chương Lao động\"", "UBND", "\"nong thon moi\" OR ngan sach",
                       "bang khen -\"huan chuong\"", "khen*", "tap the ca nhan"]
        var compared = 0
        for query in queries {
            let parsed = try SearchQuery.parse(query)
            try db.pool.read { d in
                let n = try Int.fetchOne(d, sql: "SELECT count(*) FROM documents") ?? 0
                #expect(n <= Ranking.sampleSize)
                let hits = try parsed.phrases.map {
                    try Int.fetchOne(d, sql: "SELECT count(*) FROM document_search WHERE document_search MATCH ?", arguments: [$0]) ?? 0
                }
                let marks = ([n] + hits).map { _ in "?" }.joined(separator: ", ")
                let rows = try Row.fetchAll(d, sql: """
                    SELECT rank, solieu_bm25(document_search, \(marks)) FROM document_search WHERE document_search MATCH ?
                    """, arguments: StatementArguments(([n] + hits).map { $0 as (any DatabaseValueConvertible)? } + [parsed.fts5]))
                #expect(!rows.isEmpty, "\(query)")
                for row in rows {
                    let expected: Double = row[0], got: Double = row[1]
                    #expect(abs(expected - got) <= 1e-9 * max(1, abs(expected)), "\(query): bm25 \(expected), solieu_bm25 \(got)")
                    compared += 1
                }
            }
        }
        #expect(compared >= 20)
    }

    @Test func phrasesFollowTheOrderFTS5NumbersThem() throws {
        let q = try SearchQuery.parse("thi dua -\"huan chuong\" OR ngan*")
        #expect(q.phrases == ["\"thi\"", "\"dua\"", "\"huan chuong\"", "\"ngan\"*"])
        #expect(q.fts5 == "(\"thi\" AND \"dua\" NOT (\"huan chuong\")) OR (\"ngan\"*)")
    }
}
