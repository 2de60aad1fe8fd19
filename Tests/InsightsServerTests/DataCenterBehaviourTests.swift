import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InsightsCore
import NIOCore
import Testing

/// The cap, cascading deletes, filters and paging edges of the Data Center dialect.
@Suite struct DataCenterBehaviourTests {
    static func annotations(_ count: Int, prefix: String = "a") -> String {
        let items = (0..<count).map { #"{"externalId":"\#(prefix)\#($0)","message":"m","severity":"LOW"}"# }
        return "{\"annotations\":[\(items.joined(separator: ","))]}"
    }

    @Test func capAcceptsExactlyTheMaximumAndRejectsOneMoreWhole() async throws {
        let server = try await TestServer.make(maxAnnotationsPerReport: 5)
        try await server.test { client in
            let alice = server.headers("alice")
            try await client.send(.put, DC.report(), headers: alice, json: #"{"title":"t"}"#)
            #expect(
                try await client.send(.post, DC.annotations(), headers: alice, json: Self.annotations(3)).status
                    == .noContent)
            let over = try await client.send(
                .post, DC.annotations(), headers: alice, json: Self.annotations(3, prefix: "b"))
            #expect(over.status == .badRequest)
            #expect(try over.json()["errors"]?.elements.first?["context"] == .string("annotations"))
            #expect(
                try await client.send(.get, DC.annotations(), headers: alice).json()["annotations"]?.elements.count == 3
            )
            #expect(
                try await client.send(.post, DC.annotations(), headers: alice, json: Self.annotations(2, prefix: "c"))
                    .status == .noContent)
            let single = try await client.send(
                .put, "\(DC.annotations())/d", headers: alice, json: #"{"message":"m","severity":"LOW"}"#)
            #expect(single.status == .badRequest, "a new annotation past the cap is rejected")
            let replace = try await client.send(
                .put, "\(DC.annotations())/a0", headers: alice, json: #"{"message":"new","severity":"HIGH"}"#)
            #expect(replace.status == .noContent, "replacing does not count towards the cap")
        }
    }

    @Test func concurrentPostsNearTheCapNeverPassIt() async throws {
        let server = try await TestServer.make(maxAnnotationsPerReport: 10)
        try await server.test { client in
            let alice = server.headers("alice")
            try await client.send(.put, DC.report(), headers: alice, json: #"{"title":"t"}"#)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for request in 0..<8 {
                    group.addTask {
                        try await client.send(
                            .post, DC.annotations(), headers: alice,
                            json: Self.annotations(3, prefix: "r\(request)-")
                        ).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.count { $0 == .noContent } == 3)
            #expect(statuses.count { $0 == .badRequest } == 5)
            let stored = try await client.send(.get, DC.annotations(), headers: alice).json()["annotations"]?.elements
            #expect(stored?.count == 9, "three whole requests of three, nothing partial")
        }
    }

    @Test func deletingAReportDeletesItsAnnotations() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let alice = server.headers("alice")
            try await client.send(.put, DC.report(), headers: alice, json: #"{"title":"t"}"#)
            try await client.send(.post, DC.annotations(), headers: alice, json: Self.annotations(4))
            #expect(try await client.send(.delete, DC.report(), headers: alice).status == .noContent)
            try await client.send(.put, DC.report(), headers: alice, json: #"{"title":"again"}"#)
            #expect(try await client.send(.get, DC.annotations(), headers: alice).json()["annotations"]?.elements == [])
            #expect(
                try await client.send(.get, "\(DC.base)/annotations", headers: alice).json()["annotations"]?.elements
                    == [])
        }
    }

    @Test func replacingAReportKeepsItsAnnotationsAndCreationDate() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let alice = server.headers("alice")
            let first = try await client.send(
                .put, DC.report(), headers: alice, json: #"{"title":"t","result":"PASS"}"#
            ).json()
            try await client.send(.post, DC.annotations(), headers: alice, json: Self.annotations(2))
            let second = try await client.send(.put, DC.report(), headers: alice, json: #"{"title":"u"}"#).json()
            #expect(second["createdDate"] == first["createdDate"])
            #expect(second["title"] == .string("u"))
            #expect(second["result"] == nil, "a PUT replaces every field")
            #expect(
                try await client.send(.get, DC.annotations(), headers: alice).json()["annotations"]?.elements.count == 2
            )
        }
    }

    @Test func commitAnnotationFiltersCombine() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let alice = server.headers("alice")
            for key in ["r1", "r2"] {
                try await client.send(.put, DC.report(key), headers: alice, json: #"{"title":"t"}"#)
            }
            try await client.send(
                .post, DC.annotations("r1"), headers: alice,
                json: """
                    {"annotations":[
                    {"externalId":"x1","path":"a.swift","line":1,"message":"m","severity":"HIGH","type":"BUG"},
                    {"externalId":"x2","path":"b.swift","line":2,"message":"m","severity":"LOW","type":"CODE_SMELL"}]}
                    """)
            try await client.send(
                .post, DC.annotations("r2"), headers: alice,
                json: """
                    {"annotations":[{"externalId":"y1","path":"a.swift","message":"m","severity":"MEDIUM","type":"VULNERABILITY"}]}
                    """)
            func ids(_ query: String) async throws -> [String] {
                let response = try await client.send(.get, "\(DC.base)/annotations\(query)", headers: alice)
                #expect(response.status == .ok)
                return try response.json()["annotations"]?.elements.compactMap {
                    if case .string(let id)? = $0["externalId"] { return id }
                    return nil
                } ?? []
            }
            #expect(try await ids("") == ["x1", "x2", "y1"])
            #expect(try await ids("?path=a.swift") == ["x1", "y1"])
            #expect(try await ids("?path=a.swift&severity=HIGH") == ["x1"])
            #expect(try await ids("?severity=HIGH&severity=LOW") == ["x1", "x2"])
            #expect(try await ids("?key=r2") == ["y1"])
            #expect(try await ids("?type=CODE_SMELL&type=VULNERABILITY") == ["x2", "y1"])
            #expect(try await ids("?externalId=x2&externalId=y1&key=r1") == ["x2"])
            let bad = try await client.send(.get, "\(DC.base)/annotations?severity=URGENT", headers: alice)
            #expect(bad.status == .badRequest)
        }
    }

    @Test func deleteByExternalIdsIgnoresUnknownOnes() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let alice = server.headers("alice")
            try await client.send(.put, DC.report(), headers: alice, json: #"{"title":"t"}"#)
            try await client.send(.post, DC.annotations(), headers: alice, json: Self.annotations(4))
            let response = try await client.send(
                .delete, "\(DC.annotations())?externalId=a1&externalId=a3&externalId=zz", headers: alice)
            #expect(response.status == .noContent)
            let left = try await client.send(.get, DC.annotations(), headers: alice).json()["annotations"]?.elements
            #expect(left?.map { $0["externalId"] } == [.string("a0"), .string("a2")])
            #expect(try await client.send(.delete, "\(DC.annotations())/nothing", headers: alice).status == .noContent)
        }
    }

    @Test(arguments: [
        ("", 0, 25, 3, true, nil as Int?),
        ("?limit=2", 0, 2, 2, false, 2),
        ("?start=2&limit=2", 2, 2, 1, true, nil),
        ("?start=10", 10, 25, 0, true, nil),
        ("?limit=0", 0, 25, 3, true, nil),
        ("?limit=5000", 0, 1000, 3, true, nil),
    ])
    func pagingEdges(query: String, start: Int, limit: Int, size: Int, isLastPage: Bool, next: Int?) async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let alice = server.headers("alice")
            for key in ["r1", "r2", "r3"] {
                try await client.send(.put, DC.report(key), headers: alice, json: #"{"title":"t"}"#)
            }
            let page = try await client.send(.get, "\(DC.base)/reports\(query)", headers: alice).json()
            #expect(page["start"] == .number(Double(start)))
            #expect(page["limit"] == .number(Double(limit)))
            #expect(page["size"] == .number(Double(size)))
            #expect(page["values"]?.elements.count == size)
            #expect(page["isLastPage"] == .bool(isLastPage))
            #expect(page["nextPageStart"] == next.map { .number(Double($0)) })
        }
    }

    @Test func commitIdsAreCaseInsensitiveAndMustBeFullHashes() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let alice = server.headers("alice")
            try await client.send(.put, DC.report(), headers: alice, json: #"{"title":"t"}"#)
            let upper = DC.report().replacingOccurrences(of: TestServer.commit, with: TestServer.commit.uppercased())
            #expect(try await client.send(.get, upper, headers: alice).status == .ok)
            let short = DC.report().replacingOccurrences(of: TestServer.commit, with: "0123456")
            let response = try await client.send(.get, short, headers: alice)
            #expect(response.status == .badRequest)
            #expect(try response.json()["errors"]?.elements.first?["context"] == .string("commitId"))
        }
    }

    @Test func unknownRoutesAnswerTheDataCenterErrorBody() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let response = try await client.send(
                .get, "/rest/insights/latest/nothing", headers: server.headers("alice"))
            #expect(response.status == .notFound)
            #expect(try response.json()["errors"]?.elements.count == 1)
        }
    }
}
