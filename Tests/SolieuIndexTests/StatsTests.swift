import Foundation
import SolieuExtract
@testable import SolieuIndex
import SolieuIngest
import SolieuTestSupport
import SolieuText
import Testing

/// `stats` adds only what may be added: on fixtures/real, where amounts come in VND and USD,
/// percents by the hundred and quantities in dozens of units.
@Suite(.serialized) struct StatsTests {
    /// fixtures/real's texts in one index, and what the extractor finds in them.
    final class Index: @unchecked Sendable {
        let scratch = Scratch()
        let db: SolieuDatabase
        let figures: [Figure]
        static let shared = try! Index()
        nonisolated(unsafe) static var folder = ""

        init() throws {
            Self.folder = scratch.url.path
            atexit { try? FileManager.default.removeItem(atPath: Index.folder) }
            let paths = Project.files(in: "fixtures/real", suffix: ".txt").map { Project.path("fixtures/real/" + $0) }
            db = try SolieuDatabase(path: scratch.path("stats.db"))
            _ = try BatchIngest(database: db, jobs: 2).run(paths: paths)
            // The same figures straight from the extractor, one document per distinct text.
            var seen = Set<String>()
            var all: [Figure] = []
            for p in paths {
                let a = try Ingest.article(file: p)
                if seen.insert(a.hash).inserted { all += Extractor.extract(a.text, published: a.published) }
            }
            figures = all
        }
    }

    var db: SolieuDatabase { Index.shared.db }
    var extracted: [Figure] { Index.shared.figures }

    func filter(_ kinds: Figure.Kind...) -> FigureFilter {
        var f = FigureFilter()
        f.kinds = kinds
        return f
    }

    @Test func moneyIsSummedPerCurrency() throws {
        let rows = try db.stats(filter(.money), groupBy: [])
        var expected: [String: Double] = [:]
        for f in extracted where f.kind == .money { expected[f.currency ?? "", default: 0] += f.number ?? 0 }
        #expect(Set(expected.keys).isSuperset(of: ["VND", "USD"]))
        #expect(rows.count == expected.count)
        for r in rows {
            let currency = (r.keys["currency"] ?? nil) ?? ""
            #expect(r.sum == expected[currency], "\(currency)")
            #expect(r.note == nil)
        }
        // Asked to mix them, it refuses the sum and says how to split it.
        var both = filter(.money, .quantity)
        both.province = nil
        let mixed = try db.stats(both, groupBy: [])
        #expect(mixed.count == 1 && mixed[0].sum == nil)
        #expect(mixed[0].note?.contains("--kind or --group-by kind") == true)
    }

    @Test func percentsAreNeverSummed() throws {
        let rows = try db.stats(filter(.percent), groupBy: ["province"])
        #expect(rows.count > 20)
        #expect(rows.allSatisfy { $0.sum == nil && $0.min != nil && $0.median != nil && $0.max != nil && $0.weightedMean == nil })
        // In Vietnamese alphabetical order: Bạc Liêu, Bình Dương, …, Đà Nẵng after every D.
        let names = rows.compactMap { $0.keys["province"] ?? nil }
        #expect(names == names.sorted(by: VietnameseCollation.precedes))
        #expect((names.firstIndex(of: "Bạc Liêu") ?? 99) < (names.firstIndex(of: "Bình Dương") ?? -1))
        // One group's spread, computed here from the figures it holds.
        let all = try db.stats(filter(.percent), groupBy: [])
        let values = extracted.filter { $0.kind == .percent }.compactMap(\.number).sorted()
        #expect(all.count == 1 && all[0].figures == values.count)
        let m = values.count / 2
        #expect(all[0].min == values.first && all[0].max == values.last)
        #expect(all[0].median == (values.count % 2 == 1 ? values[m] : (values[m - 1] + values[m]) / 2))
    }

