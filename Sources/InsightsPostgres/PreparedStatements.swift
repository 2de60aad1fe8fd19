import Foundation
import Logging
import PostgresNIO

/// A statement the store sends on nearly every request, prepared once per pooled connection (PostgresNIO keeps each
/// connection's prepared statements by ``PostgresPreparedStatement/name``) and then only bound and executed.
///
/// Parsing and planning are most of PostgreSQL's work for the store's small indexed lookups: the statements of one
/// GET report run three times as many per second prepared as unnamed (pgbench, docs/PERFORMANCE.md). The parameter
/// types are given rather than inferred, so a value is always sent as the type the statement was planned for.
/// Rows come back as `PostgresRow`, decoded by the caller as for any other query.
protocol StoreStatement: PostgresPreparedStatement where Row == PostgresRow {}

extension StoreStatement {
    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}

extension PostgresConnection {
    /// Runs a prepared `statement` and collects its rows.
    func rows(_ statement: some StoreStatement, logger: Logger) async throws -> [PostgresRow] {
        var rows: [PostgresRow] = []
        for try await row in try await execute(statement, logger: logger) { rows.append(row) }
        return rows
    }

    /// Runs a prepared `statement` and returns its first row, or `nil`.
    func firstRow(_ statement: some StoreStatement, logger: Logger) async throws -> PostgresRow? {
        try await rows(statement, logger: logger).first
    }
}

