import GRDB
import InsightsCore
import InsightsStore

/// A row of `user`.
struct UserRecord: Encodable, MutablePersistableRecord {
    static let databaseTableName = "user"

    /// The row id; `nil` before insertion.
    var id: Int64?
    /// The lower-case login name.
    var name: String
    /// A bcrypt hash of the password.
    var passwordHash: String
    /// Whether the user administers the server.
    var isSystemAdmin: Bool

    /// The table's columns.
    enum Columns {
        static let name = Column(CodingKeys.name)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The domain value.
    func user() throws -> User {
        let id = try CorruptRecord.decode("user", "id", id: id) { self.id }
        return User(id: UserID(id), name: name, isSystemAdmin: isSystemAdmin)
    }
}

extension UserRecord: ColumnOrderedRecord {
    static let columnNames = ["id", "name", "passwordHash", "isSystemAdmin"]

    init(row: Row, startingAt offset: Int) throws {
        var columns = ColumnReader(row, startingAt: offset)
        id = try columns.next()
        name = try columns.next()
        passwordHash = try columns.next()
        isSystemAdmin = try columns.next()
    }
}
