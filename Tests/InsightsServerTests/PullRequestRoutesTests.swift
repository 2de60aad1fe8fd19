import Foundation
import HTTPTypes
import HummingbirdTesting
import InsightsCore
import InsightsSQLite
import InsightsStore
import Testing

/// Pull requests on the fixture repository (Tests/Fixtures/pull-request-repo.sh) through the HTTP API: opening,
/// placed insights, the merge check, declining, and 404 for commits the linked repository does not have.
@Suite struct PullRequestRoutesTests {
    /// The fixture's commits, as the script prints them.
    struct Fixture {
        var directory: URL
        var main: String
        var feature: String

        static func make() throws -> Fixture {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("insights-pr-\(UUID())")
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Fixtures/pull-request-repo.sh")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = [script.path, directory.path]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            var ids: [String: String] = [:]
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                let parts = line.split(separator: "=", maxSplits: 1)
                if parts.count == 2 { ids[String(parts[0])] = String(parts[1]) }
            }
            return Fixture(directory: directory, main: ids["main"] ?? "", feature: ids["feature"] ?? "")
        }
    }

    private static let api = "/rest/api/latest/projects/PROJ/repos/repo"
    private static let insightsBase = "/rest/insights/latest/projects/PROJ/repos/repo"

    private static func annotation(_ id: String, path: String?, line: Int?, severity: String = "HIGH") -> String {
        let pathField = path.map { #","path":"\#($0)""# } ?? ""
        let lineField = line.map { #","line":\#($0)"# } ?? ""
        return #"{"externalId":"\#(id)","message":"m \#(id)","severity":"\#(severity)"\#(pathField)\#(lineField)}"#
    }

    @Test func openPublishPlaceCheckAndDecline() async throws {
        let fixture = try Fixture.make()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        let server = try await TestServer.make()
        let repo = try RepositoryRef(projectKey: "PROJ", slug: "repo")
        try await server.store.setGitRemote(fixture.directory.path, of: repo)

        try await server.test { client in
            let opened = try await client.send(
                .post, "\(Self.api)/pull-requests", headers: server.headers("alice"),
                json: #"{"title":"Feature","fromRef":{"id":"refs/heads/feature"},"toRef":{"id":"refs/heads/main"}}"#)
            #expect(opened.status == .created)
            let pullRequest = try opened.json()
            #expect(pullRequest["id"] == .number(1))
            #expect(pullRequest["state"] == .string("OPEN"))
            #expect(pullRequest["fromRef"]?["latestCommit"] == .string(fixture.feature))
            #expect(pullRequest["toRef"]?["latestCommit"] == .string(fixture.main))

            let unknownBranch = try await client.send(
                .post, "\(Self.api)/pull-requests", headers: server.headers("alice"),
                json: #"{"title":"X","fromRef":{"id":"refs/heads/nope"},"toRef":{"id":"refs/heads/main"}}"#)
            #expect(unknownBranch.status == .badRequest)

            // D35: a linked repository knows its commits.
            let unknownCommit = String(repeating: "e", count: 40)
            let missing = try await client.send(
                .put, "/rest/insights/latest/projects/PROJ/repos/repo/commits/\(unknownCommit)/reports/lint",
                headers: server.headers("alice"), json: #"{"title":"Lint"}"#)
            #expect(missing.status == .notFound)
            let cloudMissing = try await client.send(
                .put, "/2.0/repositories/PROJ/repo/commit/\(unknownCommit)/reports/lint",
                headers: server.headers("alice"), json: #"{"title":"Lint","details":"d","report_type":"BUG"}"#)
            #expect(cloudMissing.status == .notFound)

            let report = "/rest/insights/latest/projects/PROJ/repos/repo/commits/\(fixture.feature)/reports/lint"
            let put = try await client.send(
                .put, report, headers: server.headers("alice"), json: #"{"title":"Lint","result":"FAIL"}"#)
            #expect(put.status == .ok)
            let annotations = [
                Self.annotation("inline", path: "src/app.swift", line: 5),
                Self.annotation("unchanged", path: "src/app.swift", line: 1),
                Self.annotation("overview", path: nil, line: nil),
                Self.annotation("moved", path: "src/shared.swift", line: 20),
                Self.annotation("obsolete", path: "src/shared.swift", line: 40),
                Self.annotation("binary", path: "assets/logo.png", line: 3),
                Self.annotation("untouched", path: "src/untouched.swift", line: 1),
                Self.annotation("file", path: "src/app.swift", line: 0, severity: "LOW"),
            ]
            let added = try await client.send(
                .post, "\(report)/annotations", headers: server.headers("alice"),
                json: #"{"annotations":[\#(annotations.joined(separator: ","))]}"#)
            #expect(added.status == .noContent)

            let view = try await client.send(
                .get, "\(Self.insightsBase)/pull-requests/1/insights", headers: server.headers("bob"))
            #expect(view.status == .ok)
            let body = try view.json()
            #expect(body["sourceCommit"] == .string(fixture.feature))
            #expect(body["conflicted"] == .bool(true))
            #expect(body["reports"]?.elements.count == 1)
            var placements: [String: (String, JSONValue?)] = [:]
            for file in body["files"]?.elements ?? [] {
                for item in (file["lineAnnotations"]?.elements ?? []) + (file["fileAnnotations"]?.elements ?? []) {
                    if case .string(let id) = item["externalId"], case .string(let placement) = item["placement"] {
                        placements[id] = (placement, item["diffLine"])
                    }
                }
            }
            for list in ["overview", "obsolete", "notShown"] {
                for item in body[list]?.elements ?? [] {
                    if case .string(let id) = item["externalId"], case .string(let placement) = item["placement"] {
                        placements[id] = (placement, nil)
                    }
                }
            }
            #expect(placements["inline"]?.0 == "LINE" && placements["inline"]?.1 == .number(5))
            #expect(placements["moved"]?.0 == "LINE" && placements["moved"]?.1 == .number(25))
            #expect(placements["obsolete"]?.0 == "OBSOLETE")
            #expect(placements["overview"]?.0 == "OVERVIEW")
            #expect(placements["binary"]?.0 == "FILE")
            #expect(placements["file"]?.0 == "FILE")
            #expect(placements["unchanged"]?.0 == "NOT_SHOWN")
            #expect(placements["untouched"]?.0 == "NOT_SHOWN")

            let policy = try await client.send(
                .put, "\(Self.insightsBase)/merge-check", headers: server.headers("rita"),
                json: #"{"requiredReports":["lint","tests"],"blockingSeverity":"HIGH"}"#)
            #expect(policy.status == .ok)
            let notAdmin = try await client.send(
                .put, "\(Self.insightsBase)/merge-check", headers: server.headers("alice"),
                json: #"{"blockingSeverity":"LOW"}"#)
            #expect(notAdmin.status == .forbidden)

            let mergeability = try await client.send(
                .get, "\(Self.api)/pull-requests/1/merge", headers: server.headers("alice"))
            let verdict = try mergeability.json()
            #expect(verdict["canMerge"] == .bool(false))
            #expect(verdict["conflicted"] == .bool(true))
            // lint failed, tests is missing, and HIGH annotations are shown on the change.
            #expect(verdict["vetoes"]?.elements.count == 3)

            let refused = try await client.send(
                .post, "\(Self.api)/pull-requests/1/merge?version=0", headers: server.headers("root"))
            #expect(refused.status == .conflict)
            #expect(try refused.json()["errors"]?.elements.first?["vetoes"]?.elements.count == 3)

            let declinedByBob = try await client.send(
                .post, "\(Self.api)/pull-requests/1/decline", headers: server.headers("bob"))
            #expect(declinedByBob.status == .forbidden)
            let declined = try await client.send(
                .post, "\(Self.api)/pull-requests/1/decline?version=0", headers: server.headers("alice"))
            #expect(declined.status == .ok)
            #expect(try declined.json()["state"] == .string("DECLINED"))

            let listed = try await client.send(
                .get, "\(Self.api)/pull-requests?state=ALL", headers: server.headers("alice"))
            #expect(try listed.json()["values"]?.elements.count == 1)
            let activities = try await client.send(
                .get, "\(Self.api)/pull-requests/1/activities", headers: server.headers("alice"))
            #expect(
                try activities.json()["values"]?.elements.compactMap { $0["action"] } == [
                    .string("DECLINED"), .string("OPENED"),
                ])
        }
    }

    @Test func aPushToTheSourceBranchMovesThePullRequestOnRefresh() async throws {
        let fixture = try Fixture.make()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        let server = try await TestServer.make()
        try await server.store.setGitRemote(
            fixture.directory.path, of: try RepositoryRef(projectKey: "PROJ", slug: "repo"))
        try await server.test { client in
            let opened = try await client.send(
                .post, "\(Self.api)/pull-requests", headers: server.headers("alice"),
                json: #"{"title":"Feature","fromRef":{"id":"refs/heads/feature"},"toRef":{"id":"refs/heads/main"}}"#)
            #expect(opened.status == .created)

            let pushed = try Self.git(
                ["-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", "more"],
                in: fixture.directory, checkout: "feature")
            let refreshedByReader = try await client.send(
                .post, "\(Self.api)/refresh", headers: server.headers("alice"))
            #expect(refreshedByReader.status == .forbidden)
            let refreshed = try await client.send(.post, "\(Self.api)/refresh", headers: server.headers("rita"))
            #expect(refreshed.status == .ok)
            #expect(
                try refreshed.json()["values"]?.elements.contains { $0["latestCommit"] == .string(pushed) } == true)

            let current = try await client.send(
                .get, "\(Self.api)/pull-requests/1", headers: server.headers("alice"))
            #expect(try current.json()["fromRef"]?["latestCommit"] == .string(pushed))
            let view = try await client.send(
                .get, "\(Self.insightsBase)/pull-requests/1/insights", headers: server.headers("alice"))
            #expect(try view.json()["sourceCommit"] == .string(pushed))
            let activities = try await client.send(
                .get, "\(Self.api)/pull-requests/1/activities", headers: server.headers("alice"))
            let latest = try activities.json()["values"]?.elements.first
            #expect(latest?["action"] == .string("RESCOPED"))
            #expect(latest?["previousFromHash"] == .string(fixture.feature))
            #expect(latest?["fromHash"] == .string(pushed))
        }
    }

    /// Runs git in the fixture after checking out a branch; returns the new tip.
    static func git(_ arguments: [String], in directory: URL, checkout branch: String) throws -> String {
        for command in [["checkout", "-q", branch], arguments] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", directory.path] + command
            try process.run()
            process.waitUntilExit()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory.path, "rev-parse", "HEAD"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func apiOnlyRepositoriesHaveNoPullRequestsAndAcceptAnyCommit() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let opened = try await client.send(
                .post, "\(Self.api)/pull-requests", headers: server.headers("alice"),
                json: #"{"title":"Feature","fromRef":{"id":"refs/heads/feature"},"toRef":{"id":"refs/heads/main"}}"#)
            #expect(opened.status == .conflict)
            let put = try await client.send(
                .put, DC.report("lint"), headers: server.headers("alice"), json: #"{"title":"Lint"}"#)
            #expect(put.status == .ok)
            let link = try await client.send(
                .put, "\(Self.api)/git", headers: server.headers("alice"), json: #"{"remote":"/tmp"}"#)
            #expect(link.status == .forbidden)
        }
    }
}
