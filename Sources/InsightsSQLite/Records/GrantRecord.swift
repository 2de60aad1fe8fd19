import GRDB

/// A row of `grant`: a user's permission on exactly one of a project or a repository.
struct GrantRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "grant"

    /// The row id; `nil` before insertion.
    var id: Int64?
    /// The grantee's row id.
    var userId: Int64
    /// The project's row id, for a project grant.
    var projectId: Int64?
    /// The repository's row id, for a repository grant.
    var repositoryId: Int64?
    /// The raw value of the granted `Permission`.
    var permission: String

    /// The table's columns.
    enum Columns {
        static let userId = Column(CodingKeys.userId)
        static let projectId = Column(CodingKeys.projectId)
        static let repositoryId = Column(CodingKeys.repositoryId)
        static let permission = Column(CodingKeys.permission)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
