import Foundation
import InsightsCore
public import InsightsStore
import PostgresNIO

/// Writing a store transfer's batches (``TransferableStore``): each batch is one transaction of a few statements,
/// each over many rows (``BatchValues``), that count the rows whose keys the store held already and insert the
/// others with `ON CONFLICT DO NOTHING`, so a row refused by another unique rule (a project key taken by another
/// project) is counted, not an error.
///
/// A statement's common table expressions all read the snapshot from before its inserts, so `present` counts only
/// rows that were there before.
extension PostgresStore {
    /// Inserts the batch's rows whose keys the store does not hold yet.
    public func storeTransferBatch(_ batch: TransferBatch) async throws -> [TransferKind: TransferTally] {
        try await perform("storeTransferBatch") {
            try await self.write { connection in
                try await self.store(batch, on: connection)
            }
        }
    }

    /// The last statement of every batch write: how many rows `inserted` returned and `present` found.
    private static let tallySelect = "SELECT (SELECT count(*) FROM inserted), (SELECT count(*) FROM present)"

    private func store(_ batch: TransferBatch, on connection: PostgresConnection) async throws
        -> [TransferKind: TransferTally]
    {
        switch batch {
        case .users(let rows):
            return [.users: try await store(rows, Self.users, on: connection)]
        case .tokens(let rows):
            return [.tokens: try await store(rows, Self.tokens, on: connection)]
        case .projects(let rows):
            return [.projects: try await store(rows, Self.projects, on: connection)]
        case .repositories(let rows):
            return [.repositories: try await store(rows, Self.repositories, on: connection)]
        case .grants(let rows):
            return [.grants: try await store(rows, Self.grants, on: connection)]
        case .reports(let rows):
            return [.reports: try await store(rows, Self.reports, on: connection)]
        case .annotations(let rows):
            return [.annotations: try await store(rows, Self.annotations, on: connection)]
        case .pullRequests(let rows):
            return try await store(rows, on: connection)
        case .mergeChecks(let rows):
            return [.mergeChecks: try await store(rows, Self.mergeChecks, on: connection)]
        case .secrets(let rows):
            return [.secrets: try await store(rows, Self.secrets, on: connection)]
        }
    }

    /// Writes rows with one statement per chunk of ``BatchValues/chunks(of:columns:)``.
    private func store<Row>(_ rows: [Row], _ write: BatchWrite<Row>, on connection: PostgresConnection) async throws
        -> TransferTally
    {
        var tally = TransferTally()
        for chunk in BatchValues.chunks(of: rows, columns: write.columnCount) {
            var values = BatchValues(columns: write.columns)
            for row in chunk {
                try values.row { try write.bind(&$0, row) }
            }
            guard
                let counts = try await connection.firstRow(
                    values.query(write.statement + "\n" + Self.tallySelect), logger: logger)
            else { throw InsightsError.unavailable }
            let (copied, present) = try counts.decode((Int, Int).self)
            tally = tally + .of(chunk.count, copied: copied, present: present)
        }
        return tally
    }

    // MARK: Statements

    private static let users = BatchWrite<TransferredUser>(
        columns: "name, passwordHash, isSystemAdmin",
        statement: """
            , present AS (SELECT 1 FROM batch JOIN "user" ON "user".name = batch.name),
            inserted AS (
                INSERT INTO "user" (name, passwordHash, isSystemAdmin)
                SELECT name, passwordHash, isSystemAdmin FROM batch ORDER BY position
                ON CONFLICT DO NOTHING RETURNING 1)
            """
    ) { values, user in
        try values.bind(user.name, as: "text")
        try values.bind(user.passwordHash, as: "text")
        try values.bind(user.isSystemAdmin, as: "boolean")
    }

    private static let tokens = BatchWrite<TransferredToken>(
        columns: "digest, userName, name, ceiling, createdAt, expiresAt",
        statement: """
            , present AS (SELECT 1 FROM batch JOIN accessToken ON accessToken.digest = batch.digest),
            inserted AS (
                INSERT INTO accessToken (digest, userId, name, ceiling, createdAt, expiresAt)
                SELECT batch.digest, "user".id, batch.name, batch.ceiling, batch.createdAt, batch.expiresAt
                FROM batch JOIN "user" ON "user".name = batch.userName ORDER BY batch.position
                ON CONFLICT DO NOTHING RETURNING 1)
            """
    ) { values, token in
        try values.bind(token.digest, as: "text")
        try values.bind(token.userName, as: "text")
        try values.bind(token.name, as: "text")
        try values.bind(token.ceiling.rawValue, as: "text")
        try values.bind(token.createdAt, as: "bigint")
        try values.bind(token.expiresAt, as: "bigint")
    }

    private static let projects = BatchWrite<TransferredProject>(
        columns: "uuid, key, name",
        statement: """
            , present AS (SELECT 1 FROM batch JOIN project ON project.uuid = batch.uuid),
            inserted AS (
                INSERT INTO project (uuid, key, name) SELECT uuid, key, name FROM batch ORDER BY position
                ON CONFLICT DO NOTHING RETURNING 1)
            """
    ) { values, project in
        try values.bind(project.uuid, as: "uuid")
        try values.bind(project.key, as: "text")
        try values.bind(project.name, as: "text")
    }

