import Foundation
import InsightsPostgres
import InsightsSQLite
public import InsightsStore
public import Logging

/// An open store of either kind, and how to close it.
public struct OpenedStore: Sendable {
    /// The store.
    public let store: any InsightsStore
    /// Releases the store's connections (PostgreSQL: closes the pool after its running operations).
    let closing: @Sendable () async -> Void

    /// Closes the store; operations started afterwards fail as unavailable.
    public func close() async { await closing() }
}

/// Opens the store `settings` describe and migrates it to the current schema.
///
/// SQLite: creates the file's folder when missing. PostgreSQL: connects its pool; instances starting together
/// migrate once (an advisory lock).
///
/// - Parameters:
///   - settings: the location, and PostgreSQL's pool size and timeouts.
///   - environment: the clock and uuid source.
///   - logger: where database failures are logged.
/// - Returns: the open store; call ``OpenedStore/close()`` when done.
/// - Throws: ``InsightsCore/InsightsError/unavailable`` when the database cannot be opened, reached or migrated,
///   `invalid` for an unusable PostgreSQL URL.
public func openStore(_ settings: StoreSettings, environment: StoreEnvironment = .live, logger: Logger) async throws
    -> OpenedStore
{
    switch settings.location {
    case .sqlite(let file):
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let store = try SQLiteStore(path: file.path, environment: environment, logger: logger)
        return OpenedStore(store: store, closing: {})
    case .postgres(let url):
        let store = try await PostgresStore.connect(
            url: url, poolSize: settings.poolSize, connectTimeout: settings.connectTimeout,
            queryTimeout: settings.queryTimeout, environment: environment, logger: logger)
        return OpenedStore(store: store, closing: { await store.shutdown() })
    }
}

/// Runs `body` with the store `settings` describe and closes it afterwards, also when `body` throws.
///
/// - Parameters:
///   - settings: the location, and PostgreSQL's pool size and timeouts.
///   - logger: where database failures are logged.
///   - body: the work on the store.
/// - Returns: what `body` returns.
public func withStore<T: Sendable>(
    _ settings: StoreSettings, logger: Logger, _ body: (any InsightsStore) async throws -> T
) async throws -> T {
    let opened = try await openStore(settings, logger: logger)
    do {
        let value = try await body(opened.store)
        await opened.close()
        return value
    } catch {
        await opened.close()
        throw error
    }
}
