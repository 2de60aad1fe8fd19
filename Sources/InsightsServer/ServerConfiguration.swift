public import Foundation
public import InsightsStore
public import Logging

/// The validated settings of `insights serve`.
///
/// Every setting has a command-line flag and an `INSIGHTS_*` environment variable; the flag wins
/// (see ``ServerConfiguration/Key``).
public struct ServerConfiguration: Sendable, Equatable {
    /// The default request body limit: 8 MiB, room for 1000 annotations with 2000-character messages.
    public static let defaultMaxBodyBytes = 8 * 1024 * 1024
    /// The default budget of the commit-wide response cache: 64 MiB, several thousand typical responses.
    public static let defaultResponseCacheBytes = 64 * 1024 * 1024

    /// The address to bind; `127.0.0.1` unless told otherwise.
    public var host = "127.0.0.1"
    /// The port to bind; 7990 as Bitbucket Data Center; 0 picks a free one.
    public var port = 7990
    /// The folder of the server's local files: the git mirrors, and `insights.sqlite` unless ``postgresURL`` is set.
    public var dataDirectory = URL(fileURLWithPath: "insights-data")
    /// The PostgreSQL database the store lives in (`postgres://user:password@host:port/database`); `nil` keeps it
    /// in SQLite, in ``dataDirectory``.
    public var postgresURL: String?
    /// PostgreSQL: the most connections this process opens.
    public var databasePoolSize = 20
    /// PostgreSQL: the longest one connection attempt may take.
    public var databaseConnectTimeout: Duration = .seconds(5)
    /// PostgreSQL: the longest one store operation may take, waiting for a pooled connection included; a request
    /// whose operation takes longer answers 503.
    public var databaseQueryTimeout: Duration = .seconds(15)
    /// The cap on annotations per report.
    public var maxAnnotationsPerReport = 1000
    /// How long reports are kept after their last write.
    public var retentionDays = 60
    /// How often the retention task runs.
    public var retentionInterval: Duration = .seconds(3600)
    /// The largest request body accepted, in bytes.
    public var maxBodyBytes = defaultMaxBodyBytes
    /// The most bytes of rendered commit-wide annotation responses kept in memory; 0 keeps none.
    public var responseCacheBytes = defaultResponseCacheBytes
    /// How long a keep-alive connection may stay without a request before it is closed.
    public var idleTimeout: Duration = .seconds(60)
    /// How long a request's head may take from its first byte to its end, and how long a request's body may pause
    /// between bytes, before the connection is closed.
    public var readTimeout: Duration = .seconds(30)
    /// The most connections open at once; further connections wait in the listen backlog until one closes.
    public var maxConnections = 1024
    /// The log level.
    public var logLevel: Logger.Level = .info
    /// How often the git mirrors of linked repositories are fetched and their open pull requests follow their
    /// branches; 0 turns the scheduled fetch off (fetches then happen on `POST …/refresh` and on unknown commits).
    public var gitFetchInterval: Duration = .seconds(60)
    /// How long one git command may run (a fetch, mostly).
    public var gitTimeout: Duration = .seconds(120)
    /// How long a web sign-in lasts.
    public var webSessionHours = 12
    /// Whether the web UI's cookies carry `Secure` (only sent over https): on when a TLS proxy is in front.
    public var secureCookies = false

    /// The settings' names: flag, environment variable, and what they hold.
    public enum Key: String, CaseIterable, Sendable {
        case host
        case port
        case dataDirectory = "data-dir"
        case database
        case databasePoolSize = "database-pool-size"
        case databaseConnectTimeoutSeconds = "database-connect-timeout-seconds"
        case databaseQueryTimeoutSeconds = "database-query-timeout-seconds"
        case maxAnnotationsPerReport = "max-annotations-per-report"
        case retentionDays = "retention-days"
        case retentionIntervalSeconds = "retention-interval-seconds"
        case maxBodyBytes = "max-body-bytes"
        case responseCacheBytes = "response-cache-bytes"
        case idleTimeoutSeconds = "idle-timeout-seconds"
        case readTimeoutSeconds = "read-timeout-seconds"
        case maxConnections = "max-connections"
        case logLevel = "log-level"
        case gitFetchIntervalSeconds = "git-fetch-interval-seconds"
        case gitTimeoutSeconds = "git-timeout-seconds"
        case webSessionHours = "web-session-hours"
        case secureCookies = "secure-cookies"

        /// The environment variable: `INSIGHTS_` and the flag in upper case with `_` for `-`; `INSIGHTS_DATABASE_URL`
        /// for `--database`, the name such settings usually have.
        public var environmentVariable: String {
            self == .database ? "INSIGHTS_DATABASE_URL" : "INSIGHTS_" + rawValue.uppercased().replacing("-", with: "_")
        }
    }

