import GRDB
import InsightsCore
import InsightsStore
import Logging

extension SQLiteStore {
    /// Runs `body` in one `BEGIN IMMEDIATE` transaction, committing when it returns and rolling back when it throws.
    ///
    /// IMMEDIATE takes the database's write lock before the first read, so checks on stored state and the writes
    /// that depend on them cannot interleave with another writer, in this process or any other (GRDB's own `write`
    /// does the same in GRDB 7; this spells it out because the contract depends on it).
    ///
    /// - Parameter body: the transaction's work.
    /// - Returns: what `body` returns.
    /// - Throws: what `body` or the database throws.
    func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        try await writer.writeWithoutTransaction { db in
            try Self.transaction(in: db, begin: { try db.beginTransaction(.immediate) }, commit: { try db.commit() }) {
                try body(db)
            }
        }
    }

    /// Runs `body`, several reads, in one read-only transaction, which sees a consistent snapshot of the database.
    ///
    /// Reads run synchronously on the calling task's thread, on the store's ``ReadConnections``: in WAL mode readers
    /// never wait for the writer, and the store's reads take microseconds, while an asynchronous read costs two
    /// thread hops (about 0.1 ms per call, measured with `insights-benchmark probe`). Writes stay asynchronous: they
    /// may wait for another process's write lock.
    ///
    /// - Parameter body: the reads.
    /// - Returns: what `body` returns.
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        try readers.read { db in
            try Self.transaction(
                in: db, begin: { try db.cachedStatement(sql: "BEGIN DEFERRED TRANSACTION").execute() },
                commit: { try db.cachedStatement(sql: "COMMIT TRANSACTION").execute() }
            ) { try body(db) }
        }
    }

    /// Runs `body` between `begin` and `commit`, rolling back when `body` or `commit` throws.
    private static func transaction<T>(
        in db: Database, begin: () throws -> Void, commit: () throws -> Void, _ body: () throws -> T
    ) throws -> T {
        try begin()
        do {
            let value = try body()
            try commit()
            return value
        } catch {
            if db.isInsideTransaction {
                try? db.rollback()
            }
            throw error
        }
    }

    /// Runs `body`, which runs exactly one SQL statement, without an explicit transaction: one statement always reads
    /// one snapshot, so the `BEGIN` and `COMMIT` of ``read(_:)`` would only add two statement executions to the
    /// store's hottest reads (a token, a repository's access, a report).
    ///
    /// - Parameter body: the read.
    /// - Returns: what `body` returns.
    func readSingleStatement<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        try readers.read(body)
    }

    /// Runs one store operation and translates every error into an ``InsightsError`` at the store's boundary.
    ///
    /// ``InsightsError`` values pass through. A unique-constraint violation becomes `conflict` when the operation
    /// names one. Anything else is logged with `String(reflecting:)` and becomes ``InsightsError/unavailable``.
    ///
    /// - Parameters:
    ///   - operation: the operation's name, for the log.
    ///   - conflict: the message of the `conflict` error a unique-constraint violation means, if any.
    ///   - body: the operation.
    /// - Returns: what `body` returns.
    func perform<T: Sendable>(
        _ operation: String, conflict: String? = nil, _ body: () async throws -> T
    ) async throws -> T {
        do {
            return try await body()
        } catch let error as InsightsError {
            throw error
        } catch let error as CancellationError {
            throw error
        } catch {
            if let conflict, let error = error as? DatabaseError, error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE
            {
                throw InsightsError.conflict(conflict)
            }
            logger.error(
                "SQLite store operation failed",
                metadata: ["store.operation": "\(operation)", "error": "\(String(reflecting: error))"])
            throw InsightsError.unavailable
        }
    }
}
