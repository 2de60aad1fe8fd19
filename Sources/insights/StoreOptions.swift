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

    /// The line `serve` and `admin init` print first, so a server and an admin command that were started from
    /// different folders (and so use different `./insights-data`) show it: `insights database: /abs/insights.sqlite`.
    static func databaseLine(_ configuration: ServerConfiguration) -> String {
        "insights database: \(configuration.databaseURL.absoluteURL.standardizedFileURL.path)"
    }

    /// Opens (creating and migrating when needed) the SQLite store of `configuration`.
    static func openStore(_ configuration: ServerConfiguration, logger: Logger) throws -> SQLiteStore {
        try FileManager.default.createDirectory(at: configuration.dataDirectory, withIntermediateDirectories: true)
        return try SQLiteStore(path: configuration.databaseURL.path, logger: logger)
    }
}