    private static let repositories = BatchWrite<TransferredRepository>(
        columns: "uuid, projectUuid, slug, isPublic, gitRemote",
        statement: """
            , present AS (SELECT 1 FROM batch JOIN repository ON repository.uuid = batch.uuid),
            inserted AS (
                INSERT INTO repository (uuid, projectId, slug, isPublic, gitRemote)
                SELECT batch.uuid, project.id, batch.slug, batch.isPublic, batch.gitRemote
                FROM batch JOIN project ON project.uuid = batch.projectUuid ORDER BY batch.position
                ON CONFLICT DO NOTHING RETURNING 1)
            """
    ) { values, repository in
        try values.bind(repository.uuid, as: "uuid")
        try values.bind(repository.projectUUID, as: "uuid")
        try values.bind(repository.slug, as: "text")
        try values.bind(repository.isPublic, as: "boolean")
        try values.bind(repository.gitRemote, as: "text")
    }

    /// Grants, resolved to row ids first (`target`): exactly one of project and repository must exist.
    private static let grants = BatchWrite<TransferredGrant>(
        columns: "userName, projectUuid, repositoryUuid, permission",
        statement: """
            , target AS (
                SELECT batch.position, "user".id AS userId, project.id AS projectId, repository.id AS repositoryId,
                    batch.permission
                FROM batch JOIN "user" ON "user".name = batch.userName
                LEFT JOIN project ON project.uuid = batch.projectUuid
                LEFT JOIN repository ON repository.uuid = batch.repositoryUuid
                WHERE (project.id IS NULL) <> (repository.id IS NULL)),
            present AS (
                SELECT 1 FROM target JOIN "grant" ON "grant".userId = target.userId
                AND ("grant".projectId = target.projectId OR "grant".repositoryId = target.repositoryId)),
            inserted AS (
                INSERT INTO "grant" (userId, projectId, repositoryId, permission)
                SELECT userId, projectId, repositoryId, permission FROM target ORDER BY position
                ON CONFLICT DO NOTHING RETURNING 1)
            """
    ) { values, grant in
        var project: UUID?
        var repository: UUID?
        switch grant.scope {
        case .project(let uuid): project = uuid
        case .repository(let uuid): repository = uuid
        }
        try values.bind(grant.userName, as: "text")
        try values.bind(project, as: "uuid")
        try values.bind(repository, as: "uuid")
        try values.bind(grant.permission.rawValue, as: "text")
    }

    /// Reports; the commits they were inserted on move to their next revision.
    private static let reports = BatchWrite<TransferredReport>(
        columns: """
            uuid, repositoryUuid, commitId, key, title, details, result, reportType, reporter, link, logoUrl,
            isRemoteLinkEnabled, coverageProviderKey, data, creatorName, createdAt, updatedAt
            """,
        statement: """
            , present AS (SELECT 1 FROM batch JOIN report ON report.uuid = batch.uuid),
            inserted AS (
                INSERT INTO report (uuid, repositoryId, commitId, key, title, details, result, reportType, reporter,
                    link, logoUrl, isRemoteLinkEnabled, coverageProviderKey, data, creatorId, createdAt, updatedAt)
                SELECT batch.uuid, repository.id, batch.commitId, batch.key, batch.title, batch.details,
                    batch.result, batch.reportType, batch.reporter, batch.link, batch.logoUrl,
                    batch.isRemoteLinkEnabled, batch.coverageProviderKey, batch.data, "user".id, batch.createdAt,
                    batch.updatedAt
                FROM batch JOIN repository ON repository.uuid = batch.repositoryUuid
                JOIN "user" ON "user".name = batch.creatorName ORDER BY batch.position
                ON CONFLICT DO NOTHING RETURNING repositoryId, commitId),
            revised AS (
                INSERT INTO commitRevision (repositoryId, commitId, revision)
                SELECT DISTINCT repositoryId, commitId, 1 FROM inserted
                ON CONFLICT (repositoryId, commitId) DO UPDATE SET revision = commitRevision.revision + 1)
            """
    ) { values, report in
        let content = report.content
        try values.bind(report.uuid, as: "uuid")
        try values.bind(report.repositoryUUID, as: "uuid")
        try values.bind(report.commit.rawValue, as: "text")
        try values.bind(report.key.rawValue, as: "text")
        try values.bind(content.title.storedBytes, as: "bytea")
        try values.bind(content.details?.storedBytes, as: "bytea")
        try values.bind(content.result?.rawValue, as: "text")
        try values.bind(content.reportType?.rawValue, as: "text")
        try values.bind(content.reporter?.storedBytes, as: "bytea")
        try values.bind(content.link, as: "text")
        try values.bind(content.logoURL, as: "text")
        try values.bind(content.isRemoteLinkEnabled, as: "boolean")
        try values.bind(content.coverageProviderKey, as: "text")
        try values.bind(try StoredDataFields.encode(content.data), as: "text")
        try values.bind(report.creatorName, as: "text")
        try values.bind(report.createdAt, as: "bigint")
        try values.bind(report.updatedAt, as: "bigint")
    }

