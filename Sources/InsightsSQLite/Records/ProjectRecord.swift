import GRDB

/// A row of `project`.
struct ProjectRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "project"

    /// The row id; `nil` before insertion.
    var id: Int64?
    /// The lower-case project key.
    var key: String
    /// The display name.
    var name: String
    /// The project's uuid, upper-case.
    var uuid: String

    /// The table's columns.
    enum Columns {
        static let key = Column(CodingKeys.key)
        static let uuid = Column(CodingKeys.uuid)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
