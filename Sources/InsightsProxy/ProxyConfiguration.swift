public import Foundation
public import Logging

/// The validated settings of `insights proxy`.
///
/// Every setting but the token has a command-line flag, and every one but the token file an environment variable;
/// the flag wins over the environment, which wins over the default (see ``ProxyConfiguration/Key``). The token itself
/// comes only from a file or from ``tokenEnvironmentVariable``, never from the command line.
public struct ProxyConfiguration: Sendable, Equatable {
    /// The default port, the one Bitbucket Pipelines' authentication proxy listens on.
    public static let defaultPort = 29418
    /// The default request body limit: 8 MiB, as `insights serve`.
    public static let defaultMaxBodyBytes = 8 * 1024 * 1024
    /// The environment variable holding the token when no token file is given.
    public static let tokenEnvironmentVariable = "INSIGHTS_PROXY_TOKEN"

    /// The address to bind; `127.0.0.1` unless told otherwise.
    public var host = "127.0.0.1"
    /// The port to bind; 0 picks a free one.
    public var port = defaultPort
    /// The host names (lower case, without port) whose requests are forwarded; others get 403.
    public var allowedHosts: Set<String> = ["api.bitbucket.org"]
    /// Where requests go: `insights serve`'s default address unless told otherwise. Its path, if any, prefixes every
    /// forwarded path.
    public var upstream = URL(string: "http://127.0.0.1:7990") ?? URL(fileURLWithPath: "/")
    /// The `Authorization` every forwarded request carries.
    public var credentials: ProxyCredentials
    /// The largest request body forwarded, in bytes; larger ones get 413.
    public var maxBodyBytes = defaultMaxBodyBytes
    /// How long connecting to the upstream may take (refused connections are retried until then) before the client
    /// gets 502.
    public var upstreamConnectTimeout: Duration = .seconds(5)
    /// How long one upstream exchange may take before the client gets 504.
    public var upstreamTimeout: Duration = .seconds(60)
    /// The log level.
    public var logLevel: Logger.Level = .info

    /// The settings' names: the flag, and the environment variable when there is one.
    public enum Key: String, CaseIterable, Sendable {
        case host
        case port
        case allowHost = "allow-host"
        case upstream
        case tokenFile = "token-file"
        case user
        case maxBodyBytes = "max-body-bytes"
        case logLevel = "log-level"

        /// The environment variable: `INSIGHTS_PROXY_` and the flag in upper case with `_` for `-`
        /// (`INSIGHTS_PROXY_ALLOW_HOSTS`, plural, holds a comma-separated list); none for the token file.
        public var environmentVariable: String? {
            switch self {
            case .tokenFile: nil
            case .allowHost: "INSIGHTS_PROXY_ALLOW_HOSTS"
            default: "INSIGHTS_PROXY_" + rawValue.uppercased().replacing("-", with: "_")
            }
        }
    }

    /// Creates a configuration with the defaults and the given credential.
    ///
    /// - Parameter credentials: the `Authorization` to add to forwarded requests.
    public init(credentials: ProxyCredentials) {
        self.credentials = credentials
    }

    /// Builds a configuration from flag values and the environment; flags win over the environment, which wins over
    /// the defaults.
    ///
    /// - Parameters:
    ///   - flags: values given on the command line, by key; ``Key/allowHost`` as a comma-separated list.
    ///   - environment: the process environment.
    /// - Returns: the validated configuration.
    /// - Throws: ``ProxyConfigurationError`` naming the invalid setting, or saying that no credential is configured.
    public static func resolve(
        flags: [Key: String], environment: [String: String]
    ) throws(ProxyConfigurationError) -> ProxyConfiguration {
        func value(_ key: Key) -> String? { flags[key] ?? key.environmentVariable.flatMap { environment[$0] } }
        var configuration = ProxyConfiguration(
            credentials: try credentials(
                tokenFile: flags[.tokenFile], environment: environment, user: value(.user)))
        if let host = value(.host) {
            guard !host.isEmpty else { throw .invalid(.host, value: host, expected: "an address") }
            configuration.host = host
        }
        if let text = value(.port) {
            guard let port = Int(text), (0...65535).contains(port) else {
                throw .invalid(.port, value: text, expected: "a whole number from 0 to 65535")
            }
            configuration.port = port
        }
        if let text = value(.allowHost) {
            let hosts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard !hosts.isEmpty, hosts.allSatisfy({ !$0.isEmpty && !$0.contains("/") && !$0.contains(":") }) else {
                throw .invalid(.allowHost, value: text, expected: "host names such as api.bitbucket.org")
            }
            configuration.allowedHosts = Set(hosts)
        }
        if let text = value(.upstream) {
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
                ["http", "https"].contains(scheme),
                url.host?.isEmpty == false, url.query == nil, url.fragment == nil
            else {
                throw .invalid(.upstream, value: text, expected: "an http or https URL such as http://127.0.0.1:7990")
            }
            configuration.upstream = url
        }
        if let text = value(.maxBodyBytes) {
            guard let bytes = Int(text), (1024...1_073_741_824).contains(bytes) else {
                throw .invalid(.maxBodyBytes, value: text, expected: "a whole number from 1024 to 1073741824")
            }
            configuration.maxBodyBytes = bytes
        }
        if let level = value(.logLevel) {
            guard let parsed = Logger.Level(rawValue: level.lowercased()) else {
                throw .invalid(
                    .logLevel, value: level, expected: Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))
            }
            configuration.logLevel = parsed
        }
        return configuration
    }

    /// The credential from the token file or the environment, as Basic when a user is named.
    private static func credentials(
        tokenFile: String?, environment: [String: String], user: String?
    ) throws(ProxyConfigurationError) -> ProxyCredentials {
        let token: String
        if let tokenFile {
            let path = NSString(string: tokenFile).expandingTildeInPath
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ProxyConfigurationError("Cannot read the token file \(tokenFile).")
            }
            token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !token.isEmpty else { throw ProxyConfigurationError("The token file \(tokenFile) is empty.") }
        } else if let value = environment[tokenEnvironmentVariable], !value.isEmpty {
            token = value
        } else {
            throw ProxyConfigurationError(
                "No credential to add: give --token-file PATH or set \(tokenEnvironmentVariable) "
                    + "(with --user NAME for HTTP Basic).")
        }
        guard let user else { return .bearer(token: token) }
        guard !user.isEmpty, !user.contains(":") else {
            throw .invalid(.user, value: user, expected: "a user name without ':'")
        }
        return .basic(username: user, password: token)
    }
}
