import Foundation
import GRDB
import InsightsCore
public import InsightsStore

/// Writing a store transfer's batches (``TransferableStore``): each batch is one transaction, and every row is looked
/// up by its key first, then inserted with `ON CONFLICT DO NOTHING`, so a row refused by another unique rule (a
/// project key taken by another project) is counted, not an error.
extension SQLiteStore {
    /// Inserts the batch's rows whose keys the store does not hold yet.
    public func storeTransferBatch(_ batch: TransferBatch) async throws -> [TransferKind: TransferTally] {
        try await perform("storeTransferBatch") {
            try await write { db in
                try TransferWriter(db: db).store(batch)
            }
        }
    }
}

/// Writes one batch inside the caller's transaction, resolving uuids and names to this database's row ids.
///
/// A class, made and used inside one transaction, so its lookups can cache what they found.
private final class TransferWriter {
    /// What storing one row did.
    enum Outcome {
        case copied, present, refused
    }

    private let db: Database
    /// Row ids by user name, repository uuid and report uuid, looked up once per batch; `nil` for a missing row.
    private var userIDs: [String: Int64?] = [:]
    private var repositoryIDs: [UUID: Int64?] = [:]
    private var reports: [UUID: (id: Int64, repositoryID: Int64, commitID: String)?] = [:]
    /// The commits whose reports or annotations the batch inserted, to move to their next revision.
    private var writtenCommits: Set<WrittenCommit> = []

    init(db: Database) {
        self.db = db
    }

    /// Stores the batch, then moves the commits it wrote insights of to their next revision.
    func store(_ batch: TransferBatch) throws -> [TransferKind: TransferTally] {
        let tallies: [TransferKind: TransferTally]
        switch batch {
        case .users(let rows): tallies = [.users: try tally(rows) { try store($0) }]
        case .tokens(let rows): tallies = [.tokens: try tally(rows) { try store($0) }]
        case .projects(let rows): tallies = [.projects: try tally(rows) { try store($0) }]
        case .repositories(let rows): tallies = [.repositories: try tally(rows) { try store($0) }]
        case .grants(let rows): tallies = [.grants: try tally(rows) { try store($0) }]
        case .reports(let rows): tallies = [.reports: try tally(rows) { try store($0) }]
        case .annotations(let rows): tallies = [.annotations: try tally(rows) { try store($0) }]
        case .pullRequests(let rows): tallies = try store(rows)
        case .mergeChecks(let rows): tallies = [.mergeChecks: try tally(rows) { try store($0) }]
        case .secrets(let rows): tallies = [.secrets: try tally(rows) { try store($0) }]
        }
        for commit in writtenCommits {
            try SQLiteStore.advanceRevision(repositoryID: commit.repositoryID, commitID: commit.commitID, in: db)
        }
        return tallies
    }

    /// Stores every row and tallies the outcomes.
    private func tally<Element>(_ rows: [Element], _ store: (Element) throws -> Outcome) throws -> TransferTally {
        var tally = TransferTally()
        for row in rows {
            switch try store(row) {
            case .copied: tally.copied += 1
            case .present: tally.alreadyPresent += 1
            case .refused: tally.refused += 1
            }
        }
        return tally
    }

    // MARK: Rows

