import Foundation
import GRDB
import SolieuIngest
import SolieuTestSupport
import Testing

/// The command line under hostile conditions (issue 13): full disks, databases given as outputs,
/// damaged and read-only files, racing writers, file names that are not UTF-8, terminal escape
/// sequences, DTD pages and odd arguments. Each test failed before its fix.
@Suite struct HardeningTests {
    /// A folder with three corpus bulletins ingested into `x.db`.
    static func indexed() throws -> (Scratch, String) {
        let scratch = Scratch()
        let input = scratch.path("in")
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        for name in Project.files(in: "corpus", suffix: ".txt").prefix(3) {
            try FileManager.default.copyItem(atPath: Project.path("corpus/\(name)"), toPath: input + "/" + name)
        }
        let db = scratch.path("x.db")
        let (status, _, err) = try SolieuBinary.run(["ingest", input, "--db", db, "--quiet"])
        #expect(status == 0, "\(err)")
        return (scratch, db)
    }

    static func bytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

    // MARK: 1. output errors

    @Test func writeErrorsOnStandardOutputAreMessagesNotCrashes() throws {
        let (scratch, db) = try Self.indexed()
        defer { scratch.cleanup() }
        for command in ["stats --db x.db", "figures --db x.db", "search 'thi đua' --db x.db", "export --db x.db", "audit --db x.db", "db status --db x.db"] {
            let (status, _, err) = try SolieuBinary.shell("\"$SOLIEU\" \(command) > /dev/full", in: scratch.url.path)
            #expect(status == 2, "\(command): \(status) \(err)")
            #expect(err.contains("cannot write to standard output: No space left on device"), "\(command): \(err)")
        }
        _ = db
        // A reader that stops early (`| head`) ends the command quietly.
        let (status, out, err) = try SolieuBinary.shell("(\"$SOLIEU\" export --db x.db; echo $? > st) | head -c 10 >/dev/null; cat st", in: scratch.url.path)
        #expect(status == 0 && out == "0\n" && err.isEmpty, "\(out) \(err)")
    }

    // ThreadSanitizer's own runtime dies (SIGBUS) under a file-size limit; the plain and
    // AddressSanitizer runs hold this test.
    @Test(.disabled(if: ProcessInfo.processInfo.environment["SOLIEU_SANITIZER"] == "thread", "a file-size limit faults the TSan runtime"))
    func anOutFileIsCompleteOrNotWritten() throws {
        let (scratch, _) = try Self.indexed()
        defer { scratch.cleanup() }
        // A good export first (over 90 KB); then one that hits an 80 KB file-size limit, as a disk
        // that fills would (sh counts 512-byte blocks; the limit leaves room for the 32 KB -shm file).
        let (ok, _, okErr) = try SolieuBinary.run(["export", "--db", scratch.path("x.db"), "--out", scratch.path("f.csv")])
        #expect(ok == 0, "\(okErr)")
        let good = Self.bytes(scratch.path("f.csv"))
        #expect(good.count > 90_000)
        let (status, _, err) = try SolieuBinary.shell("ulimit -f 160; \"$SOLIEU\" export --db x.db --out f.csv", in: scratch.url.path)
        #expect(status == 2, "\(err)")
        #expect(err.contains("cannot write") && err.contains("f.csv") && err.contains("File too large"), "\(err)")
        #expect(Self.bytes(scratch.path("f.csv")) == good, "the previous export was replaced by a partial one")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.contains("solieu-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func noTrapsOutsideTests() throws {
        // try! and fatalError() end the process with a trap; input and the environment must not reach one.
        var offenders: [String] = []
        let sources = Project.path("Sources")
        let walker = FileManager.default.enumerator(atPath: sources)
        while let file = walker?.nextObject() as? String {
            guard file.hasSuffix(".swift") else { continue }
            let text = Project.text("Sources/" + file)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains("try!") || line.contains("fatalError(") {
                offenders.append("\(file):\(n + 1)")
            }
        }
        #expect(offenders.isEmpty, "\(offenders)")
    }

