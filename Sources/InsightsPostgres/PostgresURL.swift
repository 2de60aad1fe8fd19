import Foundation
import InsightsCore
import PostgresNIO

/// A `postgres://` (or `postgresql://`) connection URL, parsed into a client configuration.
struct PostgresURL {
    /// The server's host name or address.
    var host: String
    /// The server's port.
    var port: Int
    /// The role to connect as.
    var username: String
    /// Its password, if any.
    var password: String?
    /// The database.
    var database: String?
    /// The `sslmode` parameter.
    var sslMode: String
    /// The `options` parameter (server settings such as `-c search_path=…`), if any.
    var options: String?

    /// Parses `text`.
    ///
    /// - Throws: `invalid` (field `db.postgres.url`) for anything but a `postgres://` URL with a host and a user.
    init(_ text: String) throws {
        let field = FieldPath("db.postgres.url")
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "postgres" || scheme == "postgresql", let host = components.host, !host.isEmpty,
            let username = components.user, !username.isEmpty
        else {
            throw InsightsError.invalidValue(field, "Expected postgres://user:password@host:port/database.")
        }
        self.host = host
        port = components.port ?? 5432
        self.username = username
        password = components.password
        let path = components.path.drop { $0 == "/" }
        database = path.isEmpty ? nil : String(path)
        let items = components.queryItems ?? []
        sslMode = items.last { $0.name == "sslmode" }?.value ?? "prefer"
        options = items.last { $0.name == "options" }?.value
        guard ["disable", "prefer", "require"].contains(sslMode) else {
            throw InsightsError.invalidValue(field, "sslmode must be disable, prefer or require.")
        }
    }

    /// The client configuration this URL describes.
    func configuration() -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS =
            switch sslMode {
            case "disable": .disable
            case "require": .require(.makeClientConfiguration())
            default: .prefer(.makeClientConfiguration())
            }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
        if let options {
            configuration.options.additionalStartupParameters.append(("options", options))
        }
        return configuration
    }
}
