import Foundation
import GRDB
import GRDBSQLite
import SolieuText

/// `stats --kind award` without SQL's GROUP BY: one pass over the award figures' covering index
/// (figures_award_facts, ordered by award, recipient, document) with the documents held in
/// memory, grouping on interned ids. The SQL path (`SolieuDatabase.stats`) gives the same rows
/// for every query; this one is used when it can answer (award figures, no measure filter) and
/// is several times faster on large indexes.
struct AwardStats {
    static let keys: Set<String> = ["province", "province_now", "year", "period", "award", "recipient", "class", "conferrer", "site", "document", "kind"]

    static func applies(_ filter: FigureFilter, _ groupBy: [String]) -> Bool {
        filter.kinds == [.award] && filter.measure == nil && groupBy.allSatisfy { keys.contains($0) }
    }

    struct Doc {
        var province: Int32 = -1
        var provinceNow: Int32 = -1
        var site: Int32 = -1
        var period: Int32 = -1
        var first: Int32 = 0
        var last: Int32 = 0
        var included = false
    }

    /// A group: up to 8 interned values (unused: -1).
    typealias Key = SIMD8<Int32>

    struct Accumulator {
        var figures = 0
        var sum = 0.0
        var hasSum = false
        /// Distinct documents: counted on change when rows of a group come in document order,
        /// else kept in a set.
        var documentCount = 0
        var lastDocument: Int64 = -1
        var documents = Set<Int64>()

        /// Adds another worker's share of the same group. Counted documents add up: with award
        /// and recipient in the key a group lives in one worker (each title is scanned by one).
        mutating func merge(_ other: Accumulator) {
            figures += other.figures
            sum += other.sum
            hasSum = hasSum || other.hasSum
            documentCount += other.documentCount
            documents.formUnion(other.documents)
        }
    }

    enum Column { case province, provinceNow, site, award, recipient, kind, awardClass, document, year, conferrer, period }

    /// Interning of raw UTF-8 bytes (a column read straight from SQLite) without making a String
    /// each time: FNV-1a hash, then a byte comparison against the stored copies.
    final class ByteInterner {
        let strings: Strings
        var table: [UInt64: [(bytes: [UInt8], id: Int32)]] = [:]
        init(_ strings: Strings) { self.strings = strings }

        func id(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int32 {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for i in 0..<n { h = (h ^ UInt64(p[i])) &* 0x100_0000_01b3 }
            if let bucket = table[h] {
                for e in bucket where e.bytes.count == n && e.bytes.withUnsafeBufferPointer({ n == 0 || memcmp($0.baseAddress!, p, n) == 0 }) {
                    return e.id
                }
            }
            let bytes = Array(UnsafeBufferPointer(start: p, count: n))
            let id = strings.id(String(decoding: bytes, as: UTF8.self))
            table[h, default: []].append((bytes, id))
            return id
        }
    }

    /// Interned strings: value ↔ id.
    final class Strings {
        var ids: [String: Int32] = [:]
        var values: [String] = []
        func id(_ s: String) -> Int32 {
            if let i = ids[s] { return i }
            let i = Int32(values.count)
            ids[s] = i
            values.append(s)
            return i
        }
    }

    @inline(__always)
    static func update(_ acc: inout Accumulator, _ hasCount: Bool, _ count: Double, _ document: Int64, _ ordered: Bool) {
        acc.figures += 1
        if hasCount {
            acc.sum += count
            acc.hasSum = true
        }
        if ordered {
            if acc.lastDocument != document {
                acc.documentCount += 1
                acc.lastDocument = document
            }
        } else {
            acc.documents.insert(document)
        }
    }

