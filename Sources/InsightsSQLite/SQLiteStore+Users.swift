public import Foundation
import GRDB
public import InsightsCore
public import InsightsStore

/// Users, access tokens and grants.
extension SQLiteStore {
    /// A token that has not expired at a time, with its user.
    private static let tokenSQL = """
        SELECT \(AccessTokenRecord.selectionSQL), \(UserRecord.selectionSQL)
        FROM accessToken JOIN user ON user.id = accessToken.userId
        WHERE accessToken.digest = ? AND (accessToken.expiresAt IS NULL OR accessToken.expiresAt > ?)
        """

    /// Creates a user with a lower-cased name.
    public func createUser(name: String, passwordHash: String, isSystemAdmin: Bool) async throws -> User {
        let name = name.lowercased()
        let conflict = "User \(name) already exists."
        return try await perform("createUser", conflict: conflict) {
            try await write { db in
                guard try UserRecord.filter(UserRecord.Columns.name == name).fetchCount(db) == 0 else {
                    throw InsightsError.conflict(conflict)
                }
                var user = UserRecord(id: nil, name: name, passwordHash: passwordHash, isSystemAdmin: isSystemAdmin)
                try user.insert(db)
                return try user.user()
            }
        }
    }

    /// Looks up a user and their password hash by (case-insensitive) login name.
    public func userCredentials(named name: String) async throws -> (user: User, passwordHash: String)? {
        try await perform("userCredentials") {
            try await read { db -> (user: User, passwordHash: String)? in
                guard let record = try UserRecord.filter(UserRecord.Columns.name == name.lowercased()).fetchOne(db)
                else { return nil }
                return (try record.user(), record.passwordHash)
            }
        }
    }

    /// Changes a user's password hash.
    public func setPasswordHash(_ passwordHash: String, forUserNamed name: String) async throws {
        try await perform("setPasswordHash") {
            try await write { db in
                var user = try Self.requireUser(named: name, in: db)
                user.passwordHash = passwordHash
                try user.update(db)
            }
        }
    }

    /// The secret stored under `name`, storing `value` first when there is none.
    public func secret(named name: String, storingIfAbsent value: [UInt8]) async throws -> [UInt8] {
        try await perform("secret") {
            try await write { db in
                try db.execute(
                    sql: "INSERT INTO serverSecret (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                    arguments: [name, Data(value)])
                guard
                    let stored = try Data.fetchOne(
                        db, sql: "SELECT value FROM serverSecret WHERE name = ?", arguments: [name])
                else { throw InsightsError.unavailable }
                return [UInt8](stored)
            }
        }
    }

    /// Lists all users, ordered by name.
    public func users() async throws -> [User] {
        try await perform("users") {
            try await read { db in
                try UserRecord.order(UserRecord.Columns.name).fetchAll(db).map { try $0.user() }
            }
        }
    }

    /// Stores a token digest for a user; the creation time comes from the store's clock.
    public func createToken(
        digest: String, name: String, forUserNamed userName: String, ceiling: Permission, expiresAt: Date?
    ) async throws -> AccessToken {
        let now = environment.now()
        let conflict = "A token named \(name) already exists."
        return try await perform("createToken", conflict: conflict) {
            try await write { db in
                let user = try Self.requireUser(named: userName, in: db)
                let userID = try CorruptRecord.decode("user", "id", id: nil) { user.id }
                let existing =
                    try AccessTokenRecord
                    .filter(AccessTokenRecord.Columns.userId == userID)
                    .filter(AccessTokenRecord.Columns.name == name)
                    .fetchCount(db)
                guard existing == 0 else { throw InsightsError.conflict(conflict) }
                var token = AccessTokenRecord(
                    id: nil, digest: digest, userId: userID, name: name, ceiling: ceiling.rawValue,
                    createdAt: now.millisecondsSince1970, expiresAt: expiresAt?.millisecondsSince1970)
                try token.insert(db)
                return try token.accessToken()
            }
        }
    }

    /// Finds the user behind a token digest; a token whose expiry is at or before `now` is ignored.
    public func user(forTokenDigest digest: String, at now: Date) async throws -> (user: User, token: AccessToken)? {
        let nowMilliseconds = now.millisecondsSince1970
        return try await perform("userForToken") {
            try await readSingleStatement { db -> (user: User, token: AccessToken)? in
                let statement = try db.cachedStatement(sql: Self.tokenSQL)
                guard let row = try Row.fetchOne(statement, arguments: [digest, nowMilliseconds]) else { return nil }
                let token = try AccessTokenRecord(row: row, startingAt: 0)
                let user = try UserRecord(row: row, startingAt: AccessTokenRecord.columnNames.count)
                return (try user.user(), try token.accessToken())
            }
        }
    }

    /// Deletes a user's token by name.
    public func deleteToken(named name: String, forUserNamed userName: String) async throws {
        try await perform("deleteToken") {
            try await write { db in
                let user = try Self.requireUser(named: userName, in: db)
                let deleted =
                    try AccessTokenRecord
                    .filter(AccessTokenRecord.Columns.userId == user.id)
                    .filter(AccessTokenRecord.Columns.name == name)
                    .deleteAll(db)
                guard deleted > 0 else { throw InsightsError.notFound("Token \(name) does not exist.") }
            }
        }
    }

    /// Grants a permission, replacing the user's grant on the same scope.
    public func grant(_ permission: Permission, toUserNamed userName: String, on scope: GrantScope) async throws {
        try await perform("grant") {
            try await write { db in
                let user = try Self.requireUser(named: userName, in: db)
                let userID = try CorruptRecord.decode("user", "id", id: nil) { user.id }
                var grant = GrantRecord(id: nil, userId: userID, permission: permission.rawValue)
                switch try GrantTarget(scope, in: db) {
                case .project(let id): grant.projectId = id
                case .repository(let id): grant.repositoryId = id
                }
                _ = try GrantTarget.request(
                    userID: userID, projectId: grant.projectId, repositoryId: grant.repositoryId
                )
                .deleteAll(db)
                try grant.insert(db)
            }
        }
    }

    /// Removes a user's grant on a scope, if any.
    public func revokeGrant(fromUserNamed userName: String, on scope: GrantScope) async throws {
        try await perform("revokeGrant") {
            try await write { db in
                let user = try Self.requireUser(named: userName, in: db)
                let userID = try CorruptRecord.decode("user", "id", id: nil) { user.id }
                let target: GrantTarget
                do {
                    target = try GrantTarget(scope, in: db)
                } catch let error as InsightsError where error.kind == .notFound {
                    return  // no such project or repository: no grant to remove
                }
                switch target {
                case .project(let id):
                    _ = try GrantTarget.request(userID: userID, projectId: id, repositoryId: nil).deleteAll(db)
                case .repository(let id):
                    _ = try GrantTarget.request(userID: userID, projectId: nil, repositoryId: id).deleteAll(db)
                }
            }
        }
    }
}
