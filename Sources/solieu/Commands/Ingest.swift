import ArgumentParser
import Foundation
import SolieuIndex
import SolieuIngest

/// `solieu ingest PATH... [--db FILE] [--jobs N] [--quiet]`: batch ingest into the index.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Ingest files and folders (recursively) into the index; '-' reads a list of paths from standard input.",
        discussion: """
            Files are read by their content, whatever their extension: HTML pages, text, DOCX, ODT \
            and DOC reports, and PDF text layers (folders are walked for .html, .htm, .txt, .docx, .odt, .doc, .pdf and the like). Unchanged files are skipped; a changed file replaces what it said before; the same article reached \
            through two paths is one document with two sources, and so is a near-identical copy (another byline, \
            page furniture, a sentence reworded, the same counts). A file that does not look like a Vietnamese \
            bulletin is named with the reason and not stored unless --force. Every file is stored in its own \
            transaction, so an interrupted run can simply be run again. Exit status 2 when any file failed (each \
            is reported).
            """
    )

    @Argument(help: "HTML, text, DOCX, ODT, DOC or PDF files, folders, or '-' for a list of paths on standard input.")
    var inputs: [String]

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Worker threads (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: """
        List what became of each file (new, replaced, same article, unchanged, not a bulletin, failed), every \
        warning (undecodable bytes, a charset that lied) and every skipped file type.
        """)
    var verbose = false

    @Flag(help: "With '-': the paths on standard input are separated by NUL bytes (find -print0), not lines.")
    var null = false

    @Flag(help: "Store files that do not look like Vietnamese bulletins (not Vietnamese, no sentence, a word list) too.")
    var force = false

    @Option(name: .customLong("max-size"), help: "Refuse files larger than this many MB (default 64).")
    var maxSize: Double = 64

    func validate() throws {
        guard jobs >= 1 && jobs <= 256 else { throw ValidationError("--jobs must be between 1 and 256, got \(jobs)") }
        guard maxSize > 0 && maxSize <= 1024 else { throw ValidationError("--max-size must be between 0 and 1024 (MB), got \(maxSize)") }
    }

    func run() throws {
        var expanded: [String] = []
        for input in inputs {
            if input == "-" && null {
                // Any byte but NUL may be in a name: each one is taken as it is (RawPath).
                let data = FileHandle.standardInput.readDataToEndOfFile()
                for name in data.split(separator: 0, omittingEmptySubsequences: true) { expanded.append(RawPath.string(name)) }
            } else if input == "-" {
                while let line = readLine() {
                    let path = line.trimmingCharacters(in: .whitespaces)
                    if !path.isEmpty && !path.hasPrefix("#") { expanded.append(path) }
                }
            } else {
                expanded.append(input)
            }
        }
        let files = InputFiles.expand(expanded)
        for problem in files.problems { Output.error(problem) }
        let db = try database.open(write: true)
        let reporter = ProgressReporter(quiet: quiet, verbose: verbose)
        let summary = try reportingErrors {
            try BatchIngest(database: db, jobs: jobs, maxBytes: Int(maxSize * 1_048_576), force: force).run(paths: files.paths) { reporter.update($0) }
        }
        reporter.finish()
        for failure in summary.failures { Output.error(failure.reason) }
        for n in summary.notBulletins { Output.error("\(RawPath.display(n.path)): not stored: \(n.reason) (--force stores it anyway)") }
        if verbose {
            for w in summary.warnings { Output.error("\(RawPath.display(w.path)): warning: \(w.reason)") }
            for (ext, n) in files.skipped.sorted(by: { $0.key < $1.key }) { Output.error("skipped \(n) file\(n == 1 ? "" : "s") of type \(ext)") }
        }
        let p = summary.progress
        if !quiet {
            let index = try db.summary()
            let rate = p.elapsed > 0 ? Double(p.done) / p.elapsed : 0
            Output.error("""
                \(p.done) files in \(String(format: "%.1f", p.elapsed)) s (\(String(format: "%.0f", rate)) files/s, \
                \(String(format: "%.1f", Double(p.bytes) / 1e6)) MB): \(p.added) new, \(p.replaced) replaced, \
                \(p.newSources) new sources of known articles, \(p.nearCopies > 0 ? "\(p.nearCopies) near copies of known articles, " : "")\(p.unchanged) unchanged, \
                \(p.notBulletins > 0 ? "\(p.notBulletins) not bulletins, " : "")\(p.failed + files.problems.count) failed; \
                \(p.figures) figures stored\(p.warned > 0 ? "; \(p.warned) with warnings\(verbose ? "" : " (--verbose lists them)")" : "")\
                \(files.skippedSummary.map { "; " + $0 } ?? "")
                \(db.path): \(index.documents) documents, \(index.sources) sources, \(index.figures) figures
                """.replacingOccurrences(of: "solieu: ", with: ""))
        }
        if p.failed > 0 || !files.problems.isEmpty { throw ExitCode(2) }
    }
}

/// Progress on stderr: a redrawn bar on a terminal, a plain line every 5 s otherwise.
final class ProgressReporter: @unchecked Sendable {
    let quiet: Bool
    /// One line per file with its fate, instead of the bar.
    let verbose: Bool
    let terminal: Bool
    private var lastDraw = 0.0
    private var drewBar = false

    init(quiet: Bool, verbose: Bool = false) {
        self.quiet = quiet
        self.verbose = verbose
        terminal = Terminal.stderrStyled && !verbose
    }

    func update(_ p: BatchIngest.Progress) {
        guard !quiet else { return }
        if verbose, let last = p.last { Output.error("\(last.fate.rawValue): \(RawPath.display(last.path))") }
        let interval = terminal ? 0.1 : 5.0
        guard p.elapsed - lastDraw >= interval || p.done == p.total else { return }
        lastDraw = p.elapsed
        let rate = p.elapsed > 0 ? Double(p.done) / p.elapsed : 0
        let eta = rate > 0 ? Double(p.total - p.done) / rate : 0
        let text = "\(p.done)/\(p.total) files  \(String(format: "%.1f", Double(p.bytes) / 1e6)) MB  \(p.figures) figures  " +
            "\(String(format: "%.0f", rate)) files/s  ETA \(Self.clock(eta))" + (p.failed > 0 ? "  \(p.failed) failed" : "")
        if terminal {
            let width = 24
            let filled = p.total > 0 ? width * p.done / p.total : width
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            Output.rawError("\r\u{1B}[K\(bar) \(text)")
            drewBar = true
        } else {
            Output.rawError("solieu: ingest: \(text)\n")
        }
    }

    func finish() {
        if drewBar { Output.rawError("\n") }
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
