import Foundation
public import InsightsCore
public import InsightsStore
import PostgresNIO

/// Health, statistics, projects and repositories.
extension PostgresStore {
    /// Checks that the database answers `SELECT 1`.
    public func checkHealth() async throws {
        try await perform("checkHealth") {
            try await self.withConnection { connection in
                try await connection.execute("SELECT 1", logger: self.logger)
            }
        }
    }

    /// Counts stored reports and annotations in one snapshot.
    public func statistics() async throws -> StoreStatistics {
        try await perform("statistics") {
            try await self.read { connection in
                StoreStatistics(
                    reports: try await connection.count("SELECT count(*) FROM report", logger: self.logger),
                    annotations: try await connection.count("SELECT count(*) FROM annotation", logger: self.logger))
            }
        }
    }

    /// Creates a project; the key is validated like ``RepositoryRef/projectKey`` and stored lower-case.
    public func createProject(key: String, name: String) async throws {
        // RepositoryRef owns the key rules; validate through it so they live in one place.
        let key = try RepositoryRef(projectKey: key, slug: "project").projectKey
        let conflict = "Project \(key) already exists."
        let uuid = environment.makeUUID()
        try await perform("createProject", conflict: conflict) {
            try await self.write { connection in
                guard try await self.project(key: key, on: connection) == nil else {
                    throw InsightsError.conflict(conflict)
                }
                try await connection.execute(
                    "INSERT INTO project (key, name, uuid) VALUES (\(key), \(name), \(uuid))", logger: self.logger)
            }
        }
    }

    /// Creates a repository in an existing project.
    public func createRepository(_ ref: RepositoryRef, isPublic: Bool) async throws -> Repository {
        let conflict = "Repository \(ref) already exists."
        let uuid = environment.makeUUID()
        return try await perform("createRepository", conflict: conflict) {
            try await self.write { connection in
                guard let project = try await self.project(key: ref.projectKey, on: connection) else {
                    throw InsightsError.notFound("Project \(ref.projectKey) does not exist.")
                }
                guard try await self.repositoryID(ref, on: connection) == nil else {
                    throw InsightsError.conflict(conflict)
                }
                try await connection.execute(
                    """
                    INSERT INTO repository (projectId, slug, isPublic, uuid)
                    VALUES (\(project.id), \(ref.slug), \(isPublic), \(uuid))
                    """, logger: self.logger)
                return Repository(ref: ref, isPublic: isPublic, uuid: uuid, projectUUID: project.uuid)
            }
        }
    }

    /// Makes a repository public or private.
    public func setRepositoryVisibility(_ ref: RepositoryRef, isPublic: Bool) async throws {
        try await perform("setRepositoryVisibility") {
            try await self.write { connection in
                let id = try await self.requireRepositoryID(ref, on: connection)
                try await connection.execute(
                    "UPDATE repository SET isPublic = \(isPublic) WHERE id = \(id)", logger: self.logger)
            }
        }
    }

    /// Deletes a repository; foreign keys cascade to its reports, annotations and grants.
    public func deleteRepository(_ ref: RepositoryRef) async throws {
        try await perform("deleteRepository") {
            try await self.write { connection in
                let id = try await self.requireRepositoryID(ref, on: connection)
                try await connection.execute("DELETE FROM repository WHERE id = \(id)", logger: self.logger)
            }
        }
    }

    /// Links a repository to a git remote, or unlinks it.
    public func setGitRemote(_ remote: String?, of ref: RepositoryRef) async throws {
        if let remote { try GitRemoteRule.check(remote) }
        try await perform("setGitRemote") {
            try await self.write { connection in
                let id = try await self.requireRepositoryID(ref, on: connection)
                try await connection.execute(
                    "UPDATE repository SET gitRemote = \(remote) WHERE id = \(id)", logger: self.logger)
            }
        }
    }

    /// Resolves a workspace and repository given by name or uuid; a repository by uuid must be in the project.
    public func repositoryRef(project: NameOrUUID, repository: NameOrUUID) async throws -> RepositoryRef? {
        let (projectKey, projectUUID): (String?, UUID?) =
            switch project {
            case .name(let key): (key.lowercased(), nil)
            case .uuid(let uuid): (nil, uuid)
            }
        let (slug, repositoryUUID): (String?, UUID?) =
            switch repository {
            case .name(let slug): (slug.lowercased(), nil)
            case .uuid(let uuid): (nil, uuid)
            }
        return try await perform("repositoryRef") {
            try await self.withConnection { connection -> RepositoryRef? in
                guard
                    let row = try await connection.firstRow(
                        """
                        SELECT project.key, repository.slug
                        FROM repository JOIN project ON project.id = repository.projectId
                        WHERE (project.key = \(projectKey) OR project.uuid = \(projectUUID))
                        AND (repository.slug = \(slug) OR repository.uuid = \(repositoryUUID))
                        """, logger: self.logger)
                else { return nil }
                let (key, slug) = try row.decode((String, String).self)
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
            try await self.withConnection { connection -> (Repository, RepositoryAccess)? in
                // One row per grant of the user on the repository or its project, or one row with a NULL permission.
                let rows = try await connection.rows(
                    RepositoryWithGrants(userID: user?.rawValue, projectKey: ref.projectKey, slug: ref.slug),
                    logger: self.logger)
                guard let first = rows.first else { return nil }
                let (isPublic, _, uuid, projectUUID, gitRemote) = try first.decode(
                    (Bool, String?, UUID, UUID, String?).self)
                let grant = try rows.compactMap { row -> Permission? in
                    let (_, raw, _, _, _) = try row.decode((Bool, String?, UUID, UUID, String?).self)
                    guard let raw else { return nil }
                    return try CorruptRecord.decode("grant", "permission", id: nil) { Permission(rawValue: raw) }
                }.max()
                let repository = Repository(
                    ref: ref, isPublic: isPublic, uuid: uuid, projectUUID: projectUUID, gitRemote: gitRemote)
                return (repository, RepositoryAccess(isPublic: isPublic, grant: grant))
            }
        }
    }

    /// Lists all repositories, ordered by project key and slug (byte order, as SQLite compares them).
    public func repositories() async throws -> [Repository] {
        try await perform("repositories") {
            try await self.withConnection { connection in
                let rows = try await connection.rows(
                    """
                    SELECT project.key, repository.slug, repository.isPublic, repository.uuid, project.uuid,
                        repository.gitRemote
                    FROM repository JOIN project ON project.id = repository.projectId
                    ORDER BY project.key COLLATE "C", repository.slug COLLATE "C"
                    """, logger: self.logger)
                return try rows.map { row in
                    let (key, slug, isPublic, uuid, projectUUID, gitRemote) = try row.decode(
                        (String, String, Bool, UUID, UUID, String?).self)
                    let ref = try CorruptRecord.decode("repository", "slug", id: nil) {
                        try RepositoryRef(projectKey: key, slug: slug)
                    }
                    return Repository(
                        ref: ref, isPublic: isPublic, uuid: uuid, projectUUID: projectUUID, gitRemote: gitRemote)
                }
            }
        }
    }
}
