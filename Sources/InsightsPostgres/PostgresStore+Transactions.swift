import InsightsCore
import InsightsStore
import Logging
import PostgresNIO

extension PostgresStore {
    /// An operation that ran out of time (``queryTimeout``).
    private struct OperationTimedOut: Error {}

    /// Runs `body` on one pooled connection.
    func withConnection<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await client.withConnection { connection in try await body(connection) }
    }

    /// Runs `body` in one read-write transaction, committing when it returns and rolling back when it throws.
    ///
    /// The isolation is READ COMMITTED; rules on stored state take row locks (`FOR UPDATE`) before they read.
    ///
    /// - Parameter body: the transaction's work.
    /// - Returns: what `body` returns.
    func write<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await transaction(begin: "BEGIN", body)
    }

    /// Runs `body`, several reads, in one read-only `REPEATABLE READ` transaction: one consistent snapshot.
    ///
    /// - Parameter body: the reads.
    /// - Returns: what `body` returns.
    func read<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    private func transaction<T: Sendable>(
        begin: PostgresQuery, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await withConnection { connection in
            try await connection.query(begin, logger: logger)
            do {
                let value = try await body(connection)
                try await connection.query("COMMIT", logger: logger)
                return value
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    /// Runs one store operation within ``queryTimeout`` and translates every error into an ``InsightsError`` at the
    /// store's boundary.
    ///
    /// ``InsightsError`` values pass through. A unique violation (SQLSTATE 23505) becomes `conflict` when the
    /// operation names one. Anything else (connection failures, timeouts, server errors) is logged with
    /// `String(reflecting:)` and becomes ``InsightsError/unavailable``.
    ///
    /// - Parameters:
    ///   - operation: the operation's name, for the log.
    ///   - conflict: the message of the `conflict` error a unique violation means, if any.
    ///   - body: the operation.
    /// - Returns: what `body` returns.
    func perform<T: Sendable>(
        _ operation: String, conflict: String? = nil, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        do {
            return try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask { try await body() }
                group.addTask { [queryTimeout] in
                    try await Task.sleep(for: queryTimeout)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let value = first else { throw OperationTimedOut() }
                return value
            }
        } catch let error as InsightsError {
            throw error
        } catch let error as CancellationError {
            throw error
        } catch {
            if let conflict, let error = error as? PSQLError, error.serverInfo?[.sqlState] == "23505" {
                throw InsightsError.conflict(conflict)
            }
            logger.error(
                "PostgreSQL store operation failed",
                metadata: ["store.operation": "\(operation)", "error": "\(String(reflecting: error))"])
            throw InsightsError.unavailable
        }
    }
}
