import Foundation
import GRDB
import SolieuGen
@testable import SolieuIndex
import SolieuTestSupport
import Testing

/// Batch ingest: idempotent, replaces changed files, one document for two paths, bad files
/// reported without stopping the batch or losing what was indexed, crash-safe.
@Suite(.serialized) struct BatchTests {
    static let bulletinA = "Tổng kết thi đua năm 2018\n\nNgày: 18.07.2018\n\nChủ tịch UBND tỉnh Gia Lai tặng Bằng khen cho 12 tập thể, 30 cá nhân."
    static let bulletinB = "Sơ kết 6 tháng đầu năm 2019\n\nNgày: 10.07.2019\n\nUBND tỉnh Cao Bằng tặng Bằng khen cho 4 tập thể."

    /// Each file's fate is reported as it is done, and a file that is not a bulletin is named,
    /// not stored, unless forced.
    @Test func fatesAndFilesThatAreNotBulletins() throws {
        let s = Scratch()
        defer { s.cleanup() }
        let a = s.write("in/a.txt", Self.bulletinA)
        let copy = s.write("in/copy.txt", Self.bulletinA)
        let licence = s.write("in/LICENSE.txt", String(repeating: "Permission is hereby granted, free of charge, to any person. ", count: 4))
        let db = try SolieuDatabase(path: s.path("x.db"))
        let fates = Fates()
        let summary = try BatchIngest(database: db, jobs: 1).run(paths: [a, copy, licence]) { p in if let l = p.last { fates.add(l) } }
        // In the order they are done (files the writer need not store come first).
        func byName(_ f: Fates) -> [String: BatchIngest.FileFate.Fate] {
            Dictionary(uniqueKeysWithValues: f.all.map { (URL(fileURLWithPath: $0.path).lastPathComponent, $0.fate) })
        }
        #expect(byName(fates) == ["a.txt": .new, "copy.txt": .sameArticle, "LICENSE.txt": .notBulletin])
        #expect(summary.progress.notBulletins == 1 && summary.progress.done == 3)
        #expect(summary.notBulletins.first?.reason.hasPrefix("not Vietnamese") == true)
        #expect(try db.summary().documents == 1)
        let again = Fates()
        _ = try BatchIngest(database: db, jobs: 1).run(paths: [a, licence]) { p in if let l = p.last { again.add(l) } }
        #expect(byName(again) == ["a.txt": .unchanged, "LICENSE.txt": .notBulletin])
        let forced = try BatchIngest(database: db, jobs: 1, force: true).run(paths: [licence])
        #expect(forced.progress.added == 1 && forced.notBulletins.isEmpty)
    }

    final class Fates: @unchecked Sendable {
        private(set) var all: [BatchIngest.FileFate] = []
        private let lock = NSLock()
        func add(_ f: BatchIngest.FileFate) { lock.withLock { all.append(f) } }
    }

