public import Foundation
import GRDB
public import InsightsCore
public import InsightsStore

/// Reports.
extension SQLiteStore {
    /// One page of a commit's reports, in creation order.
    private static let reportPageSQL = """
        SELECT \(ReportRecord.selectionSQL) FROM report WHERE repositoryId = ? AND commitId = ?
        ORDER BY id LIMIT ? OFFSET ?
        """

    /// Creates or replaces the report at `address`, checking the creator rule inside the write's transaction.
    public func putReport(_ content: ReportContent, at address: ReportAddress, by caller: Caller) async throws
        -> PutOutcome<Report>
    {
        let now = environment.now()
        let uuid = environment.makeUUID()
        return try await perform("putReport") {
            try await write { db in
                let repositoryID = try Self.requireRepositoryID(address.repository, in: db)
                // Rolled back with everything else when the write below fails.
                try Self.advanceRevision(repositoryID: repositoryID, commitID: address.commit.rawValue, in: db)
                if var record = try Self.reportRecord(at: address, repositoryID: repositoryID, in: db) {
                    try AccessPolicy.authorize(
                        .modifyReport(creator: UserID(record.creatorId)), by: caller.principal, on: caller.access)
                    try record.replaceContent(with: content, at: now)
                    try record.update(db)
                    return PutOutcome(value: try record.report(in: address.repository), isCreated: false)
                }
                guard let key = address.report.creatableExternalID else {
                    throw InsightsError.notFound(
                        "Report \(address.report) does not exist on commit \(address.commit) in \(address.repository)."
                    )
                }
                guard let creator = caller.principal.userID else { throw InsightsError.authenticationRequired }
                var record = try ReportRecord(
                    uuid: uuid, repositoryId: repositoryID, commit: address.commit, key: key, content: content,
                    creator: creator, now: now)
                try record.insert(db)
                return PutOutcome(value: try record.report(in: address.repository), isCreated: true)
            }
        }
    }

    /// Returns the report at `address`, or `nil` when it or its repository does not exist.
    public func report(at address: ReportAddress) async throws -> Report? {
        try await perform("report") {
            try await readSingleStatement { db -> Report? in
                try Self.reportRecord(at: address, in: db)?.report(in: address.repository)
            }
        }
    }

    /// Lists one page of a commit's reports in creation order; an unknown repository has none.
    public func reports(in repository: RepositoryRef, commit: CommitID, page: PageRequest) async throws -> Page<Report>
    {
        try await perform("reports") {
            try await read { db in
                guard let repositoryID = try Self.repositoryRecord(repository, in: db)?.id else {
                    return Page(values: [], offset: page.offset, hasMore: false, total: 0)
                }
                let total =
                    try Int.fetchOne(
                        db.cachedStatement(sql: "SELECT COUNT(*) FROM report WHERE repositoryId = ? AND commitId = ?"),
                        arguments: [repositoryID, commit.rawValue]) ?? 0
                let records = try ReportRecord.fetchAll(
                    db.cachedStatement(sql: Self.reportPageSQL),
                    arguments: [repositoryID, commit.rawValue, page.limit, page.offset])
                return Page(
                    values: try records.map { try $0.report(in: repository) }, offset: page.offset,
                    hasMore: page.offset + records.count < total, total: total)
            }
        }
    }

    /// Deletes a report and (by cascade) its annotations, checking the delete rule inside the transaction.
    public func deleteReport(at address: ReportAddress, by caller: Caller) async throws {
        try await perform("deleteReport") {
            try await write { db in
                let record = try Self.requireReport(at: address, in: db)
                try AccessPolicy.authorize(
                    .deleteReport(creator: UserID(record.creatorId)), by: caller.principal, on: caller.access)
                _ = try record.delete(db)
                try Self.advanceRevision(repositoryID: record.repositoryId, commitID: record.commitId, in: db)
            }
        }
    }

    /// Deletes every report last written strictly before `cutoff`, with its annotations.
    public func deleteReports(updatedBefore cutoff: Date) async throws -> Int {
        let cutoff = cutoff.millisecondsSince1970
        return try await perform("deleteReports") {
            try await write { db in
                try Self.advanceRevisions(ofReportsUpdatedBefore: cutoff, in: db)
                return try ReportRecord.filter(ReportRecord.Columns.updatedAt < cutoff).deleteAll(db)
            }
        }
    }
}
