import GRDB
import InsightsCore

/// The SQL of the commit-wide annotation query, built from fixed clauses; every value is a bound argument.
struct AnnotationQuery {
    /// The result column holding the report key.
    static let reportKeyColumn = "reportKey"

    /// The statement.
    private(set) var sql: String
    /// Its arguments, in placeholder order.
    private(set) var arguments: StatementArguments

    /// Builds the query: AND across the filter's fields, OR (`IN`) within one; `HIGH` also matches `CRITICAL`.
    ///
    /// - Parameters:
    ///   - repositoryID: the repository's row id.
    ///   - commit: the commit.
    ///   - filter: the filter; an empty set does not filter its field.
    init(repositoryID: Int64, commit: CommitID, filter: AnnotationFilter) {
        sql = """
            SELECT annotation.*, report.key AS \(Self.reportKeyColumn)
            FROM annotation JOIN report ON report.id = annotation.reportId
            WHERE report.repositoryId = ? AND report.commitId = ?
            """
        arguments = [repositoryID, commit.rawValue]
        var severities = filter.severities
        if severities.contains(.high) { severities.insert(.critical) }
        restrict("annotation.severity", to: severities.map(\.rawValue))
        restrict("annotation.path", to: Array(filter.paths))
        restrict("annotation.externalId", to: Array(filter.externalIDs))
        restrict("annotation.type", to: filter.types.map(\.rawValue))
        restrict("report.key", to: Array(filter.reportKeys))
        sql += " ORDER BY report.id, annotation.id"
    }

    /// Adds `AND column IN (?, …)` with `values` bound, unless `values` is empty.
    private mutating func restrict(_ column: String, to values: [String]) {
        guard !values.isEmpty else { return }
        sql += " AND \(column) IN (\(databaseQuestionMarks(count: values.count)))"
        arguments += StatementArguments(values.sorted())
    }
}
