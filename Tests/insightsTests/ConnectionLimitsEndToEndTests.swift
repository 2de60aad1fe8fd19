import Foundation
import Testing

/// The connection limits of `insights serve`, driven over raw sockets against the built binary: read and idle
/// timeouts, the maximum of open connections, and the HTTP layer's refusals (414, 431, 400) in the error body of the
/// dialect owning the path.
@Suite(.serialized) struct ConnectionLimitsEndToEndTests {
    /// Data Center's error body as it is on the wire.
    struct DataCenterBody: Decodable {
        struct Entry: Decodable {
            let context: String?
            let message: String
            let exceptionName: String?
        }
        let errors: [Entry]
    }

    /// Cloud's error body as it is on the wire.
    struct CloudBody: Decodable {
        struct Detail: Decodable { let message: String }
        let type: String
        let error: Detail
    }

    func startServer(_ arguments: [String]) throws -> (server: InsightsProcess, port: Int) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "insights-connections-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let server = InsightsProcess(dataDirectory: directory)
        try server.start(arguments: arguments)
        let port = try #require(URL(string: server.baseURL)?.port)
        return (server, port)
    }

    func expectServerAnswers(_ server: InsightsProcess) async throws {
        let live = try await HTTP.send("GET", "\(server.baseURL)/health/live", token: nil)
        #expect(live.status == 200)
    }

    @Test func slowHeaderSenderIsAnswered408AndDisconnectedAfterTheReadTimeout() async throws {
        let (server, port) = try startServer(["--read-timeout-seconds", "1", "--idle-timeout-seconds", "30"])
        defer { server.terminate() }
        let socket = try RawSocket(port: port)
        // The request line at once, then the headers one byte per 200 ms, for at most 20 s.
        socket.send("GET /2.0/repositories/w/r/commit/c/reports HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        let clock = ContinuousClock()
        let start = clock.now
        var received: [UInt8] = []
        var isClosed = false
        for byte in Array("X-Slow: \(String(repeating: "s", count: 200))".utf8).prefix(100) {
            socket.send([byte])
            switch socket.receive(timeout: .milliseconds(200)) {
            case .bytes(let bytes): received += bytes
            case .closed: isClosed = true
            case .nothing: break
            }
            if !received.isEmpty || isClosed { break }
        }
        let answeredAfter = clock.now - start
        #expect(!received.isEmpty, "the slow client was never answered")
        #expect(answeredAfter >= .milliseconds(800) && answeredAfter < .seconds(5), "\(answeredAfter)")
        let rest = socket.readUntilClosed(timeout: .seconds(5))
        #expect(rest.isClosed)
        let text = String(decoding: received + rest.bytes, as: UTF8.self)
        #expect(text.hasPrefix("HTTP/1.1 408"), "\(text)")
        #expect(
            text.hasSuffix(#"{"type":"error","error":{"message":"The request's headers did not arrive within 1 s."}}"#))
        try await expectServerAnswers(server)
    }

    @Test func stalledRequestBodyIsDisconnectedAfterTheReadTimeout() async throws {
        let (server, port) = try startServer(["--read-timeout-seconds", "1", "--idle-timeout-seconds", "30"])
        defer { server.terminate() }
        let socket = try RawSocket(port: port)
        let clock = ContinuousClock()
        let start = clock.now
        socket.send(
            "PUT /rest/insights/latest/projects/P/repos/r/commits/c/reports/k HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"title\":")
        let outcome = socket.readUntilClosed(timeout: .seconds(10))
        let closedAfter = clock.now - start
        #expect(outcome.isClosed, "the stalled body was never cut off")
        #expect(closedAfter >= .milliseconds(800) && closedAfter < .seconds(6), "\(closedAfter)")
        try await expectServerAnswers(server)
    }

    @Test func idleConnectionsAreClosedAfterTheIdleTimeout() async throws {
        let (server, port) = try startServer(["--idle-timeout-seconds", "2", "--read-timeout-seconds", "30"])
        defer { server.terminate() }
        let silent = try RawSocket(port: port)
        let keepAlive = try RawSocket(port: port)
        keepAlive.send("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        let first = try #require(keepAlive.readResponse(timeout: .seconds(5)))
        #expect(first.status == 200)
        let clock = ContinuousClock()
        let answered = clock.now
        // Still open well before the timeout…
        #expect(keepAlive.receive(timeout: .milliseconds(800)) == .nothing)
        // …and closed by the server after it.
        let outcome = keepAlive.readUntilClosed(timeout: .seconds(8))
        let closedAfter = clock.now - answered
        #expect(outcome.isClosed, "the idle keep-alive connection was never closed")
        #expect(closedAfter >= .milliseconds(1500) && closedAfter < .seconds(6), "\(closedAfter)")
        #expect(silent.readUntilClosed(timeout: .seconds(3)).isClosed, "a connection that never sent was kept")
        try await expectServerAnswers(server)
    }

    @Test func connectionsBeyondTheMaximumWaitWhileOpenOnesKeepWorking() async throws {
        let (server, port) = try startServer(["--max-connections", "2"])
        defer { server.terminate() }
        let request = "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        var first: RawSocket? = try RawSocket(port: port)
        var second: RawSocket? = try RawSocket(port: port)
        for socket in [first, second].compactMap({ $0 }) {
            socket.send(request)
            #expect(socket.readResponse(timeout: .seconds(5))?.status == 200)
        }
        var third: RawSocket? = try RawSocket(port: port)
        third?.send(request)
        #expect(third?.receive(timeout: .milliseconds(1500)) == .nothing, "a connection past the maximum was served")
        first?.send(request)
        #expect(first?.readResponse(timeout: .seconds(5))?.status == 200, "an open connection stopped working")
        second = nil
        #expect(third?.readResponse(timeout: .seconds(5))?.status == 200, "the waiting connection was never served")
        first = nil
        third = nil
        try await expectServerAnswers(server)
    }

    /// A request the HTTP layer refuses, and the answer expected.
    struct Refusal: CustomStringConvertible {
        let description: String
        let request: [UInt8]
        let status: Int
        let isCloud: Bool
        let message: String
    }

    static let longURL = String(repeating: "a", count: 100_000)
    static let manyHeaderBytes = String(repeating: "b", count: 100_000)
    static let tooLongURL = "The request URL is longer than 16384 bytes."
    static let tooLargeHead = "The request's headers are larger than 81920 bytes or more than 1000 fields."

    static let refusals: [Refusal] = [
        Refusal(
            description: "100 KB URL under Data Center",
            request: Array("GET /rest/insights/latest/\(longURL) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8),
            status: 414, isCloud: false, message: tooLongURL),
        Refusal(
            description: "100 KB URL under Cloud",
            request: Array("GET /2.0/repositories/\(longURL) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8),
            status: 414, isCloud: true, message: tooLongURL),
        Refusal(
            description: "100 KB URL outside every dialect",
            request: Array("GET /\(longURL) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8),
            status: 414, isCloud: false, message: tooLongURL),
        Refusal(
            description: "100 KB of headers under Data Center",
            request: Array(
                "GET /rest/insights/latest/projects HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: \(manyHeaderBytes)\r\n\r\n"
                    .utf8),
            status: 431, isCloud: false, message: tooLargeHead),
        Refusal(
            description: "100 KB of headers under Cloud",
            request: Array(
                "GET /2.0/repositories/w/r HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: \(manyHeaderBytes)\r\n\r\n".utf8),
            status: 431, isCloud: true, message: tooLargeHead),
        Refusal(
            description: "1500 header fields under Cloud",
            request: Array(
                ("GET /2.0/repositories/w/r HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + (0..<1500).map { "X-F\($0): v\r\n" }.joined() + "\r\n").utf8),
            status: 431, isCloud: true, message: tooLargeHead),
        Refusal(
            description: "an invalid header name under Cloud",
            request: Array("GET /2.0/repositories/w/r HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Name: v\r\n\r\n".utf8),
            status: 400, isCloud: true, message: "The request is not valid HTTP/1.1."),
        Refusal(
            description: "a request line that is not HTTP",
            request: Array("HELLO\r\n\r\n".utf8),
            status: 400, isCloud: false, message: "The request is not valid HTTP/1.1."),
        Refusal(
            description: "100 KB URL under Cloud as the second request of a connection",
            request: Array(
                ("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").utf8),
            status: 414, isCloud: true, message: tooLongURL),
    ]

    @Test func refusalsBeforeRoutingUseTheBodyOfTheDialectOwningThePath() async throws {
        let (server, port) = try startServer([])
        defer { server.terminate() }
        for refusal in Self.refusals {
            let socket = try RawSocket(port: port)
            socket.send(refusal.request)
            if refusal.description.hasSuffix("second request of a connection") {
                #expect(socket.readResponse(timeout: .seconds(5))?.status == 200)
                socket.send("GET /2.0/repositories/\(Self.longURL) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            }
            let outcome = socket.readUntilClosed(timeout: .seconds(10))
            #expect(outcome.isClosed, "\(refusal): the connection was not closed")
            let text = String(decoding: outcome.bytes, as: UTF8.self)
            #expect(text.hasPrefix("HTTP/1.1 \(refusal.status) "), "\(refusal): \(text.prefix(300))")
            #expect(text.lowercased().contains("content-type: application/json"), "\(refusal)")
            let body = try #require(text.range(of: "\r\n\r\n").map { Data(text[$0.upperBound...].utf8) })
            if refusal.isCloud {
                let decoded = try JSONDecoder().decode(CloudBody.self, from: body)
                #expect(decoded.type == "error", "\(refusal)")
                #expect(decoded.error.message == refusal.message, "\(refusal)")
            } else {
                let decoded = try JSONDecoder().decode(DataCenterBody.self, from: body)
                #expect(decoded.errors.map(\.message) == [refusal.message], "\(refusal)")
                #expect(text.contains(#""context":null"#) && text.contains(#""exceptionName":null"#), "\(refusal)")
            }
        }
        try await expectServerAnswers(server)
    }
}
