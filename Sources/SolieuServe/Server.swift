import Foundation
import Hummingbird
import HummingbirdCore
import SolieuIndex

/// Where `solieu serve` listens, and who may ask.
public struct ServeOptions: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// Requests must carry this bearer token (or its cookie, after /login).
    public var token: String?
    /// Listening beyond loopback without a token, on purpose.
    public var open = false
    public var limits = ServeLimits()

    public init() {}

    /// Loopback needs nothing; any other address needs a token or an explicit `--public`.
    public func check() throws(IndexError) {
        let loopback = host == "127.0.0.1" || host == "::1" || host == "localhost" || host.hasPrefix("127.")
        if !loopback && token == nil && !open {
            throw IndexError("--host \(host) listens beyond this machine: give --token T (clients send 'Authorization: Bearer T') or --public")
        }
        if let token, token.count < 16 { throw IndexError("--token: at least 16 characters") }
        guard (0...65535).contains(port) else { throw IndexError("--port: \(port) is not a port (0–65535)") }
    }
}

public enum Server {
    /// The router: pages, API, OpenAPI document, stylesheet, with HEAD answered as GET, the
    /// security headers, the token check and the error answers around every route.
    public static func router(_ service: Service) -> Router<BasicRequestContext> {
        // HEAD answered as GET, without the body (link checkers and `curl -I` ask for it).
        let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: SecurityHeaders())
        router.add(middleware: ErrorAnswers(service: service))
        if let token = service.token { router.add(middleware: TokenCheck(token: token)) }
        if service.limits.cacheBytes > 0 { router.add(middleware: CachedAnswers(service: service, cache: ResponseCache(capacity: service.limits.cacheBytes))) }
        API.register(router, service)
        Pages.register(router, service)
        return router
    }

    /// The application for `solieu serve` (and for tests, with HummingbirdTesting).
    public static func application(_ service: Service, options: ServeOptions,
                                   onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: router(service),
            // A client that sends nothing for 30 s is dropped (slow clients hold no slot for long).
            server: .http1(configuration: .init(idleTimeout: .seconds(30))),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "solieu",
                                 availableConnectionsDelegate: MaximumAvailableConnections(options.limits.connections)),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? options.port) }
        )
    }
}
