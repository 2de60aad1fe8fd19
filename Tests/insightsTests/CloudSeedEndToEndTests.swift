import Foundation
import Testing

/// Every Cloud curl example of seeds 000 and 004 (reference §3.7), replayed with the real `curl` against the built
/// `insights serve`, with the seeds' placeholders filled in.
@Suite(.serialized) struct CloudSeedEndToEndTests {
    static let commit = "89abcdef0123456789abcdef0123456789abcdef"

    /// [S000 L54]: the report PUT (with `"link": ""`).
    static let seed000Report = #"""
        { "title": "Security scan report", "details": "This pull request introduces 10 new dependency vulnerabilities.", "report_type": "SECURITY", "reporter": "mySystem", "link": "", "result": "FAILED", "data": [ { "title": "Duration (seconds)", "type": "DURATION", "value": 14 }, { "title": "Safe to merge?", "type": "BOOLEAN", "value": false } ] }
        """#
    /// [S000 L70]: the annotation PUT (its path is a directory).
    static let seed000Annotation = #"""
        { "title": "Security scan report", "annotation_type": "VULNERABILITY", "summary": "This line represents a security thread.", "severity": "HIGH", "path": "my-service/src/main/java/com/myCompany/mySystem/logic/", "line": 42 }
        """#
    /// [S004 L8-17]: the annotation PUT.
    static let seed004Annotation = #"""
        {
        "title": "Security scan report",
        "annotation_type": "VULNERABILITY",
        "summary": "This line represents a security thread.",
        "severity": "HIGH",
        "path": "my-service/src/main/java/com/myCompany/mysystem/logic/Main.java",
        "line": 42
        }
        """#
    /// [S004 L22-43]: the report PUT.
    static let seed004Report = #"""
        {
        "title": "Security scan report",
        "details": "This pull request introduces 10 new dependency vulnerabilities.",
        "report_type": "SECURITY",
        "reporter": "mySystem",
        "link": "http://www.mysystem.com/reports/001",
        "result": "FAILED",
        "data": [
        {
        "title": "Duration (seconds)",
        "type": "DURATION",
        "value": 14
        },
        {
        "title": "Safe to merge?",
        "type": "BOOLEAN",
        "value": false
        }
        ]
        }
        """#

    /// Replays the examples with `request`, which sends one curl request to a `/2.0/repositories/…` path.
    static func replaySeeds(_ request: (_ method: String, _ path: String, _ body: String?) throws -> Curl.Response)
        throws
    {
        let commit = "PROJ/my-repo/commit/\(Self.commit)"
        let json = { (response: Curl.Response) in
            (try? JSONSerialization.jsonObject(with: Data(response.body.utf8))) as? [String: Any] ?? [:]
        }
        let report000 = try request("PUT", "\(commit)/reports/mySystem-001", seed000Report)
        #expect(report000.status == 200, "\(report000.body)")
        #expect(json(report000)["link"] == nil, "an empty link is absent (D38)")
        #expect(json(report000)["external_id"] as? String == "mySystem-001")

        let annotation000 = try request(
            "PUT", "\(commit)/reports/mySystem-001/annotations/mySystem-annotation001", seed000Annotation)
        #expect(annotation000.status == 200, "\(annotation000.body)")
        #expect(json(annotation000)["type"] as? String == "report_annotation")

        let report004 = try request("PUT", "\(commit)/reports/mysystem-001", seed004Report)
        #expect(report004.status == 200, "\(report004.body)")
        #expect(json(report004)["uuid"] as? String != json(report000)["uuid"] as? String, "ids are case-sensitive")

        // [S004 L8] targets report `mySystem-001` (D36): it exists, so the annotation is stored.
        let annotation004 = try request(
            "PUT", "\(commit)/reports/mySystem-001/annotations/mysystem-annotation001", seed004Annotation)
        #expect(annotation004.status == 200, "\(annotation004.body)")

        let reports = try request("GET", "\(commit)/reports", nil)
        #expect(reports.status == 200)
        #expect(json(reports)["size"] as? Int == 2)
        let annotations = try request("GET", "\(commit)/reports/mySystem-001/annotations", nil)
        #expect(json(annotations)["size"] as? Int == 2)
        let uuid = try #require(json(annotation000)["uuid"] as? String)
        #expect(try request("GET", "\(commit)/reports/mySystem-001/annotations/\(uuid)", nil).status == 200)
        #expect(try request("DELETE", "\(commit)/reports/mySystem-001/annotations/\(uuid)", nil).status == 204)
        #expect(try request("DELETE", "\(commit)/reports/mysystem-001", nil).status == 204)
        #expect(try request("GET", "\(commit)/reports/mysystem-001", nil).status == 404)
    }

    @Test func seedExamplesRunAgainstTheServerDirectly() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("insights-cloud-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let token = try EndToEndTests().token(dataDirectory: directory)
        let server = InsightsProcess(dataDirectory: directory)
        try server.start()
        defer { server.terminate() }

        try Self.replaySeeds { method, path, body in
            var arguments = ["--request", method, "\(server.baseURL)/2.0/repositories/\(path)", "-u", "ci:\(token)"]
            if let body { arguments += ["--header", "Content-Type: application/json", "--data-raw", body] }
            return try Curl.run(arguments)
        }

        let anonymous = try Curl.run(["\(server.baseURL)/2.0/repositories/PROJ/my-repo/commit/\(Self.commit)/reports"])
        #expect(anonymous.status == 401)
        #expect(anonymous.body.contains(#""type":"error""#))
        let metrics = try Curl.run(["\(server.baseURL)/metrics"]).body
        #expect(
            metrics.contains(#"route="/2.0/repositories/{workspace}/{repo_slug}/commit/{commit}/reports/{reportId}""#),
            "Cloud routes are counted by template")
    }
}
