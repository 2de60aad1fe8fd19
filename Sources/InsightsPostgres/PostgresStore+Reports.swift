public import Foundation
public import InsightsCore
public import InsightsStore
import PostgresNIO

/// Reports.
extension PostgresStore {
    /// Creates or replaces the report at `address`, checking the creator rule under a lock on the report's row.
    ///
    /// Two racing creations of one report both insert with `ON CONFLICT DO NOTHING`: the loser waits for the winner's
    /// commit, finds its row and replaces it, as SQLite's serialized writers do.
    public func putReport(_ content: ReportContent, at address: ReportAddress, by caller: Caller) async throws
        -> PutOutcome<Report>
    {
        let now = environment.now().millisecondsSince1970
        let uuid = environment.makeUUID()
        let data = try StoredDataFields.encode(content.data)
        return try await perform("putReport") {
            try await self.write { connection in
                let repositoryID = try await self.requireRepositoryID(address.repository, on: connection)
                if let report = try await self.reportRow(
                    at: address, repositoryID: repositoryID, locking: true, on: connection)
                {
                    return try await self.replace(
                        report, in: address.repository, with: content, data: data, at: now, by: caller, on: connection)
                }
                guard let key = address.report.creatableExternalID else {
                    throw InsightsError.notFound(
                        "Report \(address.report) does not exist on commit \(address.commit) in \(address.repository)."
                    )
                }
                guard let creator = caller.principal.userID else { throw InsightsError.authenticationRequired }
                let inserted = try await connection.firstRow(
                    """
                    INSERT INTO report (uuid, repositoryId, commitId, key, title, details, result, reportType, reporter,
                        link, logoUrl, isRemoteLinkEnabled, coverageProviderKey, data, creatorId, createdAt, updatedAt)
                    VALUES (\(uuid), \(repositoryID), \(address.commit.rawValue), \(key.rawValue),
                        \(content.title.storedBytes), \(content.details?.storedBytes), \(content.result?.rawValue),
                        \(content.reportType?.rawValue), \(content.reporter?.storedBytes), \(content.link),
                        \(content.logoURL), \(content.isRemoteLinkEnabled), \(content.coverageProviderKey), \(data),
                        \(creator.rawValue), \(now), \(now))
                    ON CONFLICT (repositoryId, commitId, key) DO NOTHING
                    RETURNING \(unescaped: ReportRow.selection)
                    """, logger: self.logger)
                if let inserted {
                    try await self.advanceRevision(
                        repositoryID: repositoryID, commitID: address.commit.rawValue, on: connection)
                    return PutOutcome(value: try ReportRow(inserted).report(in: address.repository), isCreated: true)
                }
                // Another transaction created it meanwhile and has committed: replace its report.
                guard
                    let report = try await self.reportRow(
                        at: address, repositoryID: repositoryID, locking: true, on: connection)
                else { throw InsightsError.unavailable }
                return try await self.replace(
                    report, in: address.repository, with: content, data: data, at: now, by: caller, on: connection)
            }
        }
    }

    /// Replaces a locked report's content, once ``AccessPolicy`` allows it, and moves its commit's revision.
    private func replace(
        _ report: ReportRow, in repository: RepositoryRef, with content: ReportContent, data: String, at now: Int64,
        by caller: Caller,
        on connection: PostgresConnection
    ) async throws -> PutOutcome<Report> {
        try AccessPolicy.authorize(
            .modifyReport(creator: UserID(report.creatorID)), by: caller.principal, on: caller.access)
        guard
            let row = try await connection.firstRow(
                """
                UPDATE report SET title = \(content.title.storedBytes), details = \(content.details?.storedBytes),
                    result = \(content.result?.rawValue), reportType = \(content.reportType?.rawValue),
                    reporter = \(content.reporter?.storedBytes), link = \(content.link), logoUrl = \(content.logoURL),
                    isRemoteLinkEnabled = \(content.isRemoteLinkEnabled),
                    coverageProviderKey = \(content.coverageProviderKey), data = \(data), updatedAt = \(now)
                WHERE id = \(report.id)
                RETURNING \(unescaped: ReportRow.selection)
                """, logger: logger)
        else { throw InsightsError.unavailable }
        try await advanceRevision(repositoryID: report.repositoryID, commitID: report.commitID, on: connection)
        return PutOutcome(value: try ReportRow(row).report(in: repository), isCreated: false)
    }

    /// Returns the report at `address`, or `nil` when it or its repository does not exist.
    public func report(at address: ReportAddress) async throws -> Report? {
        try await perform("report") {
            try await self.withConnection { connection in
                try await self.reportRow(at: address, on: connection)?.report(in: address.repository)
            }
        }
    }

