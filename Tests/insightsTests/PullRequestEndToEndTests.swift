import Foundation
import Testing

/// Pull requests on the built binary: `admin link-repo` and `admin merge-check`, a pull request opened over HTTP on
/// the fixture repository (Tests/Fixtures/pull-request-repo.sh), reports published with `insights publish`, the
/// placed insights, the merge check and its refusal, a push to the source branch followed by the scheduled fetch,
/// and declining.
@Suite(.serialized) struct PullRequestEndToEndTests {
    private static let pullRequests = "/rest/api/latest/projects/PROJ/repos/repo/pull-requests"
    private static let insights = "/rest/insights/latest/projects/PROJ/repos/repo"

    @Test func linkOpenPublishPlaceCheckPushAndDecline() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("insights-pr-e2e-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        let repository = try GitFixtureRepository(pullRequestFixtureAt: root.appendingPathComponent("repo"))
        let data = root.appendingPathComponent("data")
        let dataDirectory = ["--data-dir", data.path]
        let output = try InsightsProcess.run(
            ["admin", "init", "--user", "ci", "--repository", "PROJ/repo"] + dataDirectory)
        let token = try #require(
            output.split(separator: "\n").first { $0.hasPrefix("export INSIGHTS_TOKEN=") }?
                .dropFirst("export INSIGHTS_TOKEN=".count))

        let unreachable = try CommandLineTests.run(
            ["admin", "link-repo", "PROJ/repo", "--git", root.appendingPathComponent("nothing").path] + dataDirectory)
        #expect(unreachable.status != 0)
        #expect(unreachable.errors.contains("nothing"), "\(unreachable.errors)")
        let linked = try CommandLineTests.run(
            ["admin", "link-repo", "PROJ/repo", "--git", repository.directory.path] + dataDirectory)
        #expect(linked.status == 0, "\(linked.errors)")
        let listed = try CommandLineTests.run(["admin", "list-repos"] + dataDirectory)
        #expect(listed.output.contains("git: \(repository.directory.path)"), "\(listed.output)")
        let policy = try CommandLineTests.run(
            ["admin", "merge-check", "PROJ/repo", "--require", "com.example.tests", "--block-severity", "HIGH"]
                + dataDirectory)
        #expect(policy.status == 0, "\(policy.errors)")

