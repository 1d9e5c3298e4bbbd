import Foundation
import SolieuTestSupport
import Testing

/// What is generated from the CLI's definitions (scripts/gen-docs) is committed current: the shell
/// completions, and a man page naming every command and the exit statuses.
@Suite struct GeneratedDocsTests {
    /// The AddressSanitizer build has no `serve` (Package.swift), so its completions differ.
    static let withoutServer = ProcessInfo.processInfo.environment["SOLIEU_SANITIZER"] == "address"

    @Test(.disabled(if: withoutServer, "the AddressSanitizer build has no serve command"), arguments: ["bash", "zsh", "fish"])
    func completionsAreCurrent(shell: String) throws {
        let (status, script, _) = try SolieuBinary.run(["--generate-completion-script", shell])
        #expect(status == 0)
        #expect(script.contains("ingest") && script.contains("measure"))
        #expect(script == Project.text("docs/completions/solieu.\(shell)"), "docs/completions/solieu.\(shell) is stale: run scripts/gen-docs")
    }

    @Test func manPageNamesEveryCommand() throws {
        let page = Project.text("docs/man/solieu.1")
        let (_, help, _) = try SolieuBinary.run(["--help"])
        // The subcommands as --help lists them: two spaces, a name, then its abstract.
        let commands = help.components(separatedBy: "SUBCOMMANDS:").last?.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = words.first, name.allSatisfy(\.isLowercase) else { return nil }
            return String(name)
        } ?? []
        #expect(commands.count >= 12, "\(commands)")
        for command in commands where command != "help" {
            #expect(page.contains(".It Em \(command)"), "docs/man/solieu.1 lacks \(command): run scripts/gen-docs")
        }
        #expect(page.contains("Exit status: 0 done; 1 the audit found a check that fails"))
        // Every option of figures is in it.
        let (_, figuresHelp, _) = try SolieuBinary.run(["figures", "--help"])
        let options = Set(figuresHelp.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," }).filter { $0.hasPrefix("--") && $0.count > 3 }.map(String.init))
        for option in options where option != "--help" {
            #expect(page.contains("Fl -\(option.dropFirst(2))"), "docs/man/solieu.1 lacks figures \(option)")
        }
    }

    /// scripts/install puts the binary, its man page and the completions under a prefix.
    @Test func installPutsManPageAndCompletions() throws {
        let s = Scratch()
        defer { s.cleanup() }
        let prefix = s.path("prefix")
        let (status, out, err) = try SolieuBinary.shell("SOLIEU_BIN=\"$SOLIEU\" scripts/install --prefix '\(prefix)'", in: Project.path("."))
        #expect(status == 0, "\(err)")
        #expect(out.contains("installed \(prefix)/bin/solieu"))
        for file in ["bin/solieu", "share/man/man1/solieu.1", "share/bash-completion/completions/solieu",
                     "share/zsh/site-functions/_solieu", "share/fish/vendor_completions.d/solieu.fish"] {
            #expect(FileManager.default.fileExists(atPath: "\(prefix)/\(file)"), "\(file)")
        }
        #expect(Project.text("docs/man/solieu.1") == (try String(contentsOfFile: "\(prefix)/share/man/man1/solieu.1", encoding: .utf8)))
        let (version, v, _) = try SolieuBinary.shell("'\(prefix)/bin/solieu' --version", in: s.url.path)
        #expect(version == 0 && !v.isEmpty)
        let (bad, _, message) = try SolieuBinary.shell("scripts/install --bogus", in: Project.path("."))
        #expect(bad == 64 && message.contains("unknown argument '--bogus'"))
    }
}
