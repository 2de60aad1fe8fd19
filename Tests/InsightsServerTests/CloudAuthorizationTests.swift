import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InsightsCore
import InsightsSQLite
import NIOCore
import Testing

/// The Data Center matrix on every Cloud route (CL1–CL9): anonymous, a user without access, another reader, the
/// creator, a repository admin and a system admin, on a report `alice` created in the private repository
/// (reference §2.1 permission table, D27, D28). Every refusal is in Cloud's error body.
@Suite struct CloudAuthorizationTests {
    typealias Endpoint = AuthorizationEndpoint

    static let principals = Endpoint.principals
    static let readable = Endpoint.readable
    static func creatorOnly(_ success: HTTPResponse.Status) -> [HTTPResponse.Status] { Endpoint.creatorOnly(success) }
    static let annotation = #"{"annotation_type":"BUG","summary":"s"}"#

    static let endpoints: [Endpoint] = [
        Endpoint(name: "GET reports", method: .get, path: Cloud.reports(), body: nil, expected: readable),
        Endpoint(name: "GET report", method: .get, path: Cloud.report(), body: nil, expected: readable),
        Endpoint(
            name: "PUT report (replace)", method: .put, path: Cloud.report(), body: Cloud.reportBody,
            expected: creatorOnly(.ok)),
        Endpoint(
            name: "PUT report (new id)", method: .put, path: Cloud.report("new-{user}"), body: Cloud.reportBody,
            expected: [.unauthorized, .forbidden, .ok, .ok, .ok, .ok]),
        Endpoint(
            name: "DELETE report", method: .delete, path: Cloud.report(), body: nil,
            expected: [.unauthorized, .forbidden, .forbidden, .noContent, .noContent, .noContent]),
        Endpoint(name: "GET annotations", method: .get, path: Cloud.annotations(), body: nil, expected: readable),
        Endpoint(
            name: "POST annotations (bulk)", method: .post, path: Cloud.annotations(),
            body: #"[{"external_id":"a2","annotation_type":"BUG","summary":"s"}]"#, expected: creatorOnly(.ok)),
        Endpoint(name: "GET annotation", method: .get, path: Cloud.annotation("a1"), body: nil, expected: readable),
        Endpoint(
            name: "PUT annotation", method: .put, path: Cloud.annotation("a1"), body: annotation,
            expected: creatorOnly(.ok)),
        Endpoint(
            name: "DELETE annotation", method: .delete, path: Cloud.annotation("a1"), body: nil,
            expected: creatorOnly(.noContent)),
    ]

    @Test(arguments: endpoints)
    func privateRepository(_ endpoint: Endpoint) async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            for (principal, expected) in zip(Self.principals, endpoint.expected) {
                let alice = server.headers("alice")
                #expect(
                    try await client.send(.put, Cloud.report(), headers: alice, json: Cloud.reportBody).status == .ok)
                let seeded = try await client.send(.put, Cloud.annotation("a1"), headers: alice, json: Self.annotation)
                #expect(seeded.status == .ok)
                let path = endpoint.path.replacingOccurrences(of: "{user}", with: principal ?? "anonymous")
                let response = try await client.send(
                    endpoint.method, path, headers: server.headers(principal), json: endpoint.body)
                let who = principal ?? "anonymous"
                #expect(response.status == expected, "\(who): \(response.text)")
                try Self.expectCloudRefusal(response, who: who)
            }
        }
    }

    @Test func refusedWritesChangeNothing() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let alice = server.headers("alice")
            try await client.send(.put, Cloud.report(), headers: alice, json: Cloud.reportBody)
            try await client.send(.put, Cloud.annotation("a1"), headers: alice, json: Self.annotation)
            let statistics = try await server.store.statistics()
            for principal in ["bob", "rita", "root"] {
                let headers = server.headers(principal)
                let changed = #"{"title":"changed","details":"d","report_type":"TEST"}"#
                try await client.send(.put, Cloud.report(), headers: headers, json: changed)
                try await client.send(
                    .put, Cloud.annotation("a1"), headers: headers, json: #"{"annotation_type":"BUG","summary":"x"}"#)
                try await client.send(.delete, Cloud.annotation("a1"), headers: headers)
            }
            #expect(try await server.store.statistics() == statistics)
            #expect(try await client.send(.get, Cloud.report(), headers: alice).json()["title"] == .string("t"))
            #expect(
                try await client.send(.get, Cloud.annotation("a1"), headers: alice).json()["summary"] == .string("s"))
        }
    }

    @Test func publicRepositoryIsReadableByEveryoneAndWritableBySignedInUsers() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let report = Cloud.report(base: Cloud.publicBase)
            let anonymous = server.headers(nil)
            let anonymousWrite = try await client.send(.put, report, headers: anonymous, json: Cloud.reportBody)
            #expect(anonymousWrite.status == .unauthorized)
            try Self.expectCloudRefusal(anonymousWrite, who: "anonymous")
            let carol = server.headers("carol")
            #expect(try await client.send(.put, report, headers: carol, json: Cloud.reportBody).status == .ok)
            let annotations = Cloud.annotations(base: Cloud.publicBase)
            let bulk = #"[{"external_id":"a1","annotation_type":"BUG","summary":"s"}]"#
            #expect(try await client.send(.post, annotations, headers: carol, json: bulk).status == .ok)
            for path in [
                Cloud.reports(base: Cloud.publicBase), report, annotations,
                Cloud.annotation("a1", base: Cloud.publicBase),
            ] {
                #expect(try await client.send(.get, path, headers: anonymous).status == .ok, "\(path)")
            }
            let bobReplace = try await client.send(.put, report, headers: server.headers("bob"), json: Cloud.reportBody)
            #expect(bobReplace.status == .forbidden)
            try Self.expectCloudRefusal(bobReplace, who: "bob")
            let anonymousDelete = try await client.send(.delete, report, headers: anonymous)
            #expect(anonymousDelete.status == .unauthorized)
            try Self.expectCloudRefusal(anonymousDelete, who: "anonymous")
            #expect(try await client.send(.delete, report, headers: carol).status == .noContent)
        }
    }

    @Test func basicAuthenticationAcceptsPasswordsAndTokens() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            for secret in ["alice", server.tokens["alice"] ?? ""] {
                let headers = Self.basic("alice", secret)
                let put = try await client.send(.put, Cloud.report(), headers: headers, json: Cloud.reportBody)
                #expect(put.status == .ok, "\(put.text)")
                #expect(try await client.send(.get, Cloud.reports(), headers: headers).status == .ok)
            }
        }
    }

    @Test(arguments: [
        "Basic " + Data("alice:wrong".utf8).base64EncodedString(),
        "Basic " + Data("nobody:nobody".utf8).base64EncodedString(),
        "Basic not-base64",
        "Bearer insights_not-a-token",
        "Bearer ",
    ])
    func badCredentialsAnswer401EvenOnPublicRepositories(_ authorization: String) async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            var headers = HTTPFields()
            headers[.authorization] = authorization
            for path in [Cloud.reports(), Cloud.reports(base: Cloud.publicBase)] {
                let response = try await client.send(.get, path, headers: headers)
                #expect(response.status == .unauthorized, "\(path)")
                try Self.expectCloudRefusal(response, who: authorization)
            }
        }
    }

    @Test func unknownRepositoryIs404ForUsersAnd401ForAnonymous() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let path = Cloud.reports(base: "/2.0/repositories/NOPE/none/commit/\(TestServer.commit)")
            let signedIn = try await client.send(.get, path, headers: server.headers("alice"))
            #expect(signedIn.status == .notFound)
            #expect(try signedIn.json()["error"]?["message"] == .string("Resource not found"))
            let anonymous = try await client.send(.get, path, headers: server.headers(nil))
            #expect(anonymous.status == .unauthorized)
            try Self.expectCloudRefusal(anonymous, who: "anonymous")
        }
    }

    static func basic(_ user: String, _ secret: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.authorization] = "Basic " + Data("\(user):\(secret)".utf8).base64EncodedString()
        return headers
    }

    /// A 401 or 403 carries Cloud's error body; a 401 also asks for credentials. Other statuses pass unchecked.
    static func expectCloudRefusal(
        _ response: TestResponse, who: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        guard response.status == .unauthorized || response.status == .forbidden else { return }
        let body = try response.json()
        #expect(body.keys == ["type", "error"], "\(who): \(response.text)", sourceLocation: sourceLocation)
        #expect(body["type"] == .string("error"), sourceLocation: sourceLocation)
        #expect(body["error"]?["message"]?.stringValue?.isEmpty == false, sourceLocation: sourceLocation)
        #expect(body["errors"] == nil, "not the Data Center body", sourceLocation: sourceLocation)
        if response.status == .unauthorized {
            #expect(response.headers[.wwwAuthenticate] != nil, "\(who)", sourceLocation: sourceLocation)
        }
    }
}
