import Foundation
import SolieuExtract
@testable import SolieuIndex
import SolieuTestSupport
import Testing

/// The corpus and the real HTML pages, ingested, then asked questions whose answers the gold
/// files give.
@Suite(.serialized) struct EndToEndTests {
    static func corpusDatabase() throws -> (SolieuDatabase, Scratch) {
        let scratch = Scratch()
        let db = try SolieuDatabase(path: scratch.path("corpus.db"))
        let html = Project.files(in: "fixtures/html", suffix: ".html").map { Project.path("fixtures/html/" + $0) }
        let summary = try BatchIngest(database: db, jobs: 2).run(paths: Seeds.paths + html)
        #expect(summary.failures.isEmpty)
        #expect(summary.progress.added == Seeds.paths.count + html.count)
        return (db, scratch)
    }

    /// A percent's role is stored and filters: the seed Kiên Giang bulletin states four shares of
    /// plan ("ước đạt 50,16% kế hoạch", … "57,75% dự toán") and five changes, one of them a fall.
    @Test func percentRolesAreStoredAndFilter() throws {
        let (db, scratch) = try Self.corpusDatabase()
        defer { scratch.cleanup() }
        var filter = FigureFilter()
        filter.kinds = [.percent]
        filter.document = "000_d273c28c48bdecee.txt"
        filter.role = "plan"
        let plans = try db.figures(filter).map(\.text)
        #expect(Array(plans.prefix(4)) == ["50,16%", "51,71%", "74%", "57,75%"])
        filter.role = "change"
        let changes = try db.figures(filter)
        #expect(changes.prefix(5).map(\.text) == ["8,52%", "14,65%", "45,03%", "1,12%", "15,35%"])
        #expect(changes.prefix(5).map(\.sign) == [1, 1, 1, -1, 1])
        filter.role = "nonsense"
        #expect(throws: IndexError.self) { try db.figures(filter) }
    }

    @Test func seedsKeepTheirProvinceDateAndAwards() throws {
        let (db, scratch) = try Self.corpusDatabase()
        defer { scratch.cleanup() }
        for name in Seeds.names {
            let gold = Gold.load(name)
            let doc = try db.document("\(name).txt")
            #expect(doc.province == gold.province, "\(name)")
            #expect(doc.published.map { String($0.prefix(10)) } == gold.published, "\(name)")
            // Every award figure of the gold, and no other, with its count and recipient.
            var filter = FigureFilter()
            filter.kinds = [.award]
            filter.document = "\(name).txt"
            let stored = try db.figures(filter).map { "\($0.award ?? "")|\($0.recipient ?? "")|\($0.count ?? -1)" }.sorted()
            let expected = gold.figures.filter { $0.kind == "award" && $0.uncertain != true }
                .map { "\($0.award ?? "")|\($0.recipient ?? "")|\($0.count ?? -1)" }.sorted()
            #expect(stored == expected, "\(name)")
        }
    }

    @Test func bangKhenOfTheKienGiang2018Bulletin() throws {
        let (db, scratch) = try Self.corpusDatabase()
        defer { scratch.cleanup() }
        var filter = FigureFilter()
        filter.kinds = [.award]
        filter.award = "bang khen"
        filter.province = "Kien Giang"
        filter.document = "000_d273c28c48bdecee.txt"
        let rows = try db.stats(filter, groupBy: ["recipient"])
        let gold = Gold.load("000_d273c28c48bdecee").figures.filter { $0.kind == "award" && $0.award == "Bằng khen" }
        var expected: [String: Double] = [:]
        for f in gold { expected[f.recipient ?? "", default: 0] += Double(f.count ?? 0) }
        let got = Dictionary(uniqueKeysWithValues: rows.map { (($0.keys["recipient"] ?? nil) ?? "", $0.sum ?? 0) })
        #expect(got == expected)
        #expect(expected["cá nhân"] == 143)
        // The 115 businesses were honoured for 2017 ("tiêu biểu trong năm 2017"): a 2017 figure.
        filter.period = "2017"
        #expect(try db.figures(filter).map(\.count) == [115])
    }

    @Test func statsPerProvinceMatchGoldTotals() throws {
        let (db, scratch) = try Self.corpusDatabase()
        defer { scratch.cleanup() }
        var expected: [String: Double] = [:]
        for name in Seeds.names {
            let gold = Gold.load(name)
            for f in gold.figures where f.kind == "award" && f.uncertain != true { expected[gold.province ?? "", default: 0] += Double(f.count ?? 0) }
        }
        var filter = FigureFilter()
        filter.kinds = [.award]
        let rows = try db.stats(filter, groupBy: ["province"])
        var got: [String: Double] = [:]
        for r in rows { if let p = r.keys["province"] ?? nil, expected[p] != nil { got[p] = r.sum } }
        #expect(got == expected)
    }

    @Test func everyFigureSpanAndSentenceSliceTheStoredText() throws {
        let (db, scratch) = try Self.corpusDatabase()
        defer { scratch.cleanup() }
        let rows = try db.figures(FigureFilter())
        #expect(rows.count == (try db.summary()).figures)
        var texts: [Int64: [Unicode.Scalar]] = [:]
        for row in rows {
            if texts[row.document] == nil { texts[row.document] = Array(try db.document(String(row.document)).text.unicodeScalars) }
            let scalars = texts[row.document]!
            #expect(String(String.UnicodeScalarView(scalars[row.start..<row.end])) == row.text)
            #expect(String(String.UnicodeScalarView(scalars[row.sentenceStart..<row.sentenceEnd])) == row.sentence)
            #expect(row.sentenceStart <= row.start && row.end <= row.sentenceEnd)
        }
    }
}

