/// Where Swift concurrency runs tasks, chosen with `INSIGHTS_EXECUTOR` before anything else starts.
///
/// `event-loop` runs them on SwiftNIO's event loops, so an HTTP handler shares its connection's thread: the most
/// requests per second on the embedded SQLite store, the default there. `swift` keeps Swift's own executor, the
/// default on PostgreSQL: there every store call waits on a database connection, and Swift's executor served about a
/// fifth more uncached commit-wide reads per second, at a lower p99 (docs/PERFORMANCE.md, "Scheduling").
enum TaskExecutorChoice: String, CaseIterable {
    /// SwiftNIO's event loops.
    case eventLoop = "event-loop"
    /// Swift concurrency's default executor.
    case swift

    /// The environment variable that chooses.
    static let variable = "INSIGHTS_EXECUTOR"

    /// The choice `environment` makes, or when it makes none (unset or empty), the default for the store the command
    /// line or the environment names: ``swift`` for a PostgreSQL database (`--database` or `INSIGHTS_DATABASE_URL`
    /// starting with `postgres://` or `postgresql://`), else ``eventLoop``.
    ///
    /// - Parameters:
    ///   - environment: the process's environment.
    ///   - arguments: the command-line arguments after the executable's name, read before they are parsed.
    /// - Returns: the choice, or the message for a value that names none.
    static func chosen(in environment: [String: String], arguments: [String]) -> Result<Self, UsageMessage> {
        guard let value = environment[variable], !value.isEmpty else {
            return .success(namesPostgres(environment: environment, arguments: arguments) ? .swift : .eventLoop)
        }
        guard let choice = Self(rawValue: value) else {
            let known = allCases.map(\.rawValue).joined(separator: " or ")
            return .failure(UsageMessage(text: "\(variable) must be \(known), not '\(value)'."))
        }
        return .success(choice)
    }

    /// Whether the database the command will open is a PostgreSQL URL: the last `--database` on the command line
    /// (`--database URL` or `--database=URL`), else `INSIGHTS_DATABASE_URL`, as the parsed configuration decides.
    private static func namesPostgres(environment: [String: String], arguments: [String]) -> Bool {
        var database = environment["INSIGHTS_DATABASE_URL"]
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if argument == "--" { break }
            if argument == "--database" {
                database = remaining.popFirst()
            } else if argument.hasPrefix("--database=") {
                database = String(argument.dropFirst("--database=".count))
            }
        }
        guard let database else { return false }
        let scheme = database.prefix { $0 != ":" }.lowercased()
        return scheme == "postgres" || scheme == "postgresql"
    }

    /// A usage error found before the command line is parsed.
    struct UsageMessage: Error {
        /// What to print.
        let text: String
    }
}
