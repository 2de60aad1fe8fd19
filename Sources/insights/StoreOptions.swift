import ArgumentParser
import Foundation
import InsightsServer
import InsightsStore

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

    /// The line `serve` and `admin init` print first, so a server and an admin command that were started from
    /// different folders (and so use different `./insights-data`) show it: `insights database: /abs/insights.sqlite`,
    /// or the PostgreSQL URL without its password.
    static func databaseLine(_ configuration: ServerConfiguration) -> String {
        "insights database: \(configuration.store.location.displayName)"
    }
}