    // MARK: 2. long queries

    @Test func longQueriesAreRefusedAtOnceAndOthersStayValid() throws {
        let (scratch, db) = try Self.indexed()
        defer { scratch.cleanup() }
        let thousand = Array(repeating: "thi đua", count: 500).joined(separator: " ")
        let (s1, _, e1) = try SolieuBinary.run(["search", thousand, "--db", db], timeout: 20)
        #expect(s1 == 2 && e1.contains("at most 1000 are allowed"), "\(s1) \(e1)")
        // 126 words used to overflow the ranking function's arguments (an SQL error).
        let many = (0..<126).map { "từ\($0)" }.joined(separator: " ")
        let (s2, _, e2) = try SolieuBinary.run(["search", many, "--db", db], timeout: 20)
        #expect(s2 == 2 && e2.contains("at most 64 are allowed") && !e2.contains("SQL"), "\(s2) \(e2)")
        let sixty = Array(repeating: "thi", count: 60).joined(separator: " ")
        let (s3, out3, e3) = try SolieuBinary.run(["search", sixty, "--db", db, "--format", "json"], timeout: 20)
        #expect(s3 == 0 && out3.contains("\"id\""), "\(s3) \(e3)")
        // Abbreviations expand: many of them are counted after expansion.
        let expanded = Array(repeating: "UBND HĐND", count: 30).joined(separator: " OR ")
        let (s4, _, e4) = try SolieuBinary.run(["search", expanded, "--db", db], timeout: 20)
        #expect(s4 == 2 && e4.contains("phrases"), "\(s4) \(e4)")
    }

    // MARK: 3. --out

    @Test func outNeverOverwritesTheDatabase() throws {
        let (scratch, db) = try Self.indexed()
        defer { scratch.cleanup() }
        let before = Self.bytes(db)
        for target in [db, db + "-wal", db + "-shm", scratch.path("./x.db")] {
            for command in [["audit"], ["export"]] {
                let (status, _, err) = try SolieuBinary.run(command + ["--db", db, "--out", target])
                #expect(status == 2 && err.contains("that is the database"), "\(command) \(target): \(err)")
            }
        }
        #expect(Self.bytes(db) == before)
        let (status, _, err) = try SolieuBinary.run(["export", "--db", db, "--out", scratch.url.path])
        #expect(status == 2 && err.contains("not a regular file"), "\(err)")
        // Checked before the work: the OS reason, and no audit summary before it.
        let (s2, _, e2) = try SolieuBinary.run(["audit", "--db", db, "--out", "/proc/x/report.html"])
        #expect(s2 == 2 && e2.contains("No such file or directory") && !e2.contains("checks"), "\(e2)")
    }

    // MARK: 4. file names

