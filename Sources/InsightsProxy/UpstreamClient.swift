public import AsyncHTTPClient
import NIOCore
import NIOPosix
public import ServiceLifecycle

/// The HTTP client that forwards requests upstream, as a service: it lives while the application runs and shuts down
/// after the server has stopped (a service group stops its services in reverse order, the server first).
public struct UpstreamClient: Service {
    /// The client; never follows redirects (the proxy passes them back) and never decompresses.
    public let client: HTTPClient

    /// Creates the client on NIO's shared event loops.
    ///
    /// - Parameter connectTimeout: how long connecting, retries included, may take.
    public init(connectTimeout: Duration) {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: TimeAmount(connectTimeout)),
            decompression: .disabled)
        configuration.connectionPool.idleTimeout = .seconds(30)
        client = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
    }

    /// Waits for graceful shutdown (or cancellation), then shuts the client down.
    ///
    /// - Throws: the client's shutdown error.
    public func run() async throws {
        try? await gracefulShutdown()
        try await client.shutdown()
    }
}
