import Foundation
import SolieuTestSupport
import Testing

/// Command-line conventions (issue 14): exit codes, suggestions, NO_COLOR and dumb terminals,
/// '-' for standard output, NUL-separated path lists, one --format vocabulary.
@Suite struct ConventionsTests {
    @Test func mistypedCommandsGetASuggestionAndStatus64() throws {
        let (s1, _, e1) = try SolieuBinary.run(["serach", "thi đua"])
        #expect(s1 == 64 && e1.contains("unknown command 'serach'; did you mean 'search'?"), "\(s1) \(e1)")
        let (s2, _, e2) = try SolieuBinary.run(["figurs"])
        #expect(s2 == 64 && e2.contains("did you mean 'figures'?"), "\(e2)")
        let (s3, _, e3) = try SolieuBinary.run(["zzz"])
        #expect(s3 == 64 && e3.contains("use one of ingest, search"), "\(e3)")
        let (s4, _, e4) = try SolieuBinary.run(["figures", "--kind", "award", "--limit", "x"])
        #expect(s4 == 64, "\(e4)")
    }

    /// On a terminal (a pty from script(1)) search highlights matches; NO_COLOR and TERM=dumb
    /// keep the plain markers.
    @Test func noColorAndDumbTerminals() throws {
        let (scratch, db) = try HardeningTests.indexed()
        defer { scratch.cleanup() }
        func onTerminal(_ env: String) throws -> String {
            // The test runner's own NO_COLOR and TERM are set aside.
            let (_, out, _) = try SolieuBinary.shell("env -u NO_COLOR TERM=xterm \(env) script -qec '\"$SOLIEU\" search \"thi đua\" --db \(db) --limit 1' /dev/null", in: scratch.url.path)
            return out
        }
        let styled = try onTerminal("")
        #expect(styled.contains("\u{1B}[1m"), "\(styled)")
        for env in ["NO_COLOR=1", "TERM=dumb"] {
            let out = try onTerminal(env)
            #expect(!out.contains("\u{1B}[") && out.contains("["), "\(env): \(out)")
        }
    }

    @Test func dashIsStandardOutputAndNulSeparatedPaths() throws {
        let scratch = Scratch()
        defer { scratch.cleanup() }
        let names = Project.files(in: "corpus", suffix: ".txt").prefix(2)
        // Paths with a space and a newline in their names, NUL-separated as find -print0 writes them.
        var list: [UInt8] = []
        for (i, n) in names.enumerated() {
            let path = scratch.path(i == 0 ? "a b.txt" : "c\nd.txt")
            try FileManager.default.copyItem(atPath: Project.path("corpus/\(n)"), toPath: path)
            list += Array(path.utf8) + [0]
        }
        _ = scratch.write("list", bytes: list)
        let (status, _, err) = try SolieuBinary.shell("\"$SOLIEU\" ingest - --null --db x.db < list", in: scratch.url.path)
        #expect(status == 0 && err.contains("2 new"), "\(err)")
        let (s, out, e) = try SolieuBinary.run(["export", "--db", scratch.path("x.db"), "--out", "-", "--format", "jsonl"])
        #expect(s == 0 && out.split(separator: "\n").count > 20, "\(e)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("-")))
    }

    /// table, json, jsonl and csv mean the same in every listing command.
    @Test func oneFormatVocabulary() throws {
        let (scratch, db) = try HardeningTests.indexed()
        defer { scratch.cleanup() }
        for command in [["figures", "--kind", "award"], ["search", "thi đua"], ["stats", "--kind", "award", "--group-by", "recipient"]] {
            let (_, jsonl, e1) = try SolieuBinary.run(command + ["--db", db, "--format", "jsonl"])
            let lines = jsonl.split(separator: "\n")
            #expect(!lines.isEmpty && lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) is [String: Any] }, "\(command) \(e1)")
            let (_, json, _) = try SolieuBinary.run(command + ["--db", db, "--format", "json"])
            #expect(((try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [Any])?.count == lines.count, "\(command)")
            let (_, csv, _) = try SolieuBinary.run(command + ["--db", db, "--format", "csv"])
            #expect(csv.split(separator: "\r\n").count == lines.count + 1, "\(command)")
        }
        let (_, exported, _) = try SolieuBinary.run(["export", "--db", db, "--format", "json", "--kind", "award"])
        let (_, listed, _) = try SolieuBinary.run(["figures", "--db", db, "--format", "jsonl", "--kind", "award", "--all"])
        #expect(((try? JSONSerialization.jsonObject(with: Data(exported.utf8))) as? [Any])?.count == listed.split(separator: "\n").count)
    }
}
