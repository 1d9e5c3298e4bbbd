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

    @Option(name: .customLong("max-size"), help: "Refuse files larger than this many MB (default 64).")
    var maxSize: Double = 64

    func validate() throws {
        guard maxSize > 0 && maxSize <= 1024 else { throw ValidationError("--max-size must be between 0 and 1024 (MB), got \(maxSize)") }
    }

    func run() throws {
        let files = InputFiles.expand(inputs)
        for problem in files.problems { Output.error(problem) }
        var failed = 0
        var first = true
        for file in files.paths {
            do {
                let article = try Ingest.article(file: file, limit: Int(maxSize * 1_048_576))
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
        failed += files.problems.count
        if failed > 0 { throw ExitCode(2) }
    }
}
