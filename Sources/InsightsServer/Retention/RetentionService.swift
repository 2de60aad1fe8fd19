public import Foundation
public import InsightsStore
public import Logging
public import ServiceLifecycle

/// Deletes reports (and their annotations) whose last write is older than the retention period, periodically.
///
/// Every instance runs it; deleting expired rows is idempotent, so several servers on one database need no
/// coordination beyond the store's transactions.
public struct RetentionService<Store: InsightsStore>: Service {
    let store: Store
    let retention: Duration
    let interval: Duration
    let now: @Sendable () -> Date
    let logger: Logger

    /// Creates the service.
    ///
    /// - Parameters:
    ///   - store: where reports live.
    ///   - retentionDays: how long a report is kept after its last write.
    ///   - interval: the pause between runs.
    ///   - now: the clock, injectable for tests.
    ///   - logger: where runs are logged.
    public init(
        store: Store, retentionDays: Int, interval: Duration, now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger
    ) {
        self.store = store
        self.retention = .seconds(retentionDays * 86400)
        self.interval = interval
        self.now = now
        self.logger = logger
    }

    /// Runs until graceful shutdown or cancellation: one pass at start, then one per interval. A failed pass is logged
    /// and retried at the next interval; a pass cancelled because the server stops ends the service quietly.
    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                _ = try await runOnce()
            } catch is CancellationError {
                // The server is stopping; the pass's transaction rolled back and the next start runs it again.
                return
            } catch {
                logger.error("Retention pass failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    /// Deletes the expired reports once.
    ///
    /// - Returns: how many reports were deleted.
    @discardableResult
    public func runOnce() async throws -> Int {
        let cutoff = now().addingTimeInterval(-Double(retention.components.seconds))
        let deleted = try await store.deleteReports(updatedBefore: cutoff)
        if deleted > 0 {
            logger.info("Deleted expired reports", metadata: ["count": "\(deleted)", "cutoff": "\(cutoff)"])
        }
        return deleted
    }
}
