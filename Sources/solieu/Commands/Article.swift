import ArgumentParser
import Foundation
import SolieuIngest

/// `solieu article FILE... [--format text|json]`: the clean article of each input.
struct ArticleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "article",
        abstract: "Print the clean article (and its metadata) of each HTML or text file."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "HTML (.html/.htm) or text (.txt) files or folders; '-' reads standard input.")
    var inputs: [String]

    @Option(help: "Output format: text (the article as a reader sees it) or json (text and metadata).")
    var format: Format = .text

    func run() throws {
        let files = InputFiles.expand(inputs)
        var failed = 0
        var first = true
        for file in files.paths {
            do {
                let article = try Ingest.article(file: file)
                for w in article.warnings { Output.error("\(RawPath.display(file)): warning: \(w)") }
                switch format {
                case .text:
                    if !first { Output.print("") }
                    if files.paths.count > 1 { Output.print("==> \(RawPath.display(file)) <==") }
                    Output.print(article.text)
                case .json:
                    Output.print(try Output.json(article))
                }
                first = false
            } catch {
                Output.error(String(describing: error))
                failed += 1
            }
        }
        for problem in files.problems { Output.error(problem); failed += 1 }
        if failed > 0 { throw ExitCode(2) }
    }
}
