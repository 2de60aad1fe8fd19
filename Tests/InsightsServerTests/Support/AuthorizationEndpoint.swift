import HTTPTypes
import Testing

/// One endpoint of an authorization matrix: a request and the status each seeded principal must get.
struct AuthorizationEndpoint: Sendable, CustomTestStringConvertible {
    /// The principals of every matrix, in the order of ``expected``: anonymous, carol (no grant), bob (reader),
    /// alice (the report's creator), rita (project admin), root (system admin).
    static let principals: [String?] = [nil, "carol", "bob", "alice", "rita", "root"]
    /// What a read answers each principal.
    static let readable: [HTTPResponse.Status] = [.unauthorized, .forbidden, .ok, .ok, .ok, .ok]

    /// What a write only the report's creator may make answers each principal.
    static func creatorOnly(_ success: HTTPResponse.Status) -> [HTTPResponse.Status] {
        [.unauthorized, .forbidden, .forbidden, success, .forbidden, .forbidden]
    }

    let name: String
    let method: HTTPRequest.Method
    /// The path; `{user}` is replaced by the principal's name.
    let path: String
    let body: String?
    /// The expected status per principal, in the order of ``principals``.
    let expected: [HTTPResponse.Status]
    var testDescription: String { name }
}
