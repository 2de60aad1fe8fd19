import ArgumentParser
import Foundation
import InsightsCore
import InsightsServer
import InsightsStorage
import InsightsStore
import Logging

/// The options that locate the database, shared by `serve` and `admin`.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("data-dir"),
        help: ArgumentHelp(
            "The folder of the server's files: insights.sqlite (unless --database is given) and the git mirrors "
                + "(env: INSIGHTS_DATA_DIR; default: ./insights-data).",
            valueName: "path"))
    var dataDirectory: String?

    @Option(
        name: .customLong("database"),
        help: ArgumentHelp(
            "A PostgreSQL database to keep everything in instead of SQLite, shared by several servers "
                + "(env: INSIGHTS_DATABASE_URL).",
            valueName: "postgres://user:password@host:port/database"))
    var database: String?

    @Option(
        help: ArgumentHelp(
            "PostgreSQL: the most connections this process opens (env: INSIGHTS_DATABASE_POOL_SIZE; default: 20).",
            valueName: "count"))
    var databasePoolSize: String?

    @Option(
        help: ArgumentHelp(
            "PostgreSQL: seconds one connection attempt may take "
                + "(env: INSIGHTS_DATABASE_CONNECT_TIMEOUT_SECONDS; default: 5).",
            valueName: "seconds"))
    var databaseConnectTimeoutSeconds: String?

    @Option(
        help: ArgumentHelp(
            "PostgreSQL: seconds one database operation may take, waiting for a connection included; "
                + "a request then answers 503 (env: INSIGHTS_DATABASE_QUERY_TIMEOUT_SECONDS; default: 15).",
            valueName: "seconds"))
    var databaseQueryTimeoutSeconds: String?

    /// The configuration these options and the environment describe.
    func configuration(flags: [ServerConfiguration.Key: String] = [:]) throws -> ServerConfiguration {
        var flags = flags
        flags[.dataDirectory] = dataDirectory
        flags[.database] = database
        flags[.databasePoolSize] = databasePoolSize
        flags[.databaseConnectTimeoutSeconds] = databaseConnectTimeoutSeconds
        flags[.databaseQueryTimeoutSeconds] = databaseQueryTimeoutSeconds
        do {
            return try ServerConfiguration.resolve(flags: flags, environment: ProcessInfo.processInfo.environment)
        } catch let error as ConfigurationError {
            throw ValidationError(error.description)
        }
    }

    /// Opens the store of `configuration` for `command`, turning an unreachable database into one clear line: the
    /// store's own message ("temporarily unavailable") does not say which database, or what to check.
    static func open(
        _ configuration: ServerConfiguration, for command: String, logger: Logger
    ) async throws -> OpenedStore {
        do {
            return try await openStore(configuration.store, logger: logger)
        } catch let error as InsightsError where error.kind == .unavailable {
            let settings = configuration.store
            let hint =
                switch settings.location {
                case .sqlite:
                    "check that the folder is writable and the file is an insights database"
                case .postgres:
                    "no answer within \(settings.queryTimeout.components.seconds) s; check that PostgreSQL runs and "
                        + "that the URL, user and password are right"
                }
            throw StoreOpeningFailure(
                description: "\(command): cannot open the database \(settings.location.displayName): \(hint) "
                    + "(the cause is logged above).")
        }
    }

    /// The line `serve` and `admin init` print first, so a server and an admin command that were started from
    /// different folders (and so use different `./insights-data`) show it: `insights database: /abs/insights.sqlite`,
    /// or the PostgreSQL URL without its password.
    static func databaseLine(_ configuration: ServerConfiguration) -> String {
        "insights database: \(configuration.store.location.displayName)"
    }
}

/// A database that cannot be opened: a runtime failure (exit 1), not a usage error.
struct StoreOpeningFailure: Error, CustomStringConvertible {
    /// Which database, and what to check.
    let description: String
}