    @Test func secondRunSkipsAndChangedFileReplaces() throws {
        let s = Scratch()
        defer { s.cleanup() }
        let a = s.write("in/a.txt", Self.bulletinA)
        let b = s.write("in/b.txt", Self.bulletinB)
        let db = try SolieuDatabase(path: s.path("x.db"))
        let first = try BatchIngest(database: db, jobs: 2).run(paths: [a, b]).progress
        #expect(first.added == 2)
        let second = try BatchIngest(database: db, jobs: 2).run(paths: [a, b]).progress
        #expect(second.unchanged == 2 && second.added == 0)

        _ = s.write("in/a.txt", Self.bulletinA.replacingOccurrences(of: "12 tập thể", with: "15 tập thể"))
        let third = try BatchIngest(database: db, jobs: 2).run(paths: [a, b]).progress
        #expect(third.replaced == 1 && third.unchanged == 1)
        var filter = FigureFilter()
        filter.kinds = [.award]
        filter.recipient = "tập thể"
        filter.province = "Gia Lai"
        #expect(try db.figures(filter).map(\.count) == [15])
        // The award stats read the replaced document's facts, not the old ones.
        var awards = FigureFilter()
        awards.kinds = [.award]
        awards.province = "Gia Lai"
        #expect(try db.stats(awards, groupBy: ["recipient"]).map { $0.sum } == [30, 15])
        #expect(try db.stats(awards, groupBy: ["recipient"]).map { $0.sum } == (try db.statsSQL(awards, groupBy: ["recipient"])).map { $0.sum })
        let summary = try db.summary()
        #expect(summary.documents == 2 && summary.sources == 2)
        #expect(try db.integrityCheck() == "ok")
        // The kinds facet's bits follow the replaced document's figures; the old row is gone.
        try db.pool.read { db in
            let stored = try Row.fetchAll(db, sql: "SELECT document_id, kinds FROM document_kinds ORDER BY 1").map { [$0[0], $0[1]] as [Int64] }
            let derived = try Row.fetchAll(db, sql: "SELECT id >> 20, sum(DISTINCT 1 << kind) FROM figure_rows GROUP BY 1 ORDER BY 1").map { [$0[0], $0[1]] as [Int64] }
            #expect(stored == derived && stored.count == 2)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM document_kinds WHERE document_id NOT IN (SELECT id FROM documents)") == 0)
        }
    }

    @Test func oneArticleThroughTwoPathsIsOneDocument() throws {
        let s = Scratch()
        defer { s.cleanup() }
        let a = s.write("site1/a.txt", Self.bulletinA)
        let copy = s.write("site2/a-copy.txt", Self.bulletinA + "\n\nSố lần đọc: 57")  // boilerplate differs, article does not
        let db = try SolieuDatabase(path: s.path("x.db"))
        let p = try BatchIngest(database: db, jobs: 1).run(paths: [a, copy]).progress
        #expect(p.added == 1 && p.newSources == 1)
        let doc = try db.document("a.txt")
        #expect(doc.sources.count == 2)
        #expect(try db.summary().figures == doc.figures.count)
    }

    @Test func badFilesAreReportedAndNothingIndexedIsLost() throws {
        let s = Scratch()
        defer { s.cleanup() }
        let a = s.write("a.txt", Self.bulletinA)
        let b = s.write("b.txt", Self.bulletinB)
        let db = try SolieuDatabase(path: s.path("x.db"))
        _ = try BatchIngest(database: db, jobs: 2).run(paths: [a, b])
        // b becomes garbage; an empty file and a missing one join the batch.
        _ = s.write("b.txt", bytes: [0x00, 0xFF, 0x00, 0x01, 0x02, 0x00, 0x00, 0x7F] + Array(repeating: 0, count: 100))
        let empty = s.write("empty.txt", "")
        let summary = try BatchIngest(database: db, jobs: 2).run(paths: [a, b, empty, s.path("missing.txt")])
        #expect(summary.progress.failed == 3)
        #expect(summary.progress.unchanged == 1)
        let reasons = summary.failures.map(\.reason).sorted()
        #expect(reasons.contains { $0.contains("b.txt") && $0.contains("binary") })
        #expect(reasons.contains { $0.contains("empty.txt") && $0.contains("empty") })
        #expect(reasons.contains { $0.contains("missing.txt") && $0.contains("no such file") })
        // What b said before is still there.
        #expect(try db.summary().documents == 2)
        #expect(try db.summary().failures == 3)
    }

