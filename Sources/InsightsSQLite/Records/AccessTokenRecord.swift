import Foundation
import GRDB
import InsightsCore
import InsightsStore

/// A row of `accessToken`.
struct AccessTokenRecord: Encodable, MutablePersistableRecord {
    static let databaseTableName = "accessToken"

    /// The row id; `nil` before insertion.
    var id: Int64?
    /// The hex SHA-256 digest of the secret.
    var digest: String
    /// The owner's row id.
    var userId: Int64
    /// The owner's label for the token.
    var name: String
    /// The raw value of the highest ``Permission`` the token may use.
    var ceiling: String
    /// Creation time, in milliseconds since 1970.
    var createdAt: Int64
    /// Expiry time, in milliseconds since 1970, if any.
    var expiresAt: Int64?

    /// The table's columns.
    enum Columns {
        static let digest = Column(CodingKeys.digest)
        static let userId = Column(CodingKeys.userId)
        static let name = Column(CodingKeys.name)
        static let expiresAt = Column(CodingKeys.expiresAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The domain value.
    func accessToken() throws -> AccessToken {
        let id = try CorruptRecord.decode("accessToken", "id", id: id) { self.id }
        let permission = try CorruptRecord.decode("accessToken", "ceiling", id: id) { Permission(rawValue: ceiling) }
        return AccessToken(
            id: id, userID: UserID(userId), name: name, ceiling: permission,
            createdAt: Date(millisecondsSince1970: createdAt),
            expiresAt: expiresAt.map(Date.init(millisecondsSince1970:)))
    }
}

extension AccessTokenRecord: ColumnOrderedRecord {
    static let columnNames = ["id", "digest", "userId", "name", "ceiling", "createdAt", "expiresAt"]

    init(row: Row, startingAt offset: Int) throws {
        var columns = ColumnReader(row, startingAt: offset)
        id = try columns.next()
        digest = try columns.next()
        userId = try columns.next()
        name = try columns.next()
        ceiling = try columns.next()
        createdAt = try columns.next()
        expiresAt = try columns.next()
    }
}
