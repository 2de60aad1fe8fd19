import Foundation
import Synchronization
import Testing

/// Drives the built `insights` binary over real HTTP, from `admin init` to a published report, and checks that every
/// acknowledged write survives SIGKILL.
@Suite(.serialized) struct EndToEndTests {
    static let commit = "89abcdef0123456789abcdef0123456789abcdef"

    func freshDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "insights-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    func token(dataDirectory: URL) throws -> String {
        let output = try InsightsProcess.run([
            "admin", "init", "--user", "ci", "--repository", "PROJ/my-repo", "--data-dir", dataDirectory.path,
        ])
        let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("export INSIGHTS_TOKEN=") })
        return String(line.dropFirst("export INSIGHTS_TOKEN=".count))
    }

    @Test func quickStartPublishesAReport() async throws {
        let directory = try freshDirectory()
        let token = try token(dataDirectory: directory)
        let server = InsightsProcess(dataDirectory: directory)
        try server.start()
        defer { server.terminate() }
        let report =
            "\(server.baseURL)/rest/insights/latest/projects/PROJ/repos/my-repo/commits/\(Self.commit)/reports/com.example.lint"
        let put = try await HTTP.send("PUT", report, token: token, body: #"{"title":"Lint","result":"PASS"}"#)
        #expect(put.status == 200, "\(put.text)")
        let get = try await HTTP.send("GET", report, token: token)
        #expect(get.status == 200)
        #expect(get.text.contains(#""title":"Lint""#))
        let anonymous = try await HTTP.send("GET", report, token: nil)
        #expect(anonymous.status == 401)
        let status = try await HTTP.send("GET", "\(server.baseURL)/status", token: nil)
        #expect(status.text == #"{"state":"RUNNING"}"#)
        let metrics = try await HTTP.send("GET", "\(server.baseURL)/metrics", token: nil)
        #expect(metrics.text.contains("insights_reports_stored 1"))
        #expect(metrics.text.contains("http_requests_total"))
    }

    /// The commit-wide query answers from the response cache only while the commit is unchanged, also when another
    /// process (here `insights admin`) changes the database.
    @Test func commitWideQueryFollowsWritesOfOtherProcesses() async throws {
        let directory = try freshDirectory()
        let token = try token(dataDirectory: directory)
        let server = InsightsProcess(dataDirectory: directory)
        try server.start()
        defer { server.terminate() }
        let commit = "\(server.baseURL)/rest/insights/latest/projects/PROJ/repos/my-repo/commits/\(Self.commit)"
        _ = try await HTTP.send("PUT", "\(commit)/reports/lint", token: token, body: #"{"title":"Lint"}"#)
        let post = try await HTTP.send(
            "POST", "\(commit)/reports/lint/annotations", token: token,
            body: #"{"annotations":[{"externalId":"a","message":"m","severity":"LOW"}]}"#)
        #expect(post.status == 204, "\(post.text)")
        for _ in 0..<2 {
            let query = try await HTTP.send("GET", "\(commit)/annotations", token: token)
            #expect(query.text.contains(#""externalId":"a""#), "\(query.text)")
        }
        let metrics = try await HTTP.send("GET", "\(server.baseURL)/metrics", token: nil)
        #expect(metrics.text.contains(#"insights_response_cache_requests_total{result="hit"} 1"#), "\(metrics.text)")

        let dataDirectory = ["--data-dir", directory.path]
        _ = try InsightsProcess.run(["admin", "delete-repo", "PROJ/my-repo"] + dataDirectory)
        _ = try InsightsProcess.run(["admin", "create-repo", "PROJ/my-repo"] + dataDirectory)
        _ = try InsightsProcess.run(["admin", "grant", "ci", "read", "--repo", "PROJ/my-repo"] + dataDirectory)

        let after = try await HTTP.send("GET", "\(commit)/annotations", token: token)
        #expect(after.status == 200)
        #expect(after.text == #"{"annotations":[]}"#)
    }

    /// `INSIGHTS_EXECUTOR` chooses where tasks run; the server answers either way.
    @Test(arguments: ["event-loop", "swift"])
    func bothExecutorsServe(executor: String) async throws {
        let directory = try freshDirectory()
        let token = try token(dataDirectory: directory)
        let server = InsightsProcess(dataDirectory: directory)
        try server.start(environment: ["INSIGHTS_EXECUTOR": executor])
        defer { server.terminate() }
        let report =
            "\(server.baseURL)/rest/insights/latest/projects/PROJ/repos/my-repo/commits/\(Self.commit)/reports/k"
        let put = try await HTTP.send("PUT", report, token: token, body: #"{"title":"T"}"#)
        #expect(put.status == 200, "\(put.text)")
        let get = try await HTTP.send("GET", report, token: token)
        #expect(get.text.contains(#""title":"T""#))
    }

    /// SIGTERM and SIGINT stop the server gracefully: it exits with 0 and logs no error.
    @Test(arguments: [SIGTERM, SIGINT])
    func signalsStopTheServerGracefully(signal: Int32) async throws {
        let directory = try freshDirectory()
        let server = InsightsProcess(dataDirectory: directory)
        try server.start()
        let live = try await HTTP.send("GET", "\(server.baseURL)/health/live", token: nil)
        #expect(live.status == 200)

        let exit = server.stop(with: signal)

        #expect(exit.reason == .exit)
        #expect(exit.status == 0)
        #expect(!exit.errors.contains(" error "), "\(exit.errors)")
    }

    @Test func acknowledgedWritesSurviveSIGKILL() async throws {
        let directory = try freshDirectory()
        let token = try token(dataDirectory: directory)
        let server = InsightsProcess(dataDirectory: directory)
        try server.start()
        let base = "\(server.baseURL)/rest/insights/latest/projects/PROJ/repos/my-repo/commits/\(Self.commit)/reports"
        let progress = AcknowledgementCounter()
        async let acknowledged = Self.putReportsUntilRefused(base: base, token: token, progress: progress)
        // Kill once the stream is well under way, however fast this machine is.
        let deadline = ContinuousClock.now + .seconds(60)
        while progress.value.withLock({ $0 }) < 25, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        server.kill()
        let written = await acknowledged
        #expect(written.count >= 25, "the stream was running when the server was killed")

        let restarted = InsightsProcess(dataDirectory: directory)
        try restarted.start()
        defer { restarted.terminate() }
        let restartedBase = base.replacingOccurrences(of: server.baseURL, with: restarted.baseURL)
        var missing: [Int] = []
        for index in written {
            let one = try await HTTP.send("GET", "\(restartedBase)/report-\(index)", token: token)
            if one.status != 200 { missing.append(index) }
        }
        #expect(missing.isEmpty, "acknowledged but lost: \(missing)")
    }

    /// PUTs reports one after another until the server stops answering, counting acknowledgements in `progress`;
    /// returns the indexes it acknowledged.
    static func putReportsUntilRefused(base: String, token: String, progress: AcknowledgementCounter) async -> [Int] {
        var acknowledged: [Int] = []
        for index in 0..<100_000 {
            guard
                let response = try? await HTTP.send(
                    "PUT", "\(base)/report-\(index)", token: token, body: #"{"title":"Report \#(index)"}"#),
                response.status == 200
            else { break }
            acknowledged.append(index)
            progress.value.withLock { $0 += 1 }
        }
        return acknowledged
    }
}

/// How many writes the server has acknowledged so far, shared between the writing task and the test.
final class AcknowledgementCounter: Sendable {
    let value = Mutex(0)
}