    private func store(_ user: TransferredUser) throws -> Outcome {
        try insert(
            unlessExists: ("SELECT 1 FROM user WHERE name = ?", [user.name]),
            "INSERT INTO user (name, passwordHash, isSystemAdmin) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            [user.name, user.passwordHash, user.isSystemAdmin])
    }

    private func store(_ token: TransferredToken) throws -> Outcome {
        guard try !exists("SELECT 1 FROM accessToken WHERE digest = ?", [token.digest]) else { return .present }
        guard let userID = try userID(token.userName) else { return .refused }
        return try insert(
            """
            INSERT INTO accessToken (digest, userId, name, ceiling, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """,
            [token.digest, userID, token.name, token.ceiling.rawValue, token.createdAt, token.expiresAt])
    }

    private func store(_ project: TransferredProject) throws -> Outcome {
        try insert(
            unlessExists: ("SELECT 1 FROM project WHERE uuid = ?", [project.uuid.uuidString]),
            "INSERT INTO project (key, name, uuid) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            [project.key, project.name, project.uuid.uuidString])
    }

    private func store(_ repository: TransferredRepository) throws -> Outcome {
        try insert(
            unlessExists: ("SELECT 1 FROM repository WHERE uuid = ?", [repository.uuid.uuidString]),
            """
            INSERT INTO repository (projectId, slug, isPublic, uuid, gitRemote)
            SELECT id, ?, ?, ?, ? FROM project WHERE uuid = ? ON CONFLICT DO NOTHING
            """,
            [
                repository.slug, repository.isPublic, repository.uuid.uuidString, repository.gitRemote,
                repository.projectUUID.uuidString,
            ])
    }

    private func store(_ grant: TransferredGrant) throws -> Outcome {
        let (column, table, uuid) =
            switch grant.scope {
            case .project(let uuid): ("projectId", "project", uuid)
            case .repository(let uuid): ("repositoryId", "repository", uuid)
            }
        guard let userID = try userID(grant.userName) else { return .refused }
        return try insert(
            unlessExists: (
                #"SELECT 1 FROM "grant" WHERE userId = ? AND \#(column) = (SELECT id FROM \#(table) WHERE uuid = ?)"#,
                [userID, uuid.uuidString]
            ),
            #"""
            INSERT INTO "grant" (userId, \#(column), permission) SELECT ?, id, ? FROM \#(table) WHERE uuid = ?
            ON CONFLICT DO NOTHING
            """#,
            [userID, grant.permission.rawValue, uuid.uuidString])
    }

    private func store(_ report: TransferredReport) throws -> Outcome {
        guard try !exists("SELECT 1 FROM report WHERE uuid = ?", [report.uuid.uuidString]) else { return .present }
        guard let repositoryID = try repositoryID(report.repositoryUUID), let creatorID = try userID(report.creatorName)
        else { return .refused }
        let content = report.content
        let outcome = try insert(
            """
            INSERT INTO report (uuid, repositoryId, commitId, key, title, details, result, reportType, reporter, link,
                logoUrl, isRemoteLinkEnabled, coverageProviderKey, data, creatorId, createdAt, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """,
            [
                report.uuid.uuidString, repositoryID, report.commit.rawValue, report.key.rawValue,
                StoredText(content.title), content.details.map(StoredText.init), content.result?.rawValue,
                content.reportType?.rawValue, content.reporter.map(StoredText.init), content.link, content.logoURL,
                content.isRemoteLinkEnabled, content.coverageProviderKey, try StoredDataField.encode(content.data),
                creatorID, report.createdAt, report.updatedAt,
            ])
        if outcome == .copied {
            writtenCommits.insert(WrittenCommit(repositoryID: repositoryID, commitID: report.commit.rawValue))
        }
        return outcome
    }

    private func store(_ annotation: TransferredAnnotation) throws -> Outcome {
        guard try !exists("SELECT 1 FROM annotation WHERE uuid = ?", [annotation.uuid.uuidString]) else {
            return .present
        }
        guard let report = try report(annotation.reportUUID) else { return .refused }
        let content = annotation.content
        let outcome = try insert(
            """
            INSERT INTO annotation (uuid, reportId, externalId, path, line, endLine, startColumn, endColumn, message,
                title, details, severity, type, result, link, createdAt, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """,
            [
                annotation.uuid.uuidString, report.id, content.externalID, content.path, content.line,
                annotation.endLine, annotation.startColumn, annotation.endColumn, StoredText(content.message),
                content.title.map(StoredText.init), content.details.map(StoredText.init), content.severity?.rawValue,
                content.type?.rawValue, content.result?.rawValue, content.link, annotation.createdAt,
                annotation.updatedAt,
            ])
        if outcome == .copied {
            writtenCommits.insert(WrittenCommit(repositoryID: report.repositoryID, commitID: report.commitID))
        }
        return outcome
    }

    /// Stores pull requests with their activities; a pull request already there keeps its own activities, of which
    /// as many as the source has count as already there.
    private func store(_ pullRequests: [TransferredPullRequest]) throws -> [TransferKind: TransferTally] {
        var requests = TransferTally()
        var activities = TransferTally()
        for pullRequest in pullRequests {
            guard let repositoryID = try repositoryID(pullRequest.repositoryUUID) else {
                requests.refused += 1
                activities.refused += pullRequest.activities.count
                continue
            }
            if let existing = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM pullRequest WHERE repositoryId = ? AND number = ?"),
                arguments: [repositoryID, pullRequest.number])
            {
                let stored =
                    try Int.fetchOne(
                        db.cachedStatement(sql: "SELECT count(*) FROM pullRequestActivity WHERE pullRequestId = ?"),
                        arguments: [existing]) ?? 0
                requests.alreadyPresent += 1
                let present = min(stored, pullRequest.activities.count)
                activities = activities + .of(pullRequest.activities.count, copied: 0, present: present)
                continue
            }
            guard let authorID = try userID(pullRequest.authorName),
                try insert(
                    """
                    INSERT INTO pullRequest (repositoryId, number, version, title, description, state, sourceBranch,
                        targetBranch, sourceCommit, targetCommit, authorId, createdAt, updatedAt, closedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                    """,
                    [
                        repositoryID, pullRequest.number, pullRequest.version, pullRequest.title,
                        pullRequest.description, pullRequest.state.rawValue, pullRequest.source.rawValue,
                        pullRequest.target.rawValue, pullRequest.sourceCommit.rawValue,
                        pullRequest.targetCommit.rawValue, authorID, pullRequest.createdAt, pullRequest.updatedAt,
                        pullRequest.closedAt,
                    ]) == .copied
            else {
                requests.refused += 1
                activities.refused += pullRequest.activities.count
                continue
            }
            requests.copied += 1
            let pullRequestID = db.lastInsertedRowID
            for activity in pullRequest.activities {
                var userID: Int64?
                if let name = activity.userName {
                    guard let id = try self.userID(name) else {
                        activities.refused += 1
                        continue
                    }
                    userID = id
                }
                try db.cachedStatement(
                    sql: """
                        INSERT INTO pullRequestActivity (pullRequestId, action, userId, createdAt, sourceCommit,
                            targetCommit, previousSourceCommit, previousTargetCommit)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """
                ).execute(arguments: [
                    pullRequestID, activity.action.rawValue, userID, activity.createdAt,
                    activity.sourceCommit.rawValue, activity.targetCommit.rawValue,
                    activity.previousSourceCommit?.rawValue, activity.previousTargetCommit?.rawValue,
                ])
                activities.copied += 1
            }
        }
        return [.pullRequests: requests, .activities: activities]
    }

    private func store(_ mergeCheck: TransferredMergeCheck) throws -> Outcome {
        let policy = mergeCheck.policy
        let keys = String(decoding: try JSONEncoder().encode(policy.requiredReportKeys.map(\.rawValue)), as: UTF8.self)
        return try insert(
            unlessExists: (
                "SELECT 1 FROM mergeCheck JOIN repository ON repository.id = mergeCheck.repositoryId "
                    + "WHERE repository.uuid = ?",
                [mergeCheck.repositoryUUID.uuidString]
            ),
            """
            INSERT INTO mergeCheck (repositoryId, requiredReportKeys, blockingSeverity, scope)
            SELECT id, ?, ?, ? FROM repository WHERE uuid = ? ON CONFLICT DO NOTHING
            """,
            [keys, policy.blockingSeverity?.rawValue, policy.scope.rawValue, mergeCheck.repositoryUUID.uuidString])
    }

    private func store(_ secret: TransferredSecret) throws -> Outcome {
        try insert(
            unlessExists: ("SELECT 1 FROM serverSecret WHERE name = ?", [secret.name]),
            "INSERT INTO serverSecret (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [secret.name, Data(secret.value)])
    }

    // MARK: Statements

    /// Whether the query (`SELECT 1 …`) finds a row.
    private func exists(_ sql: String, _ arguments: StatementArguments) throws -> Bool {
        try Int.fetchOne(db.cachedStatement(sql: sql), arguments: arguments) != nil
    }

    /// Runs an `INSERT … ON CONFLICT DO NOTHING`: copied when it inserted a row, refused when it did not.
    private func insert(_ sql: String, _ arguments: StatementArguments) throws -> Outcome {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
        return db.changesCount > 0 ? .copied : .refused
    }

    /// Present when `query` finds the row's key, otherwise the outcome of the insert.
    private func insert(
        unlessExists query: (sql: String, arguments: StatementArguments), _ sql: String,
        _ arguments: StatementArguments
    ) throws -> Outcome {
        try exists(query.sql, query.arguments) ? .present : try insert(sql, arguments)
    }

    // MARK: Lookups

    private func userID(_ name: String) throws -> Int64? {
        if let known = userIDs[name] { return known }
        let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM user WHERE name = ?"), arguments: [name])
        userIDs[name] = .some(id)
        return id
    }

    private func repositoryID(_ uuid: UUID) throws -> Int64? {
        if let known = repositoryIDs[uuid] { return known }
        let id = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM repository WHERE uuid = ?"), arguments: [uuid.uuidString])
        repositoryIDs[uuid] = .some(id)
        return id
    }

    private func report(_ uuid: UUID) throws -> (id: Int64, repositoryID: Int64, commitID: String)? {
        if let known = reports[uuid] { return known }
        let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT id, repositoryId, commitId FROM report WHERE uuid = ?"),
            arguments: [uuid.uuidString])
        let report = try row.map { row in
            (
                id: try row.decode(Int64.self, atIndex: 0), repositoryID: try row.decode(Int64.self, atIndex: 1),
                commitID: try row.decode(String.self, atIndex: 2)
            )
        }
        reports[uuid] = .some(report)
        return report
    }
}

/// A repository's commit whose insights a batch wrote.
private struct WrittenCommit: Hashable {
    var repositoryID: Int64
    var commitID: String
}
