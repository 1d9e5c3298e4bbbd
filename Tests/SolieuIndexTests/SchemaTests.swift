import Foundation
import GRDB
@testable import SolieuIndex
import SolieuTestSupport
import Testing

/// Schema 5: coded figures, the `figures` view that gives back v4's columns, the packed award
/// facts, and the migration of a v4 file.
@Suite struct SchemaTests {
    @Test func awardFactsRoundTrip() {
        let facts = [
            AwardFact(award: 1, recipient: 2, count: 143, awardClass: 3, conferrer: 4, period: 5, periodFirst: 20_180_101, periodLast: 20_181_231),
            AwardFact(award: 7, recipient: nil, count: nil, awardClass: nil, conferrer: nil, period: nil, periodFirst: nil, periodLast: nil),
            AwardFact(award: nil, recipient: 0, count: 0, awardClass: -1, conferrer: Int64.max, period: Int64.min, periodFirst: 1, periodLast: -20),
        ]
        let blob = AwardFacts.encode(facts)
        #expect(AwardFacts.decode(blob) == facts)
        // A fact is a few bytes: which fields it has, then small numbers.
        #expect(AwardFacts.encode([facts[1]]) == [0b1, 14])
        #expect(AwardFacts.encode([AwardFact(award: 3, recipient: 4, count: 12, awardClass: nil, conferrer: nil, period: nil,
                                             periodFirst: nil, periodLast: nil)]) == [0b111, 6, 8, 24])
        #expect(AwardFacts.decode([]) == [])
    }

    @Test func damagedAwardFactsAreRefused() {
        let blob = AwardFacts.encode([AwardFact(award: 300, recipient: 2, count: 5, awardClass: nil, conferrer: nil, period: nil,
                                                periodFirst: 20_180_101, periodLast: 20_181_231)])
        // A varint cut short, and a fact cut short.
        #expect(AwardFacts.decode(Array(blob.dropLast())) == nil)
        #expect(AwardFacts.decode(Array(blob.prefix(3))) == nil)
        // A varint that never ends.
        #expect(AwardFacts.decode([0xFF] + [UInt8](repeating: 0xFF, count: 12)) == nil)
    }

    @Test func valueFactsRoundTrip() {
        let facts = [
            ValueFact(kind: 2, unit: nil, currency: nil, measure: 12, period: 5, periodFirst: 20_180_101, periodLast: 20_181_231, role: 3,
                      value: 12.5, numerator: nil, denominator: nil),
            ValueFact(kind: 4, unit: 9, currency: nil, measure: 0, period: nil, periodFirst: nil, periodLast: nil, role: nil,
                      value: nil, numerator: 52, denominator: 118),
            // Numbers no short decimal holds: a third, a huge amount, a tiny share, a negative change.
            ValueFact(kind: 3, unit: nil, currency: 4, measure: nil, period: nil, periodFirst: nil, periodLast: nil, role: nil,
                      value: 1.0 / 3, numerator: 2.5e18, denominator: 1e-9),
            ValueFact(kind: 1, unit: Int64.max, currency: Int64.min, measure: -1, period: 0, periodFirst: 1, periodLast: -20, role: 4,
                      value: -0.25, numerator: 0, denominator: 1_234_567.891),
            ValueFact(kind: 2, unit: nil, currency: nil, measure: nil, period: nil, periodFirst: nil, periodLast: nil, role: nil,
                      value: nil, numerator: nil, denominator: nil),
        ]
        let blob = ValueFacts.encode(facts)
        // Grouped by kind, each group in its facts' order.
        let grouped = facts.enumerated().sorted { ($0.element.kind, $0.offset) < ($1.element.kind, $1.offset) }.map(\.element)
        #expect(ValueFacts.decode(blob) == grouped)
        // A percent of 12.5: its group (kind 2, 4 bytes), the mask, then 125 with one decimal:
        // (zigzag(125) << 3) | 1 = 2001.
        #expect(ValueFacts.encode([ValueFact(kind: 2, unit: nil, currency: nil, measure: nil, period: nil, periodFirst: nil, periodLast: nil,
                                             role: nil, value: 12.5, numerator: nil, denominator: nil)]) == [2, 4, 0x80, 0x01, 0xD1, 0x0F])
        // A scan for percents skips the other groups by their lengths.
        let percents = blob.withUnsafeBytes { b -> [ValueFact] in
            var r = ValueFacts.Reader(b, kinds: [2])
            var out: [ValueFact] = []
            while let f = r.next() { out.append(f.fact) }
            return out
        }
        #expect(percents == facts.filter { $0.kind == 2 })
        #expect(ValueFacts.decode([]) == [])
        // Cut short, an unknown field, a double cut short, a group longer than the blob, a fact
        // that runs past its group.
        #expect(ValueFacts.decode(Array(blob.dropLast())) == nil)
        #expect(ValueFacts.decode([2, 2, 0x80, 0x10]) == nil)
        #expect(ValueFacts.decode([3, 6, 0x80, 0x01, 7, 1, 2, 3]) == nil)
        #expect(ValueFacts.decode([2, 9, 0x80, 0x01, 0xD1, 0x0F]) == nil)
        #expect(ValueFacts.decode([2, 3, 0x80, 0x01, 0xD1, 0x0F]) == nil)
    }

    /// A v4 file (figures as a table of text columns) becomes v5: every figure reads back the
    /// same through the `figures` view, figure_view still resolves measures, the award facts
    /// hold the award figures, and award stats agree with SQL.
    @Test func v4FileMigratesWithEveryFigure() throws {
        let scratch = Scratch()
        defer { scratch.cleanup() }
        let path = scratch.path("v4.db")
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v4")
        let columns = "id, document_id, kind, start, \"end\", sentence, sentence_start, sentence_end, value, calendar, unit, currency, " +
            "numerator, denominator, range_from, range_to, doc_type, doc_number, issuer, doc_date, award, award_class, conferrer, " +
            "recipient, count, posthumous, inferred, measure, period, period_first, period_last, part_of"
        let d = 1_048_576
        let rows: [[DatabaseValueConvertible?]] = [
            [d + 0, 1, "award", 10, 20, 0, 0, 60, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil,
             "Bằng khen", nil, "Chủ tịch UBND tỉnh", "tập thể", 82, 0, nil, "", nil, nil, nil, nil],
            [d + 1, 1, "award", 30, 40, 0, 0, 60, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil,
             "Bằng khen", nil, "Chủ tịch UBND tỉnh", "cá nhân", 74, 0, nil, "", "2017", 20_170_101, 20_171_231, d + 0],
            [d + 2, 1, "award", 45, 55, 1, 61, 90, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil,
             "Huân chương Lao động", 3, "Chủ tịch nước", "cá nhân", nil, 1, nil, nil, nil, nil, nil, nil],
            [d + 3, 1, "percent", 70, 75, 1, 61, 90, 95.5, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil,
             nil, nil, nil, nil, nil, nil, nil, "tỷ lệ hộ nghèo", "2018-H1", 20_180_101, 20_180_630, nil],
            [d + 4, 1, "docref", 91, 110, 2, 91, 120, nil, nil, nil, nil, nil, nil, nil, nil, "Quyết định", "32/QĐ-UBND", "UBND tỉnh",
             "2018-01-05", nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil],
            [d + 5, 1, "quantity", 111, 118, 2, 91, 120, 12.0, nil, "xã", nil, nil, nil, nil, nil, nil, nil, nil, nil,
             nil, nil, nil, nil, nil, nil, 1, "", nil, nil, nil, nil],
            [d + 6, 1, "money", 119, 120, 2, 91, 120, 1.5e9, nil, nil, "VND", nil, nil, nil, nil, nil, nil, nil, nil,
             nil, nil, nil, nil, nil, nil, nil, "thu ngân sách", nil, nil, nil, nil],
            [d + 7, 1, "date", 0, 9, 0, 0, 60, nil, "2018-01-05", nil, nil, nil, nil, nil, nil, nil, nil, nil, nil,
             nil, nil, nil, nil, nil, nil, 1, nil, nil, 20_180_105, 20_180_105, nil],
        ]
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO documents(id, content_hash, title, published, province, province_now, period, period_first, period_last, text, chars, figure_count, ingested_at)
                VALUES (1, 'h', 'Tổng kết', '2018-01-20', 'Kiên Giang', 'An Giang', '2018', 20180101, 20181231, ?, 120, 8, '2018-01-21T00:00:00Z')
                """, arguments: [String(repeating: "a", count: 120)])
            for row in rows {
                try db.execute(sql: "INSERT INTO figures(\(columns)) VALUES (\(row.map { _ in "?" }.joined(separator: ", ")))",
                               arguments: StatementArguments(row))
            }
        }
        let before = try queue.read { db in try Row.fetchAll(db, sql: "SELECT \(columns) FROM figures ORDER BY id") }
        try queue.close()

        let database = try SolieuDatabase(path: path, create: false)
        let queue5 = try DatabaseQueue(path: path)
        defer { try? queue5.close() }
        try queue5.read { db in
            #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == Schema.version)
            let after = try Row.fetchAll(db, sql: "SELECT \(columns) FROM figures ORDER BY id")
            #expect(after == before)
            // The stored row holds codes, not words.
            #expect(try Int.fetchOne(db, sql: "SELECT kind FROM figure_rows WHERE id = ?", arguments: [d]) == Schema.awardKind)
            #expect(try Int.fetchOne(db, sql: "SELECT typeof(award) = 'integer' FROM figure_rows WHERE id = ?", arguments: [d]) == 1)
            // figure_view: '' resolves to the award or the unit, and the document's period fills in.
            let measures = try String?.fetchAll(db, sql: "SELECT measure FROM figure_view ORDER BY id")
            #expect(measures == ["Bằng khen", "Bằng khen", nil, "tỷ lệ hộ nghèo", nil, "xã", "thu ngân sách", nil])
            #expect(try String.fetchOne(db, sql: "SELECT period_first FROM figure_view WHERE id = ?", arguments: [d]) == "2018-01-01")
            // v6: roles are unknown for figures stored before it (NULL), in both views.
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM figures WHERE role IS NULL AND sign IS NULL") == rows.count)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM figure_view WHERE role IS NULL") == rows.count)
            // One blob holds the document's three award figures.
            let blob = try Data.fetchOne(db, sql: "SELECT facts FROM award_facts WHERE document_id = 1")
            let facts = blob.flatMap { AwardFacts.decode([UInt8]($0)) } ?? []
            #expect(facts.map(\.count) == [82, 74, nil])
            #expect(facts.map(\.periodFirst) == [nil, 20_170_101, nil])
            #expect(facts.map(\.awardClass) == [nil, nil, 3])
            // v10: the percent, the quantity and the money amount packed for stats, grouped by kind.
            let values = try Data.fetchOne(db, sql: "SELECT facts FROM value_facts WHERE document_id = 1").flatMap { ValueFacts.decode([UInt8]($0)) } ?? []
            #expect(values.map(\.kind) == Array(try Int.fetchAll(db, sql: "SELECT kind FROM figure_rows WHERE kind IN (1, 2, 3, 4) ORDER BY kind, id")))
            #expect(values.map(\.value) == (try Double?.fetchAll(db, sql: "SELECT value FROM figure_rows WHERE kind IN (1, 2, 3, 4) ORDER BY kind, id")))
            #expect(!values.isEmpty)
            // v13: the document's kinds as bits: award, percent, docref, quantity, money, date.
            #expect(try Int64.fetchOne(db, sql: "SELECT kinds FROM document_kinds WHERE document_id = 1") == 1 << 9 | 1 << 2 | 1 << 8 | 1 << 1 | 1 << 3 | 1 << 6)
            // v9: the stored text's near-copy keys, as a new document would get them.
            let key = String(repeating: "a", count: 120)
            let expected = Set(NearDuplicates.keys(signature: NearDuplicates.signature(key: key), key: key))
            #expect(!expected.isEmpty)
            #expect(Set(try Int64.fetchAll(db, sql: "SELECT band FROM document_bands WHERE document_id = 1")) == expected)
        }
        var filter = FigureFilter()
        filter.kinds = [.award]
        for keys in [["award", "recipient"], ["year", "class", "conferrer"], ["province_now", "period"]] {
            let fast = try database.stats(filter, groupBy: keys)
            let sql = try database.statsSQL(filter, groupBy: keys)
            #expect(fast.map(\.keys) == sql.map(\.keys) && fast.map(\.sum) == sql.map(\.sum) && fast.map(\.figures) == sql.map(\.figures), "\(keys)")
        }
        filter.award = "bang khen"
        #expect(try database.stats(filter, groupBy: ["recipient"]).map(\.sum) == [74, 82])
    }

    /// A term added by a write that rolls back is not remembered: the next document that uses
    /// the word stores it again, under an id that exists.
    /// A creation killed after GRDB committed its bookkeeping table but before the first
    /// migration leaves only that table: the next open finishes the job. Any other foreign
    /// table still makes the file someone else's.
    @Test func interruptedCreationIsResumed() throws {
        let scratch = Scratch()
        defer { scratch.cleanup() }
        let path = scratch.path("half.db")
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)") }
        let db = try SolieuDatabase(path: path)
        #expect(try db.summary().documents == 0)
        let foreign = scratch.path("foreign.db")
        try DatabaseQueue(path: foreign).write { try $0.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY); CREATE TABLE t(x)") }
        #expect(throws: IndexError.self) { try SolieuDatabase(path: foreign) }
    }

    @Test func rolledBackTermsAreNotCached() throws {
        let scratch = Scratch()
        defer { scratch.cleanup() }
        let database = try SolieuDatabase(path: scratch.path("t.db"))
        let writer = TermWriter(database.terms)
        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try database.pool.write { db in
                _ = try writer.id("Bằng khen", db)
                throw Abort()
            }
        }
        // As `store` does: only a committed write's ids join the cache.
        #expect(database.terms.lookup("Bằng khen") == nil)
        let path = scratch.write("a.txt", "Tổng kết năm 2018\n\nChủ tịch UBND tỉnh tặng Bằng khen cho 12 tập thể có thành tích xuất sắc.\n")
        _ = try BatchIngest(database: database, jobs: 1).run(paths: [path])
        var filter = FigureFilter()
        filter.kinds = [.award]
        #expect(try database.figures(filter).map(\.award) == ["Bằng khen"])
        #expect(database.terms.lookup("Bằng khen") != nil)
    }
}
