import Foundation
public import InsightsCore
public import InsightsStore
import PostgresNIO

/// Row lookups and commit revisions shared by the store's operations; each runs inside the caller's transaction.
extension PostgresStore {
    /// The row id of a repository, or `nil`.
    func repositoryID(_ ref: RepositoryRef, on connection: PostgresConnection) async throws -> Int64? {
        try await connection.firstRow(
            """
            SELECT repository.id FROM repository JOIN project ON project.id = repository.projectId
            WHERE project.key = \(ref.projectKey) AND repository.slug = \(ref.slug)
            """, logger: logger
        ).map { try $0.decode(Int64.self) }
    }

    /// The row id of a repository.
    ///
    /// - Throws: `notFound` when the repository does not exist.
    func requireRepositoryID(_ ref: RepositoryRef, on connection: PostgresConnection) async throws -> Int64 {
        guard let id = try await repositoryID(ref, on: connection) else {
            throw InsightsError.notFound("Repository \(ref) does not exist.")
        }
        return id
    }

    /// The row id and uuid of a project, or `nil`.
    func project(key: String, on connection: PostgresConnection) async throws -> (id: Int64, uuid: UUID)? {
        try await connection.firstRow(
            "SELECT id, uuid FROM project WHERE key = \(key.lowercased())", logger: logger
        ).map { row in
            let (id, uuid) = try row.decode((Int64, UUID).self)
            return (id, uuid)
        }
    }

    /// The row id of a user.
    ///
    /// - Throws: `notFound` when the user does not exist.
    func requireUserID(named name: String, on connection: PostgresConnection) async throws -> Int64 {
        let name = name.lowercased()
        guard
            let row = try await connection.firstRow(
                #"SELECT id FROM "user" WHERE name = \#(name)"#, logger: logger)
        else { throw InsightsError.notFound("User \(name) does not exist.") }
        return try row.decode(Int64.self)
    }

    /// The row of the report at `address`, by uuid first and then by key (D53), or `nil` when it or its repository
    /// does not exist: one prepared statement (``ReportInRepository``) finds the repository and the report together.
    func reportRow(at address: ReportAddress, on connection: PostgresConnection) async throws -> ReportRow? {
        try await connection.firstRow(
            ReportInRepository(
                projectKey: address.repository.projectKey, slug: address.repository.slug,
                commitID: address.commit.rawValue, key: address.report.externalID?.rawValue,
                uuid: address.report.uuid), logger: logger
        ).map(ReportRow.init)
    }

    /// The row of the report at `address` in the repository with row id `repositoryID`, by uuid first and then by
    /// key (D53), or `nil`.
    ///
    /// - Parameters:
    ///   - address: the report.
    ///   - repositoryID: the repository's row id.
    ///   - isLocking: whether to lock the row (`FOR UPDATE`) until the transaction ends.
    ///   - connection: the transaction's connection.
    func reportRow(
        at address: ReportAddress, repositoryID: Int64, locking isLocking: Bool,
        on connection: PostgresConnection
    ) async throws -> ReportRow? {
        let lock = isLocking ? "FOR UPDATE" : ""
        let commit = address.commit.rawValue
        if let uuid = address.report.uuid,
            let row = try await connection.firstRow(
                """
                SELECT \(unescaped: ReportRow.selection) FROM report
                WHERE repositoryId = \(repositoryID) AND commitId = \(commit) AND uuid = \(uuid) \(unescaped: lock)
                """, logger: logger)
        {
            return try ReportRow(row)
        }
        guard let key = address.report.externalID?.rawValue else { return nil }
        return try await connection.firstRow(
            """
            SELECT \(unescaped: ReportRow.selection) FROM report
            WHERE repositoryId = \(repositoryID) AND commitId = \(commit) AND key = \(key) \(unescaped: lock)
            """, logger: logger
        ).map(ReportRow.init)
    }

    /// The row of the report at `address`, locked (`FOR UPDATE`) until the transaction ends when `isLocking`.
    ///
    /// - Throws: `notFound` when the repository or the report does not exist.
    func requireReport(
        at address: ReportAddress, locking isLocking: Bool = false, on connection: PostgresConnection
    ) async throws -> ReportRow {
        if isLocking {
            let repositoryID = try await requireRepositoryID(address.repository, on: connection)
            if let report = try await reportRow(
                at: address, repositoryID: repositoryID, locking: true, on: connection)
            {
                return report
            }
        } else {
            if let report = try await reportRow(at: address, on: connection) { return report }
            // Which of the two is missing, for the message.
            _ = try await requireRepositoryID(address.repository, on: connection)
        }
        throw InsightsError.notFound(
            "Report \(address.report) does not exist on commit \(address.commit) in \(address.repository).")
    }

    // MARK: Commit revisions

    /// The commit's current revision; ``CommitRevision/repositoryID`` 0 for an unknown repository.
    public func revision(ofCommit commit: CommitID, in repository: RepositoryRef) async throws -> CommitRevision {
        try await perform("revision") {
            try await self.withConnection { connection in
                try await self.revision(ofCommit: commit, in: repository, on: connection)
            }
        }
    }

    /// Reads the commit's revision inside the caller's transaction.
    func revision(
        ofCommit commit: CommitID, in repository: RepositoryRef, on connection: PostgresConnection
    ) async throws -> CommitRevision {
        guard
            let row = try await connection.firstRow(
                CommitRevisionLookup(
                    commitID: commit.rawValue, projectKey: repository.projectKey, slug: repository.slug),
                logger: logger)
        else { return CommitRevision(repositoryID: 0, sequence: 0) }
        let (id, revision) = try row.decode((Int64, Int64?).self)
        return CommitRevision(repositoryID: id, sequence: revision ?? 0)
    }

    /// Moves the commit to its next revision, inside the caller's write transaction.
    func advanceRevision(repositoryID: Int64, commitID: String, on connection: PostgresConnection) async throws {
        try await connection.execute(
            """
            INSERT INTO commitRevision (repositoryId, commitId, revision) VALUES (\(repositoryID), \(commitID), 1)
            ON CONFLICT (repositoryId, commitId) DO UPDATE SET revision = commitRevision.revision + 1
            """, logger: logger)
    }
}
