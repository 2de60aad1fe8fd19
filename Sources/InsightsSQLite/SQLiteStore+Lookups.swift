import Foundation
import GRDB
import InsightsCore
import InsightsStore

/// Row lookups shared by the store's operations; each runs inside the caller's transaction.
///
/// The lookups on the request path run hand-written SQL through GRDB's per-connection statement cache, so SQLite
/// compiles each statement once per connection rather than once per request.
extension SQLiteStore {
    /// The repository with the given project key and slug.
    private static let repositorySQL = """
        SELECT \(RepositoryRecord.selectionSQL)
        FROM repository JOIN project ON project.id = repository.projectId
        WHERE project.key = ? AND repository.slug = ?
        """

    /// The report with a key (`column` = `key`) or uuid (`uuid`) on a commit, through its repository and project.
    private static func reportThroughRepositorySQL(matching column: String) -> String {
        """
        SELECT \(ReportRecord.selectionSQL)
        FROM report
        JOIN repository ON repository.id = report.repositoryId
        JOIN project ON project.id = repository.projectId
        WHERE project.key = ? AND repository.slug = ? AND report.commitId = ? AND report.\(column) = ?
        """
    }

    /// The report with a key (`column` = `key`) or uuid (`uuid`) on a commit of a known repository.
    private static func reportInRepositorySQL(matching column: String) -> String {
        "SELECT \(ReportRecord.selectionSQL) FROM report WHERE repositoryId = ? AND commitId = ? AND \(column) = ?"
    }

    private static let reportByKeySQL = reportThroughRepositorySQL(matching: "key")
    private static let reportByUUIDSQL = reportThroughRepositorySQL(matching: "uuid")
    private static let reportByKeyInRepositorySQL = reportInRepositorySQL(matching: "key")
    private static let reportByUUIDInRepositorySQL = reportInRepositorySQL(matching: "uuid")

    /// The row of a repository, or `nil`.
    static func repositoryRecord(_ ref: RepositoryRef, in db: Database) throws -> RepositoryRecord? {
        try RepositoryRecord.fetchOne(
            db.cachedStatement(sql: repositorySQL), arguments: [ref.projectKey, ref.slug])
    }

    /// The row id of a repository.
    ///
    /// - Throws: `notFound` when the repository does not exist.
    static func requireRepositoryID(_ ref: RepositoryRef, in db: Database) throws -> Int64 {
        guard let id = try repositoryRecord(ref, in: db)?.id else {
            throw InsightsError.notFound("Repository \(ref) does not exist.")
        }
        return id
    }

    /// The row of a project, or `nil`.
    static func projectRecord(key: String, in db: Database) throws -> ProjectRecord? {
        try ProjectRecord.filter(ProjectRecord.Columns.key == key.lowercased()).fetchOne(db)
    }

    /// The row of a user.
    ///
    /// - Throws: `notFound` when the user does not exist.
    static func requireUser(named name: String, in db: Database) throws -> UserRecord {
        guard let user = try UserRecord.filter(UserRecord.Columns.name == name.lowercased()).fetchOne(db) else {
            throw InsightsError.notFound("User \(name.lowercased()) does not exist.")
        }
        return user
    }

    /// The row of the report at `address`, or `nil` when it or its repository does not exist.
    static func reportRecord(at address: ReportAddress, in db: Database) throws -> ReportRecord? {
        try reportRecord(
            address.report, byUUIDSQL: reportByUUIDSQL, byKeySQL: reportByKeySQL,
            commit: [address.repository.projectKey, address.repository.slug, address.commit.rawValue], in: db)
    }

    /// The row of the report at `address` in a known repository, or `nil`.
    static func reportRecord(at address: ReportAddress, repositoryID: Int64, in db: Database) throws -> ReportRecord? {
        try reportRecord(
            address.report, byUUIDSQL: reportByUUIDInRepositorySQL, byKeySQL: reportByKeyInRepositorySQL,
            commit: [repositoryID, address.commit.rawValue], in: db)
    }

    /// Resolves a selector with two lookups, by uuid first and then by key (D53), each a statement whose arguments
    /// are `commit` (what names the commit) followed by the uuid or key.
    private static func reportRecord(
        _ selector: ReportSelector, byUUIDSQL: String, byKeySQL: String, commit: StatementArguments, in db: Database
    ) throws -> ReportRecord? {
        if let uuid = selector.uuid,
            let record = try ReportRecord.fetchOne(
                db.cachedStatement(sql: byUUIDSQL), arguments: commit + [uuid.uuidString])
        {
            return record
        }
        guard let key = selector.externalID else { return nil }
        return try ReportRecord.fetchOne(db.cachedStatement(sql: byKeySQL), arguments: commit + [key.rawValue])
    }

    /// The row of the report at `address`.
    ///
    /// - Throws: `notFound` when the repository or the report does not exist.
    static func requireReport(at address: ReportAddress, in db: Database) throws -> ReportRecord {
        if let report = try reportRecord(at: address, in: db) { return report }
        _ = try requireRepositoryID(address.repository, in: db)
        throw InsightsError.notFound(
            "Report \(address.report) does not exist on commit \(address.commit) in \(address.repository).")
    }
}
