import ArgumentParser
import Foundation
import SolieuIndex

/// `--db PATH`, shared by every command that reads or writes the index.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The solieu database file (default: $SOLIEU_DB, else ./solieu.db).", valueName: "path"))
    var db: String?

    var path: String { db ?? ProcessInfo.processInfo.environment["SOLIEU_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "solieu.db" }

    func open(create: Bool = false) throws -> SolieuDatabase {
        do {
            return try SolieuDatabase(path: path, create: create)
        } catch {
            Output.error(error.description)
            throw ExitCode(2)
        }
    }
}

/// Runs a query, turning its `IndexError` into one clear line and exit status 2.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as IndexError {
        Output.error(error.description)
        throw ExitCode(2)
    }
}
