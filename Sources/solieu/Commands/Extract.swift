import ArgumentParser
import Foundation
import SolieuExtract
import SolieuIngest

/// `solieu extract FILE... [--format jsonl|table|json]`: ingest + text + extraction, one record per figure.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print every figure (counts, percentages, money, dates, periods, document numbers, awards) of each file."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, table, json }

    @Argument(help: "HTML or text files or folders; '-' reads standard input.")
    var inputs: [String]

    @Option(help: "jsonl (one JSON object per figure), table, or json (one array per run).")
    var format: Format = .jsonl

    struct Record: Encodable {
        var doc: String
        var figure: Figure
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(doc, forKey: Key("doc"))
            try figure.encode(to: encoder)
        }
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(_ s: String) { stringValue = s }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
    }

    @Option(name: .customLong("max-size"), help: "Refuse files larger than this many MB (default 64).")
    var maxSize: Double = 64

    func validate() throws {
        guard maxSize > 0 && maxSize <= 1024 else { throw ValidationError("--max-size must be between 0 and 1024 (MB), got \(maxSize)") }
    }

    func run() throws {
        let files = InputFiles.expand(inputs)
        for problem in files.problems { Output.error(problem) }
        var failed = 0
        var all: [Record] = []
        if format == .table {
            Output.print("doc\tkind\tstart\tend\tsentence\ttext\tvalue")
        }
        for file in files.paths {
            do {
                let article = try Ingest.article(file: file, limit: Int(maxSize * 1_048_576))
                for w in article.warnings { Output.error("\(RawPath.display(file)): warning: \(w)") }
                for figure in Extractor.extract(article.text, published: article.published) {
                    let record = Record(doc: RawPath.display(file), figure: figure)
                    switch format {
                    case .jsonl: Output.print(try Output.json(record))
                    case .json: all.append(record)
                    case .table: Output.print([RawPath.display(file), figure.kind.rawValue, "\(figure.start)", "\(figure.end)", "\(figure.sentence)",
                                               figure.text, Self.value(figure)].joined(separator: "\t"))
                    }
                }
            } catch {
                Output.error(String(describing: error))
                failed += 1
            }
        }
        if format == .json { Output.print(try Output.json(all)) }
        failed += files.problems.count
        if failed > 0 { throw ExitCode(2) }
    }

    static func value(_ f: Figure) -> String {
        switch f.kind {
        case .quantity, .percent: return (f.number.map { String($0) } ?? "") + (f.unit.map { " " + $0 } ?? "")
        case .money: return (f.number.map { String(format: "%.0f", $0) } ?? "") + " " + (f.currency ?? "")
        case .ratio: return "\(f.numerator ?? 0)/\(f.denominator ?? 0) \(f.unit ?? "")"
        case .range: return "\(f.from ?? 0)-\(f.to ?? 0) \(f.unit ?? "")"
        case .date, .period: return f.calendar ?? ""
        case .docref: return [f.docType, f.docNumber, f.docDate].compactMap { $0 }.joined(separator: " ")
        case .award: return "\(f.award ?? "") ×\(f.count ?? 0) \(f.recipient ?? "")" + (f.conferrer.map { " (\($0))" } ?? "")
        }
    }
}
