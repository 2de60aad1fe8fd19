import Foundation
import Testing

/// Runs the real `insights publish --target cloud` against a real `insights serve`'s Cloud dialect and checks what
/// was stored, through both dialects: chunks of at most 100, reruns, the server's cap and stale annotations deleted
/// by uuid.
@Suite(.serialized) struct PublishCloudEndToEndTests {
    static let commit = "0123456789abcdef0123456789abcdef01234567"

    /// Just enough of a Cloud annotation page.
    private struct CloudAnnotationPage: Decodable {
        struct Value: Decodable {
            let uuid: String
            let externalId: String?
            let severity: String?
            enum CodingKeys: String, CodingKey {
                case uuid, severity
                case externalId = "external_id"
            }
        }
        let values: [Value]
        let size: Int
        let next: String?
    }

    /// The options naming the server's Cloud dialect, repository, commit and key.
    private static func cloudArguments(_ server: PublishTestServer, key: String) -> [String] {
        [
            "--target", "cloud", "--url", server.server.baseURL, "--workspace", "PROJ", "--repo", "my-repo",
            "--commit", commit, "--key", key,
        ]
    }

    private static func publish(_ server: PublishTestServer, key: String, _ arguments: [String]) throws -> PublishRun {
        try PublishRun.run(cloudArguments(server, key: key) + arguments, token: server.token, in: server.workspace)
    }

    /// Every annotation of a report, read page by page through the Cloud dialect.
    private static func cloudAnnotations(_ server: PublishTestServer, key: String) async throws
        -> [CloudAnnotationPage.Value]
    {
        var url: String? =
            "\(server.server.baseURL)/2.0/repositories/PROJ/my-repo/commit/\(commit)/reports/\(key)/annotations?pagelen=100"
        var values: [CloudAnnotationPage.Value] = []
        while let next = url {
            let response = try await HTTP.send("GET", next, token: server.token)
            try #require(response.status == 200, "\(response.text)")
            let page = try JSONDecoder().decode(CloudAnnotationPage.self, from: response.body)
            values += page.values
            url = page.next
        }
        return values
    }

    @Test func publishesInChunksOfAHundredAndReadsBackThroughBothDialects() async throws {
        let server = try PublishTestServer.start()
        defer { server.stop() }
        let file = try GeneratedSARIF(PublishEndToEndTests.findings(250)).write(named: "c.sarif", in: server.workspace)

        let run = try Self.publish(server, key: "mysystem-sarif", [file])

        #expect(run.status == 0, "\(run.stderr)")
        // PUT, GET of the (empty) annotation list, three POSTs of 100, 100 and 50.
        #expect(run.stdout.contains("Requests:    5 (0 retries); 250 annotations sent"), "\(run.stdout)")
        let cloud = try await Self.cloudAnnotations(server, key: "mysystem-sarif")
        #expect(cloud.count == 250 && Set(cloud.compactMap(\.externalId)).count == 250)
        let dataCenter = try await server.annotations(commit: Self.commit, key: "mysystem-sarif")
        #expect(dataCenter.annotations.count == 250)
        let report = try #require(try await server.report(commit: Self.commit, key: "mysystem-sarif"))
        #expect(report.number("Findings") == 250)
    }

    @Test func rerunKeepsTheSameAnnotationsAndDeletesStaleOnesByUUID() async throws {
        let server = try PublishTestServer.start()
        defer { server.stop() }
        let key = "mysystem-rerun"
        let all = try GeneratedSARIF(PublishEndToEndTests.findings(30)).write(named: "all.sarif", in: server.workspace)
        #expect(try Self.publish(server, key: key, [all]).status == 0)
        let first = try await Self.cloudAnnotations(server, key: key)

        let again = try Self.publish(server, key: key, [all])
        #expect(again.status == 0, "\(again.stderr)")
        let second = try await Self.cloudAnnotations(server, key: key)
        #expect(Set(second.map(\.uuid)) == Set(first.map(\.uuid)), "upserted by external id, uuids kept")

        // An annotation without an external id, added through Data Center, can only be deleted by uuid.
        let post = try await HTTP.send(
            "POST", server.reportURL(commit: Self.commit, key: key) + "/annotations", token: server.token,
            body: #"{"annotations":[{"message":"stray","severity":"LOW"}]}"#)
        #expect(post.status == 204, "\(post.text)")
        let fewer = try GeneratedSARIF(Array(PublishEndToEndTests.findings(30).prefix(10)))
            .write(named: "fewer.sarif", in: server.workspace)
        let third = try Self.publish(server, key: key, [fewer])
        #expect(third.status == 0, "\(third.stderr)")
        let remaining = try await Self.cloudAnnotations(server, key: key)
        #expect(remaining.count == 10)
        #expect(Set(remaining.map(\.uuid)).isSubset(of: Set(first.map(\.uuid))))
    }

    @Test func publishingPastTheServersCapSendsTheMostSevereUpToIt() async throws {
        let server = try PublishTestServer.start(["--max-annotations-per-report", "50"])
        defer { server.stop() }
        // 200 findings: 40 error (HIGH), 80 warning (MEDIUM), 80 note (LOW).
        let file = try GeneratedSARIF(PublishEndToEndTests.findings(200)).write(named: "o.sarif", in: server.workspace)
        let key = "mysystem-overcap"

        let run = try Self.publish(server, key: key, [file])

        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout.contains("Server cap:  the server allows at most 50 annotations per report"), "\(run.stdout)")
        let stored = try await Self.cloudAnnotations(server, key: key)
        #expect(stored.count == 50)
        let severities = Dictionary(grouping: stored, by: { $0.severity ?? "" }).mapValues(\.count)
        #expect(severities == ["HIGH": 40, "MEDIUM": 10])
    }

    @Test func aWrongTokenExitsThreeWithTheCloudMessage() async throws {
        let server = try PublishTestServer.start()
        defer { server.stop() }
        let file = try GeneratedSARIF(PublishEndToEndTests.findings(3)).write(named: "w.sarif", in: server.workspace)
        let run = try PublishRun.run(
            Self.cloudArguments(server, key: "k") + [file], token: "insights_pat_wrong", in: server.workspace)
        #expect(run.status == 3)
        #expect(run.stderr.contains("401"), "\(run.stderr)")
    }
}