/// The facts passes (AwardStats, ValueStats) and SQL's GROUP BY give the same rows.
@Suite(.serialized) struct StatsPathTests {
    @Test func valueStatsMatchTheSQLPath() throws {
        let (db, scratch) = try EndToEndTests.corpusDatabase()
        defer { scratch.cleanup() }
        let groupings: [[String]] = [
            ["province"], ["province", "year", "unit"], ["province_now", "period"], ["kind", "currency"], ["document"], ["site", "year"], [],
        ]
        var filters: [FigureFilter] = []
        for kinds in [[Figure.Kind.percent], [.ratio], [.money], [.quantity], [.percent, .ratio], [.quantity, .money, .percent, .ratio]] {
            var f = FigureFilter()
            f.kinds = kinds
            filters.append(f)
        }
        var f = FigureFilter()
        f.kinds = [.percent]
        f.province = "Kiên Giang"
        filters.append(f)
        f.province = nil
        f.period = "2018"
        filters.append(f)
        f.period = nil
        f.role = "change"
        filters.append(f)
        f.role = nil
        f.measure = "tỷ lệ"
        filters.append(f)
        f.kinds = [.quantity]
        f.measure = "xã"
        filters.append(f)
        f.measure = nil
        f.document = "1"
        filters.append(f)
        func close(_ a: Double?, _ b: Double?) -> Bool {
            guard let a, let b else { return a == nil && b == nil }
            return abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
        }
        var compared = 0
        for filter in filters {
            for keys in groupings {
                let sql = SolieuDatabase.collated(try db.statsSQL(filter, groupBy: SolieuDatabase.statsKeys(filter, groupBy: keys)), keys: SolieuDatabase.statsKeys(filter, groupBy: keys))
                #expect(ValueStats.applies(filter, SolieuDatabase.statsKeys(filter, groupBy: keys)))
                for fast in [try db.stats(filter, groupBy: keys),
                             SolieuDatabase.collated(try db.valueStats(filter, groupBy: SolieuDatabase.statsKeys(filter, groupBy: keys), workers: 3),
                                                     keys: SolieuDatabase.statsKeys(filter, groupBy: keys))] {
                    #expect(fast.count == sql.count, "\(keys) \(filter)")
                    for (a, b) in zip(fast, sql) {
                        compared += 1
                        #expect(a.keys == b.keys && a.figures == b.figures && a.documents == b.documents && a.note == b.note, "\(keys): \(a) vs \(b)")
                        #expect(close(a.sum, b.sum) && close(a.min, b.min) && close(a.max, b.max) && close(a.median, b.median)
                                && close(a.weightedMean, b.weightedMean), "\(keys) \(filter): \(a) vs \(b)")
                    }
                }
            }
        }
        // The comparison saw real groups: sums, spreads and weighted means among them.
        #expect(compared > 200)
        var percents = FigureFilter()
        percents.kinds = [.percent]
        let byProvince = try db.stats(percents, groupBy: ["province"])
        #expect(byProvince.contains { $0.median != nil && $0.min != nil && $0.sum == nil })
        var ratios = FigureFilter()
        ratios.kinds = [.ratio]
        #expect(try db.stats(ratios, groupBy: ["unit"]).contains { $0.weightedMean != nil })
        var money = FigureFilter()
        money.kinds = [.money]
        #expect(try db.stats(money, groupBy: []).contains { $0.sum != nil && $0.keys["currency"] != nil })
    }

    @Test func awardStatsMatchTheSQLPath() throws {
        let (db, scratch) = try EndToEndTests.corpusDatabase()
        defer { scratch.cleanup() }
        let groupings: [[String]] = [
            ["province", "year", "award", "recipient"], ["province_now"], ["award", "class", "conferrer"], ["period", "recipient"],
            ["document"], ["site", "year"], [],
        ]
        var filters: [FigureFilter] = []
        var f = FigureFilter()
        f.kinds = [.award]
        filters.append(f)
        f.award = "bang khen"
        filters.append(f)
        f.province = "Kiên Giang"
        filters.append(f)
        f = FigureFilter()
        f.kinds = [.award]
        f.period = "2017"
        f.recipient = "cá nhân"
        filters.append(f)
        for filter in filters {
            for keys in groupings {
                // Both in the order `stats` gives (Vietnamese collation of the keys).
                let sql = SolieuDatabase.collated(try db.statsSQL(filter, groupBy: keys), keys: keys)
                // One scan, and the titles split between three workers whose groups are merged.
                for fast in [try db.stats(filter, groupBy: keys), SolieuDatabase.collated(try db.awardStats(filter, groupBy: keys, workers: 3), keys: keys)] {
                    #expect(fast.count == sql.count, "\(keys) \(filter)")
                    for (a, b) in zip(fast, sql) {
                        #expect(a.keys == b.keys && a.figures == b.figures && a.documents == b.documents && a.sum == b.sum, "\(keys): \(a) vs \(b)")
                    }
                }
            }
        }
    }
}
