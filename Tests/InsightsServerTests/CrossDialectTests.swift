import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InsightsCore
import InsightsSQLite
import Testing

/// One store, two views: every row of the reference's §1 mapping tables, written through one dialect and read
/// through the other, in both directions.
@Suite struct CrossDialectTests {
    static let key = "mysystem-001"

    /// Runs `body` with a client and alice's headers.
    private func withServer(
        maxAnnotationsPerReport: Int = 1000, _ body: @Sendable (any TestClientProtocol, HTTPFields) async throws -> Void
    ) async throws {
        let server = try await TestServer.make(maxAnnotationsPerReport: maxAnnotationsPerReport)
        try await server.test { client in try await body(client, server.headers("alice")) }
    }

    // MARK: Reports

    @Test func cloudReportReadThroughDataCenter() async throws {
        try await withServer { client, alice in
            // Seed 004's report PUT, with a LINK field and a PENDING-free result.
            let cloud = try await client.send(
                .put, Cloud.report(Self.key), headers: alice,
                json: #"""
                    {"title":"Security scan report","details":"This pull request introduces 10 new dependency vulnerabilities.",
                     "report_type":"SECURITY","reporter":"mySystem","link":"http://www.mysystem.com/reports/001",
                     "logo_url":"https://www.mysystem.com/logo.png","result":"FAILED","remote_link_enabled":true,
                     "data":[{"title":"Duration (seconds)","type":"DURATION","value":14},
                             {"title":"Safe to merge?","type":"BOOLEAN","value":false},
                             {"title":"Docs","type":"LINK","value":{"text":"Open","href":"https://x.example/r"}}]}
                    """#
            ).json()
            let dc = try await client.send(.get, DC.report(Self.key), headers: alice).json()
            #expect(dc["key"] == .string(Self.key))
            #expect(dc["result"] == .string("FAIL"), "FAILED → FAIL")
            #expect(dc["logoUrl"] == .string("https://www.mysystem.com/logo.png"), "logo_url → logoUrl")
            #expect(dc["details"] == cloud["details"] && dc["reporter"] == cloud["reporter"])
            #expect(dc["link"] == cloud["link"] && dc["title"] == cloud["title"])
            #expect(
                dc["data"]?.elements.last?["value"]
                    == .object(["linktext": .string("Open"), "href": .string("https://x.example/r")]), "text → linktext"
            )
            #expect(dc["report_type"] == nil && dc["reportType"] == nil && dc["remote_link_enabled"] == nil)
            #expect(dc["uuid"] == nil && dc["type"] == nil)
            let created = try #require(cloud["created_on"]?.stringValue)
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            let date = try #require(formatter.date(from: created))
            #expect(dc["createdDate"] == .number((date.timeIntervalSince1970 * 1000).rounded()), "same instant")
        }
    }

    @Test func dataCenterReportReadThroughCloud() async throws {
        try await withServer { client, alice in
            try await client.send(
                .put, DC.report(Self.key), headers: alice,
                json: #"""
                    {"title":"Lint","result":"PASS","logoUrl":"https://ci.example/logo.png","coverageProviderKey":"cov",
                     "data":[{"title":"Docs","type":"LINK","value":{"linktext":"Open","href":"https://x.example/r"}}]}
                    """#)
            let cloud = try await client.send(.get, Cloud.report(Self.key), headers: alice).json()
            #expect(cloud["type"] == .string("report") && cloud["external_id"] == .string(Self.key))
            #expect(cloud["result"] == .string("PASSED"), "PASS → PASSED")
            #expect(cloud["report_type"] == nil, "a Data Center report has no report_type (D20)")
            #expect(cloud["details"] == nil, "absent details stay absent")
            #expect(cloud["logo_url"] == .string("https://ci.example/logo.png"))
            #expect(cloud["coverageProviderKey"] == nil, "never emitted (D31)")
            #expect(
                cloud["data"]?.elements.first?["value"]
                    == .object(["text": .string("Open"), "href": .string("https://x.example/r")]), "linktext → text")
            #expect(cloud["uuid"] != nil && cloud["created_on"] != nil && cloud["updated_on"] != nil)
        }
    }

    @Test func pendingAndTenDataFieldsSeenThroughDataCenter() async throws {
        try await withServer { client, alice in
            let fields = (0..<10).map { #"{"title":"f\#($0)","type":"NUMBER","value":\#($0)}"# }
                .joined(separator: ",")
            let put = try await client.send(
                .put, Cloud.report(Self.key), headers: alice,
                json: #"{"title":"t","details":"d","report_type":"TEST","result":"PENDING","data":[\#(fields)]}"#)
            #expect(put.status == .ok)
            let dc = try await client.send(.get, DC.report(Self.key), headers: alice).json()
            #expect(dc["result"] == nil, "PENDING has no Data Center spelling (D22)")
            #expect(dc["data"]?.elements.count == 10, "reads return every stored field (D7)")
            let listed = try await client.send(.get, "\(DC.base)/reports", headers: alice).json()
            #expect(listed["values"]?.elements.first?["result"] == nil)
        }
    }

    @Test func dataCenterReplacementClearsCloudOnlyReportFieldsAndKeepsTheUUID() async throws {
        try await withServer { client, alice in
            let cloud = try await client.send(
                .put, Cloud.report(Self.key), headers: alice,
                json: #"{"title":"t","details":"d","report_type":"SECURITY","remote_link_enabled":true}"#
            ).json()
            try await client.send(.put, DC.report(Self.key), headers: alice, json: #"{"title":"again"}"#)
            let after = try await client.send(.get, Cloud.report(Self.key), headers: alice).json()
            #expect(after["uuid"] == cloud["uuid"] && after["created_on"] == cloud["created_on"])
            #expect(after["title"] == .string("again"))
            #expect(after["report_type"] == nil && after["remote_link_enabled"] == nil && after["details"] == nil)
        }
    }

    // MARK: Annotations

    @Test func cloudAnnotationsReadThroughDataCenter() async throws {
        try await withServer { client, alice in
            try await client.send(.put, Cloud.report(Self.key), headers: alice, json: Cloud.reportBody)
            let posted = try await client.send(
                .post, Cloud.annotations(Self.key), headers: alice,
                json: #"""
                    [{"external_id":"a1","annotation_type":"VULNERABILITY","summary":"This line represents a security thread.",
                      "severity":"HIGH","path":"src/Main.java","line":42,"title":"Security scan report"},
                     {"external_id":"a2","annotation_type":"BUG","summary":"Possible null dereference.","severity":"CRITICAL",
                      "result":"FAILED"},
                     {"external_id":"a3","annotation_type":"CODE_SMELL","summary":"No severity","path":"src/A.java"}]
                    """#)
            #expect(posted.status == .ok)
            let dc = try await client.send(.get, DC.annotations(Self.key), headers: alice).json()
            let byID = Dictionary(
                uniqueKeysWithValues: (dc["annotations"]?.elements ?? []).compactMap { element in
                    element["externalId"]?.stringValue.map { ($0, element) }
                })
            #expect(byID["a1"]?["message"] == .string("This line represents a security thread."), "summary → message")
            #expect(byID["a1"]?["line"] == .number(42) && byID["a1"]?["type"] == .string("VULNERABILITY"))
            #expect(byID["a1"]?["title"] == nil, "Cloud-only fields are not shown (D22)")
            #expect(byID["a2"]?["severity"] == .string("HIGH"), "CRITICAL → HIGH (D23)")
            #expect(byID["a2"]?["line"] == .number(0) && byID["a2"]?["path"] == nil, "no line → 0 (D18)")
            #expect(byID["a2"]?["result"] == nil)
            #expect(byID["a3"]?.keys.contains("severity") == false, "no severity stays absent (D24)")
            #expect(byID.values.allSatisfy { $0["reportKey"] == .string(Self.key) })

            let high = try await client.send(.get, "\(DC.base)/annotations?severity=HIGH", headers: alice).json()
            #expect(
                Set((high["annotations"]?.elements ?? []).compactMap { $0["externalId"]?.stringValue }) == [
                    "a1", "a2",
                ],
                "a stored CRITICAL matches severity=HIGH")
        }
    }

    @Test func dataCenterAnnotationsReadThroughCloud() async throws {
        try await withServer { client, alice in
            try await client.send(.put, DC.report(Self.key), headers: alice, json: #"{"title":"t"}"#)
            try await client.send(
                .post, DC.annotations(Self.key), headers: alice,
                json: #"""
                    {"annotations":[{"externalId":"m1","line":0,"message":"File level","path":"a.c","severity":"LOW"},
                                    {"externalId":"m2","line":4,"message":"Line","path":"a.c","severity":"MEDIUM",
                                     "type":"CODE_SMELL","link":"https://tool.example/m2"},
                                    {"message":"No id","severity":"HIGH"}]}
                    """#)
            let cloud = try await client.send(.get, Cloud.annotations(Self.key), headers: alice).json()
            let values = cloud["values"]?.elements ?? []
            #expect(values.count == 3)
            #expect(values[0]["line"] == nil, "line 0 → absent (D18)")
            #expect(values[0]["annotation_type"] == nil, "no type stays absent (D25)")
            #expect(values[0]["summary"] == .string("File level"), "message → summary")
            #expect(values[1]["line"] == .number(4) && values[1]["annotation_type"] == .string("CODE_SMELL"))
            #expect(values[1]["link"] == .string("https://tool.example/m2"))
            #expect(values[2]["external_id"] == nil, "addressable by uuid only (D26)")
            #expect(values.allSatisfy { $0["type"] == .string("report_annotation") && $0["created_on"] != nil })
            let uuid = try #require(values[2]["uuid"]?.stringValue)
            #expect(try await client.send(.get, Cloud.annotation(uuid, report: Self.key), headers: alice).status == .ok)
        }
    }

    @Test func dataCenterRewriteKeepsCloudOnlyAnnotationFields() async throws {
        try await withServer { client, alice in
            try await client.send(.put, Cloud.report(Self.key), headers: alice, json: Cloud.reportBody)
            try await client.send(
                .put, Cloud.annotation("a1", report: Self.key), headers: alice,
                json: #"{"annotation_type":"BUG","summary":"s","title":"T","details":"D","result":"FAILED","line":3}"#)
            let rewritten = try await client.send(
                .put, "\(DC.annotations(Self.key))/a1", headers: alice,
                json: #"{"message":"changed","severity":"LOW","line":9,"path":"b.c"}"#)
            #expect(rewritten.status == .noContent)
            let cloud = try await client.send(.get, Cloud.annotation("a1", report: Self.key), headers: alice).json()
            #expect(
                cloud["summary"] == .string("changed") && cloud["line"] == .number(9) && cloud["path"] == .string("b.c")
            )
            #expect(
                cloud["title"] == .string("T") && cloud["details"] == .string("D")
                    && cloud["result"] == .string("FAILED"))
            #expect(cloud["annotation_type"] == nil, "what Data Center expresses is replaced")
        }
    }

    @Test func cloudRewriteOfADataCenterAnnotationReplacesEverything() async throws {
        try await withServer { client, alice in
            try await client.send(.put, DC.report(Self.key), headers: alice, json: #"{"title":"t"}"#)
            try await client.send(
                .put, "\(DC.annotations(Self.key))/m1", headers: alice,
                json: #"{"message":"m","severity":"HIGH","line":2,"path":"a.c"}"#)
            try await client.send(
                .put, Cloud.annotation("m1", report: Self.key), headers: alice,
                json: #"{"annotation_type":"BUG","summary":"cloud"}"#)
            let dc = try await client.send(.get, DC.annotations(Self.key), headers: alice).json()
            let annotation = try #require(dc["annotations"]?.elements.first)
            #expect(annotation["message"] == .string("cloud") && annotation["severity"] == nil)
            #expect(annotation["line"] == .number(0) && annotation["type"] == .string("BUG"))
        }
    }

    @Test func theCreatorRuleHoldsAcrossDialects() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            try await client.send(.put, DC.report(Self.key), headers: server.headers("alice"), json: #"{"title":"t"}"#)
            let bob = server.headers("bob")
            let replace = try await client.send(.put, Cloud.report(Self.key), headers: bob, json: Cloud.reportBody)
            #expect(replace.status == .forbidden)
            #expect(try replace.json()["type"] == .string("error"))
            let post = try await client.send(
                .post, Cloud.annotations(Self.key), headers: bob,
                json: #"[{"external_id":"x","annotation_type":"BUG","summary":"s"}]"#)
            #expect(post.status == .forbidden)
        }
    }

    @Test func theCapIsSharedByBothDialectsUnderRacingWriters() async throws {
        try await withServer(maxAnnotationsPerReport: 10) { client, alice in
            try await client.send(.put, DC.report(Self.key), headers: alice, json: #"{"title":"t"}"#)
            let statuses = try await withThrowingTaskGroup(of: (String, HTTPResponse.Status).self) { group in
                for writer in 0..<6 {
                    group.addTask {
                        if writer.isMultiple(of: 2) {
                            let items = (0..<3).map {
                                #"{"externalId":"dc\#(writer)-\#($0)","message":"m","severity":"LOW"}"#
                            }
                            let response = try await client.send(
                                .post, DC.annotations(Self.key), headers: alice,
                                json: #"{"annotations":[\#(items.joined(separator: ","))]}"#)
                            return ("dc", response.status)
                        }
                        let items = (0..<3).map {
                            #"{"external_id":"cl\#(writer)-\#($0)","annotation_type":"BUG","summary":"s"}"#
                        }
                        let response = try await client.send(
                            .post, Cloud.annotations(Self.key), headers: alice,
                            json: "[\(items.joined(separator: ","))]")
                        return ("cloud", response.status)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let accepted = statuses.filter { $0.1 == .noContent || $0.1 == .ok }
            #expect(accepted.count == 3, "three whole requests of three fit under 10: \(statuses)")
            #expect(statuses.filter { $0.1 == .badRequest }.count == 3)
            let stored = try await client.send(.get, Cloud.annotations(Self.key) + "?pagelen=100", headers: alice)
                .json()
            #expect(stored["size"] == .number(9))
        }
    }
}