    /// Annotations; the commits of the reports they were inserted into move to their next revision.
    private static let annotations = BatchWrite<TransferredAnnotation>(
        columns: """
            uuid, reportUuid, externalId, path, line, endLine, startColumn, endColumn, message, title, details,
            severity, type, result, link, createdAt, updatedAt
            """,
        statement: """
            , present AS (SELECT 1 FROM batch JOIN annotation ON annotation.uuid = batch.uuid),
            inserted AS (
                INSERT INTO annotation (uuid, reportId, externalId, path, line, endLine, startColumn, endColumn,
                    message, title, details, severity, type, result, link, createdAt, updatedAt)
                SELECT batch.uuid, report.id, batch.externalId, batch.path, batch.line, batch.endLine,
                    batch.startColumn, batch.endColumn, batch.message, batch.title, batch.details, batch.severity,
                    batch.type, batch.result, batch.link, batch.createdAt, batch.updatedAt
                FROM batch JOIN report ON report.uuid = batch.reportUuid ORDER BY batch.position
                ON CONFLICT DO NOTHING RETURNING reportId),
            revised AS (
                INSERT INTO commitRevision (repositoryId, commitId, revision)
                SELECT DISTINCT report.repositoryId, report.commitId, 1
                FROM inserted JOIN report ON report.id = inserted.reportId
                ON CONFLICT (repositoryId, commitId) DO UPDATE SET revision = commitRevision.revision + 1)
            """
    ) { values, annotation in
        let content = annotation.content
        try values.bind(annotation.uuid, as: "uuid")
        try values.bind(annotation.reportUUID, as: "uuid")
        try values.bind(content.externalID, as: "text")
        try values.bind(content.path, as: "text")
        try values.bind(content.line, as: "bigint")
        try values.bind(annotation.endLine, as: "bigint")
        try values.bind(annotation.startColumn, as: "bigint")
        try values.bind(annotation.endColumn, as: "bigint")
        try values.bind(content.message.storedBytes, as: "bytea")
        try values.bind(content.title?.storedBytes, as: "bytea")
        try values.bind(content.details?.storedBytes, as: "bytea")
        try values.bind(content.severity?.rawValue, as: "text")
        try values.bind(content.type?.rawValue, as: "text")
        try values.bind(content.result?.rawValue, as: "text")
        try values.bind(content.link, as: "text")
        try values.bind(annotation.createdAt, as: "bigint")
        try values.bind(annotation.updatedAt, as: "bigint")
    }

    private static let mergeChecks = BatchWrite<TransferredMergeCheck>(
        columns: "repositoryUuid, requiredReportKeys, blockingSeverity, scope",
        statement: """
            , present AS (
                SELECT 1 FROM batch JOIN repository ON repository.uuid = batch.repositoryUuid
                JOIN mergeCheck ON mergeCheck.repositoryId = repository.id),
            inserted AS (
                INSERT INTO mergeCheck (repositoryId, requiredReportKeys, blockingSeverity, scope)
                SELECT repository.id, batch.requiredReportKeys, batch.blockingSeverity, batch.scope
                FROM batch JOIN repository ON repository.uuid = batch.repositoryUuid ORDER BY batch.position
                ON CONFLICT DO NOTHING RETURNING 1)
            """
    ) { values, mergeCheck in
        let policy = mergeCheck.policy
        let keys = String(decoding: try JSONEncoder().encode(policy.requiredReportKeys.map(\.rawValue)), as: UTF8.self)
        try values.bind(mergeCheck.repositoryUUID, as: "uuid")
        try values.bind(keys, as: "text")
        try values.bind(policy.blockingSeverity?.rawValue, as: "text")
        try values.bind(policy.scope.rawValue, as: "text")
    }

    private static let secrets = BatchWrite<TransferredSecret>(
        columns: "name, value",
        statement: """
            , present AS (SELECT 1 FROM batch JOIN serverSecret ON serverSecret.name = batch.name),
            inserted AS (
                INSERT INTO serverSecret (name, value) SELECT name, value FROM batch ORDER BY position
                ON CONFLICT DO NOTHING RETURNING 1)
            """
    ) { values, secret in
        try values.bind(secret.name, as: "text")
        try values.bind(Data(secret.value), as: "bytea")
    }
}

/// How to write rows of one kind: the batch's columns, how to bind a row, and the statement after the `VALUES`,
/// which defines the common table expressions `present` (rows whose keys were there) and `inserted`.
struct BatchWrite<Row>: Sendable {
    /// The columns after `position`, comma-separated.
    let columns: String
    /// The statement after `WITH batch AS (…)`.
    let statement: String
    /// Binds one row's values, in the order of ``columns``.
    let bind: @Sendable (inout BatchValues, Row) throws -> Void

    /// How many columns ``columns`` names.
    var columnCount: Int { columns.split(separator: ",").count }

    /// Describes a batch write.
    init(columns: String, statement: String, bind: @escaping @Sendable (inout BatchValues, Row) throws -> Void) {
        self.columns = columns
        self.statement = statement
        self.bind = bind
    }
}
