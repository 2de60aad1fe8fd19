import ArgumentParser
import Foundation
import InsightsCore
import InsightsStorage
import InsightsStore
import Logging

extension Insights.Admin {
    /// `insights admin copy-store`: copies a whole store to another one, SQLite to PostgreSQL or back.
    struct CopyStore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy-store",
            abstract: "Copy everything from one database to another (SQLite to PostgreSQL, or back).",
            discussion: """
                Copies users with their password hashes, tokens, projects, repositories with their git remotes, \
                grants, reports, annotations, pull requests with their activities, merge checks and the server \
                secrets (the web session key), keeping every uuid, creator, time and field. Rows the destination \
                holds already (by uuid, or by name where a row has none) are left as they are, so a second run \
                copies nothing, and an interrupted run can simply be run again. Afterwards it checks that the \
                destination holds every row of the source, and fails if it does not.

                A value that starts with postgres:// or postgresql:// is a PostgreSQL database; anything else is a \
                data folder whose insights.sqlite is used (the --from folder must have one). Stop the servers that \
                write to the source first. Git mirrors are not copied: a server on the destination fetches them \
                again into its own --data-dir.

                Examples:
                  insights admin copy-store --from ./insights-data \\
                    --to postgres://insights:secret@db.example.com:5432/insights
                  insights admin copy-store --from postgres://insights:secret@db.example.com/insights \\
                    --to ./insights-data
                """)

        @Option(
            help: ArgumentHelp(
                "The database to copy: a data folder holding insights.sqlite, or a PostgreSQL URL.",
                valueName: "data dir or postgres URL"))
        var from: String

        @Option(
            help: ArgumentHelp(
                "The database to copy into: a data folder (insights.sqlite is created there when missing) or a "
                    + "PostgreSQL URL.",
                valueName: "data dir or postgres URL"))
        var to: String

        func validate() throws {
            let source = Self.location(from)
            guard source.displayName != Self.location(to).displayName else {
                throw ValidationError("--from and --to name the same database (\(source.displayName)).")
            }
            if case .sqlite(let file) = source, !FileManager.default.fileExists(atPath: file.path) {
                throw ValidationError("--from \(from) holds no insights.sqlite.")
            }
        }

        func run() async throws {
            let source = Self.location(from)
            let destination = Self.location(to)
            print("Copying \(source.displayName) to \(destination.displayName)")
            let summary = try await Self.withStore(source) { source in
                try await Self.withStore(destination) { destination in
                    do {
                        return try await Self.copy(from: source, to: destination) { kind, tally in
                            print(Self.line(kind, tally))
                        }
                    } catch let error as InsightsError where error.kind == .unavailable {
                        throw CopyFailure(
                            description: "insights admin copy-store: a database operation failed (the cause is "
                                + "logged above); what was copied so far stays, and running the command again "
                                + "continues the copy.")
                    }
                }
            }
            let problems = summary.problems
            guard problems.isEmpty else {
                throw CopyFailure(
                    description: "insights admin copy-store: the copy is incomplete:\n"
                        + problems.map { "  \($0)" }.joined(separator: "\n"))
            }
            print("Verified: the destination holds every row of the source.")
        }

        /// The store at a `--from` or `--to` value: a PostgreSQL URL, or a data folder's `insights.sqlite`.
        static func location(_ value: String) -> StoreLocation {
            if value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") {
                return .postgres(url: value)
            }
            let folder = URL(fileURLWithPath: value, isDirectory: true).standardizedFileURL.resolvingSymlinksInPath()
            return .sqlite(file: folder.appendingPathComponent("insights.sqlite"))
        }

        /// One line of the report: `users: 3 copied, 0 already there`, and the refused rows, if any.
        static func line(_ kind: TransferKind, _ tally: TransferTally) -> String {
            let refused = tally.refused > 0 ? ", \(tally.refused) refused" : ""
            return "\(kind): \(tally.copied) copied, \(tally.alreadyPresent) already there\(refused)"
        }

        /// Runs `body` with the store at `location` and closes it afterwards, turning a database that cannot be
        /// opened into one clear line.
        private static func withStore<T: Sendable>(
            _ location: StoreLocation, _ body: (any InsightsStore) async throws -> T
        ) async throws -> T {
            var logger = Logger(label: "insights.admin")
            logger.logLevel = .warning
            // One batch of a thousand rows is one operation; give it room on a slow disk or a busy server.
            let settings = StoreSettings(location: location, poolSize: 2, queryTimeout: .seconds(300))
            let opened: OpenedStore
            do {
                opened = try await openStore(settings, logger: logger)
            } catch let error as InsightsError where error.kind == .unavailable {
                throw CopyFailure(
                    description: "insights admin copy-store: cannot open the database \(location.displayName) "
                        + "(the cause is logged above).")
            }
            do {
                let value = try await body(opened.store)
                await opened.close()
                return value
            } catch {
                await opened.close()
                throw error
            }
        }

        /// Copies between two stores of any kinds.
        private static func copy(
            from source: any InsightsStore, to destination: any InsightsStore,
            progress: @Sendable (TransferKind, TransferTally) -> Void
        ) async throws -> TransferSummary {
            guard let source = source as? any TransferableStore,
                let destination = destination as? any TransferableStore
            else { throw ValidationError("This kind of database cannot be copied.") }
            return try await copyTransferable(from: source, to: destination, progress: progress)
        }

        private static func copyTransferable<Source: TransferableStore, Destination: TransferableStore>(
            from source: Source, to destination: Destination, progress: @Sendable (TransferKind, TransferTally) -> Void
        ) async throws -> TransferSummary {
            try await StoreCopier(from: source, to: destination).copy(progress: progress)
        }
    }
}

/// A copy that failed or is incomplete: a runtime failure (exit 1).
struct CopyFailure: Error, CustomStringConvertible {
    /// What went wrong, and what to do.
    let description: String
}
