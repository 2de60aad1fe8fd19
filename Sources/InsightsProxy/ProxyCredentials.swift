import Foundation

/// The credential the proxy adds to every forwarded request as its `Authorization` header.
///
/// The secret is never part of ``description``, so it cannot be printed or logged by accident.
public enum ProxyCredentials: Sendable, Equatable, CustomStringConvertible {
    /// `Authorization: Bearer <token>`.
    case bearer(token: String)
    /// HTTP Basic with a user name and the token as password (`Authorization: Basic base64(user:token)`).
    case basic(username: String, password: String)

    /// The value of the `Authorization` header.
    public var authorizationHeader: String {
        switch self {
        case .bearer(let token):
            "Bearer \(token)"
        case .basic(let username, let password):
            "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
        }
    }

    public var description: String {
        switch self {
        case .bearer: "bearer token (hidden)"
        case .basic(let username, _): "basic (user \(username), token hidden)"
        }
    }
}