    @Test func ratiosGetTheirWeightedMeanPerUnit() throws {
        let rows = try db.stats(filter(.ratio), groupBy: ["unit"])
        #expect(!rows.isEmpty)
        for r in rows {
            let unit = (r.keys["unit"] ?? nil)
            let mine = extracted.filter { $0.kind == .ratio && $0.unit == unit }
            #expect(r.sum == nil && r.figures == mine.count)
            let num = mine.compactMap(\.numerator).reduce(0, +), den = mine.compactMap(\.denominator).reduce(0, +)
            #expect(r.weightedMean.map { abs($0 - num / den) < 1e-9 } ?? (den == 0), "\(unit ?? "-")")
        }
    }

    @Test func quantitiesSumOnlyWithinOneUnit() throws {
        let mixed = try db.stats(filter(.quantity), groupBy: [])
        #expect(mixed.count == 1 && mixed[0].sum == nil && mixed[0].note?.contains("--group-by unit") == true)
        let byUnit = try db.stats(filter(.quantity), groupBy: ["unit"])
        #expect(byUnit.count > 10 && byUnit.allSatisfy { $0.sum != nil && $0.note == nil })
        let xa = extracted.filter { $0.kind == .quantity && $0.unit == "xã" }.compactMap(\.number).reduce(0, +)
        #expect(byUnit.first { ($0.keys["unit"] ?? nil) == "xã" }?.sum == xa)
    }

    /// No kind given: every kind of a province's figures, counted, never added together.
    @Test func aProvinceWithoutAKindIsNotOneSum() throws {
        var f = FigureFilter()
        f.province = "Tây Ninh"
        let rows = try db.stats(f, groupBy: [])
        #expect(rows.count == 1 && rows[0].sum == nil && rows[0].figures > 10)
        #expect(rows[0].note?.hasPrefix("mixes") == true)
        let byKind = try db.stats(f, groupBy: ["kind"])
        #expect(byKind.reduce(0) { $0 + $1.figures } == rows[0].figures)
        #expect(byKind.first { ($0.keys["kind"] ?? nil) == "date" }.map { $0.sum == nil && $0.note != nil } ?? true)
        #expect(byKind.first { ($0.keys["kind"] ?? nil) == "award" }?.sum != nil)
    }

    /// `--period 2018` keeps the values stated for 2018, not those compared with 2017.
    @Test func periodFilterKeepsCurrentValues() throws {
        let s = Scratch()
        defer { s.cleanup() }
        let a = s.write("a.txt", "Kết quả xây dựng nông thôn mới\n\nNăm 2018, toàn tỉnh có 52/118 xã đạt chuẩn nông thôn mới, tăng 6 xã so với năm 2017.")
        let db = try SolieuDatabase(path: s.path("p.db"))
        _ = try BatchIngest(database: db, jobs: 1).run(paths: [a])
        var f = FigureFilter()
        f.period = "2018"
        #expect(try db.figures(f).map(\.text).sorted() == ["52/118 xã", "6 xã", "Năm 2018"])
        f.period = "2017"
        #expect(try db.figures(f).map(\.text) == ["năm 2017"])
    }

    /// `--measure` as its help shows it: "nông thôn mới" finds the communes that reached the
    /// standard, and so do the same words without diacritics and the abbreviation.
    @Test func measuresAsUsersTypeThem() throws {
        func ids(_ measure: String) throws -> [Int64] {
            var f = FigureFilter()
            f.measure = measure
            return try db.figures(f).map(\.id)
        }
        var f = FigureFilter()
        f.measure = "nông thôn mới"
        let found = try db.figures(f)
        let communes = found.filter { ($0.kind == "quantity" || $0.kind == "ratio") && $0.unit == "xã" }
        #expect(communes.count >= 10, "\(found.map(\.text))")
        // Extracted the same way, every figure whose measure holds the words is found.
        let expected = extracted.filter { MeasureQuery("nông thôn mới").matches($0.measure) }.count
        #expect(found.count == expected)
        #expect(try ids("nong thon moi") == found.map(\.id))
        #expect(try ids("NTM") == found.map(\.id))
        #expect(try Set(ids("tổng sản phẩm trên địa bàn")) == Set(ids("GRDP")))
        #expect(!(try ids("GRDP")).isEmpty)
    }
}