/// The token with a digest, unless expired, and its user (every authenticated request).
struct TokenByDigest: StoreStatement {
    static let sql = #"""
        SELECT accessToken.id, accessToken.name, accessToken.ceiling, accessToken.createdAt, accessToken.expiresAt,
            "user".id, "user".name, "user".isSystemAdmin
        FROM accessToken JOIN "user" ON "user".id = accessToken.userId
        WHERE accessToken.digest = $1 AND (accessToken.expiresAt IS NULL OR accessToken.expiresAt > $2)
        """#
    static let bindingDataTypes: [PostgresDataType] = [.text, .int8]

    /// The token's digest.
    let digest: String
    /// The time of the request, in milliseconds since 1970.
    let nowMilliseconds: Int64

    func makeBindings() -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 2)
        bindings.append(digest)
        bindings.append(nowMilliseconds)
        return bindings
    }
}

/// A repository by project key and slug, with one row per grant of a user on it or its project (or one row with a
/// NULL permission): every request on a repository.
struct RepositoryWithGrants: StoreStatement {
    static let sql = #"""
        SELECT repository.isPublic, "grant".permission, repository.uuid, project.uuid, repository.gitRemote
        FROM repository JOIN project ON project.id = repository.projectId
        LEFT JOIN "grant" ON "grant".userId = $1
            AND ("grant".repositoryId = repository.id OR "grant".projectId = project.id)
        WHERE project.key = $2 AND repository.slug = $3
        """#
    static let bindingDataTypes: [PostgresDataType] = [.int8, .text, .text]

    /// The user's row id; `nil` for an anonymous caller (no grant matches).
    let userID: Int64?
    /// The project's key.
    let projectKey: String
    /// The repository's slug.
    let slug: String

    func makeBindings() -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 3)
        bindings.append(userID)
        bindings.append(projectKey)
        bindings.append(slug)
        return bindings
    }
}

/// The row id of a repository with the revision of one of its commits (NULL when no write touched it yet).
struct CommitRevisionLookup: StoreStatement {
    static let sql = """
        SELECT repository.id, commitRevision.revision
        FROM repository
        JOIN project ON project.id = repository.projectId
        LEFT JOIN commitRevision ON commitRevision.repositoryId = repository.id AND commitRevision.commitId = $1
        WHERE project.key = $2 AND repository.slug = $3
        """
    static let bindingDataTypes: [PostgresDataType] = [.text, .text, .text]

    /// The commit's id.
    let commitID: String
    /// The project's key.
    let projectKey: String
    /// The repository's slug.
    let slug: String

    func makeBindings() -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 3)
        bindings.append(commitID)
        bindings.append(projectKey)
        bindings.append(slug)
        return bindings
    }
}

/// A report on a commit, found by its key or its uuid in a repository given by project key and slug: the report's
/// row in one statement, without looking up the repository's id first.
struct ReportInRepository: StoreStatement {
    static let sql = """
        SELECT \(ReportRow.selection)
        FROM report JOIN repository ON repository.id = report.repositoryId
        JOIN project ON project.id = repository.projectId
        WHERE project.key = $1 AND repository.slug = $2 AND report.commitId = $3
            AND (report.key = $4 OR report.uuid = $5)
        ORDER BY report.uuid = $5 DESC
        LIMIT 1
        """
    static let bindingDataTypes: [PostgresDataType] = [.text, .text, .text, .text, .uuid]

    /// The project's key.
    let projectKey: String
    /// The repository's slug.
    let slug: String
    /// The commit's id.
    let commitID: String
    /// The report's key, if the address has one.
    let key: String?
    /// The report's uuid, if the address has one; a report with it wins over one with ``key`` (D53).
    let uuid: UUID?

    func makeBindings() -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 5)
        bindings.append(projectKey)
        bindings.append(slug)
        bindings.append(commitID)
        bindings.append(key)
        bindings.append(uuid)
        return bindings
    }
}

/// The annotations of a commit's reports matching a filter, with the key of each one's report, in report and then
/// annotation creation order. Each filtered field binds its values as one `text[]`; an empty array does not filter.
struct CommitAnnotationsQuery: StoreStatement {
    static let sql = """
        SELECT \(AnnotationRow.selection), report.key
        FROM annotation JOIN report ON report.id = annotation.reportId
        WHERE report.repositoryId = $1 AND report.commitId = $2
            AND (cardinality($3::text[]) = 0 OR annotation.severity = ANY($3))
            AND (cardinality($4::text[]) = 0 OR annotation.path = ANY($4))
            AND (cardinality($5::text[]) = 0 OR annotation.externalId = ANY($5))
            AND (cardinality($6::text[]) = 0 OR annotation.type = ANY($6))
            AND (cardinality($7::text[]) = 0 OR report.key = ANY($7))
        ORDER BY report.id, annotation.id
        """
    static let bindingDataTypes: [PostgresDataType] = [
        .int8, .text, .textArray, .textArray, .textArray, .textArray, .textArray,
    ]

    /// The repository's row id.
    let repositoryID: Int64
    /// The commit's id.
    let commitID: String
    /// The severities matched (empty: all).
    let severities: [String]
    /// The paths matched (empty: all).
    let paths: [String]
    /// The external ids matched (empty: all).
    let externalIDs: [String]
    /// The annotation types matched (empty: all).
    let types: [String]
    /// The report keys matched (empty: all).
    let reportKeys: [String]

    func makeBindings() -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 7)
        bindings.append(repositoryID)
        bindings.append(commitID)
        bindings.append(severities)
        bindings.append(paths)
        bindings.append(externalIDs)
        bindings.append(types)
        bindings.append(reportKeys)
        return bindings
    }
}

/// One page of a report's annotations in creation order.
struct ReportAnnotationsPage: StoreStatement {
    static let sql = """
        SELECT \(AnnotationRow.selection) FROM annotation WHERE reportId = $1 ORDER BY id LIMIT $2 OFFSET $3
        """
    static let bindingDataTypes: [PostgresDataType] = [.int8, .int8, .int8]

    /// The report's row id.
    let reportID: Int64
    /// The most rows returned.
    let limit: Int64
    /// The rows skipped.
    let offset: Int64

    func makeBindings() -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 3)
        bindings.append(reportID)
        bindings.append(limit)
        bindings.append(offset)
        return bindings
    }
}
