#if canImport(SolieuServe)
import ArgumentParser
import Foundation
import Hummingbird
import SolieuIndex
import SolieuIngest
import SolieuServe

/// `solieu serve`: the web app and JSON API over a database, opened read-only.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the index to a browser and to programs: search, figures, stats, documents and audit pages, and a JSON API under /api/v1.",
        discussion: """
            The database is opened read-only and may be written by a running `solieu ingest`: new documents appear \
            on the next request. It listens on 127.0.0.1 unless --host says otherwise; any other address needs \
            --token (clients send 'Authorization: Bearer TOKEN'; browsers sign in at /login) or --public. \
            The API is described at /api/openapi.json. Stop it with Ctrl-C.
            """
    )
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port (0: any free port, printed at start).") var port = 8080
    @Option(help: "Requests must carry this bearer token (at least 16 characters; default $SOLIEU_TOKEN).") var token: String?
    @Flag(name: .customLong("public"), help: "Listen beyond loopback without a token.") var open = false
    @Option(help: "Seconds a request's queries may run before they are stopped.") var timeout: Double = 10
    @Option(help: "Queries run at once (more wait their turn, up to 64).") var workers: Int = 4
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard timeout > 0, timeout <= 3600 else { throw ValidationError("--timeout: from 0 to 3600 seconds, got \(timeout)") }
        guard (1...64).contains(workers) else { throw ValidationError("--workers: from 1 to 64, got \(workers)") }
    }

    func run() throws {
        var options = ServeOptions()
        options.host = host
        options.port = port
        options.token = token ?? ProcessInfo.processInfo.environment["SOLIEU_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        options.open = open
        options.limits.requestSeconds = timeout
        options.limits.running = workers
        try reportingErrors { try options.check() }
        let db = try database.open()
        let service = Service(store: db, limits: options.limits, token: options.token)
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let dbPath = database.path
        let app = Server.application(service, options: options) { port in
            Output.error("serving http://\(shownHost):\(port)/ (database \(RawPath.display(dbPath)), read-only); Ctrl-C stops")
        }
        // The audit of the whole index runs once in the background, before anyone asks.
        Task { await service.audit.warm(service) }
        let done = DispatchSemaphore(value: 0)
        let failure = Failure()
        Task {
            do { try await app.runService() } catch { failure.error = error }
            done.signal()
        }
        done.wait()
        if let error = failure.error {
            Output.error("serve: \(error)")
            throw ExitCode(2)
        }
    }

    final class Failure: @unchecked Sendable { var error: Error? }
}
#endif
