import Foundation
import SolieuGen
import SolieuIndex
import SolieuText

/// `gen-corpus N DIR`: N generated bulletins under DIR (see SolieuGen).
enum GenCorpus {
    static func generator(root: String) -> BulletinGenerator {
        let seeds = (root as NSString).appendingPathComponent("fixtures/seeds")
        let texts = ((try? FileManager.default.contentsOfDirectory(atPath: seeds)) ?? []).sorted()
            .filter { $0.hasSuffix(".article.txt") }
            .map { FixtureSet.read((seeds as NSString).appendingPathComponent($0)) }
        let provinces = Provinces.bundled.before.map { unit in
            (name: unit.name, host: VietnameseFold.searchKey(unit.name).filter { $0.isLetter })
        }
        return BulletinGenerator(provinces: provinces, corpus: texts)
    }

    static func run(root: String, count: Int, out: String) -> Int32 {
        let gen = generator(root: root)
        let start = ContinuousClock.now
        var bytes = 0
        let fm = FileManager.default
        var made = Set<String>()
        for i in 0..<count {
            let b = gen.bulletin(i)
            let path = (out as NSString).appendingPathComponent(b.path)
            let dir = (path as NSString).deletingLastPathComponent
            if !made.contains(dir) {
                do { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
                    print("gen-corpus: cannot create \(dir): \(error)")
                    return 1
                }
                made.insert(dir)
            }
            let data = Data(b.content.utf8)
            guard fm.createFile(atPath: path, contents: data) else {
                print("gen-corpus: cannot write \(path)")
                return 1
            }
            bytes += data.count
        }
        print("gen-corpus: \(count) bulletins, \(fmt(Double(bytes) / 1e6, 1)) MB in \(out) (\(fmt(Stopwatch.seconds(since: start), 1)) s)")
        return 0
    }
}

