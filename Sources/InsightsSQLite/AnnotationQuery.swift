import Foundation
import GRDB
import InsightsCore

/// The SQL of the commit-wide annotation query, built from fixed clauses; every value is a bound argument.
///
/// Each filtered field binds its values as one JSON array read with `json_each`, so the statement's text depends
/// only on which fields are filtered (32 shapes at most) and every shape can stay in the connection's statement
/// cache.
struct AnnotationQuery {
    /// The query without filters.
    private static let baseSQL = """
        SELECT \(AnnotationRecord.selectionSQL), report.key
        FROM annotation
        JOIN report ON report.id = annotation.reportId
        WHERE report.repositoryId = ? AND report.commitId = ?
        """

    /// The statement; the annotation's columns (``AnnotationRecord/columnNames``) and then the report key.
    private(set) var sql: String
    /// Its arguments, in placeholder order.
    private(set) var arguments: StatementArguments

    /// Builds the query: AND across the filter's fields, OR within one; `HIGH` also matches `CRITICAL`.
    ///
    /// - Parameters:
    ///   - repositoryID: the repository's row id.
    ///   - commit: the commit.
    ///   - filter: the filter; an empty set does not filter its field.
    init(repositoryID: Int64, commit: CommitID, filter: AnnotationFilter) {
        sql = Self.baseSQL
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

    /// Adds `AND column IN (the values)` with `values` bound as one JSON array, unless `values` is empty.
    private mutating func restrict(_ column: String, to values: [String]) {
        guard !values.isEmpty else { return }
        sql += " AND \(column) IN (SELECT value FROM json_each(?))"
        arguments += [Self.jsonArray(values.sorted())]
    }

    /// `values` as a JSON array of strings.
    private static func jsonArray(_ values: [String]) -> String {
        // Encoding an array of strings cannot fail.
        let data = (try? JSONEncoder().encode(values)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
