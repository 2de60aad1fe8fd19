import InsightsCore
import InsightsStore
import Logging
import PostgresNIO
import Synchronization

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

    /// Runs one store operation within ``queryTimeout`` (see ``withDeadline(_:_:)``) and translates every error into an ``InsightsError`` at the
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
            return try await withDeadline(queryTimeout, body)
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

    /// Runs `body` and returns its result, or throws ``OperationTimedOut`` once `timeout` has passed, whether or not
    /// `body` has ended by then.
    ///
    /// A task group would wait for its child: waiting for a pooled connection ends when cancelled, but a query sent
    /// on a connection whose server stopped answering (a frozen host, a network partition) waits for TCP, however
    /// long. So `body` runs in a task of its own, which the deadline cancels and leaves to finish in the background
    /// (the connection returns to the pool when the query fails or completes); the caller is answered on time, at
    /// most one ``OperationDeadlines/resolution`` late.
    ///
    /// - Parameters:
    ///   - timeout: the longest the caller waits.
    ///   - body: the operation.
    /// - Returns: what `body` returns.
    private func withDeadline<T: Sendable>(
        _ timeout: Duration, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let outcome = Outcome<T>()
        let work = Task {
            do {
                outcome.finish(.success(try await body()))
            } catch {
                outcome.finish(.failure(error))
            }
        }
        let deadline = deadlines.arm(after: timeout) {
            outcome.finish(.failure(OperationTimedOut()))
            work.cancel()
        }
        defer { deadlines.disarm(deadline) }
        return try await withTaskCancellationHandler {
            try await outcome.value()
        } onCancel: {
            work.cancel()
            outcome.finish(.failure(CancellationError()))
        }
    }
}

/// The first result of a race between an operation, its deadline and its caller's cancellation, handed to one waiter.
private final class Outcome<T: Sendable>: Sendable {
    private struct State {
        var result: Result<T, any Error>?
        var waiter: CheckedContinuation<T, any Error>?
        var isDelivered = false
    }

    private let state = Mutex(State())

    /// Records `result` unless an earlier one was recorded, and wakes the waiter.
    func finish(_ result: Result<T, any Error>) {
        let waiter = state.withLock { state -> CheckedContinuation<T, any Error>? in
            guard state.result == nil else { return nil }
            state.result = result
            guard let waiter = state.waiter else { return nil }
            state.waiter = nil
            state.isDelivered = true
            return waiter
        }
        waiter?.resume(with: result)
    }

    /// Waits for the first result.
    func value() async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let ready = state.withLock { state -> Result<T, any Error>? in
                guard let result = state.result, !state.isDelivered else {
                    state.waiter = continuation
                    return nil
                }
                state.isDelivered = true
                return result
            }
            if let ready { continuation.resume(with: ready) }
        }
    }
}
