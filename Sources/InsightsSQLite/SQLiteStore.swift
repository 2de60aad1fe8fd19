import Foundation
import GRDB
import InsightsCore
public import InsightsStore
public import Logging

/// An ``InsightsStore`` kept in one SQLite database file, shared safely by several server processes.
///
/// The file is opened as a GRDB `DatabasePool` in WAL mode: readers never block the writer, and every write runs in
/// one `BEGIN IMMEDIATE` transaction, so writers (in this process or another one) are serialized by SQLite itself
/// and rules on stored state (creator, annotation cap, external-id uniqueness) are checked and applied atomically.
/// The initializer runs the schema migrations, so nothing ever sees an unmigrated database.
///
/// ## Topics
/// ### Opening a store
/// - ``init(path:environment:logger:)``
/// - ``makeInMemory(environment:logger:)``
public struct SQLiteStore: InsightsStore {
    /// The database; a `DatabasePool` for a file, a `DatabaseQueue` in memory.
    let writer: any DatabaseWriter
    /// Where reads run.
    let readers: ReadConnections
    /// The clock and uuid source.
    let environment: StoreEnvironment
    /// Where failures of the database are logged.
    let logger: Logger

    /// Opens (creating if needed) the database file at `path` and migrates it to the current schema.
    ///
    /// Several stores, in one process or several, may open the same file at once.
    ///
    /// - Parameters:
    ///   - path: the database file; its directory must exist. SQLite keeps `-wal` and `-shm` files beside it.
    ///   - environment: the clock and uuid source.
    ///   - logger: where database failures are logged; `nil` logs nothing.
    /// - Throws: ``InsightsError/unavailable`` when the file cannot be opened or migrated (the cause is logged).
    public init(path: String, environment: StoreEnvironment = .live, logger: Logger?) throws {
        let logger = logger ?? Self.silentLogger
        self.writer = try Self.opened(logger: logger) {
            try DatabasePool(path: path, configuration: Self.makeConfiguration())
        }
        self.readers = ReadConnections(path: path)
        self.environment = environment
        self.logger = logger
    }

    /// Creates a store over a private in-memory database, for tests that need no file.
    ///
    /// The database disappears with the store and cannot be shared with another process; the contract suite uses
    /// files instead.
    ///
    /// - Parameters:
    ///   - environment: the clock and uuid source.
    ///   - logger: where database failures are logged; `nil` logs nothing.
    /// - Returns: a migrated, empty store.
    /// - Throws: ``InsightsError/unavailable`` when the database cannot be created.
    public static func makeInMemory(environment: StoreEnvironment = .live, logger: Logger? = nil) throws -> SQLiteStore
    {
        let logger = logger ?? silentLogger
        let queue = try opened(logger: logger) { try DatabaseQueue(configuration: makeConfiguration()) }
        return SQLiteStore(writer: queue, environment: environment, logger: logger)
    }

    private init(writer: any DatabaseWriter, environment: StoreEnvironment, logger: Logger) {
        self.writer = writer
        self.readers = ReadConnections(sharing: writer)
        self.environment = environment
        self.logger = logger
    }

    private static let silentLogger = Logger(label: "insights.store.sqlite") { _ in SwiftLogNoOpLogHandler() }

    /// Opens a database and migrates it, retrying a migration that lost a race with another process.
    private static func opened<Writer: DatabaseWriter>(
        logger: Logger, _ open: () throws -> Writer
    ) throws -> Writer {
        do {
            let writer = try open()
            // Two processes starting on a new file may both try to migrate it. Each migration is its own
            // transaction, so the loser rolls back; running the migrator again then finds the work done.
            var attempt = 1
            while true {
                do {
                    try SQLiteSchema.migrator.migrate(writer)
                    return writer
                } catch  where attempt < 3 {
                    attempt += 1
                }
            }
        } catch {
            logger.error("Cannot open the SQLite database", metadata: ["error": "\(String(reflecting: error))"])
            throw InsightsError.unavailable
        }
    }

    /// The connection settings shared by every connection of the store.
    private static func makeConfiguration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // Other processes may hold the write lock; wait for it rather than failing at once.
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // Durability: in WAL mode, a commit with synchronous=NORMAL is already safe against the process being
            // killed (kill -9), because the WAL is in the OS page cache; only a power loss or OS crash could lose
            // the last commits. The contract says a write that returns is durable, so we choose FULL, which also
            // syncs the WAL on every commit and survives power loss, at the price of one fsync per write.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return configuration
    }
}
