import Foundation
import GRDB
import InsightsCore
public import InsightsStore

/// Reading the whole store out for a store transfer (``TransferableStore``); writing is in
/// `SQLiteStore+TransferWrites`.
extension SQLiteStore: TransferableStore {
    /// Reads the next rows of one kind after `cursor`, by row id (secrets: by name).
    public func transferPage(of kind: TransferKind, after cursor: TransferCursor?, limit: Int) async throws
        -> TransferPage?
    {
        try await perform("transferPage") {
            try await read { db in try Self.transferPage(of: kind, after: cursor, limit: limit, in: db) }
        }
    }

    /// Counts every kind's rows in one statement, so in one snapshot.
    public func transferCounts() async throws -> [TransferKind: Int] {
        let tables: [(TransferKind, String)] = [
            (.users, "user"), (.tokens, "accessToken"), (.projects, "project"), (.repositories, "repository"),
            (.grants, #""grant""#), (.reports, "report"), (.annotations, "annotation"),
            (.pullRequests, "pullRequest"), (.activities, "pullRequestActivity"), (.mergeChecks, "mergeCheck"),
            (.secrets, "serverSecret"),
        ]
        let sql = "SELECT " + tables.map { "(SELECT count(*) FROM \($0.1))" }.joined(separator: ", ")
        return try await perform("transferCounts") {
            try await readSingleStatement { db in
                guard let row = try Row.fetchOne(db, sql: sql) else { throw InsightsError.unavailable }
                var counts: [TransferKind: Int] = [:]
                for (index, (kind, _)) in tables.enumerated() {
                    counts[kind] = try row.decode(Int.self, atIndex: index)
                }
                return counts
            }
        }
    }

    // MARK: Pages

    private static func transferPage(
        of kind: TransferKind, after cursor: TransferCursor?, limit: Int, in db: Database
    ) throws -> TransferPage? {
        if kind == .secrets {
            let secrets = try secrets(after: try TransferCursor.name(after: cursor), limit: limit, in: db)
            return page(secrets, limit: limit, cursor: { .name($0.name) }, TransferBatch.secrets)
        }
        let after = try TransferCursor.rowID(after: cursor)
        switch kind {
        case .users: return try page(rows(users, after, limit, db), limit: limit, TransferBatch.users)
        case .tokens: return try page(rows(tokens, after, limit, db), limit: limit, TransferBatch.tokens)
        case .projects: return try page(rows(projects, after, limit, db), limit: limit, TransferBatch.projects)
        case .repositories:
            return try page(rows(repositories, after, limit, db), limit: limit, TransferBatch.repositories)
        case .grants: return try page(rows(grants, after, limit, db), limit: limit, TransferBatch.grants)
        case .reports: return try page(rows(reports, after, limit, db), limit: limit, TransferBatch.reports)
        case .annotations:
            return try page(rows(annotations, after, limit, db), limit: limit, TransferBatch.annotations)
        case .pullRequests:
            let rows = try rows(pullRequests, after, limit, db)
            let activities = try activities(ofPullRequestsAfter: after, upTo: rows.last?.id ?? after, in: db)
            let pullRequests = rows.map { row in
                var pullRequest = row.value
                pullRequest.activities = activities[row.id] ?? []
                return (id: row.id, value: pullRequest)
            }
            return page(pullRequests, limit: limit, TransferBatch.pullRequests)
        case .mergeChecks:
            return try page(rows(mergeChecks, after, limit, db), limit: limit, TransferBatch.mergeChecks)
        case .activities, .secrets:
            return nil
        }
    }

    /// A page of rows read by id, or `nil` when there are none.
    private static func page<Value>(
        _ rows: [(id: Int64, value: Value)], limit: Int, _ batch: ([Value]) -> TransferBatch
    ) -> TransferPage? {
        page(rows, limit: limit, cursor: { .rowID($0.id) }) { batch($0.map(\.value)) }
    }

    /// A page of `rows`, or `nil` when there are none; the next page starts after the last row when it was full.
    private static func page<Element>(
        _ rows: [Element], limit: Int, cursor: (Element) -> TransferCursor, _ batch: ([Element]) -> TransferBatch
    ) -> TransferPage? {
        guard let last = rows.last else { return nil }
        return TransferPage(batch: batch(rows), next: rows.count < limit ? nil : cursor(last))
    }

    /// Runs a page query (`SELECT … WHERE id > ? ORDER BY id LIMIT ?`) and decodes its rows; column 0 is the id.
    private static func rows<Value>(
        _ query: PageQuery<Value>, _ after: Int64, _ limit: Int, _ db: Database
    ) throws -> [(id: Int64, value: Value)] {
        try Row.fetchAll(db.cachedStatement(sql: query.sql), arguments: [after, limit]).map { row in
            (id: try row.decode(Int64.self, atIndex: 0), value: try query.decode(row))
        }
    }

    // MARK: Queries

    private static let users = PageQuery(
        sql: "SELECT id, name, passwordHash, isSystemAdmin FROM user WHERE id > ? ORDER BY id LIMIT ?",
        decode: { row throws -> TransferredUser in
            TransferredUser(
                name: try row.decode(String.self, atIndex: 1), passwordHash: try row.decode(String.self, atIndex: 2),
                isSystemAdmin: try row.decode(Bool.self, atIndex: 3))
        })

    private static let tokens = PageQuery(
        sql: """
            SELECT accessToken.id, accessToken.digest, user.name, accessToken.name, accessToken.ceiling,
                accessToken.createdAt, accessToken.expiresAt
            FROM accessToken JOIN user ON user.id = accessToken.userId
            WHERE accessToken.id > ? ORDER BY accessToken.id LIMIT ?
            """,
        decode: { row throws -> TransferredToken in
            let id = try row.decode(Int64.self, atIndex: 0)
            let ceiling = try row.decode(String.self, atIndex: 4)
            return TransferredToken(
                digest: try row.decode(String.self, atIndex: 1), userName: try row.decode(String.self, atIndex: 2),
                name: try row.decode(String.self, atIndex: 3),
                ceiling: try CorruptRecord.decode("accessToken", "ceiling", id: id) { Permission(rawValue: ceiling) },
                createdAt: try row.decode(Int64.self, atIndex: 5),
                expiresAt: try row.decode(Int64?.self, atIndex: 6))
        })

    private static let projects = PageQuery(
        sql: "SELECT id, uuid, key, name FROM project WHERE id > ? ORDER BY id LIMIT ?",
        decode: { row throws -> TransferredProject in
            TransferredProject(
                uuid: try transferUUID(row, 1, "project"), key: try row.decode(String.self, atIndex: 2),
                name: try row.decode(String.self, atIndex: 3))
        })

    private static let repositories = PageQuery(
        sql: """
            SELECT repository.id, repository.uuid, project.uuid, repository.slug, repository.isPublic,
                repository.gitRemote
            FROM repository JOIN project ON project.id = repository.projectId
            WHERE repository.id > ? ORDER BY repository.id LIMIT ?
            """,
        decode: { row throws -> TransferredRepository in
            TransferredRepository(
                uuid: try transferUUID(row, 1, "repository"), projectUUID: try transferUUID(row, 2, "project"),
                slug: try row.decode(String.self, atIndex: 3), isPublic: try row.decode(Bool.self, atIndex: 4),
                gitRemote: try row.decode(String?.self, atIndex: 5))
        })

    private static let grants = PageQuery(
        sql: """
            SELECT "grant".id, user.name, project.uuid, repository.uuid, "grant".permission
            FROM "grant" JOIN user ON user.id = "grant".userId
            LEFT JOIN project ON project.id = "grant".projectId
            LEFT JOIN repository ON repository.id = "grant".repositoryId
            WHERE "grant".id > ? ORDER BY "grant".id LIMIT ?
            """,
        decode: { row throws -> TransferredGrant in
            let id = try row.decode(Int64.self, atIndex: 0)
            let permission = try row.decode(String.self, atIndex: 4)
            let scope: TransferredGrant.Scope =
                try row.decode(String?.self, atIndex: 2) != nil
                ? .project(try transferUUID(row, 2, "project")) : .repository(try transferUUID(row, 3, "repository"))
            return TransferredGrant(
                userName: try row.decode(String.self, atIndex: 1), scope: scope,
                permission: try CorruptRecord.decode("grant", "permission", id: id) { Permission(rawValue: permission) }
            )
        })

    /// Reports with their repository (uuid and reference, to decode the row) and creator's name.
    private static let reports = PageQuery(
        sql: """
            SELECT \(ReportRecord.selectionSQL), repository.uuid, project.key, repository.slug, user.name
            FROM report JOIN repository ON repository.id = report.repositoryId
            JOIN project ON project.id = repository.projectId JOIN user ON user.id = report.creatorId
            WHERE report.id > ? ORDER BY report.id LIMIT ?
            """,
        decode: { row throws -> TransferredReport in
            let record = try ReportRecord(row: row, startingAt: 0)
            let columns = ReportRecord.columnNames.count
            let projectKey = try row.decode(String.self, atIndex: columns + 1)
            let slug = try row.decode(String.self, atIndex: columns + 2)
            let repository = try CorruptRecord.decode("repository", "slug", id: record.repositoryId) {
                try RepositoryRef(projectKey: projectKey, slug: slug)
            }
            let report = try record.report(in: repository)
            return TransferredReport(
                uuid: report.uuid, repositoryUUID: try transferUUID(row, columns, "repository"), commit: report.commit,
                key: report.key, content: report.content,
                creatorName: try row.decode(String.self, atIndex: columns + 3),
                createdAt: record.createdAt, updatedAt: record.updatedAt)
        })

    private static let annotations = PageQuery(
        sql: """
            SELECT \(AnnotationRecord.selectionSQL), report.uuid, report.key
            FROM annotation JOIN report ON report.id = annotation.reportId
            WHERE annotation.id > ? ORDER BY annotation.id LIMIT ?
            """,
        decode: { row throws -> TransferredAnnotation in
            let record = try AnnotationRecord(row: row, startingAt: 0)
            let columns = AnnotationRecord.columnNames.count
            let key = try row.decode(String.self, atIndex: columns + 1)
            let annotation = try record.annotation(
                reportKey: try CorruptRecord.decode("report", "key", id: record.reportId) { try InsightKey(key) })
            return TransferredAnnotation(
                uuid: annotation.uuid, reportUUID: try transferUUID(row, columns, "report"),
                content: annotation.content,
                endLine: record.endLine, startColumn: record.startColumn, endColumn: record.endColumn,
                createdAt: record.createdAt, updatedAt: record.updatedAt)
        })

    /// Pull requests without their activities, which ``activities(ofPullRequestsAfter:upTo:in:)`` reads.
    private static let pullRequests = PageQuery(
        sql: """
            SELECT pullRequest.id, repository.uuid, pullRequest.number, pullRequest.version, pullRequest.title,
                pullRequest.description, pullRequest.state, pullRequest.sourceBranch, pullRequest.targetBranch,
                pullRequest.sourceCommit, pullRequest.targetCommit, user.name, pullRequest.createdAt,
                pullRequest.updatedAt, pullRequest.closedAt
            FROM pullRequest JOIN repository ON repository.id = pullRequest.repositoryId
            JOIN user ON user.id = pullRequest.authorId
            WHERE pullRequest.id > ? ORDER BY pullRequest.id LIMIT ?
            """,
        decode: { row throws -> TransferredPullRequest in
            let id = try row.decode(Int64.self, atIndex: 0)
            func decoded<T>(_ index: Int, _ column: String, _ convert: (String) throws -> T?) throws -> T {
                let raw = try row.decode(String.self, atIndex: index)
                return try CorruptRecord.decode("pullRequest", column, id: id) { try convert(raw) }
            }
            return TransferredPullRequest(
                repositoryUUID: try transferUUID(row, 1, "repository"), number: try row.decode(Int.self, atIndex: 2),
                version: try row.decode(Int.self, atIndex: 3), title: try row.decode(String.self, atIndex: 4),
                description: try row.decode(String?.self, atIndex: 5),
                state: try decoded(6, "state") { PullRequestState(rawValue: $0) },
                source: try decoded(7, "sourceBranch") { try BranchName($0) },
                target: try decoded(8, "targetBranch") { try BranchName($0) },
                sourceCommit: try decoded(9, "sourceCommit") { try CommitID($0) },
                targetCommit: try decoded(10, "targetCommit") { try CommitID($0) },
                authorName: try row.decode(String.self, atIndex: 11),
                createdAt: try row.decode(Int64.self, atIndex: 12),
                updatedAt: try row.decode(Int64.self, atIndex: 13), closedAt: try row.decode(Int64?.self, atIndex: 14),
                activities: [])
        })

    private static let mergeChecks = PageQuery(
        sql: """
            SELECT mergeCheck.repositoryId, repository.uuid, mergeCheck.requiredReportKeys,
                mergeCheck.blockingSeverity, mergeCheck.scope
            FROM mergeCheck JOIN repository ON repository.id = mergeCheck.repositoryId
            WHERE mergeCheck.repositoryId > ? ORDER BY mergeCheck.repositoryId LIMIT ?
            """,
        decode: { row throws -> TransferredMergeCheck in
            let id = try row.decode(Int64.self, atIndex: 0)
            let keys = try row.decode(String.self, atIndex: 2)
            let severity = try row.decode(String?.self, atIndex: 3)
            let scope = try row.decode(String.self, atIndex: 4)
            let policy = MergeCheckPolicy(
                requiredReportKeys: try CorruptRecord.decode("mergeCheck", "requiredReportKeys", id: id) {
                    try JSONDecoder().decode([String].self, from: Data(keys.utf8)).map { try InsightKey($0) }
                },
                blockingSeverity: try severity.map { raw in
                    try CorruptRecord.decode("mergeCheck", "blockingSeverity", id: id) {
                        AnnotationSeverity(rawValue: raw)
                    }
                },
                scope: try CorruptRecord.decode("mergeCheck", "scope", id: id) {
                    MergeCheckPolicy.Scope(rawValue: scope)
                })
            return TransferredMergeCheck(repositoryUUID: try transferUUID(row, 1, "repository"), policy: policy)
        })

    /// The activities of the pull requests with row ids in `first <.. last`, oldest first, by pull request row id.
    private static func activities(
        ofPullRequestsAfter first: Int64, upTo last: Int64, in db: Database
    ) throws -> [Int64: [TransferredActivity]] {
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT activity.id, activity.pullRequestId, activity.action, user.name, activity.createdAt,
                        activity.sourceCommit, activity.targetCommit, activity.previousSourceCommit,
                        activity.previousTargetCommit
                    FROM pullRequestActivity AS activity LEFT JOIN user ON user.id = activity.userId
                    WHERE activity.pullRequestId > ? AND activity.pullRequestId <= ? ORDER BY activity.id
                    """),
            arguments: [first, last])
        var activities: [Int64: [TransferredActivity]] = [:]
        for row in rows {
            let id = try row.decode(Int64.self, atIndex: 0)
            func decoded<T>(_ index: Int, _ column: String, _ convert: (String) throws -> T?) throws -> T? {
                guard let raw = try row.decode(String?.self, atIndex: index) else { return nil }
                return try CorruptRecord.decode("pullRequestActivity", column, id: id) { try convert(raw) }
            }
            func required<T>(_ value: T?, _ column: String) throws -> T {
                try CorruptRecord.decode("pullRequestActivity", column, id: id) { value }
            }
            let activity = TransferredActivity(
                action: try required(try decoded(2, "action") { PullRequestActivity.Action(rawValue: $0) }, "action"),
                userName: try row.decode(String?.self, atIndex: 3), createdAt: try row.decode(Int64.self, atIndex: 4),
                sourceCommit: try required(try decoded(5, "sourceCommit") { try CommitID($0) }, "sourceCommit"),
                targetCommit: try required(try decoded(6, "targetCommit") { try CommitID($0) }, "targetCommit"),
                previousSourceCommit: try decoded(7, "previousSourceCommit") { try CommitID($0) },
                previousTargetCommit: try decoded(8, "previousTargetCommit") { try CommitID($0) })
            activities[try row.decode(Int64.self, atIndex: 1), default: []].append(activity)
        }
        return activities
    }

    /// The secrets named after `name` (all when `nil`), in name order.
    private static func secrets(after name: String?, limit: Int, in db: Database) throws -> [TransferredSecret] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT name, value FROM serverSecret WHERE ? IS NULL OR name > ? ORDER BY name LIMIT ?"),
            arguments: [name, name, limit]
        ).map { row in
            TransferredSecret(
                name: try row.decode(String.self, atIndex: 0), value: [UInt8](try row.decode(Data.self, atIndex: 1)))
        }
    }

    /// A stored uuid column.
    private static func transferUUID(_ row: Row, _ index: Int, _ table: String) throws -> UUID {
        let text = try row.decode(String.self, atIndex: index)
        return try CorruptRecord.decode(table, "uuid", id: nil) { UUID.parsingStored(text) }
    }
}

/// A page query, `SELECT … WHERE id > ? ORDER BY id LIMIT ?` whose column 0 is the row id, and how to decode a row.
private struct PageQuery<Value>: Sendable {
    /// The statement.
    let sql: String
    /// Decodes one row.
    let decode: @Sendable (Row) throws -> Value
}
