import GRDB

/// A row of `repository`.
struct RepositoryRecord: Encodable, MutablePersistableRecord {
    static let databaseTableName = "repository"

    /// The row id; `nil` before insertion.
    var id: Int64?
    /// The owning project's row id.
    var projectId: Int64
    /// The lower-case slug.
    var slug: String
    /// Whether everyone may read the repository's insights.
    var isPublic: Bool
    /// The repository's uuid, upper-case.
    var uuid: String
    var gitRemote: String?

    /// The table's columns.
    enum Columns {
        static let projectId = Column(CodingKeys.projectId)
        static let slug = Column(CodingKeys.slug)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension RepositoryRecord: ColumnOrderedRecord {
    static let columnNames = ["id", "projectId", "slug", "isPublic", "uuid", "gitRemote"]

    init(row: Row, startingAt offset: Int) throws {
        var columns = ColumnReader(row, startingAt: offset)
        id = try columns.next()
        projectId = try columns.next()
        slug = try columns.next()
        isPublic = try columns.next()
        uuid = try columns.next()
        gitRemote = try columns.next()
    }
}