/// `bench-index DIR DB`: ingest DIR into a new DB on all cores, then time a fixed set of queries.
enum BenchIndex {
    static func run(corpus: String, db path: String, jobs: Int, queriesOnly: Bool = false) -> Int32 {
        if queriesOnly {
            guard let db = try? SolieuDatabase(path: path, create: false) else { print("bench-index: no database \(path)"); return 1 }
            return queries(db)
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let db: SolieuDatabase
        do { db = try SolieuDatabase(path: path) } catch {
            print("bench-index: \(error)")
            return 1
        }
        var files: [String] = []
        if let walker = FileManager.default.enumerator(atPath: corpus) {
            while let rel = walker.nextObject() as? String {
                if rel.hasSuffix(".html") || rel.hasSuffix(".txt") { files.append((corpus as NSString).appendingPathComponent(rel)) }
            }
        }
        files.sort()
        print("bench-index: \(files.count) files, \(jobs) jobs")
        let start = ContinuousClock.now
        let summary: BatchIngest.Summary
        do {
            summary = try BatchIngest(database: db, jobs: jobs).run(paths: files) { p in
                // On stderr: unbuffered, so progress shows even when stdout is a pipe.
                if p.done % 10_000 == 0 { FileHandle.standardError.write(Data("  \(p.done) files, \(fmt(p.elapsed, 0)) s, RSS \(fmt(Memory.currentMB, 0)) MB\n".utf8)) }
            }
        } catch {
            print("bench-index: \(error)")
            return 1
        }
        let seconds = Stopwatch.seconds(since: start)
        let p = summary.progress
        print("ingest: \(p.done) files in \(fmt(seconds, 1)) s: \(fmt(Double(p.done) / seconds, 0)) documents/s on \(jobs) jobs (goal: at least 300)")
        print("ingest: \(p.added) documents, \(p.newSources) republished (second source), \(p.failed) failed, \(p.figures) figures")
        print("peak RSS: \(fmt(Memory.peakMB, 0)) MB (goal: under 500)")
        guard let s = try? db.summary() else { return 1 }
        // The file at rest: what the write-ahead log still holds goes into it first.
        try? db.checkpoint()
        let fileBytes = ["", "-wal"].compactMap { (try? FileManager.default.attributesOfItem(atPath: path + $0))?[.size] as? Int }.reduce(0, +)
        print("database: \(fmt(Double(fileBytes) / 1e6, 1)) MB, \(fmt(Double(fileBytes) / Double(max(1, s.documents)) / 1024, 1)) KB per document; " +
              "article text \(fmt(Double(s.textBytes) / 1e6, 1)) MB: \(fmt(Double(fileBytes) / Double(max(1, s.textBytes)), 3))x the text (goal: under 2x)")
        return queries(db)
    }

    static func queries(_ db: SolieuDatabase) -> Int32 {

        func time(_ label: String, goal: Double, runs: Int = 30, _ body: () throws -> Int) {
            var samples: [Double] = []
            var results = 0
            for _ in 0..<runs {
                let t = ContinuousClock.now
                results = (try? body()) ?? -1
                samples.append(Stopwatch.seconds(since: t) * 1000)
            }
            samples.sort()
            let p50 = samples[samples.count / 2], p95 = samples[min(samples.count - 1, Int(Double(samples.count) * 0.95))]
            print("  \(pad(label, 58)) p50 \(pad(fmt(p50, 1), 7)) ms  p95 \(pad(fmt(p95, 1), 7)) ms  (\(results) rows; goal p95 < \(fmt(goal, 0)) ms)")
        }
        print("queries (\(30) runs each):")
        time("search \"thi dua khen thuong\"", goal: 50) { try db.search("thi dua khen thuong", limit: 20).count }
        time("search \"Huân chương Lao động\" --province Kiên Giang", goal: 50) { try db.search("\"Huân chương Lao động\"", province: "Kiên Giang", limit: 20).count }
        time("search UBND --from 2018 --to 2019", goal: 50) { try db.search("UBND", from: "2018", to: "2019", limit: 20).count }
        time("search \"nong thon moi\" OR ngan sach", goal: 50) { try db.search("\"nong thon moi\" OR \"ngan sach\"", limit: 20).count }
        // The estimated document frequencies against the exact ones: how much of the top 20 agrees.
        for q in ["thi dua khen thuong", "\"Huân chương Lao động\"", "UBND", "\"nong thon moi\" OR \"ngan sach\"", "bang khen tap the"] {
            let estimated = (try? db.search(q, limit: 20).map(\.id)) ?? []
            let exact = (try? db.search(q, limit: 20, exactRanking: true).map(\.id)) ?? []
            let shared = Set(estimated).intersection(exact).count
            print("  ranking \(pad(q, 46)) top 20 shared with exact bm25: \(shared)/\(exact.count), same first: \(estimated.first == exact.first)")
        }
        time("search \"thi dua khen thuong\" --exact-ranking", goal: 50) { try db.search("thi dua khen thuong", limit: 20, exactRanking: true).count }
        var f1 = FigureFilter(); f1.kinds = [.award]; f1.award = "Bằng khen"; f1.province = "Gia Lai"; f1.period = "2018"; f1.limit = 200
        time("figures --kind award --award 'Bằng khen' --province 'Gia Lai' --period 2018", goal: 50) { try db.figures(f1).count }
        var f2 = FigureFilter(); f2.kinds = [.percent]; f2.measure = "kim ngạch xuất khẩu"; f2.province = "Cao Bằng"; f2.limit = 200
        time("figures --kind percent --measure 'kim ngạch xuất khẩu' --province 'Cao Bằng'", goal: 50) { try db.figures(f2).count }
        var f3 = FigureFilter(); f3.kinds = [.docref]; f3.document = "1000"
        time("figures --kind docref --doc 1000", goal: 50) { try db.figures(f3).count }
        var f4 = FigureFilter(); f4.kinds = [.award]
        time("stats --kind award --group-by province,year,award,recipient", goal: 200, runs: 30) { try db.stats(f4, groupBy: ["province", "year", "award", "recipient"]).count }
        var f5 = FigureFilter(); f5.kinds = [.award]; f5.award = "Huân chương"; f5.period = "2018-H1"
        time("stats --kind award --award 'Huân chương' --period 2018-H1 --group-by province", goal: 200, runs: 10) { try db.stats(f5, groupBy: ["province"]).count }
        // Quantities, percents, money and ratios are read from value_facts (one blob per
        // document), as awards are from award_facts.
        var f6 = FigureFilter(); f6.kinds = [.percent]
        time("stats --kind percent --group-by province (value facts)", goal: 200, runs: 30) { try db.stats(f6, groupBy: ["province"]).count }
        return 0
    }
}
