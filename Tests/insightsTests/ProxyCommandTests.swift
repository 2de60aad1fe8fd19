import Foundation
import Testing

/// `insights proxy` as a process: its refusal to start without a credential, and a report published through it to a
/// real `insights serve` by a client that has no token, with the token never in the proxy's output.
@Suite(.serialized) struct ProxyCommandTests {
    static let commit = "89abcdef0123456789abcdef0123456789abcdef"

    @Test func refusesToStartWithoutACredential() throws {
        let run = try CommandLineTests.run(
            ["proxy", "--port", "0"],
            environment: ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("INSIGHTS_PROXY_") })
        #expect(run.status == 2)
        #expect(run.errors.contains("No credential to add"), "\(run.errors)")
    }

    @Test func addsTheTokenForAClientWithoutOneAndNeverLogsIt() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("insights-proxy-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let output = try InsightsProcess.run([
            "admin", "init", "--user", "ci", "--repository", "PROJ/my-repo", "--data-dir", directory.path,
        ])
        let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("export INSIGHTS_TOKEN=") })
        let token = String(line.dropFirst("export INSIGHTS_TOKEN=".count))
        let server = InsightsProcess(dataDirectory: directory)
        try server.start()
        defer { server.terminate() }

        let proxy = Process()
        proxy.executableURL = InsightsProcess.binary
        proxy.arguments = ["proxy", "--port", "0", "--upstream", server.baseURL, "--log-level", "trace"]
        proxy.environment = ProcessInfo.processInfo.environment.merging(["INSIGHTS_PROXY_TOKEN": token]) { $1 }
        let proxyOutput = Pipe()
        let proxyLog = directory.appendingPathComponent("proxy.err")
        _ = FileManager.default.createFile(atPath: proxyLog.path, contents: nil)
        proxy.standardOutput = proxyOutput
        proxy.standardError = try FileHandle(forWritingTo: proxyLog)
        try proxy.run()
        var ready = ""
        while !ready.contains("\n") {
            let chunk = proxyOutput.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            ready += String(decoding: chunk, as: UTF8.self)
        }
        let address = try #require(ready.range(of: "insights proxy listening on ").map { ready[$0.upperBound...] })
            .prefix { !$0.isNewline }

        let report =
            "http://api.bitbucket.org/rest/insights/latest/projects/PROJ/repos/my-repo/commits/\(Self.commit)"
            + "/reports/com.example.lint"
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        curl.arguments = [
            "curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "--proxy", String(address), "-X", "PUT", report,
            "-H", "Content-Type: application/json", "-d", #"{"title":"Lint","result":"PASS"}"#,
        ]
        let curlOutput = Pipe()
        curl.standardOutput = curlOutput
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            curl.terminationHandler = { _ in continuation.resume() }
            do { try curl.run() } catch { continuation.resume(throwing: error) }
        }
        let status = String(decoding: curlOutput.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        proxy.terminate()
        proxy.waitUntilExit()
        #expect(status == "200")
        let stored = try await HTTP.send(
            "GET", server.baseURL + report.dropFirst("http://api.bitbucket.org".count), token: token)
        #expect(stored.text.contains(#""title":"Lint""#))
        let logged = try String(contentsOf: proxyLog, encoding: .utf8)
        let printed = ready + String(decoding: proxyOutput.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(logged.contains("http.status=200"), "\(logged)")
        #expect(!logged.contains(token))
        #expect(!printed.contains(token))
        #expect(!logged.contains(Data(token.utf8).base64EncodedString()))
    }
}
