/// Copies everything one store holds into another, keeping uuids, creators, times and every field, and checks that
/// the destination then holds every row of the source.
///
/// Kinds are copied in dependency order (``TransferKind``), each in batches of ``batchSize`` rows read by keyset
/// paging and written in one transaction each. Rows the destination holds already, by uuid or natural key, are left
/// alone, so a second run copies nothing and an interrupted run can simply be run again.
///
/// ## Verification
/// Every batch's write reports, inside its own transaction, which of the batch's rows it inserted and which the
/// destination held already, matched by key; rows the destination holds of its own match no source key and so
/// never count. The copy is verified when, for every kind, no row was refused, the rows read account for the
/// source's count taken after copying (the source did not change meanwhile), and the destination holds at least
/// as many rows as the source.
public struct StoreCopier<Source: TransferableStore, Destination: TransferableStore>: Sendable {
    /// The store read.
    public var source: Source
    /// The store written.
    public var destination: Destination
    /// The most rows read and written at once.
    public var batchSize: Int

    /// Creates a copier.
    ///
    /// - Parameters:
    ///   - source: the store to read.
    ///   - destination: the store to write.
    ///   - batchSize: the most rows read and written at once.
    public init(from source: Source, to destination: Destination, batchSize: Int = 1000) {
        self.source = source
        self.destination = destination
        self.batchSize = max(1, batchSize)
    }

    /// Copies every kind, then verifies the destination.
    ///
    /// - Parameter progress: called when a kind is done, with its tally.
    /// - Returns: what was copied and the verification's findings.
    /// - Throws: ``InsightsCore/InsightsError/unavailable`` when either database fails; batches written before stay.
    public func copy(progress: @Sendable (TransferKind, TransferTally) -> Void = { _, _ in }) async throws
        -> TransferSummary
    {
        var tallies: [TransferKind: TransferTally] = [:]
        for kind in TransferKind.allCases where kind != .activities {
            var cursor: TransferCursor?
            repeat {
                guard let page = try await source.transferPage(of: kind, after: cursor, limit: batchSize) else {
                    break
                }
                let written = try await destination.storeTransferBatch(page.batch)
                tallies.merge(written, uniquingKeysWith: +)
                cursor = page.next
            } while cursor != nil
            progress(kind, tallies[kind, default: TransferTally()])
            if kind == .pullRequests {
                progress(.activities, tallies[.activities, default: TransferTally()])
            }
        }
        return TransferSummary(
            tallies: tallies, sourceCounts: try await source.transferCounts(),
            destinationCounts: try await destination.transferCounts())
    }
}
