import ArgumentParser
import Foundation
import SolieuIngest

struct Solieu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solieu",
        abstract: "Figures from Vietnamese provincial bulletins: ingest, extract, query.",
        discussion: """
            Use -- before an argument that starts with '-' (solieu search -- -word). NO_COLOR (any value) or \
            TERM=dumb turns off highlighting and the redrawn progress bar. Completions: solieu \
            --generate-completion-script bash|zsh|fish.

            Exit status: 0 done; 1 the audit found a check that fails, or db check found damage; 2 an error \
            (a file that could not be read or stored, a database that cannot be opened, output that cannot be \
            written, a query refused), each named on standard error; 64 a usage error (an unknown command or \
            option, a bad value).
            """,
        version: "0.1.0",
        subcommands: commands
    )

    static var commands: [ParsableCommand.Type] {
        var list: [ParsableCommand.Type] = [IngestCommand.self, SearchCommand.self, FiguresCommand.self, StatsCommand.self, ShowCommand.self,
                                            ExportCommand.self, AuditCommand.self]
        #if canImport(SolieuServe)
        list.append(ServeCommand.self)  // not in the AddressSanitizer build (Package.swift)
        #endif
        return list + [ArticleCommand.self, ExtractCommand.self, TokensCommand.self, DatabaseCommand.self, FieldsCommand.self]
    }
}

/// The entry point: arguments read as bytes (file names need not be UTF-8), signals that would
/// kill the process on a closed pipe or a file-size limit turned into write errors, then the
/// command.
@main
enum Main {
    static func main() {
        // Tesseract (OCR) runs OpenMP threads of its own, four for each page it reads, whatever
        // the batch's --jobs: with two jobs on two cores, 16 scans took 97 s instead of 19. Its
        // OpenMP reads OMP_THREAD_LIMIT once, when the process loads, so the limit is set and the
        // program started again; a limit the user set stands. Only the commands that read files
        // may OCR: the others start once.
        if getenv("OMP_THREAD_LIMIT") == nil, CommandLine.arguments.count > 1, ["ingest", "article", "extract"].contains(CommandLine.arguments[1]) {
            setenv("OMP_THREAD_LIMIT", "1", 1)
            execv("/proc/self/exe", CommandLine.unsafeArgv)
            // No /proc (or exec refused): on with OpenMP's threads.
        }
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        let args = Array(RawPath.arguments().dropFirst())
        if let first = args.first, let message = Arguments.unknownCommand(first) {
            Output.error(message)
            exit(64)
        }
        Solieu.main(Arguments.prepare(args))
    }
}

/// Rewrites of the command line that argument parsing alone gets wrong.
enum Arguments {
    /// Options whose value may be a negative number: "--limit -1" reaches validation as a value
    /// (and gets a message about the number) instead of "Missing value".
    static let numeric: Set<String> = ["--limit", "--jobs", "--max-size", "--port"]
    /// Value-taking options of `search`, to tell a query starting with '-' from an option.
    static let searchOptions: Set<String> = ["--province", "--from", "--to", "--limit", "--format", "--db"]
    static let searchFlags: Set<String> = ["--exact-ranking", "-h", "--help", "--version"]

    /// The names of the subcommands (and the built-in `help`).
    static var commands: [String] {
        Solieu.configuration.subcommands.map { $0.configuration.commandName ?? "" }.filter { !$0.isEmpty } + ["help"]
    }

    /// "unknown command 'serach'; did you mean 'search'?" for a first argument that is no
    /// command and no option, else nil.
    static func unknownCommand(_ first: String) -> String? {
        guard !first.hasPrefix("-"), !commands.contains(first) else { return nil }
        let near = commands.map { ($0, editDistance($0, first)) }.filter { $0.1 <= max(1, $0.0.count / 3) }.min { $0.1 < $1.1 }
        let shown = RawPath.display(first)
        return near.map { "unknown command '\(shown)'; did you mean '\($0.0)'? (solieu --help lists them)" }
            ?? "unknown command '\(shown)': use one of \(commands.joined(separator: ", "))"
    }

    /// Levenshtein distance, with a swap of two neighbours counting one ("serach" → "search").
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        var d = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[x.count][y.count]
    }

    static func prepare(_ args: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < args.count {
            if args[i] == "--" { out.append(contentsOf: args[i...]); return out }
            if numeric.contains(args[i]), i + 1 < args.count, args[i + 1].hasPrefix("-"), args[i + 1].count > 1,
               args[i + 1].dropFirst().allSatisfy({ $0.isNumber || $0 == "." }) {
                out.append(args[i] + "=" + args[i + 1])
                i += 2
                continue
            }
            out.append(args[i])
            i += 1
        }
        return searchQueryWithDash(out)
    }

    /// `solieu search -thi`: a query that starts with '-' and is the only positional argument.
    static func searchQueryWithDash(_ args: [String]) -> [String] {
        guard args.first == "search" else { return args }
        var positional: [Int] = []
        var dashed: [Int] = []
        var i = 1
        while i < args.count {
            let a = args[i]
            let name = a.split(separator: "=", maxSplits: 1).first.map(String.init) ?? a
            if searchOptions.contains(a) { i += 2; continue }
            if searchOptions.contains(name) || searchFlags.contains(a) { i += 1; continue }
            if a.hasPrefix("-") && a.count > 1 { dashed.append(i) } else { positional.append(i) }
            i += 1
        }
        guard positional.isEmpty, dashed.count == 1 else { return args }
        var out = args
        let query = out.remove(at: dashed[0])
        return out + ["--", query]
    }
}
