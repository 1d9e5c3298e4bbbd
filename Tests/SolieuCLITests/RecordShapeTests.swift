import Foundation
import GRDB
import SolieuIndex
import SolieuTestSupport
import Testing

/// Numbers a researcher can sum (issue 14), through the command line on fixtures/real: one
/// record shape in every output, typed columns pandas reads as numbers, listings that say where
/// they stop, and stats that never add what may not be added.
@Suite(.serialized) struct RecordShapeTests {
    /// fixtures/real ingested once for the suite.
    final class Shared: @unchecked Sendable {
        let scratch = Scratch()
        let db: String
        static let index = Shared()
        nonisolated(unsafe) static var folder = ""
        init() {
            db = scratch.path("real.db")
            Self.folder = scratch.url.path
            atexit { try? FileManager.default.removeItem(atPath: Shared.folder) }
            _ = try? SolieuBinary.run(["ingest", Project.path("fixtures/real"), "--db", db, "--quiet"])
        }
    }

    var db: String { Shared.index.db }

    func run(_ args: [String]) throws -> (Int32, String, String) { try SolieuBinary.run(args) }

    static func keys(ofJSONLines text: String) throws -> [Set<String>] {
        try text.split(separator: "\n").map { line in
            Set(try (JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]).keys)
        }
    }

    @Test func everyOutputGivesTheSameFields() throws {
        let names = FigureRecord.names
        let (s1, csv, e1) = try run(["export", "--db", db, "--format", "csv"])
        #expect(s1 == 0, "\(e1)")
        #expect(csv.split(separator: "\r\n").first.map(String.init) == names.joined(separator: ","))
        let (_, figuresCSV, _) = try run(["figures", "--db", db, "--format", "csv", "--limit", "5"])
        #expect(figuresCSV.split(separator: "\r\n").first.map(String.init) == names.joined(separator: ","))
        let (_, jsonl, _) = try run(["export", "--db", db, "--format", "jsonl"])
        let exportKeys = try Self.keys(ofJSONLines: jsonl)
        #expect(exportKeys.count > 1000 && exportKeys.allSatisfy { $0 == Set(names) })
        let (_, extracted, _) = try run(["extract", Project.path("fixtures/real/tayninh-cafef-20240107.txt")])
        let extractKeys = try Self.keys(ofJSONLines: extracted)
        #expect(extractKeys.count > 20 && extractKeys.allSatisfy { $0 == Set(names) })
        let (_, json, _) = try run(["figures", "--db", db, "--format", "json", "--limit", "3"])
        let objects = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] ?? []
        #expect(objects.count == 3 && objects.allSatisfy { Set($0.keys) == Set(names) })
        // The SQL view: the same columns in the same order.
        let queue = try DatabaseQueue(path: db, configuration: { var c = Configuration(); c.readonly = true; return c }())
        let columns = try queue.read { db in try Row.fetchOne(db, sql: "SELECT * FROM figure_view LIMIT 1")?.columnNames.map { $0 } ?? [] }
        #expect(columns == names)
        // docs/records.md is what the code generates.
        let (_, markdown, _) = try run(["fields", "--markdown"])
        #expect(markdown == Project.text("docs/records.md"), "docs/records.md is stale: solieu fields --markdown > docs/records.md")
    }

    /// Typed columns: pandas reads every number column as floats, and the day of publication
    /// never carries a time.
    @Test func pandasReadsTheNumbersAsNumbers() throws {
        let out = Shared.index.scratch.path("figures.csv")
        let (status, _, err) = try run(["export", "--db", db, "--out", out])
        #expect(status == 0, "\(err)")
        let script = """
            import sys, pandas as pd
            d = pd.read_csv(sys.argv[1])
            for c in ["number", "numerator", "denominator", "range_from", "range_to", "count", "award_class"]:
                print(c, d[c].dtype.kind)
            print("published", d["published"].dropna().str.fullmatch(r"\\d{4}-\\d{2}-\\d{2}").all())
            print("times", d["published_time"].notna().sum() > 0)
            print("money", d[d.kind == "money"]["number"].sum() > 0)
            """
        let (ps, pout, perr) = try SolieuBinary.shell("python3 -c '\(script)' \(out)", in: Shared.index.scratch.url.path)
        #expect(ps == 0, "pandas (scripts/setup installs it): \(perr)")
        let lines = Set(pout.split(separator: "\n").map(String.init))
        for c in ["number", "numerator", "denominator", "range_from", "range_to", "count", "award_class"] {
            #expect(lines.contains("\(c) f") || lines.contains("\(c) i"), "\(c): \(pout)")
        }
        #expect(lines.isSuperset(of: ["published True", "times True", "money True"]), "\(pout)")
    }

    @Test func aListingThatStopsSaysSo() throws {
        let (_, all, _) = try run(["figures", "--db", db, "--all", "--format", "csv"])
        let total = all.split(separator: "\r\n").count - 1
        #expect(total > 1000)
        let (_, zero, _) = try run(["figures", "--db", db, "--limit", "0", "--format", "csv"])
        #expect(zero == all)
        let (s, page, err) = try run(["figures", "--db", db, "--format", "csv"])
        #expect(s == 0 && page.split(separator: "\r\n").count - 1 == 200)
        #expect(err.contains("showing 200 of \(total) figures; --limit N or --all"), "\(err)")
        let (_, _, quiet) = try run(["figures", "--db", db, "--kind", "docref", "--province", "Tây Ninh", "--format", "csv"])
        #expect(!quiet.contains("showing"))
        let (_, _, searchErr) = try run(["search", "thi đua", "--db", db, "--limit", "3"])
        #expect(searchErr.contains("showing 3 of "), "\(searchErr)")
        let (bad, _, badErr) = try run(["figures", "--db", db, "--limit", "-2"])
        #expect(bad == 64 && badErr.contains("--limit must be 0 (all) or more"), "\(bad) \(badErr)")
    }

    @Test func statsNeverAddWhatMayNotBeAdded() throws {
        let (_, money, _) = try run(["stats", "--db", db, "--kind", "money", "--format", "json"])
        let groups = try JSONSerialization.jsonObject(with: Data(money.utf8)) as? [[String: Any]] ?? []
        #expect(Set(groups.compactMap { $0["currency"] as? String }).isSuperset(of: ["VND", "USD"]))
        #expect(groups.allSatisfy { $0["sum"] is Double || $0["sum"] is Int })
        let (_, percent, _) = try run(["stats", "--db", db, "--kind", "percent", "--group-by", "province", "--format", "json"])
        let p = try JSONSerialization.jsonObject(with: Data(percent.utf8)) as? [[String: Any]] ?? []
        #expect(p.count > 20 && p.allSatisfy { $0["sum"] is NSNull && $0["median"] is NSNumber })
        let (status, table, note) = try run(["stats", "--db", db, "--province", "Tây Ninh"])
        #expect(status == 0 && table.contains("figures"))
        #expect(note.contains("no sum; split with --kind or --group-by kind"), "\(note)")
    }
}
