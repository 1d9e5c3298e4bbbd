import ArgumentParser
import Foundation
import SolieuExtract
import SolieuIndex
import SolieuIngest
import SolieuText

/// `solieu extract FILE... [--format jsonl|table|json]`: ingest + text + extraction, one record per figure.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print every figure (counts, percentages, money, dates, periods, document numbers, awards) of each file."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, table, json, csv }

    @Argument(help: "HTML or text files or folders; '-' reads standard input.")
    var inputs: [String]

    @Option(help: "jsonl (one JSON object per figure), table, json (one array per run) or csv (the columns of `solieu export`).")
    var format: Format = .jsonl

    /// `sentences` are the block's, the first of them sentence number `sentenceBase`.
    static func record(_ f: Figure, number: Int, article: Article, source: String, sentences: [Sentences.Unit], sentenceBase: Int,
                       scalars: String.UnicodeScalarView) -> FigureRow {
        let local = f.sentence - sentenceBase
        let unit = local >= 0 && local < sentences.count ? sentences[local] : Sentences.Unit(start: f.start, end: f.end)
        let a = scalars.index(scalars.startIndex, offsetBy: unit.start), b = scalars.index(a, offsetBy: unit.end - unit.start)
        return FigureRow(unstored: f, number: number, article: article, source: source, sentence: String(scalars[a..<b]), unit: unit)
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
        if format == .csv { Output.print(FigureRecord.csvHeader + "\r") }
        for file in files.paths {
            do {
                let article = try Ingest.article(file: file, limit: Int(maxSize * 1_048_576))
                for w in article.warnings { Output.error("\(RawPath.display(file)): warning: \(w)") }
                let doc = RawPath.display(file)
                var failure: Error?
                var number = 0, sentenceBase = 0
                let scalars = article.text.unicodeScalars
                Extractor.eachBlock(article.text, published: article.published) { figures, sentences in
                    defer { sentenceBase += sentences.count }
                    guard failure == nil else { return }
                    do {
                        for var figure in figures {
                            defer { number += 1 }
                            // Text read by OCR: the figure's least sure word's confidence.
                            if let ocr = article.ocr { figure.confidence = ocr.confidence(start: figure.start, end: figure.end) }
                            func record() -> FigureRow {
                                Self.record(figure, number: number, article: article, source: doc, sentences: sentences,
                                            sentenceBase: sentenceBase, scalars: scalars)
                            }
                            switch format {
                            case .jsonl: Output.print(try Output.json(record()))
                            case .json:
                                Output.print((first ? "" : ",") + (try Output.json(record())))
                                first = false
                            case .csv:
                                let r = record()
                                Output.print(FigureRecord.csvLine(r) + "\r")
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
