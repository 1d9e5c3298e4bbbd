import ArgumentParser
import Foundation
import SolieuIngest
import SolieuText

/// `solieu tokens FILE [--words] [--sentences] [--format table|jsonl]`: what the text layer makes
/// of an article (after ingest): tokens with kinds and Unicode scalar offsets, words, sentences.
struct TokensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Show the tokens (with kinds and offsets), words or sentences of a file's article text."
    )
    enum Format: String, ExpressibleByArgument { case table, jsonl }

    @Argument(help: "An HTML or text file ('-' reads standard input).") var file: String
    @Flag(help: "Merge syllables into words (word segmentation).") var words = false
    @Flag(help: "One row per sentence instead of per token.") var sentences = false
    @Flag(help: "The abbreviations the text defines for itself (\"phong trào thi đua (PTTĐ)\").") var abbreviations = false
    @Option(help: "table or jsonl.") var format: Format = .table

    struct Row: Encodable {
        var sentence: Int
        var start: Int
        var end: Int
        var kind: String
        var text: String
    }

    func run() throws {
        let article: Article
        do { article = try Ingest.article(file: file) } catch {
            Output.error(String(describing: error))
            throw ExitCode(2)
        }
        let scalars = Array(article.text.unicodeScalars)
        let units = Sentences.split(scalars)
        var rows: [Row] = []
        if abbreviations {
            for d in Abbreviations.definitions(in: article.text) {
                var k = 0
                while k + 1 < units.count && units[k].end <= d.expansionStart { k += 1 }
                rows.append(Row(sentence: k, start: d.expansionStart, end: d.abbreviationEnd, kind: "abbreviation",
                                text: "\(d.abbreviation) = \(d.expansion)"))
            }
        } else if sentences {
            for (k, u) in units.enumerated() {
                rows.append(Row(sentence: k, start: u.start, end: u.end, kind: "sentence", text: String(String.UnicodeScalarView(scalars[u.start..<u.end]))))
            }
        } else {
            var tokens = Tokenizer.tokens(scalars)
            if words { tokens = WordSegmenter.bundled.words(scalars, tokens: tokens, sentences: units) }
            var k = 0
            for t in tokens {
                while k + 1 < units.count && units[k].end <= t.start { k += 1 }
                rows.append(Row(sentence: k, start: t.start, end: t.end, kind: t.kind.rawValue, text: t.text))
            }
        }
        switch format {
        case .jsonl:
            for r in rows { Output.print(try Output.json(r)) }
        case .table:
            var t = Table(columns: ["sentence", "start", "end", "kind", "text"], flexible: ["text"])
            t.rows = rows.map { ["\($0.sentence)", "\($0.start)", "\($0.end)", $0.kind, $0.text] }
            Output.print(t.render())
        }
    }
}
