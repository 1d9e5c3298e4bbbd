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
        if format == .table {
            Output.print("doc\tkind\tstart\tend\tsentence\ttext\tvalue")
        }
        // Figures are printed a block at a time (Extractor.eachBlock): a huge file never holds
        // all of its figures. `json` is one array, written as its elements come.
        var first = true
        if format == .json { Output.print("[") }
        for file in files.paths {
            do {
                let article = try Ingest.article(file: file, limit: Int(maxSize * 1_048_576))
                for w in article.warnings { Output.error("\(RawPath.display(file)): warning: \(w)") }
                let doc = RawPath.display(file)
                var failure: Error?
                Extractor.eachBlock(article.text, published: article.published) { figures, _ in
                    guard failure == nil else { return }
                    do {
                        for figure in figures {
                            switch format {
                            case .jsonl: Output.print(try Output.json(Record(doc: doc, figure: figure)))
                            case .json:
                                Output.print((first ? "" : ",") + (try Output.json(Record(doc: doc, figure: figure))))
                                first = false
                            case .table: Output.print([doc, figure.kind.rawValue, "\(figure.start)", "\(figure.end)", "\(figure.sentence)",
                                                       figure.text, Self.value(figure)].joined(separator: "\t"))
                            }
                        }
                    } catch { failure = error }
                }
                if let failure { throw failure }
            } catch {
                Output.error(String(describing: error))
                failed += 1
            }
        }
        if format == .json { Output.print("]") }
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
