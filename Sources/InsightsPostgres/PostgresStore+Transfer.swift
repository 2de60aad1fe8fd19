import Foundation
import InsightsCore
public import InsightsStore
import PostgresNIO

/// Reading the whole store out for a store transfer (``TransferableStore``); writing is in
/// `PostgresStore+TransferWrites`.
extension PostgresStore: TransferableStore {
    /// Reads the next rows of one kind after `cursor`, by row id (secrets: by name in byte order), in one snapshot.
    public func transferPage(of kind: TransferKind, after cursor: TransferCursor?, limit: Int) async throws
        -> TransferPage?
    {
        try await perform("transferPage") {
            try await self.read { connection in
                try await self.transferPage(of: kind, after: cursor, limit: limit, on: connection)
            }
        }
    }

    /// Counts every kind's rows in one statement, so in one snapshot.
    public func transferCounts() async throws -> [TransferKind: Int] {
        try await perform("transferCounts") {
            try await self.withConnection { connection in
                guard
                    let row = try await connection.firstRow(
                        """
                        SELECT (SELECT count(*) FROM "user"), (SELECT count(*) FROM accessToken),
                            (SELECT count(*) FROM project), (SELECT count(*) FROM repository),
                            (SELECT count(*) FROM "grant"), (SELECT count(*) FROM report),
                            (SELECT count(*) FROM annotation), (SELECT count(*) FROM pullRequest),
                            (SELECT count(*) FROM pullRequestActivity), (SELECT count(*) FROM mergeCheck),
                            (SELECT count(*) FROM serverSecret)
                        """, logger: self.logger)
                else { throw InsightsError.unavailable }
                let counts = try row.decode((Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int).self)
                return [
                    .users: counts.0, .tokens: counts.1, .projects: counts.2, .repositories: counts.3,
                    .grants: counts.4, .reports: counts.5, .annotations: counts.6, .pullRequests: counts.7,
                    .activities: counts.8, .mergeChecks: counts.9, .secrets: counts.10,
                ]
            }
        }
    }

    // MARK: Pages