    /// Creates the defaults.
    public init() {}

    /// How to open the store: PostgreSQL at ``postgresURL`` with the pool settings, or the SQLite file
    /// `insights.sqlite` in ``dataDirectory``.
    public var store: StoreSettings {
        StoreSettings(
            location: postgresURL.map { .postgres(url: $0) }
                ?? .sqlite(file: dataDirectory.appendingPathComponent("insights.sqlite")),
            poolSize: databasePoolSize, connectTimeout: databaseConnectTimeout, queryTimeout: databaseQueryTimeout)
    }

    /// Builds a configuration from flag values and the environment; flags win over the environment, which wins over
    /// the defaults.
    ///
    /// - Parameters:
    ///   - flags: values given on the command line, by key.
    ///   - environment: the process environment.
    /// - Throws: ``ConfigurationError`` naming the setting whose value is invalid.
    public static func resolve(flags: [Key: String], environment: [String: String]) throws -> ServerConfiguration {
        var configuration = ServerConfiguration()
        func value(_ key: Key) -> String? { flags[key] ?? environment[key.environmentVariable] }
        func integer(_ key: Key, in range: ClosedRange<Int>) throws -> Int? {
            guard let text = value(key) else { return nil }
            guard let number = Int(text), range.contains(number) else {
                throw ConfigurationError(
                    key: key, value: text, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return number
        }
        if let host = value(.host) {
            guard !host.isEmpty else { throw ConfigurationError(key: .host, value: host, expected: "an address") }
            configuration.host = host
        }
        if let port = try integer(.port, in: 0...65535) { configuration.port = port }
        if let directory = value(.dataDirectory) {
            guard !directory.isEmpty else {
                throw ConfigurationError(key: .dataDirectory, value: directory, expected: "a folder path")
            }
            configuration.dataDirectory = URL(fileURLWithPath: directory)
        }
        if let url = value(.database) {
            let scheme = url.prefix { $0 != ":" }.lowercased()
            guard scheme == "postgres" || scheme == "postgresql", URLComponents(string: url)?.host?.isEmpty == false
            else {
                // The message names the value without its password.
                throw ConfigurationError(
                    key: .database, value: StoreLocation.postgres(url: url).displayName,
                    expected: "a postgres://user:password@host:port/database URL")
            }
            configuration.postgresURL = url
        }
        if let size = try integer(.databasePoolSize, in: 1...1000) { configuration.databasePoolSize = size }
        if let seconds = try integer(.databaseConnectTimeoutSeconds, in: 1...600) {
            configuration.databaseConnectTimeout = .seconds(seconds)
        }
        if let seconds = try integer(.databaseQueryTimeoutSeconds, in: 1...3600) {
            configuration.databaseQueryTimeout = .seconds(seconds)
        }
        if let cap = try integer(.maxAnnotationsPerReport, in: 1...1_000_000) {
            configuration.maxAnnotationsPerReport = cap
        }
        if let days = try integer(.retentionDays, in: 1...36500) { configuration.retentionDays = days }
        if let seconds = try integer(.retentionIntervalSeconds, in: 1...86400) {
            configuration.retentionInterval = .seconds(seconds)
        }
        if let bytes = try integer(.maxBodyBytes, in: 1024...1_073_741_824) { configuration.maxBodyBytes = bytes }
        if let bytes = try integer(.responseCacheBytes, in: 0...68_719_476_736) {
            configuration.responseCacheBytes = bytes
        }
        if let seconds = try integer(.idleTimeoutSeconds, in: 1...86400) {
            configuration.idleTimeout = .seconds(seconds)
        }
        if let seconds = try integer(.readTimeoutSeconds, in: 1...3600) {
            configuration.readTimeout = .seconds(seconds)
        }
        if let count = try integer(.maxConnections, in: 1...1_000_000) { configuration.maxConnections = count }
        if let seconds = try integer(.gitFetchIntervalSeconds, in: 0...86400) {
            configuration.gitFetchInterval = .seconds(seconds)
        }
        if let seconds = try integer(.gitTimeoutSeconds, in: 1...3600) { configuration.gitTimeout = .seconds(seconds) }
        if let hours = try integer(.webSessionHours, in: 1...8760) { configuration.webSessionHours = hours }
        if let secure = value(.secureCookies) {
            switch secure.lowercased() {
            case "true", "1", "yes": configuration.secureCookies = true
            case "false", "0", "no": configuration.secureCookies = false
            default: throw ConfigurationError(key: .secureCookies, value: secure, expected: "true or false")
            }
        }
        if let level = value(.logLevel) {
            guard let parsed = Logger.Level(rawValue: level.lowercased()) else {
                throw ConfigurationError(
                    key: .logLevel, value: level,
                    expected: Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))
            }
            configuration.logLevel = parsed
        }
        return configuration
    }
}
