public import Foundation
public import InsightsCore
public import InsightsStore

/// Turns an `Authorization` header into a ``Principal``: HTTP Basic (user name and password) or Bearer (personal
/// access token).
public struct Authenticator<Store: InsightsStore>: Sendable {
    let store: Store
    let now: @Sendable () -> Date

    /// Creates an authenticator over a store.
    ///
    /// - Parameters:
    ///   - store: where users and token digests live.
    ///   - now: the clock token expiry is checked against.
    public init(store: Store, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.now = now
    }

    /// Authenticates a request's `Authorization` header.
    ///
    /// - Parameter header: the header's value, or `nil` when absent.
    /// - Returns: ``Principal/anonymous`` without a header, otherwise the user.
    /// - Throws: ``InsightsError/unauthenticated`` for a malformed header, an unknown user, a wrong password or an
    ///   unknown or expired token.
    public func principal(forAuthorization header: String?) async throws -> Principal {
        guard let header, !header.isEmpty else { return .anonymous }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { throw InsightsError.unauthenticated }
        let scheme = parts[0].lowercased()
        let credentials = Self.trimmingOptionalWhitespace(parts[1])
        switch scheme {
        case "bearer":
            return try await principal(forToken: credentials)
        case "basic":
            guard let decoded = Data(base64Encoded: credentials).flatMap({ String(data: $0, encoding: .utf8) }),
                let colon = decoded.firstIndex(of: ":")
            else { throw InsightsError.unauthenticated }
            let name = String(decoded[..<colon])
            let secret = String(decoded[decoded.index(after: colon)...])
            // Bitbucket accepts a personal access token in place of the password in Basic authentication.
            if secret.hasPrefix(TokenSecret.prefix),
                let tokenPrincipal = try await tokenPrincipal(secret, ownedBy: name)
            {
                return tokenPrincipal
            }
            return try await principal(forUser: name, password: secret)
        default:
            throw InsightsError.unauthenticated
        }
    }

    private func principal(forToken secret: String) async throws -> Principal {
        guard let match = try await store.user(forTokenDigest: TokenSecret.digest(secret), at: now()) else {
            throw InsightsError.unauthenticated
        }
        return match.user.principal(tokenCeiling: match.token.ceiling)
    }

    private func tokenPrincipal(_ secret: String, ownedBy name: String) async throws -> Principal? {
        guard let match = try await store.user(forTokenDigest: TokenSecret.digest(secret), at: now()),
            match.user.name == name.lowercased()
        else { return nil }
        return match.user.principal(tokenCeiling: match.token.ceiling)
    }

    private func principal(forUser name: String, password: String) async throws -> Principal {
        guard let credentials = try await store.userCredentials(named: name) else {
            // As slow as a wrong password, so the answer's timing does not tell which user names exist.
            try await PasswordHasher.verifyForUnknownUser(password)
            throw InsightsError.unauthenticated
        }
        guard try await PasswordHasher.verify(password, against: credentials.passwordHash) else {
            throw InsightsError.unauthenticated
        }
        return credentials.user.principal()
    }

    /// The credentials of an `Authorization` header without surrounding spaces and tabs (HTTP's optional
    /// whitespace); Foundation's `trimmingCharacters(in:)` bridges through `NSString` on Linux.
    private static func trimmingOptionalWhitespace(_ text: Substring) -> String {
        let isOptionalWhitespace = { (character: Character) in character == " " || character == "\t" }
        guard let first = text.firstIndex(where: { !isOptionalWhitespace($0) }),
            let last = text.lastIndex(where: { !isOptionalWhitespace($0) })
        else { return "" }
        return String(text[first...last])
    }
}