    /// Lists one page of a commit's reports in creation order; an unknown repository has none.
    public func reports(in repository: RepositoryRef, commit: CommitID, page: PageRequest) async throws -> Page<Report>
    {
        try await perform("reports") {
            try await self.read { connection in
                guard let repositoryID = try await self.repositoryID(repository, on: connection) else {
                    return Page(values: [], offset: page.offset, hasMore: false, total: 0)
                }
                let total = try await connection.count(
                    "SELECT count(*) FROM report WHERE repositoryId = \(repositoryID) AND commitId = \(commit.rawValue)",
                    logger: self.logger)
                let rows = try await connection.rows(
                    """
                    SELECT \(unescaped: ReportRow.selection) FROM report
                    WHERE repositoryId = \(repositoryID) AND commitId = \(commit.rawValue)
                    ORDER BY id LIMIT \(page.limit) OFFSET \(page.offset)
                    """, logger: self.logger)
                let values = try rows.map { try ReportRow($0).report(in: repository) }
                return Page(
                    values: values, offset: page.offset, hasMore: page.offset + values.count < total, total: total)
            }
        }
    }

    /// Deletes a report and (by cascade) its annotations, checking the delete rule under a lock on its row.
    public func deleteReport(at address: ReportAddress, by caller: Caller) async throws {
        try await perform("deleteReport") {
            try await self.write { connection in
                let report = try await self.requireReport(at: address, locking: true, on: connection)
                try AccessPolicy.authorize(
                    .deleteReport(creator: UserID(report.creatorID)), by: caller.principal, on: caller.access)
                try await connection.execute("DELETE FROM report WHERE id = \(report.id)", logger: self.logger)
                try await self.advanceRevision(
                    repositoryID: report.repositoryID, commitID: report.commitID, on: connection)
            }
        }
    }

    /// Deletes every report last written strictly before `cutoff`, with its annotations, when no other store
    /// instance on this schema is doing so at the moment.
    ///
    /// Retention runs in one instance at a time: each transaction first takes the transaction-level advisory lock
    /// (``retentionLock``, hash of `current_schema()`) with `pg_try_advisory_xact_lock`, and when another instance
    /// holds it, this call stops and returns what it has deleted so far (0 when that was the first transaction),
    /// because that pass is being done elsewhere. Running it again deletes nothing more: it is idempotent.
    ///
    /// The reports go in transactions of at most ``reportsPerRetentionTransaction`` reports, in id order, each an
    /// operation of its own with its own ``queryTimeout`` and statement timeout, until one finds nothing left to
    /// delete: a pass over many rows never runs into those limits, and a writer waits for one batch at most. Another
    /// instance may take over between two batches (this call then stops); the reports deleted by all instances still
    /// add up to those that expired. In each transaction the reports' rows are locked first, in id order, so
    /// retention never deadlocks with writers, which lock a report before its commit's revision.
    public func deleteReports(updatedBefore cutoff: Date) async throws -> Int {
        try await deleteReports(updatedBefore: cutoff, reportsPerTransaction: Self.reportsPerRetentionTransaction)
    }

    /// The first key of the transaction-level advisory lock that lets one instance at a time delete expired reports
    /// of a schema; the second is a hash of the schema's name, as for ``PostgresSchema/migrationLock``.
    static let retentionLock: Int32 = 0x7265_7465  // "rete"

    /// The most reports one retention transaction deletes. Even when each holds a thousand annotations (the cap),
    /// a batch deletes a million rows in about half a second on a local PostgreSQL 15, far within the default
    /// 15-second statement timeout.
    static let reportsPerRetentionTransaction = 1000

    /// ``deleteReports(updatedBefore:)`` in transactions of at most `reportsPerTransaction` reports.
    func deleteReports(updatedBefore cutoff: Date, reportsPerTransaction: Int) async throws -> Int {
        let cutoff = cutoff.millisecondsSince1970
        var deleted = 0
        while let batch = try await deleteReportsBatch(updatedBefore: cutoff, limit: reportsPerTransaction),
            batch > 0
        {
            deleted += batch
        }
        return deleted
    }

    /// Deletes the first `limit` reports (by id) last written before `cutoff`, in one transaction under the
    /// retention lock.
    ///
    /// - Returns: how many were deleted, or `nil` when another instance holds the lock.
    private func deleteReportsBatch(updatedBefore cutoff: Int64, limit: Int) async throws -> Int? {
        try await perform("deleteReports") {
            try await self.write { connection -> Int? in
                let isLocked = try await connection.firstRow(
                    "SELECT pg_try_advisory_xact_lock(\(Self.retentionLock), hashtext(current_schema()))",
                    logger: self.logger)?.decode(Bool.self)
                guard isLocked == true else { return nil }
                let ids = try await connection.rows(
                    "SELECT id FROM report WHERE updatedAt < \(cutoff) ORDER BY id LIMIT \(limit) FOR UPDATE",
                    logger: self.logger
                ).map { try $0.decode(Int64.self) }
                guard !ids.isEmpty else { return 0 }
                try await connection.execute(
                    """
                    INSERT INTO commitRevision (repositoryId, commitId, revision)
                    SELECT DISTINCT repositoryId, commitId, 1 FROM report WHERE id = ANY(\(ids))
                    ORDER BY repositoryId, commitId
                    ON CONFLICT (repositoryId, commitId) DO UPDATE SET revision = commitRevision.revision + 1
                    """, logger: self.logger)
                return try await connection.rows(
                    "DELETE FROM report WHERE id = ANY(\(ids)) RETURNING id", logger: self.logger
                ).count
            }
        }
    }
}
