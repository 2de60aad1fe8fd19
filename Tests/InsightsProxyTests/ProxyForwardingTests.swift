import Foundation
import InsightsProxy
import Testing

/// Requests for an allowed host go upstream unchanged but for the `Authorization` the proxy adds.
@Suite struct ProxyForwardingTests {
    static let report = "http://api.bitbucket.org/2.0/repositories/ws/repo/commit/abc123/reports/mySystem-001"

    @Test func forwardsWithTheBearerTokenKeepingMethodPathQueryAndBody() async throws {
        try await ProxyHarness.run { proxy in
            let result = try await proxy.curl([
                "-X", "PUT", Self.report + "?fields=title&page=2", "-H", "Content-Type: application/json",
                "-d", #"{"title":"Security scan report"}"#,
            ])
            #expect(result.status == 200, "\(result.errors)")
            let echoed = try result.echoed()
            #expect(echoed.method == "PUT")
            #expect(echoed.path == "/2.0/repositories/ws/repo/commit/abc123/reports/mySystem-001")
            #expect(echoed.query == "fields=title&page=2")
            #expect(echoed.authorization == "Bearer \(ProxyHarness.token)")
            #expect(echoed.contentType == "application/json")
            #expect(echoed.body == #"{"title":"Security scan report"}"#)
            #expect(echoed.host == "127.0.0.1:\(proxy.upstreamPort)")
            #expect(echoed.proxyMarker == nil)
        }
    }

    @Test func usesBasicWithAUserAndReplacesTheClientsAuthorization() async throws {
        try await ProxyHarness.run(credentials: .basic(username: "ci", password: ProxyHarness.token)) { proxy in
            let result = try await proxy.curl([
                Self.report, "-H", "Authorization: Bearer client-sent", "-H", "Proxy-Authorization: Basic eDp5",
            ])
            #expect(result.status == 200, "\(result.errors)")
            let expected = "Basic " + Data("ci:\(ProxyHarness.token)".utf8).base64EncodedString()
            #expect(try result.echoed().authorization == expected)
            #expect(try result.echoed().method == "GET")
        }
    }

    @Test(arguments: [404, 204, 409, 500])
    func passesUpstreamStatusesThrough(status: Int) async throws {
        try await ProxyHarness.run { proxy in
            let result = try await proxy.curl(["-D", "-", "http://api.bitbucket.org/status/\(status)"])
            #expect(result.status == status, "\(result.errors)")
            #expect(result.body.lowercased().contains("x-upstream: yes"))
            if status != 204 { #expect(result.body.hasSuffix("status \(status)")) }
        }
    }

    /// Braces reach the upstream escaped (`%7B`, equivalent for any server), existing escapes unchanged.
    @Test func keepsBracesAndPercentEncodingInThePath() async throws {
        try await ProxyHarness.run { proxy in
            let answer = try await proxy.raw(
                "GET http://api.bitbucket.org/2.0/reports/{0a1b}/x%2Fy?q=a%20b HTTP/1.1\r\n"
                    + "Host: api.bitbucket.org\r\nConnection: close\r\n\r\n")
            #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer)")
            #expect(answer.contains(#""path":"\/2.0\/reports\/%7B0a1b%7D\/x%2Fy""#), "\(answer)")
            #expect(answer.contains(#""query":"q=a%20b""#), "\(answer)")
        }
    }

    @Test func servesTheConfiguredHostsOnly() async throws {
        try await ProxyHarness.run(configure: { $0.allowedHosts = ["bitbucket.example.com"] }) { proxy in
            let allowed = try await proxy.curl(["http://BITBUCKET.example.com:8080/2.0/user"])
            #expect(allowed.status == 200, "\(allowed.errors)")
            let other = try await proxy.curl(["http://api.bitbucket.org/2.0/user"])
            #expect(other.status == 403)
        }
    }
}
