import Foundation
import Testing

/// Runs the real `insights publish` binary against a real `insights serve` (Data Center dialect) and checks, through
/// the server's own REST API, what was stored: counts, reruns, the cap, chunking, truncation, change filters and
/// exit codes.
@Suite(.serialized) struct PublishEndToEndTests {
    static let commit = "0123456789abcdef0123456789abcdef01234567"

    /// `Tests/InsightsConvertersTests/Fixtures`, found from this file.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("InsightsConvertersTests/Fixtures")

    /// Just enough SARIF to count results independently of the converter.
    private struct SARIFResultCount: Decodable {
        struct Run: Decodable { let results: [Ignored] }
        struct Ignored: Decodable {}
        let runs: [Run]
        var count: Int { runs.reduce(0) { $0 + $1.results.count } }
    }

    /// A committed fixture and how many findings it holds, counted from the file itself.
    struct Fixture: CustomTestStringConvertible, Sendable {
        let path: String
        let key: String
        var url: URL { PublishEndToEndTests.fixtures.appendingPathComponent(path) }
        var testDescription: String { path }

        func expectedFindings() throws -> Int {
            let data = try Data(contentsOf: url)
            if path.hasSuffix(".sarif") { return try JSONDecoder().decode(SARIFResultCount.self, from: data).count }
            // Checkstyle: one <error> element per finding.
            return String(decoding: data, as: UTF8.self).components(separatedBy: "<error ").count - 1
        }
    }

    static let publishedFixtures = [
        Fixture(path: "sarif/ruff.sarif", key: "com.example.ruff"),
        Fixture(path: "sarif/semgrep.sarif", key: "com.example.semgrep"),
        Fixture(path: "checkstyle/shellcheck.xml", key: "com.example.shellcheck"),
    ]

    /// `count` findings cycling error/warning/warning/note/note, each on its own line with its own message.
    static func findings(_ count: Int, message: (Int) -> String = { "Finding number \($0)" }) -> [GeneratedSARIF
        .Finding]
    {
        let levels = ["error", "warning", "warning", "note", "note"]
        return (0..<count).map { index in
            GeneratedSARIF.Finding(
                ruleID: "R\(index % 7)", level: levels[index % levels.count], path: "src/file\(index % 10).py",
                line: index + 1, message: message(index))
        }
    }

    @Test(arguments: publishedFixtures)
    func publishCreatesTheReportAndOneAnnotationPerFinding(_ fixture: Fixture) async throws {
        let expected = try fixture.expectedFindings()
        try #require(expected > 0)
        let server = try PublishTestServer.start()
        defer { server.stop() }

        let run = try server.publish([fixture.url.path], commit: Self.commit, key: fixture.key)

        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Published "))
        let report = try #require(try await server.report(commit: Self.commit, key: fixture.key))
        #expect(report.key == fixture.key)
        #expect(report.number("Findings") == expected)
        #expect(report.number("Shown") == expected)
        let stored = try await server.annotations(commit: Self.commit, key: fixture.key)
        #expect(stored.annotations.count == expected)
        #expect(Set(stored.annotations.compactMap(\.externalId)).count == expected)
    }