        let server = InsightsProcess(dataDirectory: data)
        try server.start(arguments: ["--git-fetch-interval-seconds", "1"])
        defer { server.terminate() }
        let base = server.baseURL
        let opened = try await HTTP.send(
            "POST", base + Self.pullRequests, token: String(token),
            body: #"{"title":"Feature","fromRef":{"id":"refs/heads/feature"},"toRef":{"id":"refs/heads/main"}}"#)
        #expect(opened.status == 201, "\(opened.text)")
        let feature = try repository.git(["rev-parse", "feature"]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(
            try Self.object(opened)["fromRef"].flatMap { $0 as? [String: Any] }?["latestCommit"] as? String == feature)

        // Published from a working tree at the source tip, as CI does.
        try repository.git(["checkout", "-q", "feature"])
        let sarif = try GeneratedSARIF([
            .init(ruleID: "R1", level: "error", path: "src/app.swift", line: 5, message: "on a changed line"),
            .init(ruleID: "R2", level: "note", path: "src/app.swift", line: 1, message: "on an unchanged line"),
            .init(ruleID: "R3", level: "warning", path: "src/shared.swift", line: 20, message: "moved by main"),
        ]).write(named: "lint.sarif", in: root)
        let target = ["--url", base, "--project", "PROJ", "--repo", "repo", "--commit", feature]
        for (key, filter) in [
            ("com.example.lint", ["--filter", "all"]),
            ("com.example.changed", ["--filter", "lines", "--base", "main"]),
        ] {
            let run = try PublishRun.run(
                target + ["--key", key] + filter + [sarif], token: String(token), in: repository.directory)
            #expect(run.status == 0, "\(key): \(run.stderr)")
        }
        let changedOnly = try await HTTP.send(
            "GET", "\(base)\(Self.insights)/commits/\(feature)/reports/com.example.changed/annotations",
            token: String(token))
        let changedMessages = try Self.object(changedOnly)["annotations"] as? [[String: Any]]
        #expect(
            Set(changedMessages?.compactMap { $0["message"] as? String } ?? []) == [
                "on a changed line", "moved by main",
            ])

        let view = try await HTTP.send("GET", "\(base)\(Self.insights)/pull-requests/1/insights", token: String(token))
        #expect(view.status == 200, "\(view.text)")
        let body = try Self.object(view)
        #expect(body["sourceCommit"] as? String == feature)
        #expect((body["reports"] as? [Any])?.count == 2)
        let placed = Self.placements(in: body)
        #expect(placed["on a changed line"] == ["LINE 5", "LINE 5"])
        #expect(placed["moved by main"] == ["LINE 25", "LINE 25"])
        #expect(placed["on an unchanged line"] == ["NOT_SHOWN"])

        let verdict = try Self.object(
            try await HTTP.send("GET", "\(base)\(Self.pullRequests)/1/merge", token: String(token)))
        #expect(verdict["canMerge"] as? Bool == false)
        #expect(verdict["conflicted"] as? Bool == true)
        let vetoes = (verdict["vetoes"] as? [[String: Any]])?.compactMap { $0["summaryMessage"] as? String } ?? []
        #expect(vetoes.contains { $0.contains("com.example.tests") }, "\(vetoes)")
        #expect(vetoes.contains { $0.contains("HIGH") }, "\(vetoes)")
        let refused = try await HTTP.send("POST", "\(base)\(Self.pullRequests)/1/merge?version=0", token: String(token))
        #expect(refused.status == 409, "\(refused.text)")

        // A push to the source branch: the scheduled fetch (every second here) moves the pull request (R1).
        try repository.git([
            "-c", "user.name=CI", "-c", "user.email=ci@example.com", "commit", "-q", "--allow-empty", "-m", "push",
        ])
        let tip = try repository.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        var current: [String: Any] = [:]
        for _ in 0..<60 {
            current = try Self.object(try await HTTP.send("GET", "\(base)\(Self.pullRequests)/1", token: String(token)))
            if (current["fromRef"] as? [String: Any])?["latestCommit"] as? String == tip { break }
            try await Task.sleep(for: .milliseconds(250))
        }
        #expect((current["fromRef"] as? [String: Any])?["latestCommit"] as? String == tip)
        let moved = try Self.object(
            try await HTTP.send("GET", "\(base)\(Self.insights)/pull-requests/1/insights", token: String(token)))
        #expect(moved["sourceCommit"] as? String == tip)
        #expect((moved["reports"] as? [Any])?.isEmpty == true, "reports of the previous source commit are not shown")

        let version = current["version"] as? Int ?? -1
        let declined = try await HTTP.send(
            "POST", "\(base)\(Self.pullRequests)/1/decline?version=\(version)", token: String(token))
        #expect(declined.status == 200, "\(declined.text)")
        #expect(try Self.object(declined)["state"] as? String == "DECLINED")

        #expect(try CommandLineTests.run(["admin", "link-repo", "PROJ/repo"] + dataDirectory).status == 2)
        let unlinked = try CommandLineTests.run(["admin", "link-repo", "PROJ/repo", "--unlink"] + dataDirectory)
        #expect(unlinked.status == 0, "\(unlinked.errors)")
        let apiOnly = try await HTTP.send(
            "POST", base + Self.pullRequests, token: String(token),
            body: #"{"title":"Again","fromRef":{"id":"refs/heads/feature"},"toRef":{"id":"refs/heads/main"}}"#)
        #expect(apiOnly.status == 409, "\(apiOnly.text)")
    }

    /// Fetching turned off: the refresh service then idles instead of ending, which would stop the server.
    @Test func aZeroFetchIntervalKeepsTheServerRunning() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("insights-pr-e2e-\(UUID())")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: data) }
        let server = InsightsProcess(dataDirectory: data)
        try server.start(arguments: ["--git-fetch-interval-seconds", "0"])
        defer { server.terminate() }
        try await Task.sleep(for: .milliseconds(500))
        let live = try await HTTP.send("GET", "\(server.baseURL)/health/live", token: nil)
        #expect(live.status == 200)
    }

    private static func object(_ response: HTTP.Response) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any], "\(response.text)")
    }

    /// Message → placements ("LINE <diff line>", "FILE", "OVERVIEW", "OBSOLETE", "NOT_SHOWN"), one per report.
    private static func placements(in body: [String: Any]) -> [String: [String]] {
        var items: [[String: Any]] = []
        for file in body["files"] as? [[String: Any]] ?? [] {
            items += file["lineAnnotations"] as? [[String: Any]] ?? []
            items += file["fileAnnotations"] as? [[String: Any]] ?? []
        }
        for list in ["overview", "obsolete", "notShown"] { items += body[list] as? [[String: Any]] ?? [] }
        var placements: [String: [String]] = [:]
        for item in items {
            guard let message = item["message"] as? String, let placement = item["placement"] as? String else {
                continue
            }
            let line = (item["diffLine"] as? Int).map { " \($0)" } ?? ""
            placements[message, default: []].append(placement + line)
        }
        return placements
    }
}

extension GitFixtureRepository {
    /// The pull-request fixture repository, made by Tests/Fixtures/pull-request-repo.sh (`main` checked out).
    init(pullRequestFixtureAt directory: URL) throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/pull-request-repo.sh")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path, directory.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw InsightsProcessError(message: "pull-request-repo.sh exited \(process.terminationStatus)")
        }
        self.directory = directory
    }
}
