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

    /// The report at an address, through its repository and project.
    private static let reportSQL = """
        SELECT \(ReportRecord.selectionSQL)
        FROM report
        JOIN repository ON repository.id = report.repositoryId
        JOIN project ON project.id = repository.projectId
        WHERE project.key = ? AND repository.slug = ? AND report.commitId = ? AND report.key = ?
        """

    /// The report at an address in a known repository.
    private static let reportInRepositorySQL = """
        SELECT \(ReportRecord.selectionSQL) FROM report WHERE repositoryId = ? AND commitId = ? AND key = ?
        """

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
        try ReportRecord.fetchOne(
            db.cachedStatement(sql: reportSQL),
            arguments: [
                address.repository.projectKey, address.repository.slug, address.commit.rawValue,
                address.key.rawValue,
            ])
    }

    /// The row of the report at `address` in a known repository, or `nil`.
    static func reportRecord(at address: ReportAddress, repositoryID: Int64, in db: Database) throws -> ReportRecord? {
        try ReportRecord.fetchOne(
            db.cachedStatement(sql: reportInRepositorySQL),
            arguments: [repositoryID, address.commit.rawValue, address.key.rawValue])
    }

    /// The row of the report at `address`.
    ///
    /// - Throws: `notFound` when the repository or the report does not exist.
    static func requireReport(at address: ReportAddress, in db: Database) throws -> ReportRecord {
        if let report = try reportRecord(at: address, in: db) { return report }
        _ = try requireRepositoryID(address.repository, in: db)
        throw InsightsError.notFound(
            "Report \(address.key) does not exist on commit \(address.commit) in \(address.repository).")
    }
}
