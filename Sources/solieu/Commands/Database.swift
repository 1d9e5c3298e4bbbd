import ArgumentParser
import Foundation
import SolieuIndex
import SolieuIngest

/// `--db PATH`, shared by every command that reads or writes the index.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The solieu database file (default: $SOLIEU_DB, else ./solieu.db).", valueName: "path"))
    var db: String?

    var path: String { db ?? ProcessInfo.processInfo.environment["SOLIEU_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "solieu.db" }

    /// The database last opened, for messages about errors that happen later.
    nonisolated(unsafe) static var opened: String?

    func validate() throws {
        if let db, db.isEmpty { throw ValidationError("--db: empty path") }
    }

    /// Query commands open read-only (the file is never changed); `write: true` (ingest, db
    /// migrate) may create and migrate it.
    func open(write: Bool = false) throws -> SolieuDatabase {
        Self.opened = path
        do {
            return try SolieuDatabase(path: path, create: write, readOnly: !write)
        } catch {
            Output.error(error.description)
            throw ExitCode(2)
        }
    }
}

/// Runs a query, turning any error of the store into one clear line (no SQL, no stack) and exit
/// status 2 (status 1 is the audit's "a check fails").
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as ValidationError {
        throw error
    } catch {
        Output.error(SolieuDatabase.explain(error, path: DatabaseOptions.opened ?? "database").description)
        throw ExitCode(2)
    }
}

/// `solieu db check|migrate|status`: the database file itself.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Check, upgrade or describe the database file.",
        subcommands: [Check.self, Migrate.self, Status.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run SQLite's integrity check and the search index's own check.",
            discussion: "Exit status: 0 sound, 1 damaged, 2 cannot be checked.")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let report = try reportingErrors { try DatabaseHealth.check(path: database.path) }
            let shown = RawPath.display(database.path)
            Output.print("integrity: \(report.integrity.joined(separator: "; "))")
            Output.print("search index: \(report.search)")
            if report.ok {
                Output.print("\(shown): ok")
            } else {
                Output.print("\(shown): damaged. Rebuild it: ingest the same files into a new database " +
                             "(solieu ingest FOLDER --db new.db), or try `sqlite3 \(shown) .recover | sqlite3 recovered.db`; " +
                             "a damaged search index alone is rebuilt by `sqlite3 \(shown) \"INSERT INTO document_search(document_search) VALUES('rebuild')\"`")
                throw ExitCode(1)
            }
        }
    }

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Upgrade the database to this version's schema.")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let db = try database.open(write: true)
            let s = try reportingErrors { try db.status() }
            Output.print("\(RawPath.display(db.path)): schema \(s.schema)")
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Schema version, counts and size.")
        @Option(help: "text or json.") var format: StatusFormat = .text
        @OptionGroup var database: DatabaseOptions
        enum StatusFormat: String, ExpressibleByArgument { case text, json }

        func run() throws {
            let db = try database.open()
            let s = try reportingErrors { try db.status() }
            if format == .json { Output.print(try Output.json(s, pretty: true)); return }
            var t = Table(columns: ["what", "value"])
            t.rows = [["file", RawPath.display(s.path)], ["schema", "\(s.schema) (this solieu: \(s.current))"],
                      ["size", String(format: "%.1f MB (+ %.1f MB write-ahead log)", Double(s.bytes) / 1e6, Double(s.walBytes) / 1e6)],
                      ["documents", "\(s.documents)"], ["sources", "\(s.sources)"], ["figures", "\(s.figures)"], ["failed files", "\(s.failures)"]]
            Output.print(t.render())
        }
    }
}
