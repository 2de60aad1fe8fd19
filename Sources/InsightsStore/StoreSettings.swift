public import Foundation

/// Where the store lives: the embedded SQLite file, or a PostgreSQL database that several server instances share.
public enum StoreLocation: Sendable, Equatable {
    /// An SQLite database file (created, with its folder, when missing).
    case sqlite(file: URL)
    /// A PostgreSQL database, by `postgres://user:password@host:port/database` URL.
    case postgres(url: String)

    /// The location for humans and logs: the SQLite file's absolute path, or the PostgreSQL URL without its password.
    public var displayName: String {
        switch self {
        case .sqlite(let file):
            return file.absoluteURL.standardizedFileURL.path
        case .postgres(let url):
            guard var components = URLComponents(string: url), components.password != nil else { return url }
            components.password = nil
            return components.string ?? url
        }
    }
}

/// How to open the store: its location and, for PostgreSQL, the connection pool's size and timeouts.
public struct StoreSettings: Sendable, Equatable {
    /// Where the store lives.
    public var location: StoreLocation
    /// PostgreSQL: the most connections one process opens.
    public var poolSize: Int
    /// PostgreSQL: the longest one connection attempt may take.
    public var connectTimeout: Duration
    /// PostgreSQL: the longest one store operation may take, waiting for a pooled connection included; past it the
    /// operation fails as unavailable (503).
    public var queryTimeout: Duration

    /// Creates settings.
    public init(
        location: StoreLocation, poolSize: Int = 20, connectTimeout: Duration = .seconds(5),
        queryTimeout: Duration = .seconds(15)
    ) {
        self.location = location
        self.poolSize = poolSize
        self.connectTimeout = connectTimeout
        self.queryTimeout = queryTimeout
    }
}
