import Foundation

/// How requests authenticate. The secret is never part of ``description``, so it cannot be printed or logged.
public enum Credentials: Sendable, Equatable, CustomStringConvertible {
    /// No `Authorization` header (e.g. through the Bitbucket Pipelines proxy, which adds one).
    case none
    /// HTTP Basic with a user name and a password, app password or token.
    case basic(username: String, password: String)
    /// `Authorization: Bearer <token>` (Data Center personal access tokens, Cloud access tokens, this server).
    case bearer(token: String)

    /// The value of the `Authorization` header, if any.
    var authorizationHeader: String? {
        switch self {
        case .none:
            return nil
        case .basic(let username, let password):
            return "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
        case .bearer(let token):
            return "Bearer \(token)"
        }
    }

    public var description: String {
        switch self {
        case .none: "none"
        case .basic(let username, _): "basic (user \(username), password hidden)"
        case .bearer: "bearer token (hidden)"
        }
    }
}
