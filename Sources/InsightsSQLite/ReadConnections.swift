import GRDB
import Synchronization

/// The connections the store's reads run on.
///
/// For a database file these are read-only `DatabaseQueue`s of their own, opened on first need and reused: in WAL
/// mode they read beside the `DatabasePool` that writes, without blocking it or being blocked. A read through one
/// costs about 1 µs of overhead, against about 7 µs through the pool's own readers (`insights-benchmark probe`),
/// which check the schema version with an extra statement and take a semaphore and a lock on every read. The store
/// reads with hand-written SQL and column-ordered records only, so these connections never rely on GRDB's schema
/// cache; SQLite itself prepares a cached statement again when the schema changes.
///
/// An in-memory database has no file to share, so its reads run on its only connection.
final class ReadConnections: Sendable {
    private enum Source {
        /// Opens read-only connections to the file at `path`.
        case file(path: String)
        /// Reads through the store's own connection.
        case writer(any DatabaseWriter)
    }

    private let source: Source
    /// Connections not in use; at most one per read running at the same time is ever opened.
    private let idle = Mutex<[DatabaseQueue]>([])

    /// Read connections to the database file at `path`.
    init(path: String) {
        source = .file(path: path)
    }

    /// Reads that run on `writer`'s own connection.
    init(sharing writer: any DatabaseWriter) {
        source = .writer(writer)
    }

    /// Runs `body` on a free connection, synchronously on the calling thread, outside any transaction.
    ///
    /// - Parameter body: the reads.
    /// - Returns: what `body` returns.
    /// - Throws: what `body` throws, or the error of opening a connection.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        switch source {
        case .writer(let writer):
            return try writer.unsafeReentrantRead(body)
        case .file(let path):
            let connection = try idle.withLock { $0.popLast() } ?? Self.open(path)
            defer { idle.withLock { $0.append(connection) } }
            return try connection.inDatabase(body)
        }
    }

    private static func open(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "insights.read"
        // Only WAL recovery after a crash makes a reader wait.
        configuration.busyMode = .timeout(10)
        return try DatabaseQueue(path: path, configuration: configuration)
    }
}
