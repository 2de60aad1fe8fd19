import Foundation
import GRDB
public import InsightsCore
public import InsightsStore

/// Health, statistics, projects and repositories.
extension SQLiteStore {
    /// Checks that the database answers `SELECT 1`.
    public func checkHealth() async throws {
        try await perform("checkHealth") {
            _ = try await readSingleStatement { db in try Int.fetchOne(db.cachedStatement(sql: "SELECT 1")) }
        }
    }

    /// Counts stored reports and annotations in one snapshot.
    public func statistics() async throws -> StoreStatistics {
        try await perform("statistics") {
            try await read { db in
                StoreStatistics(
                    reports: try ReportRecord.fetchCount(db), annotations: try AnnotationRecord.fetchCount(db))
            }
        }
    }

    /// Creates a project; the key is validated like ``RepositoryRef/projectKey`` and stored lower-case.
    public func createProject(key: String, name: String) async throws {
        // RepositoryRef owns the key rules; validate through it so they live in one place.
        let key = try RepositoryRef(projectKey: key, slug: "project").projectKey
        let conflict = "Project \(key) already exists."
        try await perform("createProject", conflict: conflict) {
            try await write { db in
                guard try Self.projectRecord(key: key, in: db) == nil else { throw InsightsError.conflict(conflict) }
                var project = ProjectRecord(id: nil, key: key, name: name, uuid: environment.makeUUID().uuidString)
                try project.insert(db)
            }
        }
    }

    /// Creates a repository in an existing project.
    public func createRepository(_ ref: RepositoryRef, isPublic: Bool) async throws -> Repository {
        let conflict = "Repository \(ref) already exists."
        let uuid = environment.makeUUID()
        return try await perform("createRepository", conflict: conflict) {
            try await write { db in
                guard let project = try Self.projectRecord(key: ref.projectKey, in: db), let projectID = project.id
                else {
                    throw InsightsError.notFound("Project \(ref.projectKey) does not exist.")
                }
                guard try Self.repositoryRecord(ref, in: db) == nil else { throw InsightsError.conflict(conflict) }
                var repository = RepositoryRecord(
                    id: nil, projectId: projectID, slug: ref.slug, isPublic: isPublic, uuid: uuid.uuidString,
                    gitRemote: nil)
                try repository.insert(db)
                let projectUUID = try CorruptRecord.decode("project", "uuid", id: projectID) {
                    UUID.parsingStored(project.uuid)
                }
                return Repository(ref: ref, isPublic: isPublic, uuid: uuid, projectUUID: projectUUID)
            }
        }
    }

    /// Makes a repository public or private.
    public func setRepositoryVisibility(_ ref: RepositoryRef, isPublic: Bool) async throws {
        try await perform("setRepositoryVisibility") {
            try await write { db in
                guard var repository = try Self.repositoryRecord(ref, in: db) else {
                    throw InsightsError.notFound("Repository \(ref) does not exist.")
                }
                repository.isPublic = isPublic
                try repository.update(db)
            }
        }
    }

    /// Deletes a repository; foreign keys cascade to its reports, annotations and grants.
    public func deleteRepository(_ ref: RepositoryRef) async throws {
        try await perform("deleteRepository") {
            try await write { db in
                let id = try Self.requireRepositoryID(ref, in: db)
                _ = try RepositoryRecord.deleteOne(db, key: id)
            }
        }
    }

    /// Links a repository to a git remote, or unlinks it.
    public func setGitRemote(_ remote: String?, of ref: RepositoryRef) async throws {
        if let remote { try GitRemoteRule.check(remote) }
        try await perform("setGitRemote") {
            try await write { db in
                guard var repository = try Self.repositoryRecord(ref, in: db) else {
                    throw InsightsError.notFound("Repository \(ref) does not exist.")
                }
                repository.gitRemote = remote
                try repository.update(db)
            }
        }
    }

