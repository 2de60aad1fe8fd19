public import Hummingbird
import HummingbirdCore
public import Logging
import NIOCore

/// Builds the proxy application: a Hummingbird server whose every request goes to a ``ProxyResponder``, and the
/// ``UpstreamClient`` it forwards with, run as one of the application's services.
///
/// Run it with `runService()` (graceful shutdown on SIGINT and SIGTERM) or, in tests, `run()` in a task that is
/// cancelled at the end.
///
/// - Parameters:
///   - configuration: the validated settings.
///   - logger: the logger of the server and of each request (label `insights.proxy`).
///   - onServerRunning: called with the bound port once the server listens (useful with port 0).
/// - Returns: the application.
public func buildProxyApplication(
    configuration: ProxyConfiguration, logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let upstream = UpstreamClient(connectTimeout: configuration.upstreamConnectTimeout)
    return Application(
        responder: ProxyResponder(configuration: configuration, client: upstream.client),
        server: HTTPServerBuilder { responder in
            ProxyHTTP1Channel(base: HTTP1Channel(responder: responder))
        },
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port), serverName: nil),
        services: [upstream],
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}
