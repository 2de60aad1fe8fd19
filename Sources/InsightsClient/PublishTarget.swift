public import Foundation
public import InsightsCore

/// Where reports are published: this server, Bitbucket Data Center or Bitbucket Cloud, and as whom.
///
/// The publisher needs nothing else: a base URL, the repository's two names, credentials and an optional proxy.
public struct PublishTarget: Sendable, CustomStringConvertible {
    /// The kinds of server.
    public enum Kind: String, Sendable, CaseIterable {
        /// `insights serve`, through its Data Center dialect.
        case server
        /// Bitbucket Data Center (or Server).
        case dc
        /// Bitbucket Cloud.
        case cloud

        /// The dialect the kind speaks.
        public var dialect: PublishDialect { self == .cloud ? .cloud : .dataCenter }
    }

    /// The kind of server.
    public var kind: Kind
    /// The server's root URL, e.g. `http://127.0.0.1:7990`, `https://bitbucket.example.com` or
    /// `https://api.bitbucket.org`; dialect paths are appended to it.
    public var baseURL: URL
    /// The project key (Data Center, this server) or workspace (Cloud).
    public var owner: String
    /// The repository slug.
    public var repositorySlug: String
    /// How requests authenticate.
    public var credentials: Credentials
    /// A forward proxy for every request (the Pipelines proxy), if any.
    public var proxy: HTTPProxy?

    /// Bitbucket Cloud's API host.
    public static let cloudAPIString = "https://api.bitbucket.org"
    /// Bitbucket Cloud's API host in plain http, as the Pipelines proxy expects it.
    public static let cloudAPIThroughProxyString = "http://api.bitbucket.org"
    /// The default URL of `insights serve`, as text.
    public static let defaultServerURLString = "http://127.0.0.1:7990"

    /// Creates a target.
    public init(
        kind: Kind, baseURL: URL, owner: String, repositorySlug: String, credentials: Credentials = .none,
        proxy: HTTPProxy? = nil
    ) {
        self.kind = kind
        self.baseURL = baseURL
        self.owner = owner
        self.repositorySlug = repositorySlug
        self.credentials = credentials
        self.proxy = proxy
    }

    /// The dialect the target speaks.
    public var dialect: PublishDialect { kind.dialect }

    /// The URL of a report.
    ///
    /// - Parameters:
    ///   - commit: the commit.
    ///   - key: the report key (Cloud: external id).
    public func reportURL(commit: CommitID, key: InsightKey) -> String {
        let root =
            baseURL.absoluteString.hasSuffix("/")
            ? String(baseURL.absoluteString.dropLast()) : baseURL.absoluteString
        let owner = Self.segment(owner)
        let slug = Self.segment(repositorySlug)
        let key = Self.segment(key.rawValue)
        switch dialect {
        case .dataCenter:
            return "\(root)/rest/insights/latest/projects/\(owner)/repos/\(slug)/commits/\(commit)/reports/\(key)"
        case .cloud:
            return "\(root)/2.0/repositories/\(owner)/\(slug)/commit/\(commit)/reports/\(key)"
        }
    }

    /// The URL of a report's annotation collection.
    public func annotationsURL(commit: CommitID, key: InsightKey) -> String {
        reportURL(commit: commit, key: key) + "/annotations"
    }

    /// The URL of one annotation (Cloud: uuid or external id).
    public func annotationURL(commit: CommitID, key: InsightKey, annotationID: String) -> String {
        annotationsURL(commit: commit, key: key) + "/" + Self.segment(annotationID)
    }

    /// Percent-encodes one path segment (`/`, `?`, `#`, `{`, `}` and spaces included).
    static func segment(_ text: String) -> String {
        let allowed = CharacterSet(
            charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    public var description: String {
        var text = "\(kind.rawValue) \(baseURL.absoluteString) \(owner)/\(repositorySlug), credentials: \(credentials)"
        if let proxy { text += ", proxy \(proxy)" }
        return text
    }
}
