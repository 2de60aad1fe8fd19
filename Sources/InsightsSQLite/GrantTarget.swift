import GRDB
import InsightsCore
import InsightsStore

/// A ``GrantScope`` resolved to row ids inside a transaction.
enum GrantTarget {
    /// All repositories of the project with this row id.
    case project(Int64)
    /// The repository with this row id.
    case repository(Int64)

    /// Resolves a scope.
    ///
    /// - Throws: `notFound` when the project or repository does not exist.
    init(_ scope: GrantScope, in db: Database) throws {
        switch scope {
        case .project(let key):
            guard let id = try SQLiteStore.projectRecord(key: key, in: db)?.id else {
                throw InsightsError.notFound("Project \(key.lowercased()) does not exist.")
            }
            self = .project(id)
        case .repository(let ref):
            self = .repository(try SQLiteStore.requireRepositoryID(ref, in: db))
        }
    }

    /// The grant rows of one user on exactly one scope.
    static func request(userID: Int64, projectId: Int64?, repositoryId: Int64?) -> QueryInterfaceRequest<GrantRecord> {
        GrantRecord
            .filter(GrantRecord.Columns.userId == userID)
            .filter(GrantRecord.Columns.projectId == projectId)
            .filter(GrantRecord.Columns.repositoryId == repositoryId)
    }
}
