import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// HTTP requests sent at once and timed: each gets a connection of its own (`HTTPClient.shared` queues requests past
/// 8 connections a host), so concurrent writers reach the server together and a request's time is the server's.
enum TimedHTTP {
    /// One answer, or the transport failure (a refused connection, the client's timeout) in its place.
    struct Answer: Sendable {
        /// The status, `nil` when no answer arrived.
        let status: Int?
        /// The body, or the transport error's description.
        let body: Data
        let started: ContinuousClock.Instant
        let finished: ContinuousClock.Instant

        var text: String { String(decoding: body, as: UTF8.self) }
        var duration: Duration { finished - started }
    }

    /// The client: up to 256 connections a host, never shut down (it lives as long as the test process).
    private static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 256
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    /// Sends one request with a 30-second deadline; never throws, a failure is an ``Answer`` without a status.
    static func send(_ method: String, _ url: String, token: String?, body: String? = nil) async -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let response = try await client.execute(request, timeout: .seconds(30))
            let bytes = try await response.body.collect(upTo: 16 * 1024 * 1024)
            return Answer(
                status: Int(response.status.code), body: Data(bytes.readableBytesView), started: started,
                finished: clock.now)
        } catch {
            return Answer(
                status: nil, body: Data(String(reflecting: error).utf8), started: started, finished: clock.now)
        }
    }
}