    @Test func rerunLeavesOneReportWithTheSameAnnotations() async throws {
        let fixture = Self.publishedFixtures[0]
        let server = try PublishTestServer.start()
        defer { server.stop() }

        let first = try server.publish([fixture.url.path], commit: Self.commit, key: fixture.key)
        try #require(first.status == 0, "\(first.stderr)")
        let before = try await server.annotations(commit: Self.commit, key: fixture.key)
        let second = try server.publish([fixture.url.path], commit: Self.commit, key: fixture.key)
        try #require(second.status == 0, "\(second.stderr)")
        let after = try await server.annotations(commit: Self.commit, key: fixture.key)

        #expect(try await server.reportCount(commit: Self.commit) == 1)
        #expect(after.annotations.count == before.annotations.count)
        let expected = try fixture.expectedFindings()
        #expect(after.annotations.count == expected)
        #expect(
            after.annotations.compactMap(\.externalId).sorted() == before.annotations.compactMap(\.externalId).sorted())
        #expect(after.annotations.map(\.message).sorted() == before.annotations.map(\.message).sorted())
    }

    @Test func capKeepsTheMostSevereAndReportsWhatWasShown() async throws {
        let server = try PublishTestServer.start()
        defer { server.stop() }
        // 1,500 findings: 300 error (HIGH), 600 warning (MEDIUM), 600 note (LOW).
        let file = try GeneratedSARIF(Self.findings(1500)).write(named: "many.sarif", in: server.workspace)

        let run = try server.publish(
            ["--max-annotations", "1000", file], commit: Self.commit, key: "com.example.capped")

        #expect(run.status == 0, "\(run.stderr)")
        let stored = try await server.annotations(commit: Self.commit, key: "com.example.capped")
        #expect(stored.annotations.count == 1000)
        #expect(stored.severityCounts == ["HIGH": 300, "MEDIUM": 600, "LOW": 100])
        #expect(Set(stored.annotations.compactMap(\.externalId)).count == 1000)
        let report = try #require(try await server.report(commit: Self.commit, key: "com.example.capped"))
        #expect(report.number("Findings") == 1500)
        #expect(report.number("Shown") == 1000)
    }

    /// The client cannot know a server's per-report cap in advance. When the server refuses annotations past it and
    /// names it, the whole sequence runs again with the most severe annotations up to the cap and `Shown` updated,
    /// so a rerun never leaves the report without annotations.
    @Test func publishingPastTheServersCapSendsTheMostSevereUpToIt() async throws {
        let server = try PublishTestServer.start(["--max-annotations-per-report", "50"])
        defer { server.stop() }
        // 200 findings: 40 error (HIGH), 80 warning (MEDIUM), 80 note (LOW).
        let file = try GeneratedSARIF(Self.findings(200)).write(named: "over.sarif", in: server.workspace)
        let key = "com.example.overcap"

        let run = try server.publish(["--max-annotations", "1000", file], commit: Self.commit, key: key)

        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout.contains("Server cap:  the server allows at most 50 annotations per report"), "\(run.stdout)")
        #expect(run.stdout.contains("Findings:    200 reported, 50 shown"), "\(run.stdout)")
        // PUT, DELETE, the refused POST; then PUT, DELETE, POST again.
        #expect(run.stdout.contains("Requests:    6 (0 retries); 50 annotations sent"), "\(run.stdout)")
        let stored = try await server.annotations(commit: Self.commit, key: key)
        #expect(stored.severityCounts == ["HIGH": 40, "MEDIUM": 10])
        let report = try #require(try await server.report(commit: Self.commit, key: key))
        #expect(report.number("Findings") == 200)
        #expect(report.number("Shown") == 50)
    }

    /// With several chunks, the first may be stored before a later one passes the cap: the second run deletes it
    /// and leaves exactly the cap's worth.
    @Test func aCapReachedInALaterChunkStillEndsWithExactlyTheCap() async throws {
        let server = try PublishTestServer.start(["--max-annotations-per-report", "1500"])
        defer { server.stop() }
        let file = try GeneratedSARIF(Self.findings(2500)).write(named: "chunks.sarif", in: server.workspace)
        let key = "com.example.overcap.chunks"

        let run = try server.publish(["--max-annotations", "2500", file], commit: Self.commit, key: key)

        #expect(run.status == 0, "\(run.stderr)")
        let stored = try await server.annotations(commit: Self.commit, key: key)
        #expect(stored.annotations.count == 1500)
        #expect(Set(stored.annotations.compactMap(\.externalId)).count == 1500)
        #expect(stored.severityCounts == ["HIGH": 500, "MEDIUM": 1000])
        let report = try #require(try await server.report(commit: Self.commit, key: key))
        #expect(report.number("Shown") == 1500)
    }

    /// 2,500 annotations with messages at the 2,000-character limit go out as three `POST`s of at most 1,000
    /// (about 2 MB each), all within the server's default 8 MiB body limit.
    @Test func manyAnnotationsArriveInChunks() async throws {
        let server = try PublishTestServer.start(["--max-annotations-per-report", "5000"])
        defer { server.stop() }
        let findings = Self.findings(2500) { index in "Finding \(index) " + String(repeating: "x", count: 2500) }
        let file = try GeneratedSARIF(findings).write(named: "chunked.sarif", in: server.workspace)

        let run = try server.publish(
            ["--max-annotations", "2500", file], commit: Self.commit, key: "com.example.chunked")

        #expect(run.status == 0, "\(run.stderr)")
        // PUT, DELETE and three POSTs.
        #expect(run.stdout.contains("Requests:    5 (0 retries); 2500 annotations sent"), "\(run.stdout)")
        let stored = try await server.annotations(commit: Self.commit, key: "com.example.chunked")
        #expect(stored.annotations.count == 2500)
        #expect(Set(stored.annotations.compactMap(\.externalId)).count == 2500)
        #expect(stored.annotations.allSatisfy { $0.message.utf16.count <= 2000 })
    }

    @Test func overlongMessageAndIdentifiersAreCutToTheLimits() async throws {
        let server = try PublishTestServer.start()
        defer { server.stop() }
        let message = String(repeating: "m", count: 5000)
        let finding = GeneratedSARIF.Finding(
            ruleID: String(repeating: "r", count: 600), level: "warning", path: "src/long.py", line: 3,
            message: message, fingerprint: String(repeating: "f", count: 600))
        let file = try GeneratedSARIF([finding]).write(named: "long.sarif", in: server.workspace)

        let run = try server.publish([file], commit: Self.commit, key: "com.example.long")

        #expect(run.status == 0, "\(run.stderr)")
        let stored = try await server.annotations(commit: Self.commit, key: "com.example.long")
        let annotation = try #require(stored.annotations.first)
        #expect(stored.annotations.count == 1)
        #expect(annotation.message.utf16.count <= 2000)
        #expect(annotation.message.hasSuffix("…"))
        #expect(message.hasPrefix(annotation.message.dropLast()))
        let externalID = try #require(annotation.externalId)
        #expect(externalID.utf16.count <= 449)
        #expect(annotation.path == "src/long.py")
        #expect(annotation.line == 3)
    }

    @Test func changeFiltersPublishOnlyFindingsInTheChange() async throws {
        let server = try PublishTestServer.start()
        defer { server.stop() }
        let repository = try GitFixtureRepository(
            directory: server.workspace.appendingPathComponent("repo", isDirectory: true))
        let lines = (1...10).map { "line \($0)" }
        try repository.write(lines.joined(separator: "\n") + "\n", to: "src/app.py")
        try repository.write(lines.joined(separator: "\n") + "\n", to: "src/other.py")
        let base = try repository.commitAll("base")
        var changed = lines
        changed[2] = "changed 3"
        changed[6] = "changed 7"
        try repository.write(changed.joined(separator: "\n") + "\n", to: "src/app.py")
        let head = try repository.commitAll("change lines 3 and 7")
        let findings = [
            GeneratedSARIF.Finding(ruleID: "A", level: "warning", path: "src/app.py", line: 3, message: "on 3"),
            GeneratedSARIF.Finding(ruleID: "A", level: "warning", path: "src/app.py", line: 5, message: "on 5"),
            GeneratedSARIF.Finding(ruleID: "A", level: "warning", path: "src/app.py", line: 7, message: "on 7"),
            GeneratedSARIF.Finding(ruleID: "A", level: "warning", path: "src/other.py", line: 3, message: "other 3"),
        ]
        let file = try GeneratedSARIF(findings).write(named: "findings.sarif", in: server.workspace)
        let expectations: [(filter: String, messages: [String])] = [
            ("lines", ["on 3", "on 7"]),
            ("files", ["on 3", "on 5", "on 7"]),
            ("all", ["on 3", "on 5", "on 7", "other 3"]),
        ]

        for (filter, messages) in expectations {
            let key = "com.example.filter-\(filter)"
            let run = try server.publish(
                ["--filter", filter, "--base", base, file], commit: head, key: key, in: repository.directory)
            #expect(run.status == 0, "\(filter): \(run.stderr)")
            let stored = try await server.annotations(commit: head, key: key)
            #expect(stored.annotations.map(\.message).sorted() == messages, "--filter \(filter)")
            #expect(Set(stored.annotations.compactMap(\.path)).isSubset(of: ["src/app.py", "src/other.py"]))
            let report = try #require(try await server.report(commit: head, key: key))
            #expect(report.number("Shown") == messages.count)
        }
    }

    @Test func failOnExitsOneButStillPublishes() async throws {
        let server = try PublishTestServer.start()
        defer { server.stop() }
        let findings = [
            GeneratedSARIF.Finding(ruleID: "E1", level: "error", path: "src/a.py", line: 1, message: "high one"),
            GeneratedSARIF.Finding(ruleID: "N1", level: "note", path: "src/a.py", line: 2, message: "low one"),
        ]
        let file = try GeneratedSARIF(findings).write(named: "fail.sarif", in: server.workspace)

        let run = try server.publish(["--fail-on", "high", file], commit: Self.commit, key: "com.example.failon")

        #expect(run.status == 1)
        #expect(run.stderr.contains("1 finding(s) at or above high"), "\(run.stderr)")
        #expect(run.stdout.contains("Published "))
        let stored = try await server.annotations(commit: Self.commit, key: "com.example.failon")
        #expect(stored.severityCounts == ["HIGH": 1, "LOW": 1])
    }

    @Test func wrongTokenExitsThreeWithTheServersMessage() async throws {
        let server = try PublishTestServer.start()
        defer { server.stop() }
        let wrongToken = "not-the-token-" + UUID().uuidString
        let fixture = Self.publishedFixtures[0]

        let run = try server.publish(
            [fixture.url.path], commit: Self.commit, key: fixture.key, token: wrongToken)

        #expect(run.status == 3)
        #expect(run.stderr.contains("PUT \(server.reportURL(commit: Self.commit, key: fixture.key))"), "\(run.stderr)")
        #expect(run.stderr.contains("HTTP 401"), "\(run.stderr)")
        #expect(run.stderr.contains("Authentication failed. Please check your credentials and try again."))
        #expect(!run.stderr.contains(wrongToken) && !run.stdout.contains(wrongToken))
        #expect(try await server.report(commit: Self.commit, key: fixture.key) == nil)
    }
}
