import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InsightsServer
import Logging
import Prometheus
import Synchronization
import Testing

/// One info line per request, after the response: method, path, status, duration and request id, and nothing secret.
@Suite struct RequestLogTests {
    /// A log line as the handler received it.
    struct Line: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: Logger.Metadata
    }

    /// Keeps every line logged through it, at every level.
    struct CapturingLogHandler: LogHandler {
        let lines: Lines
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            var merged = metadata
            if let extra = event.metadata { merged.merge(extra) { _, new in new } }
            lines.value.withLock { $0.append(Line(level: event.level, message: "\(event.message)", metadata: merged)) }
        }
    }

    /// The shared store of captured lines.
    final class Lines: Sendable {
        let value = Mutex<[Line]>([])
    }

    /// Sends `requests` through the real router with a capturing logger; returns the lines and the responses.
    private static func run(
        _ requests: [(HTTPRequest.Method, String, HTTPFields)], on server: TestServer
    ) async throws -> (lines: [Line], responses: [TestResponse]) {
        let lines = Lines()
        let router = try buildRouter(
            configuration: server.configuration, store: server.store, registry: PrometheusCollectorRegistry())
        let app = Application(router: router, logger: Logger(label: "test") { _ in CapturingLogHandler(lines: lines) })
        let responses = try await app.test(.router) { client in
            var responses: [TestResponse] = []
            for (method, uri, headers) in requests {
                responses.append(try await client.execute(uri: uri, method: method, headers: headers))
            }
            return responses
        }
        return (lines.value.withLock { $0 }, responses)
    }

    @Test func eachRequestLogsMethodPathStatusDurationAndRequestID() async throws {
        let server = try await TestServer.make()
        let token = try #require(server.tokens["alice"])
        var secretHeaders = HTTPFields()
        secretHeaders[.authorization] = "Bearer \(token)"
        let (lines, responses) = try await Self.run(
            [
                (.get, DC.report() + "?access_token=secret-in-query", HTTPFields()),
                (.get, DC.report("missing"), secretHeaders),
            ], on: server)

        let requestLines = lines.filter { $0.level == .info }
        try #require(requestLines.count == 2, "\(lines.map(\.message))")
        #expect(requestLines[0].message.hasPrefix("GET \(DC.report()) 401 "), "\(requestLines[0].message)")
        #expect(requestLines[1].message.hasPrefix("GET \(DC.report("missing")) 404 "), "\(requestLines[1].message)")
        for (line, response) in zip(requestLines, responses) {
            #expect(line.message.hasSuffix(" ms"))
            #expect(line.metadata["http.duration_ms"] != nil)
            let id = try #require(line.metadata["hb.request.id"])
            let echoed = try #require(HTTPField.Name("X-Request-ID"))
            #expect(response.headers[echoed] == id.description)
        }
        let everything = lines.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
        #expect(!everything.contains("secret-in-query"))
        #expect(!everything.contains(token))
    }
}
