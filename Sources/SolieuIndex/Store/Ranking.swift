import Foundation
import GRDB
import GRDBSQLite

/// Relevance for `solieu search`: BM25 exactly as FTS5's `bm25()` computes it (same k1, b, column
/// weights, document length and average), except for where each phrase's document frequency
/// comes from.
///
/// `bm25()` counts, for every phrase of the query, the documents that contain it by walking the
/// phrase's whole doclist: about 6 ms per common word on 100,000 bulletins, so a four-word query
/// spends most of its time there. `solieu_bm25` is given instead the number of documents that
/// contain each phrase among the most recent `sampleSize` documents, and scales it to the whole
/// index. On an index of at most `sampleSize` documents the count is exact and the score equals
/// `bm25()`'s (a test checks this); on a larger one the inverse document frequency is estimated
/// from a sample of a thousand documents, which orders common and rare words as the full count
/// does.
///
/// SQL: `solieu_bm25(document_search, sample, hits0, hits1, …)`, where `sample` is the number of
/// documents sampled and `hitsN` the sampled count of phrase N in FTS5's order (the order the
/// phrases are written in the MATCH expression). Phrases without a count (facet filters) weigh
/// nothing, as their column's weight is 0.
enum Ranking {
    static let k1 = 1.2
    static let b = 0.75
    /// Column weights, as the table's rank configuration `bm25(5.0, 1.0, 0.0)`: title, body, facets.
    static let weights: (Double, Double, Double) = (5.0, 1.0, 0.0)
    /// Documents sampled for document frequencies.
    static let sampleSize = 1024

    /// Registers `solieu_bm25` on a connection (every connection of the pool).
    static func register(_ db: Database) {
        let api = FTS5.api(db)
        _ = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), "solieu_bm25", nil, solieuBM25, nil)
    }
}

private let solieuBM25: fts5_extension_function = { pApi, pFts, pCtx, nVal, apVal in
    guard let api = pApi?.pointee, let pFts else { return }
    func fail(_ rc: Int32) { sqlite3_result_error_code(pCtx, rc) }
    var rows: sqlite3_int64 = 0
    var totalTokens: sqlite3_int64 = 0
    var documentTokens: Int32 = 0
    var instances: Int32 = 0
    var rc = api.xRowCount(pFts, &rows)
    if rc == SQLITE_OK { rc = api.xColumnTotalSize(pFts, -1, &totalTokens) }
    if rc == SQLITE_OK { rc = api.xColumnSize(pFts, -1, &documentTokens) }
    if rc == SQLITE_OK { rc = api.xInstCount(pFts, &instances) }
    guard rc == SQLITE_OK else { return fail(rc) }
    let phrases = Int(api.xPhraseCount(pFts))
    let sample = nVal > 0 && apVal != nil ? sqlite3_value_double(apVal![0]) : 0
    let n = Double(rows)
    let averageLength = n > 0 ? Double(totalTokens) / n : 1
    let lengthNorm = Ranking.k1 * (1 - Ranking.b + Ranking.b * Double(documentTokens) / averageLength)
    withUnsafeTemporaryAllocation(of: Double.self, capacity: max(1, phrases)) { frequency in
        frequency.initialize(repeating: 0)
        for i in 0..<instances {
            var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
            guard api.xInst(pFts, i, &phrase, &column, &offset) == SQLITE_OK, Int(phrase) < phrases else { continue }
            let w = column == 0 ? Ranking.weights.0 : column == 1 ? Ranking.weights.1 : Ranking.weights.2
            frequency[Int(phrase)] += w
        }
        var score = 0.0
        for i in 0..<phrases where frequency[i] > 0 {
            // Documents holding the phrase: the sampled count, scaled to the index.
            var hits = 0.0
            if Int(nVal) > i + 1, let apVal { hits = sqlite3_value_double(apVal[i + 1]) }
            let documents = sample > 0 && sample < n ? hits * n / sample : hits
            var idf = log((n - documents + 0.5) / (documents + 0.5))
            if idf <= 0 { idf = 1e-6 }
            score += idf * (frequency[i] * (Ranking.k1 + 1)) / (frequency[i] + lengthNorm)
        }
        sqlite3_result_double(pCtx, -score)
    }
}