    /// Steps a statement: true for a row, false when done, an error otherwise.
    static func step(_ statement: SQLiteStatement) throws -> Bool {
        let rc = sqlite3_step(statement)
        if rc == SQLITE_DONE { return false }
        guard rc == SQLITE_ROW else {
            throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(statement))))
        }
        return true
    }

    /// Documents held in memory for the figure scan: facets by interned id (`strings`), and
    /// whether the filter keeps each document. Read-only once built, so workers share it.
    struct DocTable: @unchecked Sendable {
        var docs: [Doc]
        var strings: Strings
    }

    static func documents(_ db: Database, groupBy: [String], provinceName: String?, documentID: Int64?) throws -> DocTable {
        let strings = Strings()
        let maxID = try Int64.fetchOne(db, sql: "SELECT max(id) FROM documents") ?? 0
        var docs = Array(repeating: Doc(), count: Int(maxID) + 1)
        // From the covering index (scanning the table would read every article's text pages),
        // stepping the statement directly.
        let interner = ByteInterner(strings)
        let provinceID = provinceName.map(strings.id)
        let needProvince = provinceName != nil || groupBy.contains("province")
        let needProvinceNow = provinceName != nil || groupBy.contains("province_now")
        let needSite = groupBy.contains("site")
        let needPeriod = groupBy.contains("period")
        let docStatement = try db.makeStatement(sql: """
            SELECT id, province, province_now, site, period, period_first, period_last FROM documents INDEXED BY documents_facets
            """)
        let ds = docStatement.sqliteStatement
        func docText(_ c: Int32) -> Int32 {
            guard let p = sqlite3_column_text(ds, c) else { return -1 }
            return interner.id(p, Int(sqlite3_column_bytes(ds, c)))
        }
        while try step(ds) {
            let id = sqlite3_column_int64(ds, 0)
            var d = Doc()
            // Only the columns this query groups or filters by.
            if needProvince { d.province = docText(1) }
            if needProvinceNow { d.provinceNow = docText(2) }
            if needSite { d.site = docText(3) }
            if needPeriod { d.period = docText(4) }
            d.first = Int32(sqlite3_column_int64(ds, 5))
            d.last = Int32(sqlite3_column_int64(ds, 6))
            d.included = (provinceID == nil || d.province == provinceID || d.provinceNow == provinceID) && (documentID == nil || id == documentID)
            if id >= 0 && Int(id) < docs.count { docs[Int(id)] = d }
        }
        sqlite3_reset(ds)
        return DocTable(docs: docs, strings: strings)
    }

    /// The award titles present, in index order: a skip scan, one seek per title (also the
    /// titles `--award` is matched against).
    static func awardTitles(_ db: Database, among awards: [String]?) throws -> [String] {
        try awards ?? String.fetchAll(db, sql: """
            WITH RECURSIVE t(award) AS (
                SELECT min(award) FROM figures INDEXED BY figures_award_facts WHERE kind = 'award'
                UNION ALL
                SELECT (SELECT min(award) FROM figures INDEXED BY figures_award_facts WHERE kind = 'award' AND award > t.award)
                FROM t WHERE t.award IS NOT NULL)
            SELECT award FROM t WHERE award IS NOT NULL
            """)
    }

    /// Below this many documents one scan is as fast as several.
    static let parallelThreshold = 20_000

    /// What identifies a state of the index for the workers' check: a new or replaced document
    /// changes the newest document id or its content hash, and the newest figure id.
    static func stamp(_ db: Database) throws -> String {
        try String.fetchOne(db, sql: """
            SELECT coalesce((SELECT max(id) FROM documents), '') || ' ' || coalesce((SELECT content_hash FROM documents ORDER BY id DESC LIMIT 1), '')
                || ' ' || coalesce((SELECT max(id) FROM figures), '')
            """) ?? ""
    }

    /// Aggregates award figures. On a large index up to four workers take award titles from a
    /// shared queue, each scanning its titles' ranges of the covering index in its own read
    /// transaction; their groups are merged. The workers check that they read the same state as
    /// the document table; if an ingest committed in between, the query runs again in a single
    /// transaction.
    static func run(_ pool: DatabasePool, filter: FigureFilter, groupBy: [String], awards: [String]?, provinceName: String?,
                    period: PeriodRange?, documentID: Int64?, workers requested: Int? = nil) throws -> [StatsRow] {
        let (table, titles, state) = try pool.read { db in
            (try documents(db, groupBy: groupBy, provinceName: provinceName, documentID: documentID), try awardTitles(db, among: awards),
             try stamp(db))
        }
        let workers = max(1, min(titles.count, requested
            ?? (table.docs.count < parallelThreshold ? 1 : min(4, ProcessInfo.processInfo.activeProcessorCount))))
        let queue = TitleQueue(titles)
        let results = Results(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { i in
            results.set(i, Result {
                try pool.read { db in
                    guard try stamp(db) == state else { throw Moved() }
                    var groups: [Group] = []
                    while let title = queue.next() {
                        groups += try scan(db, table, filter: filter, groupBy: groupBy, awards: [title], period: period)
                    }
                    return groups
                }
            })
        }
        if results.values.contains(where: { if case .failure(let e) = $0 { return e is Moved } else { return false } }) {
            let all = try pool.read { db in
                let table = try documents(db, groupBy: groupBy, provinceName: provinceName, documentID: documentID)
                let titles = try awardTitles(db, among: awards)
                return titles.isEmpty ? [] : try scan(db, table, filter: filter, groupBy: groupBy, awards: titles, period: period)
            }
            results.replaceAll(with: .success(all))
        }
        // Merge the workers' groups (keys as strings: each worker interned its own ids).
        let ordered = groupBy.contains("award") && groupBy.contains("recipient")
        // With the title in the key, groups of different titles never meet: no merging needed.
        var merged: [Group] = []
        if groupBy.contains("award") {
            for result in results.values { merged += try result.get() }
        } else {
            var byKey: [[String?]: Accumulator] = [:]
            for result in results.values {
                for (key, acc) in try result.get() { byKey[key, default: Accumulator()].merge(acc) }
            }
            merged = byKey.map { ($0.key, $0.value) }
        }
        // SQL's order: NULLs first, then by value, key by key. The distinct values are sorted
        // once and the groups by their ranks (comparing Vietnamese strings costs far more).
        var rank: [String: Int32] = [:]
        for value in Set(merged.flatMap { $0.0.compactMap { $0 } }).sorted() { rank[value] = Int32(rank.count + 1) }
        let ranks = merged.map { group in group.0.map { $0.map { rank[$0]! } ?? 0 } }
        let order = merged.indices.sorted { a, b in
            for (x, y) in zip(ranks[a], ranks[b]) where x != y { return x < y }
            return false
        }
        let sorted = order.map { merged[$0] }
        let out: [StatsRow] = sorted.map { key, acc in
            var keys: [String: String?] = [:]
            for (i, name) in groupBy.enumerated() { keys[name] = i < key.count ? key[i] : nil }
            return StatsRow(keys: keys, figures: acc.figures, documents: ordered ? acc.documentCount : acc.documents.count, sum: acc.hasSum ? acc.sum : nil)
        }
        return out
    }

    /// Groups by packed key (four 16-bit ids): an open-addressing table with a multiplicative
    /// hash, cheaper per row than a Dictionary's seeded hashing.
    struct PackedGroups {
        private var slots = [Int32](repeating: -1, count: 1024)  // index into `accumulators`, -1: empty
        private var slotKeys = [UInt64](repeating: 0, count: 1024)
        private(set) var keyList: [UInt64] = []
        var accumulators: [Accumulator] = []

        /// The slot holding `key`, or the empty slot where it goes (linear probing).
        @inline(__always) private func slot(_ key: UInt64) -> Int {
            let mask = slots.count - 1
            var h = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
            while slots[h] >= 0 && slotKeys[h] != key { h = (h + 1) & mask }
            return h
        }

        @inline(__always) mutating func index(_ key: UInt64) -> Int {
            var h = slot(key)
            if slots[h] >= 0 { return Int(slots[h]) }
            if (keyList.count + 1) * 2 > slots.count {
                grow()
                h = slot(key)
            }
            slots[h] = Int32(keyList.count)
            slotKeys[h] = key
            keyList.append(key)
            accumulators.append(Accumulator())
            return keyList.count - 1
        }

        private mutating func grow() {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            slotKeys = [UInt64](repeating: 0, count: slots.count)
            for (i, key) in keyList.enumerated() {
                let h = slot(key)
                slots[h] = Int32(i)
                slotKeys[h] = key
            }
        }
    }

    /// A group's key values (in `groupBy` order) and its aggregates.
    typealias Group = ([String?], Accumulator)

    /// Each worker's outcome, written from the worker's thread.
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var values: [Result<[Group], Error>]
        init(count: Int) { values = Array(repeating: .success([]), count: count) }
        func set(_ i: Int, _ r: Result<[Group], Error>) { lock.withLock { values[i] = r } }
        func replaceAll(with r: Result<[Group], Error>) { lock.withLock { values = [r] } }
    }

    /// Award titles handed out one at a time to whichever worker asks first.
    final class TitleQueue: @unchecked Sendable {
        private let lock = NSLock()
        private var titles: ArraySlice<String>
        init(_ titles: [String]) { self.titles = titles[...] }
        func next() -> String? { lock.withLock { titles.popFirst() } }
    }

    /// A worker found the index changed since the document table was read.
    struct Moved: Error {}

    /// One worker: the award figures of `awards` (index ranges), grouped; keys as strings.
    static func scan(_ db: Database, _ table: DocTable, filter: FigureFilter, groupBy: [String], awards: [String],
                     period: PeriodRange?) throws -> [Group] {
        let strings = Strings()
        let interner = ByteInterner(strings)
        let docs = table.docs
        // Facets of documents, re-interned into this worker's ids on first use.
        var fromDocs = [Int32](repeating: -2, count: table.strings.values.count)
        func docID(_ id: Int32) -> Int32 {
            guard id >= 0 else { return -1 }
            if fromDocs[Int(id)] == -2 { fromDocs[Int(id)] = strings.id(table.strings.values[Int(id)]) }
            return fromDocs[Int(id)]
        }
        // Only the columns this query needs: each one read costs the scan. `period` (the one
        // stated in the sentence) is not in the index: read it only when grouped by.
        var selected = "award, recipient, document_id, count, period_first, period_last"
        var nextColumn: Int32 = 6
        func optional(_ name: String, _ needed: Bool) -> Int32 {
            guard needed else { return -1 }
            selected += ", " + name
            nextColumn += 1
            return nextColumn - 1
        }
        let classColumn = optional("award_class", groupBy.contains("class"))
        let conferrerColumn = optional("conferrer", groupBy.contains("conferrer"))
        let periodColumn = optional("period", groupBy.contains("period"))
        var sql = "SELECT \(selected) FROM figures INDEXED BY figures_award_facts WHERE kind = 'award'"
        var arguments: [(any DatabaseValueConvertible)?] = []
        sql += " AND award IN (\(awards.map { _ in "?" }.joined(separator: ",")))"
        arguments += awards
        let recipientWords = filter.recipient.map { SearchQuery.fold($0).joined(separator: " ") }
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(StatementArguments(arguments))
        let sqlite = statement.sqliteStatement

        func text(_ column: Int32) -> (UnsafePointer<UInt8>, Int)? {
            guard let p = sqlite3_column_text(sqlite, column) else { return nil }
            return (p, Int(sqlite3_column_bytes(sqlite, column)))
        }
        // Interning with a one-entry cache per column: rows come ordered by award, then recipient.
        var lastAward: [UInt8] = [], lastAwardID: Int32 = -1
        var lastRecipient: [UInt8] = [], lastRecipientID: Int32 = -1
        var recipientKept: [Int32: Bool] = [:]
        func intern(_ column: Int32, _ last: inout [UInt8], _ lastID: inout Int32) -> Int32 {
            guard let (p, n) = text(column) else { last = []; lastID = -1; return -1 }
            if n == last.count && lastID >= 0 && last.withUnsafeBufferPointer({ n == 0 || memcmp($0.baseAddress!, p, n) == 0 }) { return lastID }
            last = Array(UnsafeBufferPointer(start: p, count: n))
            lastID = strings.id(String(decoding: last, as: UTF8.self))
            return lastID
        }
        var yearIDs: [Int64: Int32] = [:]
        var groups: [Key: Accumulator] = [:]
        var packed = PackedGroups()
        // Interned ids stay far below 65535 unless documents are a key (one id per document).
        let packable = groupBy.count <= 4 && !groupBy.contains("document")
        let wanted = groupBy
        let columns: [Column] = groupBy.prefix(8).map {
            switch $0 {
            case "province": .province
            case "province_now": .provinceNow
            case "site": .site
            case "award": .award
            case "recipient": .recipient
            case "kind": .kind
            case "class": .awardClass
            case "document": .document
            case "year": .year
            case "conferrer": .conferrer
            default: .period
            }
        }
        let kindID = strings.id("award")
        // Computed once: PeriodRange's day numbers are derived from its strings.
        let hasPeriod = period != nil, periodFirst = period?.firstDay ?? 0, periodLast = period?.lastDay ?? 0
        // Rows come ordered by award, recipient, document: within a group that fixes both, the
        // documents arrive in order and can be counted without a set.
        let ordered = groupBy.contains("award") && groupBy.contains("recipient")

        while try step(sqlite) {
            let documentID = sqlite3_column_int64(sqlite, 2)
            guard documentID >= 0, Int(documentID) < docs.count, docs[Int(documentID)].included else { continue }
            var doc = docs[Int(documentID)]
            doc.province = docID(doc.province)
            doc.provinceNow = docID(doc.provinceNow)
            doc.site = docID(doc.site)
            doc.period = docID(doc.period)
            let first = sqlite3_column_type(sqlite, 4) == SQLITE_NULL ? doc.first : Int32(sqlite3_column_int64(sqlite, 4))
            let last = sqlite3_column_type(sqlite, 5) == SQLITE_NULL ? doc.last : Int32(sqlite3_column_int64(sqlite, 5))
            if hasPeriod && !(Int(first) >= periodFirst && Int(last) <= periodLast) { continue }
            let award = intern(0, &lastAward, &lastAwardID)
            let recipient = intern(1, &lastRecipient, &lastRecipientID)
            if let recipientWords {
                let kept = recipientKept[recipient] ?? {
                    let k = recipient >= 0 && SearchQuery.fold(strings.values[Int(recipient)]).joined(separator: " ") == recipientWords
                    recipientKept[recipient] = k
                    return k
                }()
                if !kept { continue }
            }
            var key = Key(repeating: -1)
            for (i, column) in columns.enumerated() {
                switch column {
                case .province: key[i] = doc.province
                case .provinceNow: key[i] = doc.provinceNow
                case .site: key[i] = doc.site
                case .award: key[i] = award
                case .recipient: key[i] = recipient
                case .kind: key[i] = kindID
                case .awardClass: key[i] = sqlite3_column_type(sqlite, classColumn) == SQLITE_NULL ? -1 : strings.id(String(sqlite3_column_int64(sqlite, classColumn)))
                case .document: key[i] = strings.id(String(documentID))
                case .year:
                    let y0 = Int64(first) / 10000, y1 = Int64(last) / 10000
                    let packed = y0 * 10000 + y1
                    if let id = yearIDs[packed] { key[i] = id } else {
                        let id = first == 0 && last == 0 ? -1 : strings.id(y0 == y1 ? String(y0) : "\(y0)/\(y1)")
                        yearIDs[packed] = id
                        key[i] = id
                    }
                case .conferrer:
                    if let (p, n) = text(conferrerColumn) { key[i] = interner.id(p, n) }
                case .period:
                    if let (p, n) = text(periodColumn) {
                        key[i] = interner.id(p, n)
                    } else {
                        key[i] = doc.period
                    }
                }
            }
            // In place (the subscript's modify accessor): no copy of the accumulator per row.
            let hasCount = sqlite3_column_type(sqlite, 3) != SQLITE_NULL
            let count = Double(sqlite3_column_int64(sqlite, 3))
            if packable {
                // Up to four ids of 16 bits in one integer: cheaper to hash than eight lanes.
                let k = UInt64(UInt16(truncatingIfNeeded: key[0])) | UInt64(UInt16(truncatingIfNeeded: key[1])) << 16
                    | UInt64(UInt16(truncatingIfNeeded: key[2])) << 32 | UInt64(UInt16(truncatingIfNeeded: key[3])) << 48
                update(&packed.accumulators[packed.index(k)], hasCount, count, documentID, ordered)
            } else {
                update(&groups[key, default: Accumulator()], hasCount, count, documentID, ordered)
            }
        }
        sqlite3_reset(sqlite)

        for (k, acc) in zip(packed.keyList, packed.accumulators) {
            var key = Key(repeating: -1)
            for i in 0..<4 {
                let v = UInt16(truncatingIfNeeded: k >> (16 * UInt64(i)))
                key[i] = v == 0xFFFF ? -1 : Int32(v)
            }
            groups[key] = acc
        }
        return groups.map { key, acc in
            ((0..<wanted.count).map { i in
                let id = i < 8 ? key[i] : -1
                return id >= 0 ? strings.values[Int(id)] : nil
            }, acc)
        }
    }
}
