import Foundation
import Testing

/// `insights proxy` in front of `insights serve`, as a Pipelines step uses its authentication proxy: the seeds'
/// curl examples with `--proxy` and no credentials, and `insights publish --target cloud --proxy`.
@Suite(.serialized) struct ProxyEndToEndTests {
    /// A server with a CI user and a proxy in front of it that adds the user's token.
    struct Setup {
        let directory: URL
        let token: String
        let server: InsightsProcess
        let proxy: Process
        let proxyURL: String

        static func start() throws -> Setup {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("insights-proxy-\(UUID())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let token = try EndToEndTests().token(dataDirectory: directory)
            let server = InsightsProcess(dataDirectory: directory)
            try server.start()
            let proxy = Process()
            proxy.executableURL = InsightsProcess.binary
            proxy.arguments = ["proxy", "--port", "0", "--upstream", server.baseURL, "--log-level", "warning"]
            proxy.environment = ["INSIGHTS_PROXY_TOKEN": token, "PATH": "/usr/bin:/bin"]
            let output = Pipe()
            proxy.standardOutput = output
            proxy.standardError = FileHandle.nullDevice
            try proxy.run()
            var line = Data()
            while !line.contains(UInt8(ascii: "\n")) {
                let chunk = output.fileHandleForReading.availableData
                guard !chunk.isEmpty else { break }
                line.append(chunk)
            }
            let text = String(decoding: line, as: UTF8.self)
            guard let range = text.range(of: "listening on ") else {
                proxy.terminate()
                server.terminate()
                throw InsightsProcessError(message: "insights proxy did not start: \(text)")
            }
            let url = text[range.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
            return Setup(directory: directory, token: token, server: server, proxy: proxy, proxyURL: url)
        }

        func stop() {
            proxy.terminate()
            proxy.waitUntilExit()
            server.terminate()
            try? FileManager.default.removeItem(at: directory)
        }
    }

    @Test func seedExamplesRunThroughTheProxyWithoutCredentials() async throws {
        let setup = try Setup.start()
        defer { setup.stop() }

        try CloudSeedEndToEndTests.replaySeeds { method, path, body in
            var arguments = [
                "--proxy", setup.proxyURL, "--request", method, "http://api.bitbucket.org/2.0/repositories/\(path)",
            ]
            if let body { arguments += ["--header", "Content-Type: application/json", "--data-raw", body] }
            return try Curl.run(arguments)
        }

        // Page links name the host the client asked for, so a script keeps following them through the proxy.
        let commit = "PROJ/my-repo/commit/\(CloudSeedEndToEndTests.commit)"
        for key in ["a", "b"] {
            _ = try Curl.run([
                "--proxy", setup.proxyURL, "--request", "PUT",
                "http://api.bitbucket.org/2.0/repositories/\(commit)/reports/\(key)",
                "--header", "Content-Type: application/json", "--data-raw",
                #"{"title":"t","details":"d","report_type":"BUG"}"#,
            ])
        }
        let page = try Curl.run([
            "--proxy", setup.proxyURL, "http://api.bitbucket.org/2.0/repositories/\(commit)/reports?pagelen=1",
        ])
        #expect(page.body.contains(#""next":"http://api.bitbucket.org/2.0/repositories/"#), "\(page.body)")

        let elsewhere = try Curl.run(["--proxy", setup.proxyURL, "http://example.com/2.0/repositories/\(commit)"])
        #expect(elsewhere.status == 403)
        let direct = try Curl.run(["\(setup.server.baseURL)/2.0/repositories/\(commit)/reports"])
        #expect(direct.status == 401, "the main listener still needs credentials (D51)")
    }

    @Test func publishTargetCloudThroughTheProxy() async throws {
        let setup = try Setup.start()
        defer { setup.stop() }
        let work = setup.directory.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let file = try GeneratedSARIF(PublishEndToEndTests.findings(120)).write(named: "p.sarif", in: work)
        let proxy = setup.proxyURL.replacingOccurrences(of: "http://", with: "")
        let arguments = [
            "--target", "cloud", "--proxy", proxy, "--workspace", "PROJ", "--repo", "my-repo", "--commit",
            CloudSeedEndToEndTests.commit, "--key", "mysystem-proxy", file,
        ]

        let run = try PublishRun.run(arguments, token: nil, in: work)

        #expect(run.status == 0, "\(run.stderr)")
        let url =
            "\(setup.server.baseURL)/2.0/repositories/PROJ/my-repo/commit/\(CloudSeedEndToEndTests.commit)"
            + "/reports/mysystem-proxy/annotations?pagelen=1"
        let listed = try await HTTP.send("GET", url, token: setup.token)
        #expect(listed.text.contains(#""size":120"#), "\(listed.text)")
        let again = try PublishRun.run(arguments, token: nil, in: work)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try await HTTP.send("GET", url, token: setup.token).text.contains(#""size":120"#))
    }
}
