import Foundation
import InsightsCore
import InsightsStore
import Synchronization

/// Signing in to the web UI and recognising its session cookies, with a signing key every instance on the store
/// shares.
final class WebSignIn<Store: InsightsStore>: Sendable {
    /// Why a sign-in was refused; the same words whatever was wrong, so the form tells nobody which names exist.
    static var refusal: String { "Wrong user name, password or token." }

    let store: Store
    /// How long a session lasts.
    let lifetime: TimeInterval
    let now: @Sendable () -> Date
    private let signerCache = Mutex<WebSessionSigner?>(nil)

    init(store: Store, lifetime: TimeInterval, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.lifetime = lifetime
        self.now = now
    }

    /// The signer over the store's shared key, created at random by the first instance that asks.
    func signer() async throws -> WebSessionSigner {
        if let signer = signerCache.withLock({ $0 }) { return signer }
        let key = try await store.secret(named: WebSessionSigner.keyName, storingIfAbsent: Base64URL.randomBytes(32))
        let signer = WebSessionSigner(key: key)
        signerCache.withLock { $0 = signer }
        return signer
    }

    /// Checks a user name with a password or a personal access token and opens a session.
    ///
    /// - Returns: the session cookie's value and the user.
    /// - Throws: ``InsightsError/unauthenticated`` for a wrong name, password or token.
    func signIn(userName: String, secret: String) async throws -> (cookie: String, user: User) {
        let signer = try await signer()
        let expiresAt = now().addingTimeInterval(lifetime)
        if secret.hasPrefix(TokenSecret.prefix),
            let match = try await store.user(forTokenDigest: TokenSecret.digest(secret), at: now()),
            match.user.name == userName.lowercased()
        {
            let session = WebSession(credential: .token(digest: TokenSecret.digest(secret)), expiresAt: expiresAt)
            return (signer.cookieValue(for: session), match.user)
        }
        guard let credentials = try await store.userCredentials(named: userName) else {
            try await PasswordHasher.verifyForUnknownUser(secret)
            throw InsightsError.unauthenticated
        }
        guard try await PasswordHasher.verify(secret, against: credentials.passwordHash) else {
            throw InsightsError.unauthenticated
        }
        let session = WebSession(
            credential: .password(
                userName: credentials.user.name, stamp: signer.stamp(ofPasswordHash: credentials.passwordHash)),
            expiresAt: expiresAt)
        return (signer.cookieValue(for: session), credentials.user)
    }

    /// The user and principal of a session cookie, when it is signed, unexpired, and its password or token still
    /// stands; `nil` otherwise.
    func visitor(forCookie value: String) async throws -> (user: User, principal: Principal)? {
        guard let session = try await signer().session(fromCookie: value, now: now()) else { return nil }
        switch session.credential {
        case .password(let userName, let stamp):
            guard let credentials = try await store.userCredentials(named: userName),
                try await signer().stamp(ofPasswordHash: credentials.passwordHash) == stamp
            else { return nil }
            return (credentials.user, credentials.user.principal())
        case .token(let digest):
            guard let match = try await store.user(forTokenDigest: digest, at: now()) else { return nil }
            return (match.user, match.user.principal(tokenCeiling: match.token.ceiling))
        }
    }

    /// A fresh random value for the browser's CSRF cookie.
    static func newCSRFCookie() -> String {
        Base64URL.encode(Base64URL.randomBytes(16))
    }
}
