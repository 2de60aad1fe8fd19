import ArgumentParser
import Foundation
import InsightsSQLite
import InsightsServer
import Logging

/// The options that locate the database, shared by `serve` and `admin`.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("data-dir"),
        help: ArgumentHelp(
            "The folder holding insights.sqlite (env: INSIGHTS_DATA_DIR; default: ./insights-data).",
            valueName: "path"))
    var dataDirectory: String?

    /// The configuration these options and the environment describe.
    func configuration(flags: [ServerConfiguration.Key: String] = [:]) throws -> ServerConfiguration {
        var flags = flags
        flags[.dataDirectory] = dataDirectory
        do {
            return try ServerConfiguration.resolve(flags: flags, environment: ProcessInfo.processInfo.environment)
        } catch let error as ConfigurationError {
            throw ValidationError(error.description)
        }
    }

    /// Opens (creating and migrating when needed) the SQLite store of `configuration`.
    static func openStore(_ configuration: ServerConfiguration, logger: Logger) throws -> SQLiteStore {
        try FileManager.default.createDirectory(at: configuration.dataDirectory, withIntermediateDirectories: true)
        return try SQLiteStore(path: configuration.databaseURL.path, logger: logger)
    }
}
