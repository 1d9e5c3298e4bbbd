import Foundation
import GRDB
import GRDBSQLite
import SolieuText

/// `stats --kind award` without SQL's GROUP BY: one pass over the award facts (one blob per
/// document, see `AwardFacts`) merged in id order with the documents' facets (their covering
/// index), grouping on interned ids packed into one integer per group key. The SQL path (`SolieuDatabase.stats`) gives the same rows for every
/// query; this one is used when it can answer (award figures, no measure filter) and is several
/// times faster on large indexes.
struct AwardStats {
    static let keys: Set<String> = ["province", "province_now", "year", "period", "award", "recipient", "class", "conferrer", "site", "document", "kind"]

    static func applies(_ filter: FigureFilter, _ groupBy: [String]) -> Bool {
        filter.kinds == [.award] && filter.measure == nil && groupBy.allSatisfy { keys.contains($0) }
    }

    /// A group: up to 8 interned values (unused: -1).
    typealias Key = SIMD8<Int32>

    struct Accumulator: GroupAccumulator {
        var figures = 0
        var sum = 0.0
        var hasSum = false
        /// Distinct documents, counted on change: each worker reads its documents in id order.
        var documentCount = 0
        var lastDocument: Int64 = -1

        /// Adds another worker's share of the same group (workers read disjoint documents).
        mutating func merge(_ other: Self) {
            figures += other.figures
            sum += other.sum
            hasSum = hasSum || other.hasSum
            documentCount += other.documentCount
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
    static func update(_ acc: inout Accumulator, _ hasCount: Bool, _ count: Double, _ document: Int64) {
        acc.figures += 1
        if hasCount {
            acc.sum += count
            acc.hasSum = true
        }
        if acc.lastDocument != document {
            acc.documentCount += 1
            acc.lastDocument = document
        }
    }


    /// The award titles present: a skip scan of the `figures_award` index, one seek per title.
    static func awardTitles(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            WITH RECURSIVE t(award) AS (
                SELECT min(award) FROM figure_rows INDEXED BY figures_award WHERE kind = \(Schema.awardKind)
                UNION ALL
                SELECT (SELECT min(award) FROM figure_rows INDEXED BY figures_award WHERE kind = \(Schema.awardKind) AND award > t.award)
                FROM t WHERE t.award IS NOT NULL)
            SELECT terms.term FROM t JOIN terms ON terms.id = t.award
            """)
    }

    /// Aggregates award figures, on a large index in parallel (`FactScan.run`).
    static func run(_ pool: DatabasePool, filter: FigureFilter, groupBy: [String], awards: [String]?, provinceName: String?,
                    period: PeriodRange?, documentID: Int64?, workers requested: Int? = nil) throws -> [StatsRow] {
        let awardCodes = try awards.map { names in
            try pool.read { db in
                Set(try Int64.fetchAll(db, sql: "SELECT id FROM terms WHERE term IN (\(names.map { _ in "?" }.joined(separator: ",")))",
                                       arguments: StatementArguments(names)))
            }
        }
        return try FactScan.run(pool, groupBy: groupBy, documentID: documentID, workers: requested) { db, range in
            try scan(db, filter: filter, groupBy: groupBy, awards: awardCodes, provinceName: provinceName, period: period, documents: range)
        }.map { keys, acc in
            StatsRow(keys: keys, figures: acc.figures, documents: acc.documentCount, sum: acc.hasSum ? acc.sum : nil)
        }
    }

    /// Groups by packed key (four 16-bit ids): an open-addressing table with a multiplicative
    /// hash, cheaper per row than a Dictionary's seeded hashing. Each entry holds its key and its
    /// aggregates together, so a figure costs one cache line, not three.
    struct PackedGroups {
        struct Entry {
            var key: UInt64 = 0
            var used = false
            var accumulator = Accumulator()
        }
        private(set) var entries = [Entry](repeating: Entry(), count: 1024)
        private var used = 0

        @inline(__always) private func slot(_ key: UInt64) -> Int {
            let mask = entries.count - 1
            var h = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
            while entries[h].used && entries[h].key != key { h = (h + 1) & mask }
            return h
        }

        @inline(__always) mutating func update(_ key: UInt64, _ hasCount: Bool, _ count: Double, _ document: Int64) {
            var h = slot(key)
            if !entries[h].used {
                if (used + 1) * 2 > entries.count {
                    grow()
                    h = slot(key)
                }
                entries[h].used = true
                entries[h].key = key
                used += 1
            }
            AwardStats.update(&entries[h].accumulator, hasCount, count, document)
        }

        private mutating func grow() {
            let old = entries
            entries = [Entry](repeating: Entry(), count: old.count * 2)
            for e in old where e.used { entries[slot(e.key)] = e }
        }
    }

    /// The key values that depend on a figure (its title, recipient, class, conferrer, stated
    /// period, or the years of its period), as one worker's interned ids.
    struct KeyValues {
        let strings: Strings
        let termStatement: Statement
        /// Term ids are small and dense (rowids of `terms`): an array, not a dictionary.
        var interned = [Int32](repeating: -2, count: 256)
        var lookupError: Error?
        var classIDs: [Int64: Int32] = [:]
        var yearIDs: [Int64: Int32] = [:]
        /// The facts of a document mostly share its period: one entry answers them.
        var lastYears: Int64 = -1, lastYearID: Int32 = -1

        init(strings: Strings, termStatement: Statement) {
            self.strings = strings
            self.termStatement = termStatement
        }

        /// A term's interned id, its name read once.
        @inline(__always) mutating func term(_ code: Int64) -> Int32 {
            if code >= 0 && code < interned.count && interned[Int(code)] != -2 { return interned[Int(code)] }
            return intern(code)
        }

        mutating func intern(_ code: Int64) -> Int32 {
            var name = ""
            do { name = try String.fetchOne(termStatement, arguments: [code]) ?? "" } catch { lookupError = lookupError ?? error }
            let id = strings.id(name)
            if code >= 0 && code < 1 << 24 {
                if Int(code) >= interned.count { interned += [Int32](repeating: -2, count: max(Int(code) + 1 - interned.count, interned.count)) }
                interned[Int(code)] = id
            }
            return id
        }

        @inline(__always) mutating func of(_ column: Column, _ f: AwardFacts.Fields, _ first: Int64, _ last: Int64, _ documentPeriod: Int32) -> Int32 {
            typealias F = AwardFacts.Fields
            switch column {
            case .award: return f.has(F.award) ? term(f.award) : -1
            case .recipient: return f.has(F.recipient) ? term(f.recipient) : -1
            case .awardClass:
                guard f.has(F.awardClass) else { return -1 }
                if let id = classIDs[f.awardClass] { return id }
                let id = strings.id(String(f.awardClass))
                classIDs[f.awardClass] = id
                return id
            case .year:
                let y0 = first / 10000, y1 = last / 10000
                let packedYears = y0 * 10000 + y1
                if packedYears == lastYears { return lastYearID }
                let id: Int32
                if let known = yearIDs[packedYears] { id = known } else {
                    id = first == 0 && last == 0 ? -1 : strings.id(y0 == y1 ? String(y0) : "\(y0)/\(y1)")
                    yearIDs[packedYears] = id
                }
                lastYears = packedYears
                lastYearID = id
                return id
            case .conferrer: return f.has(F.conferrer) ? term(f.conferrer) : -1
            case .period: return f.has(F.period) ? term(f.period) : documentPeriod
            case .province, .provinceNow, .site, .document, .kind: return -1
            }
        }
    }

    /// One worker: the award facts of the documents in `range` (those the filter keeps), grouped.
    /// Each document's facets come with its facts, from the covering index documents_facets
    /// (reading the table would read every article's text pages).
    static func scan(_ db: Database, filter: FigureFilter, groupBy: [String], awards: Set<Int64>?, provinceName: String?,
                     period: PeriodRange?, documents range: ClosedRange<Int64>) throws -> FactScan.Groups<Accumulator> {
        let strings = Strings()
        let interner = ByteInterner(strings)
        let provinceID = provinceName.map(strings.id)
        let needProvince = provinceName != nil || groupBy.contains("province")
        let needProvinceNow = provinceName != nil || groupBy.contains("province_now")
        let needSite = groupBy.contains("site")
        let needPeriod = groupBy.contains("period")
        var values = KeyValues(strings: strings, termStatement: try db.makeStatement(sql: "SELECT term FROM terms WHERE id = ?"))
        var recipientKept: [Int64: Bool] = [:]
        let recipientWords = filter.recipient.map { SearchQuery.fold($0).joined(separator: " ") }
        var groups: [Key: Accumulator] = [:]
        var packed = PackedGroups()
        // Interned ids stay far below 65535 unless documents are a key (one id per document).
        let packable = groupBy.count <= 4 && !groupBy.contains("document")
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
        typealias F = AwardFacts.Fields
        // Computed once: PeriodRange's day numbers are derived from its strings.
        let hasPeriod = period != nil, periodFirst = Int64(period?.firstDay ?? 0), periodLast = Int64(period?.lastDay ?? 0)
        // Lanes of the packed key that depend on the document only, and those each fact sets.
        let documentLevel: Set<Column> = [.province, .provinceNow, .site, .document, .kind]
        let factLanes = columns.enumerated().filter { !documentLevel.contains($0.element) }
        let needs = FactScan.FacetNeeds(province: needProvince, provinceNow: needProvinceNow, site: needSite, period: needPeriod)
        try FactScan.eachDocument(db, table: "award_facts", range: range, interner: interner, needs: needs) { doc, blob in
            // Only the facets this query groups or filters by.
            let province = doc.province, provinceNow = doc.provinceNow, site = doc.site, documentPeriod = doc.period
            let documentFirst = doc.first, documentLast = doc.last, documentID = doc.id
            if let provinceID, province != provinceID && provinceNow != provinceID { return }
            // The document's lanes, once per document: packed (unused lanes read as NULL) and as
            // a vector for keys that do not pack.
            var documentLanes = Key(repeating: -1)
            for (i, column) in columns.enumerated() {
                switch column {
                case .province: documentLanes[i] = province
                case .provinceNow: documentLanes[i] = provinceNow
                case .site: documentLanes[i] = site
                case .document: documentLanes[i] = strings.id(String(documentID))
                case .kind: documentLanes[i] = kindID
                default: break
                }
            }
            var documentKey: UInt64 = 0
            for i in 0..<4 where !(i < columns.count && !documentLevel.contains(columns[i])) {
                documentKey |= UInt64(UInt16(truncatingIfNeeded: documentLanes[i])) << (16 * UInt64(i))
            }
            // A loop, not a closure per figure: state a closure captures is checked for
            // exclusive access at run time.
            var reader = AwardFacts.Reader(blob)
            while let f = reader.next() {
                if let awards { guard f.has(F.award), awards.contains(f.award) else { continue } }
                let first = f.has(F.periodFirst) ? f.periodFirst : documentFirst
                let last = f.has(F.periodLast) ? f.periodLast : documentLast
                if hasPeriod && !(first >= periodFirst && last <= periodLast) { continue }
                if let recipientWords {
                    guard f.has(F.recipient) else { continue }
                    let code = f.recipient
                    let kept: Bool
                    if let known = recipientKept[code] { kept = known } else {
                        kept = SearchQuery.fold(strings.values[Int(values.term(code))]).joined(separator: " ") == recipientWords
                        recipientKept[code] = kept
                    }
                    if !kept { continue }
                }
                if packable {
                    var packedKey = documentKey
                    for (i, column) in factLanes {
                        let value = values.of(column, f, first, last, documentPeriod)
                        packedKey |= UInt64(UInt16(truncatingIfNeeded: value)) << (16 * UInt64(i))
                    }
                    packed.update(packedKey, f.has(F.count), Double(f.count), documentID)
                } else {
                    var key = documentLanes
                    for (i, column) in factLanes { key[i] = values.of(column, f, first, last, documentPeriod) }
                    update(&groups[key, default: Accumulator()], f.has(F.count), Double(f.count), documentID)
                }
            }
            guard !reader.malformed else {
                throw IndexError("the award facts of document \(documentID) are damaged; ingest its source again (solieu ingest PATH)")
            }
            if let error = values.lookupError { throw error }
        }

        for entry in packed.entries where entry.used {
            let (k, acc) = (entry.key, entry.accumulator)
            var key = Key(repeating: -1)
            for i in 0..<4 {
                let v = UInt16(truncatingIfNeeded: k >> (16 * UInt64(i)))
                key[i] = v == 0xFFFF ? -1 : Int32(v)
            }
            groups[key] = acc
        }
        var out = FactScan.Groups<Accumulator>(strings: strings.values)
        for (key, acc) in groups {
            out.keys.append(key)
            out.accumulators.append(acc)
        }
        return out
    }
}
