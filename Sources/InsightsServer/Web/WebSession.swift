import Crypto
import Foundation

/// Who a web session belongs to and until when, as its signed cookie carries it.
///
/// The cookie holds no secret: a password session names the user and a stamp of the password hash it was opened
/// with (so changing the password ends it), a token session the token's digest (so deleting or expiring the token
/// ends it). Each request checks both against the store, so every instance on one database accepts the session.
struct WebSession: Sendable, Equatable {
    /// What the user signed in with.
    enum Credential: Sendable, Equatable {
        /// A password: the user's name and ``WebSessionSigner/stamp(ofPasswordHash:)`` of its hash.
        case password(userName: String, stamp: String)
        /// A personal access token: the hex SHA-256 digest the store keeps.
        case token(digest: String)
    }

    var credential: Credential
    /// When the cookie stops being accepted.
    var expiresAt: Date
}

/// Signs web session cookies and the CSRF tokens of their forms with a key every server instance shares.
///
/// A cookie is `base64url(payload) "." base64url(HMAC-SHA256(key, payload))`; the payload is
/// `v1 \n kind \n subject \n stamp \n expiry-seconds`. A CSRF token is `base64url(HMAC-SHA256(key, "csrf" \n cookie))`,
/// so it is valid only beside the cookie it was made for.
struct WebSessionSigner: Sendable {
    /// The name the key is stored under (``InsightsStore/secret(named:storingIfAbsent:)``).
    static let keyName = "web-session-key"

    private let keyBytes: [UInt8]
    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    /// Creates a signer with the shared key.
    init(key: [UInt8]) {
        keyBytes = key
    }

    /// The cookie value of a session.
    func cookieValue(for session: WebSession) -> String {
        let (kind, subject, stamp) =
            switch session.credential {
            case .password(let userName, let stamp): ("password", userName, stamp)
            case .token(let digest): ("token", digest, "")
            }
        let payload = Data(
            ["v1", kind, subject, stamp, String(Int64(session.expiresAt.timeIntervalSince1970))].joined(
                separator: "\n"
            ).utf8)
        return Base64URL.encode(payload) + "."
            + Base64URL.encode(Data(HMAC<SHA256>.authenticationCode(for: payload, using: key)))
    }

    /// The session a cookie value carries, when its signature is right and it has not expired.
    func session(fromCookie value: String, now: Date) -> WebSession? {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let payload = Base64URL.decode(parts[0]),
            let signature = Base64URL.decode(parts[1]),
            HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: payload, using: key)
        else { return nil }
        let fields = String(decoding: payload, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard fields.count == 5, fields[0] == "v1", let seconds = Int64(fields[4]) else { return nil }
        let expiresAt = Date(timeIntervalSince1970: TimeInterval(seconds))
        guard expiresAt > now else { return nil }
        switch fields[1] {
        case "password":
            return WebSession(
                credential: .password(userName: String(fields[2]), stamp: String(fields[3])), expiresAt: expiresAt)
        case "token":
            return WebSession(credential: .token(digest: String(fields[2])), expiresAt: expiresAt)
        default:
            return nil
        }
    }

    /// A short keyed digest of a password hash: changes when the password does, tells nothing about it.
    func stamp(ofPasswordHash hash: String) -> String {
        Base64URL.encode(
            Data(HMAC<SHA256>.authenticationCode(for: Data(("password\n" + hash).utf8), using: key)).prefix(16))
    }

    /// The CSRF token of the forms shown beside a session cookie (or beside the sign-in form's own cookie).
    func csrfToken(forCookie cookie: String) -> String {
        Base64URL.encode(Data(HMAC<SHA256>.authenticationCode(for: Data(("csrf\n" + cookie).utf8), using: key)))
    }

    /// Whether a submitted CSRF token belongs to the cookie, compared in constant time.
    func isValidCSRFToken(_ token: String, forCookie cookie: String) -> Bool {
        guard let submitted = Base64URL.decode(token) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(
            submitted, authenticating: Data(("csrf\n" + cookie).utf8), using: key)
    }
}
