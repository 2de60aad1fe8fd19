import Foundation
import InsightsCore
public import InsightsStore
public import Logging
import PostgresNIO

/// An ``InsightsStore`` on a PostgreSQL server, shared safely by several server processes.
///
/// The store owns a PostgresNIO `PostgresClient` (a connection pool) and the task that runs it; call ``shutdown()``
/// when done. Every write is one transaction on one pooled connection; rules on stored state (creator, annotation
/// cap, external-id uniqueness) are checked under a row lock on the report (`SELECT … FOR UPDATE`), so writers in
/// other processes wait for it. Multi-statement reads run in one `REPEATABLE READ` snapshot. Opening a store applies
/// the schema migrations under a transaction-level advisory lock, so instances starting together do not race.
///
/// ## Topics
/// ### Opening and closing
/// - ``connect(url:poolSize:connectTimeout:queryTimeout:environment:logger:)``
/// - ``shutdown()``
public final class PostgresStore: InsightsStore {
    /// The connection pool.
    let client: PostgresClient
    /// The task running ``client`` and ``deadlines``; cancelling it closes the pool.
    private let runTask: Task<Void, Never>
    /// The deadlines of running operations (``queryTimeout``).
    let deadlines = OperationDeadlines()
    /// The clock and uuid source.
    let environment: StoreEnvironment
    /// Where failures of the database are logged.
    let logger: Logger
    /// The longest one store operation may take, waiting for a connection included.
    let queryTimeout: Duration

    /// Connects to the database at `url`, migrates it to the current schema and returns the store.
    ///
    /// - Parameters:
    ///   - url: a `postgres://user:password@host:port/database` URL; the query parameters `sslmode` (`disable`,
    ///     `prefer`, the default, or `require`) and `options` (server settings, as libpq passes them, e.g.
    ///     `-c search_path=tenant`) are understood.
    ///   - poolSize: the most connections the store opens.
    ///   - connectTimeout: the longest a connection attempt may take.
    ///   - queryTimeout: the longest one operation may take, waiting for a connection included; also set as the
    ///     server's `statement_timeout`.
    ///   - environment: the clock and uuid source.
    ///   - logger: where database failures are logged; `nil` logs nothing.
    /// - Returns: a migrated store, whose pool runs until ``shutdown()``.
    /// - Throws: ``InsightsError/invalidValue(_:_:)`` for an unusable URL, ``InsightsError/unavailable`` when the
    ///   database cannot be reached or migrated (the cause is logged).
    public static func connect(
        url: String, poolSize: Int = 20, connectTimeout: Duration = .seconds(5), queryTimeout: Duration = .seconds(15),
        environment: StoreEnvironment = .live, logger: Logger? = nil
    ) async throws -> PostgresStore {
        var configuration = try PostgresURL(url).configuration()
        configuration.options.maximumConnections = max(1, poolSize)
        configuration.options.connectTimeout = connectTimeout
        let timeout = queryTimeout.components
        let timeoutMilliseconds = max(1, timeout.seconds * 1000 + timeout.attoseconds / 1_000_000_000_000_000)
        configuration.options.additionalStartupParameters.append(("statement_timeout", String(timeoutMilliseconds)))
        let logger = logger ?? Logger(label: "insights.store.postgres") { _ in SwiftLogNoOpLogHandler() }
        // The pool logs failed connection attempts (with PostgreSQL's reason) at info: what an operator reads when
        // requests answer 503.
        let store = PostgresStore(
            client: PostgresClient(configuration: configuration, backgroundLogger: logger), environment: environment,
            logger: logger, queryTimeout: queryTimeout)
        do {
            try await store.perform("migrate") {
                try await store.withConnection { connection in
                    try await PostgresSchema.migrate(on: connection, logger: store.logger)
                }
            }
        } catch {
            await store.shutdown()
            throw error
        }
        return store
    }

    private init(client: PostgresClient, environment: StoreEnvironment, logger: Logger, queryTimeout: Duration) {
        self.client = client
        // The pool and the deadline watch work only while their `run()` runs; the store owns that task and ends it
        // in `shutdown()`.
        let deadlines = self.deadlines
        self.runTask = Task {
            await withDiscardingTaskGroup { group in
                group.addTask { await client.run() }
                group.addTask { await deadlines.run() }
            }
        }
        self.environment = environment
        self.logger = logger
        self.queryTimeout = queryTimeout
    }

    /// Closes the pool: waits for running operations' connections to close; later operations fail with
    /// ``InsightsError/unavailable``.
    public func shutdown() async {
        runTask.cancel()
        await runTask.value
    }
}