    /// Files are stored many to a transaction, each in a savepoint: one that cannot be stored
    /// is rolled back alone (the words it added with it) and the others of its batch stay.
    @Test func aFileThatCannotBeStoredLeavesItsBatch() throws {
        let s = Scratch()
        defer { s.cleanup() }
        let db = try SolieuDatabase(path: s.path("x.db"))
        try db.pool.write { try $0.execute(sql: "CREATE TRIGGER refuse BEFORE INSERT ON sources WHEN NEW.path LIKE '%bad.txt' BEGIN SELECT RAISE(ABORT, 'refused by test'); END") }
        let bad = "Tổng kết năm 2017\n\nNgày: 02.01.2017\n\nChủ tịch nước tặng Huân chương Lao động hạng Ba cho 3 tập thể."
        let preparer = Preparer()
        let docs = try [("a.txt", Self.bulletinA), ("bad.txt", bad), ("b.txt", Self.bulletinB)].map { name, text in
            try preparer.prepare(path: s.write(name, text), bytes: Array(text.utf8))
        }
        let results = db.store(batch: docs)
        #expect(results.map { (try? $0.get()) != nil } == [true, false, true])
        if case .failure(let error) = results[1] { #expect("\(error)".contains("refused by test")) }
        let summary = try db.summary()
        #expect(summary.documents == 2 && summary.sources == 2)
        var filter = FigureFilter()
        filter.kinds = [.award]
        #expect(try db.figures(filter).compactMap(\.award).sorted() == ["Bằng khen", "Bằng khen", "Bằng khen"])
        // The refused file's award title went with it; stored again without the trigger, it
        // gets an id that exists.
        try db.pool.write { try $0.execute(sql: "DROP TRIGGER refuse") }
        #expect(db.store(batch: [docs[1]]).map { (try? $0.get()) != nil } == [true])
        #expect(try db.figures(filter).compactMap(\.award).filter { $0.hasPrefix("Huân chương") }.count == 1)
        #expect(try db.integrityCheck() == "ok")
    }

    @Test func readersAreNotBlockedByAnOpenWrite() throws {
        let s = Scratch()
        defer { s.cleanup() }
        let path = s.path("x.db")
        let db = try SolieuDatabase(path: path)
        _ = try BatchIngest(database: db, jobs: 1).run(paths: [s.write("a.txt", Self.bulletinA)])
        let reader = try SolieuDatabase(path: path, create: false)
        let started = DispatchSemaphore(value: 0), readDone = DispatchSemaphore(value: 0)
        let writer = Thread {
            try? db.holdWriteTransaction {
                started.signal()
                readDone.wait()  // the write stays open until the reader has finished
            }
        }
        writer.start()
        started.wait()
        // Blocking here would deadlock against the writer (and fail on the busy timeout).
        let count = try reader.summary().documents
        readDone.signal()
        #expect(count == 1)
    }

    /// kill -9 at several moments of a real `solieu ingest`, then the same command again: every
    /// file exactly once, the database sound.
    @Test func killedIngestResumesToExactlyOnce() throws {
        guard SolieuBinary.path != nil else {
            Issue.record("solieu executable not found next to the tests")
            return
        }
        let s = Scratch()
        defer { s.cleanup() }
        let gen = BulletinGenerator(provinces: [("Kiên Giang", "kiengiang"), ("Gia Lai", "gialai"), ("Cao Bằng", "caobang")],
                                    corpus: Seeds.paths.map { Project.text(String($0.dropFirst(Project.root.path.count + 1))) })
        let count = 300
        for i in 0..<count { _ = s.write("corpus/" + gen.bulletin(i, seed: 7).path, gen.bulletin(i, seed: 7).content) }
        let db = s.path("crash.db")
        let args = ["ingest", s.path("corpus"), "--db", db, "--jobs", "2", "--quiet"]
        for delay in [0.15, 0.4, 0.8] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: SolieuBinary.path!)
            p.arguments = args
            p.standardError = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: delay)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
        }
        let (status, _, err) = try SolieuBinary.run(args)
        #expect(status == 0, "\(err)")
        let database = try SolieuDatabase(path: db, create: false)
        let integrity = try database.integrityCheck()
        #expect(integrity == "ok", "\(integrity)")
        let check = try database.consistency()
        #expect(check.sources == count)
        #expect(check.orphanFigures == 0 && check.documentsWithoutSource == 0)
        #expect(check.searchRows == check.documents)
        // A further run changes nothing.
        let (again, _, _) = try SolieuBinary.run(args)
        #expect(again == 0)
        #expect(try database.consistency() == check)
    }
}
