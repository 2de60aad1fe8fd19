import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InsightsCore
import NIOCore
import Testing

/// Every request and response example of the Data Center REST reference (seed 002), replayed against the server.
@Suite struct DataCenterSeedExampleTests {
    /// The PUT body of seed 002, verbatim; `"value": {}` with type NUMBER is a placeholder the contract rejects (D9).
    static let seedReportBody = """
        { "coverageProviderKey": "<string>", "createdDate": 1630041546433, "data": [ { "value": {}, "type": "NUMBER", "title": "data.title" } ], "details": "This is the details of the report, it can be a longer string describing the report.", "link": "http://insight.example.com", "logoUrl": "http://insight.example.com/logo", "reporter": "Reporter/tool that produced this report", "result": "PASS", "title": "report.title" }
        """
    static let validReportBody = seedReportBody.replacingOccurrences(of: "\"value\": {}", with: "\"value\": 42")
    static let seedAnnotationsBody = """
        { "annotations": [ { "externalId": "message-1", "line": 4, "link": "https://link.to.tool/that/produced/annotation/message-1", "message": "This is a bug here because reasons", "path": "path/to/file/in/repo", "severity": "MEDIUM", "type": "CODE_SMELL" } ] }
        """
    static let seedAnnotationBody = """
        { "externalId": "message-1", "line": 4, "link": "https://link.to.tool/that/produced/annotation/message-1", "message": "This is a bug here because reasons", "path": "path/to/file/in/repo", "severity": "MEDIUM", "type": "CODE_SMELL" }
        """
    /// The keys of `RestInsightReport` in the seed's response examples.
    static let reportKeys: Set<String> = [
        "link", "logoUrl", "reporter", "details", "createdDate", "result", "key", "data", "title",
    ]
    static let annotationKeys: Set<String> = [
        "link", "externalId", "severity", "message", "type", "path", "line", "reportKey",
    ]

    @Test func putReportSeedBodyIsRejectedForItsPlaceholderValue() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let response = try await client.send(
                .put, DC.report(), headers: server.headers("alice"), json: Self.seedReportBody)
            #expect(response.status == .badRequest)
            let error = try response.json()["errors"]?.elements.first
            #expect(error?["context"] == .string("data[0].value"))
            let stored = try await client.send(.get, DC.report(), headers: server.headers("alice"))
            #expect(stored.status == .notFound)
        }
    }

    @Test func putReportAnswersTheStoredReport() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let response = try await client.send(
                .put, DC.report(), headers: server.headers("alice"), json: Self.validReportBody)
            #expect(response.status == .ok)
            let report = try response.json()
            #expect(report.keys == Self.reportKeys)
            #expect(report["key"] == .string("report.key"))
            #expect(report["title"] == .string("report.title"))
            #expect(report["result"] == .string("PASS"))
            #expect(
                report["data"]?.elements.first
                    == .object(["value": .number(42), "type": .string("NUMBER"), "title": .string("data.title")]))
            #expect(report["createdDate"] != .number(1_630_041_546_433), "createdDate is assigned by the server")
        }
    }

    @Test func getReportAndListReportsHaveTheSeedShapes() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            try await client.send(.put, DC.report(), headers: server.headers("alice"), json: Self.validReportBody)
            let one = try await client.send(.get, DC.report(), headers: server.headers("alice"))
            #expect(one.status == .ok)
            #expect(try one.json().keys == Self.reportKeys)

            let page = try await client.send(.get, "\(DC.base)/reports", headers: server.headers("alice"))
            #expect(page.status == .ok)
            let envelope = try page.json()
            #expect(envelope.keys == ["values", "size", "isLastPage", "start", "limit"])
            #expect(envelope["size"] == .number(1))
            #expect(envelope["isLastPage"] == .bool(true))
            #expect(envelope["start"] == .number(0))
            #expect(envelope["limit"] == .number(25))
            #expect(envelope["values"]?.elements.first?.keys == Self.reportKeys)
        }
    }

    @Test func annotationEndpointsFollowTheSeedExamples() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let alice = server.headers("alice")
            try await client.send(.put, DC.report(), headers: alice, json: Self.validReportBody)
            let post = try await client.send(.post, DC.annotations(), headers: alice, json: Self.seedAnnotationsBody)
            #expect(post.status == .noContent)
            #expect(post.body.readableBytes == 0)

            let put = try await client.send(
                .put, "\(DC.annotations())/message-2", headers: alice, json: Self.seedAnnotationBody)
            #expect(put.status == .noContent)

            let list = try await client.send(.get, DC.annotations(), headers: alice)
            #expect(list.status == .ok)
            let annotations = try list.json()["annotations"]?.elements ?? []
            #expect(annotations.count == 2)
            #expect(annotations.first?.keys == Self.annotationKeys)
            #expect(annotations.map { $0["externalId"] } == [.string("message-1"), .string("message-2")])
            #expect(annotations.first?["reportKey"] == .string("report.key"))
            #expect(annotations.first?["line"] == .number(4))

            let commitWide = try await client.send(.get, "\(DC.base)/annotations", headers: alice)
            #expect(commitWide.status == .ok)
            #expect(try commitWide.json()["annotations"]?.elements.count == 2)

            let deleteAll = try await client.send(.delete, DC.annotations(), headers: alice)
            #expect(deleteAll.status == .noContent)
            #expect(try await client.send(.get, DC.annotations(), headers: alice).json()["annotations"]?.elements == [])

            let deleteReport = try await client.send(.delete, DC.report(), headers: alice)
            #expect(deleteReport.status == .noContent)
            #expect(try await client.send(.get, DC.report(), headers: alice).status == .notFound)
        }
    }

    @Test func version1PathIsAnAliasOfLatest() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            try await client.send(.put, DC.report(), headers: server.headers("alice"), json: Self.validReportBody)
            let alias = DC.report().replacingOccurrences(of: "/latest/", with: "/1.0/")
            let response = try await client.send(.get, alias, headers: server.headers("alice"))
            #expect(response.status == .ok)
            #expect(try response.json()["title"] == .string("report.title"))
        }
    }
}
