import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InsightsCore
import NIOCore
import Testing

/// Anonymous, a user without access, another reader, the creator, a repository admin and a system admin, against
/// every endpoint, on a report `alice` created in the private repository.
@Suite struct DataCenterAuthorizationTests {
    typealias Endpoint = AuthorizationEndpoint

    static let principals = Endpoint.principals
    static let readable = Endpoint.readable
    static let creatorOnly = Endpoint.creatorOnly(.noContent)
    static let annotation = #"{"message":"m","severity":"LOW"}"#

    static let endpoints: [Endpoint] = [
        Endpoint(
            name: "GET commit annotations", method: .get, path: "\(DC.base)/annotations", body: nil, expected: readable),
        Endpoint(name: "GET reports", method: .get, path: "\(DC.base)/reports", body: nil, expected: readable),
        Endpoint(name: "GET report", method: .get, path: DC.report(), body: nil, expected: readable),
        Endpoint(name: "GET report annotations", method: .get, path: DC.annotations(), body: nil, expected: readable),
        Endpoint(
            name: "PUT report (replace)", method: .put, path: DC.report(), body: #"{"title":"new"}"#,
            expected: [.unauthorized, .forbidden, .forbidden, .ok, .forbidden, .forbidden]),
        Endpoint(
            name: "PUT report (new key)", method: .put, path: DC.report("new-{user}"), body: #"{"title":"new"}"#,
            expected: [.unauthorized, .forbidden, .ok, .ok, .ok, .ok]),
        Endpoint(
            name: "DELETE report", method: .delete, path: DC.report(), body: nil,
            expected: [.unauthorized, .forbidden, .forbidden, .noContent, .noContent, .noContent]),
        Endpoint(
            name: "POST annotations", method: .post, path: DC.annotations(), body: "{\"annotations\":[\(annotation)]}",
            expected: creatorOnly),
        Endpoint(name: "DELETE annotations", method: .delete, path: DC.annotations(), body: nil, expected: creatorOnly),
        Endpoint(
            name: "PUT annotation", method: .put, path: "\(DC.annotations())/a1", body: annotation,
            expected: creatorOnly),
        Endpoint(
            name: "DELETE annotation", method: .delete, path: "\(DC.annotations())/a1", body: nil, expected: creatorOnly
        ),
    ]

    @Test(arguments: endpoints)
    func privateRepository(_ endpoint: Endpoint) async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            for (principal, expected) in zip(Self.principals, endpoint.expected) {
                try await client.send(.put, DC.report(), headers: server.headers("alice"), json: #"{"title":"t"}"#)
                try await client.send(
                    .put, "\(DC.annotations())/a1", headers: server.headers("alice"), json: Self.annotation)
                let path = endpoint.path.replacingOccurrences(of: "{user}", with: principal ?? "anonymous")
                let response = try await client.send(
                    endpoint.method, path, headers: server.headers(principal), json: endpoint.body)
                #expect(response.status == expected, "\(principal ?? "anonymous"): \(response.text)")
                if response.status == .forbidden {
                    #expect(
                        try response.json()["errors"]?.elements.first?["exceptionName"]
                            == .string("com.atlassian.bitbucket.AuthorisationException"))
                }
            }
        }
    }

    @Test func publicRepositoryIsReadableByEveryoneAndWritableBySignedInUsers() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let anonymousWrite = try await client.send(
                .put, DC.report(base: DC.publicBase), headers: server.headers(nil), json: #"{"title":"t"}"#)
            #expect(anonymousWrite.status == .unauthorized)
            let carolWrite = try await client.send(
                .put, DC.report(base: DC.publicBase), headers: server.headers("carol"), json: #"{"title":"t"}"#)
            #expect(carolWrite.status == .ok)
            let anonymousRead = try await client.send(
                .get, DC.report(base: DC.publicBase), headers: server.headers(nil))
            #expect(anonymousRead.status == .ok)
            let anonymousDelete = try await client.send(
                .delete, DC.report(base: DC.publicBase), headers: server.headers(nil))
            #expect(anonymousDelete.status == .unauthorized)
        }
    }

    @Test func wrongCredentialsAnswer401EvenOnPublicRepositories() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            var headers = HTTPFields()
            headers[.authorization] = "Bearer insights_not-a-token"
            let response = try await client.send(.get, DC.report(base: DC.publicBase), headers: headers)
            #expect(response.status == .unauthorized)
            #expect(response.headers[.wwwAuthenticate] != nil)
        }
    }

    @Test func schemeIsCaseInsensitiveAndSpacesAroundCredentialsAreIgnored() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let token = server.tokens["alice"] ?? ""
            for value in ["bearer \(token)", "BEARER  \t\(token)", "Bearer \(token) \t"] {
                var headers = HTTPFields()
                headers[.authorization] = value
                let response = try await client.send(.get, "\(DC.base)/reports", headers: headers)
                #expect(response.status == .ok, "\(value.debugDescription)")
            }
            var empty = HTTPFields()
            empty[.authorization] = "Bearer  \t "
            #expect(try await client.send(.get, "\(DC.base)/reports", headers: empty).status == .unauthorized)
        }
    }

    @Test func basicAuthenticationAcceptsPasswordsAndTokens() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            for secret in ["alice", server.tokens["alice"] ?? ""] {
                var headers = HTTPFields()
                headers[.authorization] = "Basic " + Data("alice:\(secret)".utf8).base64EncodedString()
                let response = try await client.send(.get, "\(DC.base)/reports", headers: headers)
                #expect(response.status == .ok)
            }
            var wrong = HTTPFields()
            wrong[.authorization] = "Basic " + Data("alice:wrong".utf8).base64EncodedString()
            #expect(try await client.send(.get, "\(DC.base)/reports", headers: wrong).status == .unauthorized)
        }
    }

    @Test func unknownRepositoryIs404ForUsersAnd401ForAnonymous() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let path = "/rest/insights/latest/projects/NOPE/repos/none/commits/\(TestServer.commit)/reports"
            let signedIn = try await client.send(.get, path, headers: server.headers("alice"))
            let anonymous = try await client.send(.get, path, headers: server.headers(nil))
            #expect(signedIn.status == .notFound)
            #expect(anonymous.status == .unauthorized)
        }
    }
}