    private func transferPage(
        of kind: TransferKind, after cursor: TransferCursor?, limit: Int, on connection: PostgresConnection
    ) async throws -> TransferPage? {
        if kind == .secrets {
            let after = try TransferCursor.name(after: cursor)
            let rows = try await connection.rows(
                """
                SELECT name, value FROM serverSecret WHERE \(after)::text IS NULL OR name > \(after) COLLATE "C"
                ORDER BY name COLLATE "C" LIMIT \(limit)
                """, logger: logger)
            let secrets = try rows.map { row in
                let (name, value) = try row.decode((String, Data).self)
                return TransferredSecret(name: name, value: [UInt8](value))
            }
            guard let last = secrets.last else { return nil }
            return TransferPage(batch: .secrets(secrets), next: secrets.count < limit ? nil : .name(last.name))
        }
        let after = try TransferCursor.rowID(after: cursor)
        func page<Value>(
            _ query: PostgresQuery, _ decode: (PostgresRow) throws -> Value, _ batch: ([Value]) -> TransferBatch
        ) async throws -> TransferPage? {
            let rows = try await connection.rows(query, logger: logger)
            guard let last = rows.last else { return nil }
            let next: TransferCursor? = rows.count < limit ? nil : .rowID(try last.decode(Int64.self))
            return TransferPage(batch: batch(try rows.map(decode)), next: next)
        }
        switch kind {
        case .users:
            return try await page(
                #"""
                SELECT id, name, passwordHash, isSystemAdmin FROM "user" WHERE id > \#(after) ORDER BY id
                LIMIT \#(limit)
                """#, Self.user, TransferBatch.users)
        case .tokens:
            return try await page(
                #"""
                SELECT accessToken.id, accessToken.digest, "user".name, accessToken.name, accessToken.ceiling,
                    accessToken.createdAt, accessToken.expiresAt
                FROM accessToken JOIN "user" ON "user".id = accessToken.userId
                WHERE accessToken.id > \#(after) ORDER BY accessToken.id LIMIT \#(limit)
                """#, Self.token, TransferBatch.tokens)
        case .projects:
            return try await page(
                "SELECT id, uuid, key, name FROM project WHERE id > \(after) ORDER BY id LIMIT \(limit)",
                Self.project, TransferBatch.projects)
        case .repositories:
            return try await page(
                """
                SELECT repository.id, repository.uuid, project.uuid, repository.slug, repository.isPublic,
                    repository.gitRemote
                FROM repository JOIN project ON project.id = repository.projectId
                WHERE repository.id > \(after) ORDER BY repository.id LIMIT \(limit)
                """, Self.repository, TransferBatch.repositories)
        case .grants:
            return try await page(
                #"""
                SELECT "grant".id, "user".name, project.uuid, repository.uuid, "grant".permission
                FROM "grant" JOIN "user" ON "user".id = "grant".userId
                LEFT JOIN project ON project.id = "grant".projectId
                LEFT JOIN repository ON repository.id = "grant".repositoryId
                WHERE "grant".id > \#(after) ORDER BY "grant".id LIMIT \#(limit)
                """#, Self.grant, TransferBatch.grants)
        case .reports:
            return try await page(
                #"""
                SELECT report.id, report.uuid, repository.uuid, report.commitId, report.key, report.title,
                    report.details, report.result, report.reportType, report.reporter, report.link, report.logoUrl,
                    report.isRemoteLinkEnabled, report.coverageProviderKey, report.data, "user".name,
                    report.createdAt, report.updatedAt
                FROM report JOIN repository ON repository.id = report.repositoryId
                JOIN "user" ON "user".id = report.creatorId
                WHERE report.id > \#(after) ORDER BY report.id LIMIT \#(limit)
                """#, Self.report, TransferBatch.reports)
        case .annotations:
            return try await page(
                """
                SELECT annotation.id, annotation.uuid, report.uuid, annotation.externalId, annotation.path,
                    annotation.line, annotation.endLine, annotation.startColumn, annotation.endColumn,
                    annotation.message, annotation.title, annotation.details, annotation.severity, annotation.type,
                    annotation.result, annotation.link, annotation.createdAt, annotation.updatedAt
                FROM annotation JOIN report ON report.id = annotation.reportId
                WHERE annotation.id > \(after) ORDER BY annotation.id LIMIT \(limit)
                """, Self.annotation, TransferBatch.annotations)
        case .pullRequests:
            return try await pullRequestPage(after: after, limit: limit, on: connection)
        case .mergeChecks:
            return try await page(
                """
                SELECT mergeCheck.repositoryId, repository.uuid, mergeCheck.requiredReportKeys,
                    mergeCheck.blockingSeverity, mergeCheck.scope
                FROM mergeCheck JOIN repository ON repository.id = mergeCheck.repositoryId
                WHERE mergeCheck.repositoryId > \(after) ORDER BY mergeCheck.repositoryId LIMIT \(limit)
                """, Self.mergeCheck, TransferBatch.mergeChecks)
        case .activities, .secrets:
            return nil
        }
    }

    /// A page of pull requests, each with its activities (those of the page's row-id range, read at once).
    private func pullRequestPage(after: Int64, limit: Int, on connection: PostgresConnection) async throws
        -> TransferPage?
    {
        let rows = try await connection.rows(
            #"""
            SELECT pullRequest.id, repository.uuid, pullRequest.number, pullRequest.version, pullRequest.title,
                pullRequest.description, pullRequest.state, pullRequest.sourceBranch, pullRequest.targetBranch,
                pullRequest.sourceCommit, pullRequest.targetCommit, "user".name, pullRequest.createdAt,
                pullRequest.updatedAt, pullRequest.closedAt
            FROM pullRequest JOIN repository ON repository.id = pullRequest.repositoryId
            JOIN "user" ON "user".id = pullRequest.authorId
            WHERE pullRequest.id > \#(after) ORDER BY pullRequest.id LIMIT \#(limit)
            """#, logger: logger)
        let pullRequests = try rows.map { row in (id: try row.decode(Int64.self), value: try Self.pullRequest(row)) }
        guard let last = pullRequests.last else { return nil }
        let activityRows = try await connection.rows(
            #"""
            SELECT activity.id, activity.pullRequestId, activity.action, "user".name, activity.createdAt,
                activity.sourceCommit, activity.targetCommit, activity.previousSourceCommit,
                activity.previousTargetCommit
            FROM pullRequestActivity AS activity LEFT JOIN "user" ON "user".id = activity.userId
            WHERE activity.pullRequestId > \#(after) AND activity.pullRequestId <= \#(last.id) ORDER BY activity.id
            """#, logger: logger)
        var activities: [Int64: [TransferredActivity]] = [:]
        for row in activityRows {
            let (pullRequestID, activity) = try Self.activity(row)
            activities[pullRequestID, default: []].append(activity)
        }
        let batch = pullRequests.map { pullRequest in
            var value = pullRequest.value
            value.activities = activities[pullRequest.id] ?? []
            return value
        }
        return TransferPage(batch: .pullRequests(batch), next: rows.count < limit ? nil : .rowID(last.id))
    }

    // MARK: Rows

    private static func user(_ row: PostgresRow) throws -> TransferredUser {
        let (_, name, passwordHash, isSystemAdmin) = try row.decode((Int64, String, String, Bool).self)
        return TransferredUser(name: name, passwordHash: passwordHash, isSystemAdmin: isSystemAdmin)
    }

    private static func token(_ row: PostgresRow) throws -> TransferredToken {
        let (id, digest, userName, name, ceiling, createdAt, expiresAt) = try row.decode(
            (Int64, String, String, String, String, Int64, Int64?).self)
        return TransferredToken(
            digest: digest, userName: userName, name: name,
            ceiling: try CorruptRecord.decode("accessToken", "ceiling", id: id) { Permission(rawValue: ceiling) },
            createdAt: createdAt, expiresAt: expiresAt)
    }

    private static func project(_ row: PostgresRow) throws -> TransferredProject {
        let (_, uuid, key, name) = try row.decode((Int64, UUID, String, String).self)
        return TransferredProject(uuid: uuid, key: key, name: name)
    }

    private static func repository(_ row: PostgresRow) throws -> TransferredRepository {
        let (_, uuid, projectUUID, slug, isPublic, gitRemote) = try row.decode(
            (Int64, UUID, UUID, String, Bool, String?).self)
        return TransferredRepository(
            uuid: uuid, projectUUID: projectUUID, slug: slug, isPublic: isPublic, gitRemote: gitRemote)
    }

    private static func grant(_ row: PostgresRow) throws -> TransferredGrant {
        let (id, userName, projectUUID, repositoryUUID, permission) = try row.decode(
            (Int64, String, UUID?, UUID?, String).self)
        let scope = try CorruptRecord.decode("grant", "projectId", id: id) { () -> TransferredGrant.Scope? in
            projectUUID.map(TransferredGrant.Scope.project) ?? repositoryUUID.map(TransferredGrant.Scope.repository)
        }
        return TransferredGrant(
            userName: userName, scope: scope,
            permission: try CorruptRecord.decode("grant", "permission", id: id) { Permission(rawValue: permission) })
    }

    private static func report(_ row: PostgresRow) throws -> TransferredReport {
        let (
            id, uuid, repositoryUUID, commit, key, title, details, result, reportType, reporter, link, logoURL,
            isRemoteLinkEnabled, coverageProviderKey, data, creatorName, createdAt, updatedAt
        ) = try row.decode(
            (
                Int64, UUID, UUID, String, String, Data, Data?, String?, String?, Data?, String?, String?, Bool?,
                String?, String, String, Int64, Int64
            ).self)
        func decoded<T>(_ column: String, _ convert: () throws -> T?) throws -> T {
            try CorruptRecord.decode("report", column, id: id, convert)
        }
        let content = ReportContent(
            title: title.storedText, details: details?.storedText,
            result: try result.map { raw in try decoded("result") { ReportResult(rawValue: raw) } },
            reportType: try reportType.map { raw in try decoded("reportType") { ReportType(rawValue: raw) } },
            reporter: reporter?.storedText, link: link, logoURL: logoURL, isRemoteLinkEnabled: isRemoteLinkEnabled,
            coverageProviderKey: coverageProviderKey, data: try decoded("data") { try StoredDataFields.decode(data) })
        return TransferredReport(
            uuid: uuid, repositoryUUID: repositoryUUID, commit: try decoded("commitId") { try CommitID(commit) },
            key: try decoded("key") { try InsightKey(key) }, content: content, creatorName: creatorName,
            createdAt: createdAt, updatedAt: updatedAt)
    }

    private static func annotation(_ row: PostgresRow) throws -> TransferredAnnotation {
        let (
            id, uuid, reportUUID, externalID, path, line, endLine, startColumn, endColumn, message, title, details,
            severity, type, result, link, createdAt, updatedAt
        ) = try row.decode(
            (
                Int64, UUID, UUID, String?, String?, Int?, Int?, Int?, Int?, Data, Data?, Data?, String?, String?,
                String?, String?, Int64, Int64
            ).self)
        func decoded<T>(_ column: String, _ convert: () throws -> T?) throws -> T {
            try CorruptRecord.decode("annotation", column, id: id, convert)
        }
        let content = AnnotationContent(
            externalID: externalID, path: path, line: line, message: message.storedText, title: title?.storedText,
            details: details?.storedText,
            severity: try severity.map { raw in try decoded("severity") { AnnotationSeverity(rawValue: raw) } },
            type: try type.map { raw in try decoded("type") { AnnotationType(rawValue: raw) } },
            result: try result.map { raw in try decoded("result") { AnnotationResult(rawValue: raw) } }, link: link)
        return TransferredAnnotation(
            uuid: uuid, reportUUID: reportUUID, content: content, endLine: endLine, startColumn: startColumn,
            endColumn: endColumn, createdAt: createdAt, updatedAt: updatedAt)
    }

    private static func pullRequest(_ row: PostgresRow) throws -> TransferredPullRequest {
        let (
            id, repositoryUUID, number, version, title, description, state, source, target, sourceCommit,
            targetCommit, authorName, createdAt, updatedAt, closedAt
        ) = try row.decode(
            (
                Int64, UUID, Int, Int, Data, Data?, String, String, String, String, String, String, Int64, Int64,
                Int64?
            ).self)
        func decoded<T>(_ column: String, _ convert: () throws -> T?) throws -> T {
            try CorruptRecord.decode("pullRequest", column, id: id, convert)
        }
        return TransferredPullRequest(
            repositoryUUID: repositoryUUID, number: number, version: version, title: title.storedText,
            description: description?.storedText, state: try decoded("state") { PullRequestState(rawValue: state) },
            source: try decoded("sourceBranch") { try BranchName(source) },
            target: try decoded("targetBranch") { try BranchName(target) },
            sourceCommit: try decoded("sourceCommit") { try CommitID(sourceCommit) },
            targetCommit: try decoded("targetCommit") { try CommitID(targetCommit) }, authorName: authorName,
            createdAt: createdAt, updatedAt: updatedAt, closedAt: closedAt, activities: [])
    }

    /// An activity and the row id of its pull request.
    private static func activity(_ row: PostgresRow) throws -> (Int64, TransferredActivity) {
        let (id, pullRequestID, action, userName, createdAt, source, target, previousSource, previousTarget) =
            try row.decode((Int64, Int64, String, String?, Int64, String, String, String?, String?).self)
        func decoded<T>(_ column: String, _ convert: () throws -> T?) throws -> T {
            try CorruptRecord.decode("pullRequestActivity", column, id: id, convert)
        }
        let activity = TransferredActivity(
            action: try decoded("action") { PullRequestActivity.Action(rawValue: action) }, userName: userName,
            createdAt: createdAt, sourceCommit: try decoded("sourceCommit") { try CommitID(source) },
            targetCommit: try decoded("targetCommit") { try CommitID(target) },
            previousSourceCommit: try previousSource.map { raw in
                try decoded("previousSourceCommit") { try CommitID(raw) }
            },
            previousTargetCommit: try previousTarget.map { raw in
                try decoded("previousTargetCommit") { try CommitID(raw) }
            })
        return (pullRequestID, activity)
    }

    private static func mergeCheck(_ row: PostgresRow) throws -> TransferredMergeCheck {
        let (id, repositoryUUID, keys, severity, scope) = try row.decode((Int64, UUID, String, String?, String).self)
        func decoded<T>(_ column: String, _ convert: () throws -> T?) throws -> T {
            try CorruptRecord.decode("mergeCheck", column, id: id, convert)
        }
        let policy = MergeCheckPolicy(
            requiredReportKeys: try decoded("requiredReportKeys") {
                try JSONDecoder().decode([String].self, from: Data(keys.utf8)).map { try InsightKey($0) }
            },
            blockingSeverity: try severity.map { raw in
                try decoded("blockingSeverity") { AnnotationSeverity(rawValue: raw) }
            },
            scope: try decoded("scope") { MergeCheckPolicy.Scope(rawValue: scope) })
        return TransferredMergeCheck(repositoryUUID: repositoryUUID, policy: policy)
    }
}