    /// Resolves a workspace and repository given by name or uuid; a repository by uuid must be in the project.
    public func repositoryRef(project: NameOrUUID, repository: NameOrUUID) async throws -> RepositoryRef? {
        let (projectColumn, projectValue) =
            switch project {
            case .name(let key): ("project.key", key.lowercased())
            case .uuid(let uuid): ("project.uuid", uuid.uuidString)
            }
        let (repositoryColumn, repositoryValue) =
            switch repository {
            case .name(let slug): ("repository.slug", slug.lowercased())
            case .uuid(let uuid): ("repository.uuid", uuid.uuidString)
            }
        let conditions = ["\(projectColumn) = ?", "\(repositoryColumn) = ?"]
        let arguments: StatementArguments = [projectValue, repositoryValue]
        let sql = """
            SELECT project.key, repository.slug FROM repository JOIN project ON project.id = repository.projectId
            WHERE \(conditions.joined(separator: " AND "))
            """
        return try await perform("repositoryRef") {
            try await read { db -> RepositoryRef? in
                guard let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: arguments) else {
                    return nil
                }
                let key = try row.decode(String.self, atIndex: 0)
                let slug = try row.decode(String.self, atIndex: 1)
                return try CorruptRecord.decode("repository", "slug", id: nil) {
                    try RepositoryRef(projectKey: key, slug: slug)
                }
            }
        }
    }

    /// Looks up a repository and the user's highest grant on it or its project.
    public func repository(_ ref: RepositoryRef, accessFor user: UserID?) async throws
        -> (Repository, RepositoryAccess)?
    {
        try await perform("repository") {
            try await readSingleStatement { db -> (Repository, RepositoryAccess)? in
                // One row per grant of the user on the repository or its project, or one row with a NULL permission.
                let rows = try Row.fetchAll(
                    db.cachedStatement(
                        sql: """
                            SELECT repository.isPublic, "grant".permission, repository.uuid, project.uuid, repository.gitRemote
                            FROM repository JOIN project ON project.id = repository.projectId
                            LEFT JOIN "grant" ON "grant".userId = ?
                                AND ("grant".repositoryId = repository.id OR "grant".projectId = project.id)
                            WHERE project.key = ? AND repository.slug = ?
                            """),
                    arguments: [user?.rawValue, ref.projectKey, ref.slug])
                guard let first = rows.first else { return nil }
                let isPublic = try first.decode(Bool.self, atIndex: 0)
                let grant = try rows.compactMap { row -> Permission? in
                    guard let raw = try row.decode(String?.self, atIndex: 1) else { return nil }
                    return try CorruptRecord.decode("grant", "permission", id: nil) { Permission(rawValue: raw) }
                }.max()
                let repository = Repository(
                    ref: ref, isPublic: isPublic, uuid: try Self.storedUUID(first, atIndex: 2, table: "repository"),
                    projectUUID: try Self.storedUUID(first, atIndex: 3, table: "project"),
                    gitRemote: try first.decode(String?.self, atIndex: 4))
                return (repository, RepositoryAccess(isPublic: isPublic, grant: grant))
            }
        }
    }

    /// Lists all repositories, ordered by project key and slug.
    public func repositories() async throws -> [Repository] {
        try await perform("repositories") {
            try await read { db in
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT project.key, repository.slug, repository.isPublic, repository.uuid, project.uuid,
                            repository.gitRemote
                        FROM repository JOIN project ON project.id = repository.projectId
                        ORDER BY project.key, repository.slug
                        """)
                return try rows.map { row in
                    let key = try row.decode(String.self, forColumn: "key")
                    let slug = try row.decode(String.self, forColumn: "slug")
                    let ref = try CorruptRecord.decode("repository", "slug", id: nil) {
                        try RepositoryRef(projectKey: key, slug: slug)
                    }
                    return Repository(
                        ref: ref, isPublic: try row.decode(Bool.self, atIndex: 2),
                        uuid: try Self.storedUUID(row, atIndex: 3, table: "repository"),
                        projectUUID: try Self.storedUUID(row, atIndex: 4, table: "project"),
                        gitRemote: try row.decode(String?.self, atIndex: 5))
                }
            }
        }
    }

    /// A uuid column of a row.
    ///
    /// - Throws: a corrupt-value error when the column does not hold a stored uuid.
    private static func storedUUID(_ row: Row, atIndex index: Int, table: String) throws -> UUID {
        let text = try row.decode(String.self, atIndex: index)
        return try CorruptRecord.decode(table, "uuid", id: nil) { UUID.parsingStored(text) }
    }
}