    @Test func fileNamesThatAreNotUTF8AreReadStoredAndShownEscaped() throws {
        let scratch = Scratch()
        defer { scratch.cleanup() }
        let dir = scratch.path("in")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let text = Array(Project.text("corpus/" + Project.files(in: "corpus", suffix: ".txt")[0]).utf8)
        // "bản tin \xE9.txt": Latin-1 é, not UTF-8.
        let name: [UInt8] = Array("bản tin ".utf8) + [0xE9] + Array(".txt".utf8)
        let full = Array(dir.utf8) + [0x2F] + name + [0]
        let fd = full.withUnsafeBufferPointer { p in p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: full.count) { open($0, O_WRONLY | O_CREAT, 0o644) } }
        #expect(fd >= 0)
        _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        // And a dangling symlink, which is reported, not skipped.
        try FileManager.default.createSymbolicLink(atPath: dir + "/gone.txt", withDestinationPath: dir + "/nowhere.txt")
        let db = scratch.path("x.db")
        let (status, _, err) = try SolieuBinary.run(["ingest", dir, "--db", db])
        #expect(status == 2, "\(err)")
        #expect(err.contains("gone.txt: broken symbolic link"), "\(err)")
        #expect(err.contains("1 new"), "\(err)")
        let queue = try DatabaseQueue(path: db)
        let stored = try queue.read { try String.fetchAll($0, sql: "SELECT path FROM sources") }
        #expect(stored.count == 1)
        #expect(RawPath.bytes(stored[0]).suffix(name.count) == name[...], "the stored path is not the file's bytes")
        // Given directly, by its bytes: found (an unchanged file), and shown escaped.
        let (s2, out2, e2) = try SolieuBinary.shell("\"$SOLIEU\" extract \"$(printf 'in/b\\341\\272\\243n tin \\351.txt')\" --format table | head -2",
                                                    in: scratch.url.path)
        #expect(s2 == 0 && out2.contains("in/bản tin \\xE9.txt"), "\(out2) \(e2)")
    }

    // MARK: 5. racing creation

    @Test func fourIngestsCreatingOneDatabaseAllSucceed() throws {
        let scratch = Scratch()
        defer { scratch.cleanup() }
        let corpus = Project.path("corpus")
        for round in 0..<20 {
            let db = "race\(round).db"
            let script = (0..<4).map { _ in "\"$SOLIEU\" ingest \(corpus) --db \(db) --quiet --jobs 1 & " }.joined() +
                "fail=0; for j in $(jobs -p); do wait $j || fail=1; done; exit $fail"
            let (status, _, err) = try SolieuBinary.shell(script, in: scratch.url.path)
            #expect(status == 0, "round \(round): \(err)")
            let queue = try DatabaseQueue(path: scratch.path(db))
            let docs = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM documents") }
            #expect(docs == 5, "round \(round)")
        }
    }

    // MARK: 6. damaged files

    @Test func aDamagedDatabaseGetsOneClearLineAndNoWrite() throws {
        let (scratch, db) = try Self.indexed()
        defer { scratch.cleanup() }
        // Garbage over pages 3 to 12 (the ingest ended: the log is checkpointed into the file).
        var data = Self.bytes(db)
        #expect(data.count > 16 * 4096)
        for i in (2 * 4096)..<(12 * 4096) { data[i] = UInt8(truncatingIfNeeded: i &* 131) }
        FileManager.default.createFile(atPath: db, contents: data)
        for command in [["search", "thi đua"], ["figures"], ["stats", "--kind", "award"], ["show", "1"], ["export"]] {
            let (status, _, err) = try SolieuBinary.run(command + ["--db", db])
            #expect(status == 2, "\(command): \(status) \(err)")
            #expect(err.split(separator: "\n").count == 1, "\(command): \(err)")
            #expect(!err.contains("SELECT") && !err.contains("SQLite error"), "\(command): \(err)")
            #expect(err.contains("damaged") || err.contains("not a database"), "\(command): \(err)")
        }
        let input = scratch.path("in")
        FileManager.default.createFile(atPath: input + "/new.txt", contents: Data("Trao 5 Bằng khen cho 5 tập thể năm 2020 tại tỉnh Bến Tre, theo báo cáo mới của tỉnh.".utf8))
        let (status, _, err) = try SolieuBinary.run(["ingest", input, "--db", db])
        #expect(status == 2 && err.contains("damaged"), "\(err)")
        #expect(Self.bytes(db) == data, "ingest wrote into a damaged file")
        let (check, out, checkErr) = try SolieuBinary.run(["db", "check", "--db", db])
        #expect(check == 1 && out.contains("damaged") && out.contains("Rebuild"), "\(out) \(checkErr)")
    }

    @Test func dbCheckPassesASoundDatabase() throws {
        let (scratch, db) = try Self.indexed()
        defer { scratch.cleanup() }
        let (status, out, err) = try SolieuBinary.run(["db", "check", "--db", db])
        #expect(status == 0 && out.contains("integrity: ok") && out.contains("search index: ok"), "\(out) \(err)")
        let (s2, out2, _) = try SolieuBinary.run(["db", "status", "--db", db, "--format", "json"])
        #expect(s2 == 0 && out2.contains("\"documents\" : 3"), "\(out2)")
    }

    // MARK: 7. read-only commands

    @Test func queryCommandsNeverChangeTheFile() throws {
        let (scratch, db) = try Self.indexed()
        defer { scratch.cleanup() }
        let before = Self.bytes(db)
        let commands: [[String]] = [["search", "thi đua"], ["figures"], ["stats"], ["stats", "--kind", "award", "--group-by", "award"], ["show", "1"],
                                    ["export"], ["export", "--format", "jsonl", "--out", scratch.path("e.jsonl")], ["audit"], ["db", "status"]]
        for command in commands {
            let (status, _, err) = try SolieuBinary.run(command + ["--db", db])
            #expect(status == 0 || (command == ["audit"] && status == 1), "\(command): \(err)")
            #expect(Self.bytes(db) == before, "\(command) changed the database")
        }
        // A newer schema is refused untouched; an older one is upgraded only on request.
        let queue = try DatabaseQueue(path: db)
        try queue.write { try $0.execute(sql: "PRAGMA user_version = 99") }
        try queue.close()
        let newer = Self.bytes(db)
        let (s1, _, e1) = try SolieuBinary.run(["stats", "--db", db])
        #expect(s1 == 2 && e1.contains("newer solieu") && Self.bytes(db) == newer, "\(e1)")
        let (s2, _, e2) = try SolieuBinary.run(["ingest", scratch.path("in"), "--db", db])
        #expect(s2 == 2 && e2.contains("newer solieu") && Self.bytes(db) == newer, "\(e2)")
    }

    @Test func aZeroByteDatabaseIsAnErrorAndStaysEmpty() throws {
        let scratch = Scratch()
        defer { scratch.cleanup() }
        let db = scratch.write("empty.db", "")
        for command in [["search", "thi"], ["stats"], ["figures"], ["audit"]] {
            let (status, _, err) = try SolieuBinary.run(command + ["--db", db])
            #expect(status == 2 && err.contains("empty file"), "\(command): \(err)")
        }
        #expect(Self.bytes(db).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: db + "-wal"))
    }

    // MARK: smaller ones

    @Test func controlCharactersNeverReachTheTextOrTheTerminal() throws {
        let scratch = Scratch()
        defer { scratch.cleanup() }
        let file = scratch.write("esc.txt", "Tin \u{1B}[2J\u{1B}[31mRED\u{1B}[0m\u{1B}]0;owned\u{07} thi đua\u{9B}1m: trao 5 Bằng khen cho 5 tập thể năm 2020.\n")
        let (status, out, _) = try SolieuBinary.run(["article", file, "--format", "json"])
        #expect(status == 0)
        #expect(!out.contains("\\u001b") && !out.contains("2J") && !out.contains("owned") && out.contains("Tin RED thi đua"), "\(out)")
        let (_, figures, _) = try SolieuBinary.run(["extract", file, "--format", "table"])
        #expect(!figures.contains("\tquantity\t"), "\(figures)")
        #expect(figures.contains("Bằng khen ×5 tập thể"), "\(figures)")
        // A file name with a newline cannot forge an error line.
        let (s2, _, e2) = try SolieuBinary.run(["article", scratch.path("a\nsolieu: all good.txt")])
        #expect(s2 == 2 && e2.split(separator: "\n").count == 1 && e2.contains("a\\nsolieu: all good.txt"), "\(e2)")
    }

    @Test func billionLaughsDTDIsNeverText() throws {
        let scratch = Scratch()
        defer { scratch.cleanup() }
        let page = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
             <!ENTITY lol "lol">
             <!ELEMENT lolz (#PCDATA)>
             <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
             <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
            ]>
            <lolz>&lol2;</lolz><p>Trao tặng Bằng khen cho 12 tập thể và 30 cá nhân có thành tích xuất sắc trong năm 2023 tại tỉnh Đồng Nai.</p>
            """
        let file = scratch.write("lol.html", page)
        let (status, out, err) = try SolieuBinary.run(["article", file])
        #expect(status == 0, "\(err)")
        #expect(out.contains("Trao tặng Bằng khen cho 12 tập thể") && !out.contains("ENTITY") && !out.contains("]>"), "\(out)")
    }

    @Test func ingestCountsWarningsAndKeepsThemWithTheSource() throws {
        let scratch = Scratch()
        defer { scratch.cleanup() }
        let dir = scratch.path("in")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // Invalid UTF-8 inside an otherwise Vietnamese text: the bytes are replaced, with a warning.
        let bytes = Array("Ủy ban nhân dân tỉnh trao 5 Bằng khen cho 5 tập thể năm 2020 ".utf8) + [0xFF, 0xFE, 0x80] +
            Array(" và 12 cá nhân có thành tích xuất sắc trong phong trào thi đua yêu nước.\n".utf8)
        _ = scratch.write("in/a.txt", bytes: bytes)
        _ = scratch.write("in/clip.mp4", "\u{FF}\u{D8}")
        let db = scratch.path("x.db")
        let (status, _, err) = try SolieuBinary.run(["ingest", dir, "--db", db, "--verbose"])
        #expect(status == 0, "\(err)")
        #expect(err.contains("1 with warnings"), "\(err)")
        #expect(err.contains("a.txt: warning:"), "\(err)")
        #expect(err.contains("1 file in folders skipped for their type (.mp4 1)"), "\(err)")
        let queue = try DatabaseQueue(path: db)
        let kept = try queue.read { try String.fetchOne($0, sql: "SELECT warnings FROM sources") }
        #expect(kept?.isEmpty == false)
    }

    @Test func argumentsSayWhatIsWrong() throws {
        let (scratch, db) = try Self.indexed()
        defer { scratch.cleanup() }
        // A query that starts with '-' is the query, not an unknown option (and not the help).
        let (s1, out1, e1) = try SolieuBinary.run(["search", "-thi", "--db", db])
        #expect(s1 == 2 && !out1.contains("USAGE") && e1.contains("only exclusions"), "\(out1) \(e1)")
        let (s2, _, e2) = try SolieuBinary.run(["search", "--db", db, "--", "-thi"])
        #expect(s2 == 2 && e2.contains("only exclusions"), "\(e2)")
        let (s3, _, e3) = try SolieuBinary.run(["figures", "--limit", "-1", "--db", db])
        #expect(s3 != 0 && e3.contains("--limit must be") && !e3.contains("Missing value"), "\(e3)")
        let (s4, _, e4) = try SolieuBinary.run(["ingest", scratch.path("in"), "--jobs", "-1", "--db", db])
        #expect(s4 != 0 && e4.contains("--jobs must be between 1 and 256, got -1"), "\(e4)")
        let (s5, _, e5) = try SolieuBinary.run(["figures", "--kind", "", "--db", db])
        #expect(s5 != 0 && e5.contains("--kind: empty"), "\(e5)")
        // A FIFO is refused before anything is read: no hang.
        #expect(mkfifo(scratch.path("pipe.txt"), 0o644) == 0)
        let (s6, _, e6) = try SolieuBinary.run(["extract", scratch.path("pipe.txt")], timeout: 20)
        #expect(s6 == 2 && e6.contains("not a regular file"), "\(s6) \(e6)")
        let (s7, _, e7) = try SolieuBinary.run(["ingest", scratch.path("pipe.txt"), "--db", db], timeout: 20)
        #expect(s7 == 2 && e7.contains("not a regular file"), "\(s7) \(e7)")
    }

    @Test func maxSizeRefusesLargeFiles() throws {
        let scratch = Scratch()
        defer { scratch.cleanup() }
        let file = scratch.write("big.txt", String(repeating: "Trao 5 Bằng khen cho 5 tập thể năm 2020. ", count: 40_000))
        let (status, _, err) = try SolieuBinary.run(["ingest", file, "--db", scratch.path("x.db"), "--max-size", "1"])
        #expect(status == 2 && err.contains("over the 1048576-byte limit"), "\(err)")
        let (s2, _, e2) = try SolieuBinary.run(["extract", file, "--max-size", "1"])
        #expect(s2 == 2 && e2.contains("over the 1048576-byte limit"), "\(e2)")
    }
}
