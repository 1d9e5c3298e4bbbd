import Foundation
import SolieuTestSupport
import Testing

/// What is generated from the CLI's definitions (scripts/gen-docs) is committed current: the shell
/// completions, and a man page naming every command and the exit statuses.
@Suite struct GeneratedDocsTests {
    @Test(arguments: ["bash", "zsh", "fish"]) func completionsAreCurrent(shell: String) throws {
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
}
