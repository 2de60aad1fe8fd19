import Foundation
import InsightsProxy
import Testing

/// What the proxy answers itself: Cloud-style error bodies for every request it does not forward.
@Suite struct ProxyRefusalTests {
    /// Cloud's error body.
    struct ErrorBody: Decodable {
        struct Detail: Decodable { var message: String }
        var type: String
        var error: Detail
    }

    static func errorMessage(_ text: String) throws -> String {
        let body = try JSONDecoder().decode(ErrorBody.self, from: Data(text.utf8))
        #expect(body.type == "error")
        return body.error.message
    }

    /// The body of a raw HTTP answer.
    static func body(ofRaw answer: String) -> String {
        answer.range(of: "\r\n\r\n").map { String(answer[$0.upperBound...]) } ?? ""
    }

    @Test func refusesAHostThatIsNotAllowedNamingIt() async throws {
        try await ProxyHarness.run { proxy in
            let result = try await proxy.curl(["-X", "PUT", "http://evil.example.com/2.0/x", "-d", "{}"])
            #expect(result.status == 403)
            #expect(try Self.errorMessage(result.body).contains("'evil.example.com'"))
            let raw = try await proxy.raw(
                "GET http://evil.example.com/ HTTP/1.1\r\nHost: evil.example.com\r\nConnection: close\r\n\r\n")
            #expect(raw.contains("Proxy-Status: insights-proxy; error=http_request_denied; details=\"This proxy"))
        }
    }

    @Test func refusesToTunnel() async throws {
        try await ProxyHarness.run { proxy in
            let answer = try await proxy.raw(
                "CONNECT api.bitbucket.org:443 HTTP/1.1\r\nHost: api.bitbucket.org:443\r\nConnection: close\r\n\r\n")
            #expect(answer.hasPrefix("HTTP/1.1 405"), "\(answer)")
            // SwiftNIO writes no body in answer to CONNECT; the explanation is in Proxy-Status.
            #expect(answer.contains("Proxy-Status: insights-proxy; error=http_request_denied; details=\"CONNECT"))
            #expect(answer.contains("send plain http through the proxy"), "\(answer)")
            let viaCurl = try await proxy.curl(["-p", "http://api.bitbucket.org/2.0/user"])
            #expect(viaCurl.errors.contains("405"), "\(viaCurl.errors)")
        }
    }

    @Test func refusesOriginFormRequests() async throws {
        try await ProxyHarness.run { proxy in
            let direct = try await proxy.curl(["http://127.0.0.1:\(proxy.proxyPort)/2.0/user"], throughProxy: false)
            #expect(direct.status == 400)
            #expect(try Self.errorMessage(direct.body).contains("absolute URL"))
            // A Host naming an allowed host does not make an origin-form request a proxied one, nor does a forged
            // marker header.
            let forged = try await proxy.raw(
                "GET /2.0/user HTTP/1.1\r\nHost: api.bitbucket.org\r\nX-Insights-Proxy-Target-Scheme: http\r\n"
                    + "Connection: close\r\n\r\n")
            #expect(forged.hasPrefix("HTTP/1.1 400"), "\(forged)")
        }
    }

    @Test func answers502WhenTheUpstreamIsDown() async throws {
        try await ProxyHarness.run(upstreamRunning: false, configure: { $0.upstreamConnectTimeout = .seconds(1) }) {
            proxy in
            let result = try await proxy.curl(["http://api.bitbucket.org/2.0/user"])
            #expect(result.status == 502)
            #expect(try Self.errorMessage(result.body).contains("upstream"))
        }
    }

    @Test func answers413ForABodyOverTheLimit() async throws {
        try await ProxyHarness.run(configure: { $0.maxBodyBytes = 1024 }) { proxy in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("proxy-body-\(UUID()).json")
            try Data(repeating: UInt8(ascii: "a"), count: 4096).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let large = try await proxy.curl([
                "-X", "PUT", "http://api.bitbucket.org/2.0/x", "--data-binary", "@\(file.path)",
            ])
            #expect(large.status == 413)
            #expect(try Self.errorMessage(large.body).contains("1024 bytes"))
            let chunked = try await proxy.curl([
                "-X", "PUT", "http://api.bitbucket.org/2.0/x", "-H", "Transfer-Encoding: chunked",
                "--data-binary", "@\(file.path)",
            ])
            #expect(chunked.status == 413)
            let small = try await proxy.curl(["-X", "PUT", "http://api.bitbucket.org/2.0/x", "-d", "{}"])
            #expect(small.status == 200)
        }
    }
}
