import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InsightsCore
import InsightsSQLite
import InsightsServer
import Testing

/// Sign-in answers that must not tell more than "no": unknown users take as long as wrong passwords, and a 401 for
/// a request without credentials is not called a wrong password.
@Suite struct SignInTests {
    /// A user whose password hash has the cost the admin commands use, unlike the cheap hashes of ``TestServer``.
    static let realCostUser = "dave"

    /// The median time of each operation over `rounds` rounds; the operations take turns within a round, so a
    /// machine busy with other tests slows all of them alike.
    private static func medianDurations(
        rounds: Int, _ operations: [() async throws -> Void]
    ) async throws -> [Duration] {
        var durations = Array(repeating: [Duration](), count: operations.count)
        for _ in 0..<rounds {
            for (index, operation) in operations.enumerated() {
                let start = ContinuousClock.now
                try await operation()
                durations[index].append(ContinuousClock.now - start)
            }
        }
        return durations.map { $0.sorted()[rounds / 2] }
    }

    /// The time to refuse Basic credentials, which must fail.
    private static func refusal(
        _ authenticator: Authenticator<SQLiteStore>, user: String, secret: String
    ) async throws {
        let header = "Basic " + Data("\(user):\(secret)".utf8).base64EncodedString()
        await #expect(throws: InsightsError.unauthenticated) {
            _ = try await authenticator.principal(forAuthorization: header)
        }
    }

    @Test func anUnknownUserTakesAsLongAsAWrongPassword() async throws {
        let server = try await TestServer.make()
        _ = try await server.store.createUser(
            name: Self.realCostUser, passwordHash: try await PasswordHasher.hash("the-real-password"),
            isSystemAdmin: false)
        let authenticator = Authenticator(store: server.store)
        // One refusal each first, so one-time set-up costs land in neither median.
        try await Self.refusal(authenticator, user: Self.realCostUser, secret: "wrong")
        try await Self.refusal(authenticator, user: "nobody", secret: "wrong")

        let medians = try await Self.medianDurations(
            rounds: 7,
            [
                { try await Self.refusal(authenticator, user: Self.realCostUser, secret: "wrong-password") },
                {
                    try await Self.refusal(
                        authenticator, user: "nobody-\(UUID().uuidString.prefix(8))", secret: "wrong")
                },
                { try await Self.refusal(authenticator, user: "nobody", secret: TokenSecret.make()) },
            ])
        let (known, unknown, unknownWithTokenSecret) = (medians[0], medians[1], medians[2])

        #expect(unknown >= known / 2, "unknown user \(unknown), wrong password \(known)")
        #expect(unknownWithTokenSecret >= known / 2, "token-shaped secret \(unknownWithTokenSecret), known \(known)")
    }

    @Test func aRequestWithoutCredentialsIsToldToSignIn() async throws {
        let server = try await TestServer.make()
        let response = try await server.test { client in
            try await client.send(.get, DC.report(), headers: server.headers(nil))
        }
        #expect(response.status == .unauthorized)
        let entry = try #require(try response.json()["errors"]?.elements.first)
        #expect(entry["exceptionName"] == .string("com.atlassian.bitbucket.auth.AuthenticationRequiredException"))
        #expect(entry["message"] == .string(InsightsError.authenticationRequired.message))
    }

    @Test func aWrongPasswordIsCalledOne() async throws {
        let server = try await TestServer.make()
        var wrongPassword = server.headers(nil)
        wrongPassword[.authorization] = "Basic " + Data("alice:wrong".utf8).base64EncodedString()
        let headers = wrongPassword
        let response = try await server.test { client in
            try await client.send(.get, DC.report(), headers: headers)
        }
        #expect(response.status == .unauthorized)
        let entry = try #require(try response.json()["errors"]?.elements.first)
        #expect(
            entry["exceptionName"] == .string("com.atlassian.bitbucket.auth.IncorrectPasswordAuthenticationException"))
    }
}
