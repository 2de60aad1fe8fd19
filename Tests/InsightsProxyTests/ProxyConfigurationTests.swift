import Foundation
import InsightsProxy
import Testing

/// Flags, environment variables, defaults and the refusal to start without a credential.
@Suite struct ProxyConfigurationTests {
    @Test func pinsTheEnvironmentSpellings() {
        let names = ProxyConfiguration.Key.allCases.map { $0.environmentVariable ?? "-" }
        #expect(
            names == [
                "INSIGHTS_PROXY_HOST", "INSIGHTS_PROXY_PORT", "INSIGHTS_PROXY_ALLOW_HOSTS", "INSIGHTS_PROXY_UPSTREAM",
                "-", "INSIGHTS_PROXY_USER", "INSIGHTS_PROXY_MAX_BODY_BYTES", "INSIGHTS_PROXY_LOG_LEVEL",
            ])
        #expect(ProxyConfiguration.tokenEnvironmentVariable == "INSIGHTS_PROXY_TOKEN")
    }

    @Test func defaultsMatchThePipelinesProxyAndInsightsServe() throws {
        let configuration = try ProxyConfiguration.resolve(flags: [:], environment: ["INSIGHTS_PROXY_TOKEN": "t"])
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 29418)
        #expect(configuration.allowedHosts == ["api.bitbucket.org"])
        #expect(configuration.upstream.absoluteString == "http://127.0.0.1:7990")
        #expect(configuration.credentials == .bearer(token: "t"))
        #expect(configuration.maxBodyBytes == 8 * 1024 * 1024)
    }

    @Test func flagsWinOverTheEnvironment() throws {
        let environment = [
            "INSIGHTS_PROXY_TOKEN": "t", "INSIGHTS_PROXY_PORT": "1000", "INSIGHTS_PROXY_HOST": "0.0.0.0",
            "INSIGHTS_PROXY_ALLOW_HOSTS": "a.example, B.example", "INSIGHTS_PROXY_USER": "env-user",
        ]
        let fromEnvironment = try ProxyConfiguration.resolve(flags: [:], environment: environment)
        #expect(fromEnvironment.port == 1000)
        #expect(fromEnvironment.host == "0.0.0.0")
        #expect(fromEnvironment.allowedHosts == ["a.example", "b.example"])
        #expect(fromEnvironment.credentials == .basic(username: "env-user", password: "t"))
        let fromFlags = try ProxyConfiguration.resolve(
            flags: [.port: "0", .allowHost: "c.example", .user: "flag-user"], environment: environment)
        #expect(fromFlags.port == 0)
        #expect(fromFlags.allowedHosts == ["c.example"])
        #expect(fromFlags.credentials == .basic(username: "flag-user", password: "t"))
    }

    @Test func theTokenFileWinsOverTheEnvironment() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("proxy-token-\(UUID())")
        try Data("from-file\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let configuration = try ProxyConfiguration.resolve(
            flags: [.tokenFile: file.path], environment: ["INSIGHTS_PROXY_TOKEN": "from-env"])
        #expect(configuration.credentials == .bearer(token: "from-file"))
    }

    @Test func refusesToStartWithoutACredential() {
        #expect(throws: ProxyConfigurationError.self) {
            try ProxyConfiguration.resolve(flags: [.user: "ci"], environment: ["INSIGHTS_PROXY_TOKEN": ""])
        }
    }

    @Test(arguments: [
        [ProxyConfiguration.Key.port: "http"], [.upstream: "ftp://x"], [.upstream: "not a url"],
        [.allowHost: "a.example/path"], [.maxBodyBytes: "10"], [.logLevel: "loud"],
    ])
    func rejectsInvalidValues(flags: [ProxyConfiguration.Key: String]) {
        #expect(throws: ProxyConfigurationError.self) {
            try ProxyConfiguration.resolve(flags: flags, environment: ["INSIGHTS_PROXY_TOKEN": "t"])
        }
    }

    @Test func neverDescribesTheSecret() {
        #expect(!ProxyCredentials.bearer(token: "t0k3n").description.contains("t0k3n"))
        #expect(!ProxyCredentials.basic(username: "ci", password: "t0k3n").description.contains("t0k3n"))
    }
}
