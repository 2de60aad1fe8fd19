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

    /// Deletes every report last written strictly before `cutoff`, with its annotations.
    ///
    /// The reports' rows are locked first, in id order, so retention never deadlocks with writers, which lock a
    /// report before its commit's revision.
    public func deleteReports(updatedBefore cutoff: Date) async throws -> Int {
        let cutoff = cutoff.millisecondsSince1970
        return try await perform("deleteReports") {
            try await self.write { connection in
                try await connection.execute(
                    "SELECT id FROM report WHERE updatedAt < \(cutoff) ORDER BY id FOR UPDATE", logger: self.logger)
                try await connection.execute(
                    """
                    INSERT INTO commitRevision (repositoryId, commitId, revision)
                    SELECT DISTINCT repositoryId, commitId, 1 FROM report WHERE updatedAt < \(cutoff)
                    ORDER BY repositoryId, commitId
                    ON CONFLICT (repositoryId, commitId) DO UPDATE SET revision = commitRevision.revision + 1
                    """, logger: self.logger)
                return try await connection.rows(
                    "DELETE FROM report WHERE updatedAt < \(cutoff) RETURNING id", logger: self.logger
                ).count
            }
        }
    }
}
