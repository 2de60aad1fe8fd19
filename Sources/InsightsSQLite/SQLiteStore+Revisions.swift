import GRDB
public import InsightsCore
public import InsightsStore

/// Commit revisions (see ``CommitRevision``), kept in the `commitRevision` table.
///
/// Every write to a commit's reports or annotations calls ``advanceRevision(repositoryID:commitID:in:)`` inside its
/// transaction; the contract suite checks each write method.
extension SQLiteStore {
    /// Moves one commit to its next revision.
    private static let advanceRevisionSQL = """
        INSERT INTO commitRevision (repositoryId, commitId, revision) VALUES (?, ?, 1)
        ON CONFLICT (repositoryId, commitId) DO UPDATE SET revision = revision + 1
        """

    /// Moves every commit with a report last written before a time to its next revision (retention).
    private static let advanceRevisionsBeforeSQL = """
        INSERT INTO commitRevision (repositoryId, commitId, revision)
        SELECT DISTINCT repositoryId, commitId, 1 FROM report WHERE updatedAt < ?
        ON CONFLICT (repositoryId, commitId) DO UPDATE SET revision = revision + 1
        """

    /// The repository's row id and the commit's revision (NULL when never written); no row for an unknown
    /// repository.
    private static let revisionSQL = """
        SELECT repository.id, commitRevision.revision
        FROM repository
        JOIN project ON project.id = repository.projectId
        LEFT JOIN commitRevision ON commitRevision.repositoryId = repository.id AND commitRevision.commitId = ?
        WHERE project.key = ? AND repository.slug = ?
        """

    /// The commit's current revision; ``CommitRevision/repositoryID`` 0 for an unknown repository.
    public func revision(ofCommit commit: CommitID, in repository: RepositoryRef) async throws -> CommitRevision {
        try await perform("revision") {
            try await readSingleStatement { db in try Self.revision(ofCommit: commit, in: repository, db: db) }
        }
    }

    /// Reads the commit's revision inside the caller's transaction.
    static func revision(ofCommit commit: CommitID, in repository: RepositoryRef, db: Database) throws
        -> CommitRevision
    {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: revisionSQL),
                arguments: [commit.rawValue, repository.projectKey, repository.slug])
        else { return CommitRevision(repositoryID: 0, sequence: 0) }
        return CommitRevision(repositoryID: row[0], sequence: row[1] ?? 0)
    }

    /// Moves the commit to its next revision, inside the caller's write transaction.
    static func advanceRevision(repositoryID: Int64, commitID: String, in db: Database) throws {
        try db.cachedStatement(sql: advanceRevisionSQL).execute(arguments: [repositoryID, commitID])
    }

    /// Moves every commit holding a report last written before `cutoff` (milliseconds) to its next revision.
    static func advanceRevisions(ofReportsUpdatedBefore cutoff: Int64, in db: Database) throws {
        try db.execute(sql: advanceRevisionsBeforeSQL, arguments: [cutoff])
    }
}
