import Foundation

/// The parts of an absolute-form request target (`http://api.bitbucket.org/2.0/repositories?page=2`), the form a
/// client uses when it talks to a forward proxy (RFC 9112 §3.2.2).
struct AbsoluteTarget: Sendable, Equatable {
    /// `http` or `https`, lower case.
    var scheme: String
    /// The authority as written, without user information: `api.bitbucket.org` or `api.bitbucket.org:80`.
    var authority: String
    /// The path and query, never empty: `/2.0/repositories?page=2`, or `/` when the target has no path.
    var originForm: String

    /// Splits `target`, or returns nil when it is not an absolute http or https URL (origin form, `*`, or the
    /// authority form of `CONNECT`).
    ///
    /// - Parameter target: the request target of the request line.
    init?(_ target: String) {
        guard let separator = target.range(of: "://") else { return nil }
        let scheme = target[..<separator.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = target[separator.upperBound...]
        let end = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var authority = rest[..<end]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        guard !authority.isEmpty else { return nil }
        var originForm = rest[end...]
        if let hash = originForm.firstIndex(of: "#") { originForm = originForm[..<hash] }
        self.scheme = scheme
        self.authority = String(authority)
        self.originForm = originForm.first == "/" ? String(originForm) : "/" + originForm
    }

    /// The host name of an authority, lower case and without port: `api.bitbucket.org` for `API.bitbucket.org:80`,
    /// `[::1]` for `[::1]:8080`.
    ///
    /// - Parameter authority: a `Host` header value or the authority of an absolute target.
    /// - Returns: the host part.
    static func hostName(ofAuthority authority: String) -> String {
        let host: Substring
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            host = authority[...close]
        } else {
            host = authority.prefix { $0 != ":" }
        }
        return host.lowercased()
    }
}
