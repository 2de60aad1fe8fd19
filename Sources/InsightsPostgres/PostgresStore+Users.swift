public import Foundation
public import InsightsCore
public import InsightsStore
import PostgresNIO

/// Users, access tokens, grants and server secrets.
extension PostgresStore {
    /// Creates a user with a lower-cased name.
    public func createUser(name: String, passwordHash: String, isSystemAdmin: Bool) async throws -> User {
        let name = name.lowercased()
        let conflict = "User \(name) already exists."
        return try await perform("createUser", conflict: conflict) {
            try await self.write { connection in
                guard
                    try await connection.firstRow(#"SELECT id FROM "user" WHERE name = \#(name)"#, logger: self.logger)
                        == nil
                else { throw InsightsError.conflict(conflict) }
                guard
                    let row = try await connection.firstRow(
                        #"""
                        INSERT INTO "user" (name, passwordHash, isSystemAdmin)
                        VALUES (\#(name), \#(passwordHash), \#(isSystemAdmin)) RETURNING id
                        """#, logger: self.logger)
                else { throw InsightsError.unavailable }
                return User(id: UserID(try row.decode(Int64.self)), name: name, isSystemAdmin: isSystemAdmin)
            }
        }
    }

    /// Looks up a user and their password hash by (case-insensitive) login name.
    public func userCredentials(named name: String) async throws -> (user: User, passwordHash: String)? {
        try await perform("userCredentials") {
            try await self.withConnection { connection -> (user: User, passwordHash: String)? in
                guard
                    let row = try await connection.firstRow(
                        #"""
                        SELECT id, name, passwordHash, isSystemAdmin FROM "user" WHERE name = \#(name.lowercased())
                        """#, logger: self.logger)
                else { return nil }
                let (id, name, hash, isSystemAdmin) = try row.decode((Int64, String, String, Bool).self)
                return (User(id: UserID(id), name: name, isSystemAdmin: isSystemAdmin), hash)
            }
        }
    }

    /// Changes a user's password hash.
    public func setPasswordHash(_ passwordHash: String, forUserNamed name: String) async throws {
        try await perform("setPasswordHash") {
            try await self.write { connection in
                let id = try await self.requireUserID(named: name, on: connection)
                try await connection.execute(
                    #"UPDATE "user" SET passwordHash = \#(passwordHash) WHERE id = \#(id)"#, logger: self.logger)
            }
        }
    }

    /// The secret stored under `name`, storing `value` first when there is none.
    public func secret(named name: String, storingIfAbsent value: [UInt8]) async throws -> [UInt8] {
        try await perform("secret") {
            try await self.write { connection in
                try await connection.execute(
                    """
                    INSERT INTO serverSecret (name, value) VALUES (\(name), \(Data(value)))
                    ON CONFLICT (name) DO NOTHING
                    """, logger: self.logger)
                guard
                    let row = try await connection.firstRow(
                        "SELECT value FROM serverSecret WHERE name = \(name)", logger: self.logger)
                else { throw InsightsError.unavailable }
                return [UInt8](try row.decode(Data.self))
            }
        }
    }

    /// Lists all users, ordered by name (byte order, as SQLite compares them).
    public func users() async throws -> [User] {
        try await perform("users") {
            try await self.withConnection { connection in
                try await connection.rows(
                    #"SELECT id, name, isSystemAdmin FROM "user" ORDER BY name COLLATE "C""#, logger: self.logger
                ).map { row in
                    let (id, name, isSystemAdmin) = try row.decode((Int64, String, Bool).self)
                    return User(id: UserID(id), name: name, isSystemAdmin: isSystemAdmin)
                }
            }
        }
    }

    /// Stores a token digest for a user; the creation time comes from the store's clock.
    public func createToken(
        digest: String, name: String, forUserNamed userName: String, ceiling: Permission, expiresAt: Date?
    ) async throws -> AccessToken {
        let now = environment.now()
        let expiry = expiresAt?.millisecondsSince1970
        let conflict = "A token named \(name) already exists."
        return try await perform("createToken", conflict: conflict) {
            try await self.write { connection in
                let userID = try await self.requireUserID(named: userName, on: connection)
                guard
                    try await connection.firstRow(
                        "SELECT id FROM accessToken WHERE userId = \(userID) AND name = \(name)", logger: self.logger)
                        == nil
                else { throw InsightsError.conflict(conflict) }
                guard
                    let row = try await connection.firstRow(
                        """
                        INSERT INTO accessToken (digest, userId, name, ceiling, createdAt, expiresAt)
                        VALUES (\(digest), \(userID), \(name), \(ceiling.rawValue), \(now.millisecondsSince1970),
                            \(expiry))
                        RETURNING id
                        """, logger: self.logger)
                else { throw InsightsError.unavailable }
                return AccessToken(
                    id: try row.decode(Int64.self), userID: UserID(userID), name: name, ceiling: ceiling,
                    createdAt: Date(millisecondsSince1970: now.millisecondsSince1970),
                    expiresAt: expiry.map(Date.init(millisecondsSince1970:)))
            }
        }
    }

    /// Finds the user behind a token digest; a token whose expiry is at or before `now` is ignored.
    public func user(forTokenDigest digest: String, at now: Date) async throws -> (user: User, token: AccessToken)? {
        let nowMilliseconds = now.millisecondsSince1970
        return try await perform("userForToken") {
            try await self.withConnection { connection -> (user: User, token: AccessToken)? in
                guard
                    let row = try await connection.firstRow(
                        TokenByDigest(digest: digest, nowMilliseconds: nowMilliseconds), logger: self.logger)
                else { return nil }
                let (id, name, ceilingRaw, createdAt, expiresAt, userID, userName, isSystemAdmin) = try row.decode(
                    (Int64, String, String, Int64, Int64?, Int64, String, Bool).self)
                let ceiling = try CorruptRecord.decode("accessToken", "ceiling", id: id) {
                    Permission(rawValue: ceilingRaw)
                }
                let token = AccessToken(
                    id: id, userID: UserID(userID), name: name, ceiling: ceiling,
                    createdAt: Date(millisecondsSince1970: createdAt),
                    expiresAt: expiresAt.map(Date.init(millisecondsSince1970:)))
                return (User(id: UserID(userID), name: userName, isSystemAdmin: isSystemAdmin), token)
            }
        }
    }

    /// Deletes a user's token by name.
    public func deleteToken(named name: String, forUserNamed userName: String) async throws {
        try await perform("deleteToken") {
            try await self.write { connection in
                let userID = try await self.requireUserID(named: userName, on: connection)
                let deleted = try await connection.rows(
                    "DELETE FROM accessToken WHERE userId = \(userID) AND name = \(name) RETURNING id",
                    logger: self.logger)
                guard !deleted.isEmpty else { throw InsightsError.notFound("Token \(name) does not exist.") }
            }
        }
    }

    /// Grants a permission, replacing the user's grant on the same scope.
    public func grant(_ permission: Permission, toUserNamed userName: String, on scope: GrantScope) async throws {
        try await perform("grant") {
            try await self.write { connection in
                let userID = try await self.requireUserID(named: userName, on: connection)
                let (projectID, repositoryID) = try await self.grantTarget(scope, on: connection)
                try await connection.execute(
                    #"""
                    DELETE FROM "grant" WHERE userId = \#(userID) AND projectId IS NOT DISTINCT FROM \#(projectID)
                    AND repositoryId IS NOT DISTINCT FROM \#(repositoryID)
                    """#, logger: self.logger)
                try await connection.execute(
                    #"""
                    INSERT INTO "grant" (userId, projectId, repositoryId, permission)
                    VALUES (\#(userID), \#(projectID), \#(repositoryID), \#(permission.rawValue))
                    """#, logger: self.logger)
            }
        }
    }

    /// Removes a user's grant on a scope, if any.
    public func revokeGrant(fromUserNamed userName: String, on scope: GrantScope) async throws {
        try await perform("revokeGrant") {
            try await self.write { connection in
                let userID = try await self.requireUserID(named: userName, on: connection)
                let target: (projectID: Int64?, repositoryID: Int64?)
                do {
                    target = try await self.grantTarget(scope, on: connection)
                } catch let error as InsightsError where error.kind == .notFound {
                    return  // no such project or repository: no grant to remove
                }
                try await connection.execute(
                    #"""
                    DELETE FROM "grant" WHERE userId = \#(userID)
                    AND projectId IS NOT DISTINCT FROM \#(target.projectID)
                    AND repositoryId IS NOT DISTINCT FROM \#(target.repositoryID)
                    """#, logger: self.logger)
            }
        }
    }

    /// Resolves a grant's scope to the row id of its project or of its repository.
    ///
    /// - Throws: `notFound` when the project or repository does not exist.
    private func grantTarget(
        _ scope: GrantScope, on connection: PostgresConnection
    ) async throws -> (projectID: Int64?, repositoryID: Int64?) {
        switch scope {
        case .project(let key):
            guard let project = try await project(key: key, on: connection) else {
                throw InsightsError.notFound("Project \(key.lowercased()) does not exist.")
            }
            return (project.id, nil)
        case .repository(let ref):
            return (nil, try await requireRepositoryID(ref, on: connection))
        }
    }
}
