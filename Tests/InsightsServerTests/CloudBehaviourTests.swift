import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InsightsCore
import InsightsSQLite
import InsightsStore
import NIOCore
import Testing

/// The Cloud dialect's routes CL1–CL9: statuses, addressing by uuid and external id, bulk upserts, paging and the
/// error body.
@Suite struct CloudBehaviourTests {
    static let alice = "alice"

    @Test func putReportAnswers200WithTheStoredReportBothTimes() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let created = try await client.send(
                .put, Cloud.report("mySystem-001"), headers: server.headers(Self.alice), json: Cloud.reportBody)
            #expect(created.status == .ok)
            let report = try created.json()
            #expect(report["type"] == .string("report"))
            #expect(report["external_id"] == .string("mySystem-001"))
            #expect(report["report_type"] == .string("BUG"))
            #expect(report["data"] == .array([]))
            let uuid = try #require(report["uuid"]?.stringValue)
            #expect(uuid.hasPrefix("{") && uuid.hasSuffix("}") && uuid == uuid.lowercased())
            #expect(report["created_on"] == report["updated_on"])

            let replaced = try await client.send(
                .put, Cloud.report("mySystem-001"), headers: server.headers(Self.alice),
                json: #"{"title":"t2","details":"d","report_type":"TEST","result":"PENDING"}"#)
            #expect(replaced.status == .ok)
            #expect(try replaced.json()["uuid"] == .string(uuid))
            #expect(try replaced.json()["result"] == .string("PENDING"))
        }
    }

    @Test func reportIsAddressedByUUIDWithLiteralOrEncodedBraces() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let headers = server.headers(Self.alice)
            let created = try await client.send(.put, Cloud.report("k"), headers: headers, json: Cloud.reportBody)
            let uuid = try #require(try created.json()["uuid"]?.stringValue)
            let bare = uuid.dropFirst().dropLast()
            for id in [uuid, "%7B\(bare)%7D", "%7b\(bare.uppercased())%7d"] {
                let response = try await client.send(.get, Cloud.report(id), headers: headers)
                #expect(response.status == .ok, "\(id)")
                #expect(try response.json()["external_id"] == .string("k"))
            }
            // A uuid-form id that matches nothing is not a new external id (D53).
            let unknown = "{\(UUID().uuidString.lowercased())}"
            let put = try await client.send(.put, Cloud.report(unknown), headers: headers, json: Cloud.reportBody)
            #expect(put.status == .notFound)
            #expect(try put.json()["type"] == .string("error"))
            let replaced = try await client.send(
                .put, Cloud.report(uuid), headers: headers,
                json: #"{"title":"by uuid","details":"d","report_type":"BUG"}"#)
            #expect(replaced.status == .ok)
            #expect(try replaced.json()["title"] == .string("by uuid"))
            #expect(try await client.send(.delete, Cloud.report(uuid), headers: headers).status == .noContent)
            #expect(try await client.send(.get, Cloud.report("k"), headers: headers).status == .notFound)
        }
    }

    @Test func workspaceAndRepositoryMayBeGivenByUUID() async throws {
        let server = try await TestServer.make()
        let repository = try #require(try await server.store.repositories().first { $0.ref.slug == "repo" })
        let workspace = "{\(repository.projectUUID.uuidString.lowercased())}"
        let slug = "%7B\(repository.uuid.uuidString)%7D"
        try await server.test { client in
            let headers = server.headers(Self.alice)
            try await client.send(.put, Cloud.report("k"), headers: headers, json: Cloud.reportBody)
            for (owner, name) in [(workspace, "repo"), ("PROJ", slug), (workspace, slug)] {
                let base = "/2.0/repositories/\(owner)/\(name)/commit/\(TestServer.commit)"
                let response = try await client.send(.get, Cloud.report("k", base: base), headers: headers)
                #expect(response.status == .ok, "\(owner)/\(name)")
            }
            let wrong = "/2.0/repositories/PUB/\(slug)/commit/\(TestServer.commit)"
            let response = try await client.send(.get, Cloud.report("k", base: wrong), headers: headers)
            #expect(response.status == .notFound)
            #expect(try response.json()["error"]?["message"] == .string("Resource not found"))
        }
    }

    @Test func bulkPostUpsertsByExternalIDAndAnswersTheStoredAnnotations() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let headers = server.headers(Self.alice)
            try await client.send(.put, Cloud.report(), headers: headers, json: Cloud.reportBody)
            let first = try await client.send(
                .post, Cloud.annotations(), headers: headers,
                json: #"""
                    [{"external_id":"a","annotation_type":"BUG","summary":"one","severity":"CRITICAL","line":3,"path":"x.c"},
                     {"external_id":"b","annotation_type":"CODE_SMELL","summary":"two","result":"FAILED"}]
                    """#)
            #expect(first.status == .ok)
            let stored = try first.json().elements
            #expect(stored.map { $0["external_id"] } == [.string("a"), .string("b")])
            #expect(stored.allSatisfy { $0["type"] == .string("report_annotation") && $0["uuid"] != nil })
            #expect(stored[1]["line"] == nil && stored[1]["path"] == nil)
            let uuidOfA = stored[0]["uuid"]

            let second = try await client.send(
                .post, Cloud.annotations(), headers: headers,
                json: #"[{"external_id":"a","annotation_type":"BUG","summary":"again"}]"#)
            #expect(second.status == .ok)
            #expect(try second.json().elements.first?["uuid"] == uuidOfA)
            let list = try await client.send(.get, Cloud.annotations(), headers: headers).json()
            #expect(list["size"] == .number(2))
            #expect(list["values"]?.elements.map { $0["summary"] } == [.string("again"), .string("two")])
        }
    }

    @Test func bulkPostOf100IsAcceptedAnd101RejectedWithNothingStored() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let headers = server.headers(Self.alice)
            try await client.send(.put, Cloud.report(), headers: headers, json: Cloud.reportBody)
            func batch(_ count: Int, prefix: String) -> String {
                "["
                    + (0..<count).map { #"{"external_id":"\#(prefix)\#($0)","annotation_type":"BUG","summary":"s"}"# }
                    .joined(separator: ",") + "]"
            }
            let tooMany = try await client.send(
                .post, Cloud.annotations(), headers: headers, json: batch(101, prefix: "x"))
            #expect(tooMany.status == .badRequest)
            #expect(
                try tooMany.json()["error"]?["message"] == .string("Bulk upload supports a maximum of 100 annotations.")
            )
            #expect(try await server.store.statistics().annotations == 0)
            let hundred = try await client.send(
                .post, Cloud.annotations(), headers: headers, json: batch(100, prefix: "y"))
            #expect(hundred.status == .ok)
            #expect(try hundred.json().elements.count == 100)
            let empty = try await client.send(.post, Cloud.annotations(), headers: headers, json: "[]")
            #expect(empty.status == .badRequest)
        }
    }

    @Test(arguments: [
        (
            #"[{"external_id":"a","annotation_type":"BUG","summary":"s"},{"external_id":"b","annotation_type":"BUG"}]"#,
            "annotations[1].summary"
        ),
        (
            #"[{"external_id":"a","annotation_type":"BUG","summary":"s"},{"external_id":"a","annotation_type":"BUG","summary":"t"}]"#,
            "annotations[1].external_id"
        ),
        (#"[{"annotation_type":"BUG","summary":"s"}]"#, "annotations[0].external_id"),
        (#"[{"external_id":"a","annotation_type":"BUG","summary":"s","line":0}]"#, "annotations[0].line"),
        (#"[{"external_id":"a","annotation_type":"BUG","summary":"s","line":2.5}]"#, "annotations[0].line"),
    ])
    func invalidItemInABulkRejectsTheWholeRequest(body: String, field: String) async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let headers = server.headers(Self.alice)
            try await client.send(.put, Cloud.report(), headers: headers, json: Cloud.reportBody)
            let response = try await client.send(.post, Cloud.annotations(), headers: headers, json: body)
            #expect(response.status == .badRequest)
            let error = try response.json()["error"]
            #expect(error?["fields"]?.keys == [field])
            #expect(try await server.store.statistics().annotations == 0)
        }
    }

    @Test func oneAnnotationIsCreatedReadReplacedAndDeletedByExternalIDOrUUID() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let headers = server.headers(Self.alice)
            try await client.send(.put, Cloud.report(), headers: headers, json: Cloud.reportBody)
            let created = try await client.send(
                .put, Cloud.annotation("note-1"), headers: headers,
                json: #"{"external_id":"ignored","annotation_type":"BUG","summary":"s","title":"T","line":7}"#)
            #expect(created.status == .ok)
            let annotation = try created.json()
            #expect(annotation["external_id"] == .string("note-1"))
            let uuid = try #require(annotation["uuid"]?.stringValue)

            let read = try await client.send(.get, Cloud.annotation(uuid), headers: headers)
            #expect(read.status == .ok)
            #expect(try read.json()["title"] == .string("T"))
            let replaced = try await client.send(
                .put, Cloud.annotation(uuid), headers: headers,
                json: #"{"annotation_type":"VULNERABILITY","summary":"u"}"#)
            #expect(replaced.status == .ok)
            #expect(try replaced.json()["external_id"] == .string("note-1"))
            #expect(try replaced.json()["uuid"] == .string(uuid))
            #expect(try replaced.json()["title"] == nil)

            #expect(try await client.send(.delete, Cloud.annotation("note-1"), headers: headers).status == .noContent)
            let gone = try await client.send(.delete, Cloud.annotation(uuid), headers: headers)
            #expect(gone.status == .notFound)
            #expect(try gone.json()["type"] == .string("error"))
            #expect(try await client.send(.get, Cloud.annotation("note-1"), headers: headers).status == .notFound)
        }
    }

    @Test func pagingFollowsCloudRules() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let headers = server.headers(Self.alice)
            for index in 0..<25 {
                try await client.send(.put, Cloud.report("r\(index)"), headers: headers, json: Cloud.reportBody)
            }
            // The router test client sends no Host, so page URLs name `localhost`; the end-to-end tests check a real
            // Host header.
            let request = headers
            let first = try await client.send(.get, Cloud.reports(), headers: request).json()
            #expect(first["page"] == .number(1) && first["pagelen"] == .number(10) && first["size"] == .number(25))
            #expect(first["values"]?.elements.count == 10 && first["previous"] == nil)
            #expect(
                first["next"]
                    == .string("http://localhost\(Cloud.reports())?pagelen=10&page=2"))

            let last = try await client.send(.get, Cloud.reports() + "?page=3", headers: request).json()
            #expect(last["values"]?.elements.map { $0["external_id"] } == (20..<25).map { .string("r\($0)") })
            #expect(last["next"] == nil)
            #expect(last["previous"] == .string("http://localhost\(Cloud.reports())?pagelen=10&page=2"))

            let past = try await client.send(.get, Cloud.reports() + "?page=9", headers: request).json()
            #expect(past["values"] == .array([]) && past["size"] == .number(25) && past["next"] == nil)

            var proxied = request
            proxied[HTTPField.Name("X-Forwarded-Host")!] = "api.bitbucket.org"
            proxied[HTTPField.Name("X-Forwarded-Proto")!] = "https"
            let forwarded = try await client.send(.get, Cloud.reports() + "?page=2&x=%20y", headers: proxied).json()
            #expect(
                forwarded["next"] == .string("https://api.bitbucket.org\(Cloud.reports())?x=%20y&pagelen=10&page=3"))

            let capped = try await client.send(.get, Cloud.reports() + "?pagelen=101", headers: request).json()
            #expect(capped["pagelen"] == .number(100) && capped["values"]?.elements.count == 25)

            for query in ["page=0", "pagelen=0", "page=x", "pagelen=-1"] {
                let response = try await client.send(.get, Cloud.reports() + "?\(query)", headers: request)
                #expect(response.status == .badRequest, "\(query)")
                #expect(try response.json()["type"] == .string("error"))
            }
        }
    }

    @Test func annotationListsArePagedToo() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let headers = server.headers(Self.alice)
            try await client.send(.put, Cloud.report(), headers: headers, json: Cloud.reportBody)
            let batch =
                "["
                + (0..<15).map { #"{"external_id":"a\#($0)","annotation_type":"BUG","summary":"s"}"# }
                .joined(separator: ",") + "]"
            try await client.send(.post, Cloud.annotations(), headers: headers, json: batch)
            let second = try await client.send(.get, Cloud.annotations() + "?pagelen=10&page=2", headers: headers)
                .json()
            #expect(second["values"]?.elements.count == 5 && second["size"] == .number(15) && second["next"] == nil)
        }
    }

    @Test func errorsUnderTwoPointZeroUseTheCloudBody() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let unmatched = try await client.send(.get, "/2.0/nothing/here", headers: server.headers(Self.alice))
            #expect(unmatched.status == .notFound)
            #expect(try unmatched.json()["type"] == .string("error"))
            #expect(try unmatched.json()["error"]?["message"] == .string("Resource not found"))
            let anonymous = try await client.send(.get, Cloud.reports(), headers: server.headers(nil))
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.headers[.wwwAuthenticate] != nil)
            #expect(try anonymous.json()["type"] == .string("error"))
            let dataCenter = try await client.send(.get, "/rest/insights/latest/nothing", headers: server.headers(nil))
            #expect(try dataCenter.json()["errors"] != nil)
            let badJSON = try await client.send(.put, Cloud.report(), headers: server.headers(Self.alice), json: "{")
            #expect(badJSON.status == .badRequest)
            #expect(try badJSON.json()["error"]?["message"] != nil)
        }
    }

    @Test func theOpenAPIDocumentIsServed() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let response = try await client.send(.get, "/2.0/openapi.json", headers: server.headers(nil))
            #expect(response.status == .ok)
            #expect(try response.json()["openapi"] == .string("3.1.0"))
        }
    }
}

extension JSONValue {
    /// The string of a string value, or `nil`.
    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
