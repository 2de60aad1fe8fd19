import Foundation
import Testing

/// What a new user sees when something is set up wrong: which database is used, a port that is taken, a missing
/// token, a token that cannot expire in the future.
@Suite struct FirstRunTests {
    /// A fresh folder for one test's data.
    private static func scratchDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("insights-first-run-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// The line `serve` and `admin init` print for the database in `directory`.
    private static func databaseLine(_ directory: URL) -> String {
        "insights database: \(directory.appendingPathComponent("insights.sqlite").standardizedFileURL.path)"
    }

    @Test func theReadmeSaysTheFirstBuildTakesMinutes() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let firstCommand = try #require(text.range(of: "swift run -c release insights serve"))
        let nextSection = text[firstCommand.upperBound...].range(of: "\n## ")?.lowerBound ?? text.endIndex
        let besideIt = text[firstCommand.upperBound..<nextSection]
        #expect(besideIt.contains("minutes") && besideIt.contains("2 cores"), "\(besideIt)")
        #expect(besideIt.contains("SwiftPM shows its own progress"))
    }

    @Test func serveNamesItsDatabaseBeforeItsAddress() throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = Process()
        process.executableURL = InsightsProcess.binary
        process.arguments = ["serve", "--port", "0", "--data-dir", directory.path, "--log-level", "warning"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !text.contains("listening on") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        let lines = text.split(separator: "\n").map(String.init)
        try #require(lines.count >= 2, "\(text)")
        #expect(lines[0] == Self.databaseLine(directory))
        #expect(lines[1].hasPrefix("insights listening on http://127.0.0.1:"))
    }

    @Test func adminInitNamesItsDatabaseFirst() throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }

        let result = try CommandLineTests.run([
            "admin", "init", "--user", "ci", "--repository", "PROJ/app", "--data-dir", directory.path,
        ])

        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.split(separator: "\n").first.map(String.init) == Self.databaseLine(directory))
        #expect(result.output.hasPrefix("export INSIGHTS_TOKEN="))
    }

    @Test func aPortInUseIsNamedWithAHintAtPort() throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let occupier = InsightsProcess(dataDirectory: directory.appendingPathComponent("first"))
        try FileManager.default.createDirectory(at: occupier.dataDirectory, withIntermediateDirectories: true)
        try occupier.start()
        defer { occupier.terminate() }
        let port = try #require(occupier.baseURL.split(separator: ":").last.map(String.init))

        let second = try CommandLineTests.run([
            "serve", "--port", port, "--data-dir", directory.appendingPathComponent("second").path,
        ])

        #expect(second.status != 0)
        let lines = second.errors.split(separator: "\n")
        #expect(lines.count == 1, "\(second.errors)")
        #expect(second.errors.contains("127.0.0.1:\(port)"), "\(second.errors)")
        #expect(second.errors.contains("already in use"))
        #expect(second.errors.contains("--port"))
        #expect(!second.errors.contains("errno"))
    }

    @Test(arguments: [["serve", "--port", "0"], ["admin", "list-repos"]])
    func anUnreachableDatabaseIsNamedWithoutItsPassword(command: [String]) throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Port 1 on the loopback address: nothing listens there.
        let result = try CommandLineTests.run(
            command + [
                "--data-dir", directory.path, "--database", "postgres://insights:s3cret@127.0.0.1:1/insights",
                "--database-connect-timeout-seconds", "1", "--database-query-timeout-seconds", "1",
            ])

        #expect(result.status == 1, "\(result.errors)")
        let expected =
            "insights \(command[0]): cannot open the database postgres://insights@127.0.0.1:1/insights: "
            + "no answer within 1 s"
        #expect(result.errors.contains(expected), "\(result.errors)")
        #expect(!result.errors.contains("s3cret") && !result.output.contains("s3cret"))
        #expect(!result.output.contains("listening"))
    }

    @Test(arguments: [["--expires-in-days", "-1"], ["--expires-in-days=-1"], ["--expires-in-days", "0"]])
    func aTokenMustExpireInTheFuture(expiry: [String]) throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try InsightsProcess.run(["admin", "create-user", "ci", "--data-dir", directory.path])

        let result = try CommandLineTests.run(
            [
                "admin", "create-token", "ci", "--name", "expired", "--data-dir", directory.path,
            ] + expiry)

        #expect(result.status == 2, "\(result.output)\(result.errors)")
        #expect(result.errors.contains("--expires-in-days must be at least 1"), "\(result.errors)")
        #expect(result.output.isEmpty)
    }

    @Test(arguments: [nil, ""] as [String?])
    func publishWithoutATokenSaysWhereTheTokenIsRead(token: String?) throws {
        let server = try PublishTestServer.start()
        defer { server.stop() }
        let fixture = PublishEndToEndTests.publishedFixtures[0]

        let run = try PublishRun.run(
            server.targetArguments(commit: PublishEndToEndTests.commit, key: fixture.key) + [fixture.url.path],
            token: token, in: server.workspace)

        #expect(run.status == 3)
        #expect(run.stderr.contains("HTTP 401"), "\(run.stderr)")
        #expect(run.stderr.contains("No token was found: INSIGHTS_TOKEN is unset or empty"), "\(run.stderr)")
        #expect(run.stderr.contains("--token-file") && run.stderr.contains("--token-env"))
        #expect(run.stderr.contains("--data-dir"))
        #expect(!run.stderr.contains("Authentication failed"), "not a wrong password: \(run.stderr)")
    }

    @Test func aWrongTokenForThisServerPointsAtTheDataDirectory() throws {
        let server = try PublishTestServer.start()
        defer { server.stop() }
        let fixture = PublishEndToEndTests.publishedFixtures[0]

        let run = try server.publish(
            [fixture.url.path], commit: PublishEndToEndTests.commit, key: fixture.key, token: "wrong-\(UUID())")

        #expect(run.status == 3)
        #expect(run.stderr.contains("Authentication failed"), "\(run.stderr)")
        #expect(run.stderr.contains("--data-dir"), "\(run.stderr)")
        #expect(!run.stderr.contains("No token was found"))
    }
}
