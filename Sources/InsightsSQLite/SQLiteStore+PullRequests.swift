import Foundation
import GRDB
public import InsightsCore
import InsightsStore

/// Pull requests, their activities, and merge checks.
extension SQLiteStore {
    /// The columns a pull request is read from, in the order of ``pullRequest(from:repository:)``.
    private static let pullRequestColumns = """
        pullRequest.number, pullRequest.version, pullRequest.title, pullRequest.description, pullRequest.state,
        pullRequest.sourceBranch, pullRequest.targetBranch, pullRequest.sourceCommit, pullRequest.targetCommit,
        pullRequest.authorId, user.name, pullRequest.createdAt, pullRequest.updatedAt, pullRequest.closedAt
        """

    /// Opens a pull request numbered one above the repository's highest.
    public func createPullRequest(
        _ draft: PullRequestDraft, sourceCommit: CommitID, targetCommit: CommitID, in repository: RepositoryRef,
        by author: UserID
    ) async throws -> PullRequest {
        let conflict = "Only one pull request may be open for a given source and target branch."
        let now = environment.now().millisecondsSince1970
        return try await perform("createPullRequest", conflict: conflict) {
            try await write { db in
                let repositoryID = try Self.requireRepositoryID(repository, in: db)
                let number =
                    try Int.fetchOne(
                        db, sql: "SELECT coalesce(max(number), 0) + 1 FROM pullRequest WHERE repositoryId = ?",
                        arguments: [repositoryID]) ?? 1
                try db.execute(
                    sql: """
                        INSERT INTO pullRequest (repositoryId, number, version, title, description, state,
                            sourceBranch, targetBranch, sourceCommit, targetCommit, authorId, createdAt, updatedAt)
                        VALUES (?, ?, 0, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        repositoryID, number, draft.title, draft.description, draft.source.rawValue,
                        draft.target.rawValue, sourceCommit.rawValue, targetCommit.rawValue, author.rawValue, now,
                        now,
                    ])
                try Self.recordActivity(
                    .opened, pullRequestID: db.lastInsertedRowID, user: author, at: now, source: sourceCommit,
                    target: targetCommit, previous: nil, in: db)
                return try Self.requirePullRequest(number, repositoryID: repositoryID, repository: repository, in: db)
            }
        }
    }

    /// Returns one pull request, or `nil`.
    public func pullRequest(_ id: Int, in repository: RepositoryRef) async throws -> PullRequest? {
        try await perform("pullRequest") {
            try await read { db in
                guard let repositoryID = try Self.repositoryRecord(repository, in: db)?.id else { return nil }
                return try Self.pullRequest(id, repositoryID: repositoryID, repository: repository, in: db)
            }
        }
    }

    /// Lists pull requests newest first, all or those in one state.
    public func pullRequests(in repository: RepositoryRef, state: PullRequestState?, page: PageRequest) async throws
        -> Page<PullRequest>
    {
        try await perform("pullRequests") {
            try await read { db in
                guard let repositoryID = try Self.repositoryRecord(repository, in: db)?.id else {
                    return Page(values: [], offset: page.offset, hasMore: false, total: 0)
                }
                let condition = state == nil ? "" : "AND pullRequest.state = ?"
                var arguments: StatementArguments = [repositoryID]
                if let state { arguments += [state.rawValue] }
                let total =
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM pullRequest WHERE repositoryId = ? \(condition)",
                        arguments: arguments) ?? 0
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT \(Self.pullRequestColumns) FROM pullRequest JOIN user ON user.id = pullRequest.authorId
                        WHERE pullRequest.repositoryId = ? \(condition)
                        ORDER BY pullRequest.number DESC LIMIT ? OFFSET ?
                        """,
                    arguments: arguments + [page.limit, page.offset])
                let values = try rows.map { try Self.pullRequest(from: $0, repository: repository) }
                return Page(
                    values: values, offset: page.offset, hasMore: page.offset + values.count < total, total: total)
            }
        }
    }

    /// Declines or merges an open pull request.
    public func closePullRequest(
        _ id: Int, in repository: RepositoryRef, as state: PullRequestState, expectedVersion: Int?, by user: UserID?
    ) async throws -> PullRequest {
        let action = try PullRequest.closingAction(as: state)
        let now = environment.now().millisecondsSince1970
        return try await perform("closePullRequest") {
            try await write { db in
                let repositoryID = try Self.requireRepositoryID(repository, in: db)
                let current = try Self.requirePullRequest(
                    id, repositoryID: repositoryID, repository: repository, in: db)
                try current.checkClosable(expectedVersion: expectedVersion)
                try db.execute(
                    sql: """
                        UPDATE pullRequest SET state = ?, version = version + 1, updatedAt = ?, closedAt = ?
                        WHERE repositoryId = ? AND number = ?
                        """,
                    arguments: [state.rawValue, now, now, repositoryID, id])
                try Self.recordActivity(
                    action, pullRequestID: try Self.pullRequestRowID(id, repositoryID: repositoryID, in: db),
                    user: user, at: now, source: current.sourceCommit, target: current.targetCommit, previous: nil,
                    in: db)
                return try Self.requirePullRequest(id, repositoryID: repositoryID, repository: repository, in: db)
            }
        }
    }

    /// Records new tips of an open pull request.
    public func rescopePullRequest(
        _ id: Int, in repository: RepositoryRef, sourceCommit: CommitID, targetCommit: CommitID
    ) async throws -> PullRequest {
        let now = environment.now().millisecondsSince1970
        return try await perform("rescopePullRequest") {
            try await write { db in
                let repositoryID = try Self.requireRepositoryID(repository, in: db)
                let current = try Self.requirePullRequest(
                    id, repositoryID: repositoryID, repository: repository, in: db)
                guard current.state == .open,
                    current.sourceCommit != sourceCommit || current.targetCommit != targetCommit
                else { return current }
                try db.execute(
                    sql: """
                        UPDATE pullRequest SET sourceCommit = ?, targetCommit = ?, updatedAt = ?
                        WHERE repositoryId = ? AND number = ?
                        """,
                    arguments: [sourceCommit.rawValue, targetCommit.rawValue, now, repositoryID, id])
                try Self.recordActivity(
                    .rescoped, pullRequestID: try Self.pullRequestRowID(id, repositoryID: repositoryID, in: db),
                    user: nil, at: now, source: sourceCommit, target: targetCommit,
                    previous: (current.sourceCommit, current.targetCommit), in: db)
                return try Self.requirePullRequest(id, repositoryID: repositoryID, repository: repository, in: db)
            }
        }
    }

    /// Lists a pull request's activities, newest first.
    public func pullRequestActivities(_ id: Int, in repository: RepositoryRef, page: PageRequest) async throws
        -> Page<PullRequestActivity>
    {
        try await perform("pullRequestActivities") {
            try await read { db in
                let repositoryID = try Self.requireRepositoryID(repository, in: db)
                let rowID = try Self.pullRequestRowID(id, repositoryID: repositoryID, in: db)
                let total =
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM pullRequestActivity WHERE pullRequestId = ?",
                        arguments: [rowID]) ?? 0
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT activity.id, activity.action, user.name, activity.createdAt, activity.sourceCommit,
                            activity.targetCommit, activity.previousSourceCommit, activity.previousTargetCommit
                        FROM pullRequestActivity AS activity LEFT JOIN user ON user.id = activity.userId
                        WHERE activity.pullRequestId = ? ORDER BY activity.id DESC LIMIT ? OFFSET ?
                        """,
                    arguments: [rowID, page.limit, page.offset])
                let values = try rows.map(Self.activity(from:))
                return Page(
                    values: values, offset: page.offset, hasMore: page.offset + values.count < total, total: total)
            }
        }
    }

    /// The repository's merge check.
    public func mergeCheckPolicy(of repository: RepositoryRef) async throws -> MergeCheckPolicy {
        try await perform("mergeCheckPolicy") {
            try await read { db in
                let repositoryID = try Self.requireRepositoryID(repository, in: db)
                guard
                    let row = try Row.fetchOne(
                        db,
                        sql:
                            "SELECT requiredReportKeys, blockingSeverity, scope FROM mergeCheck WHERE repositoryId = ?",
                        arguments: [repositoryID])
                else { return .none }
                let keysJSON = try row.decode(String.self, atIndex: 0)
                let keys = try CorruptRecord.decode("mergeCheck", "requiredReportKeys", id: repositoryID) {
                    try JSONDecoder().decode([String].self, from: Data(keysJSON.utf8)).map { try InsightKey($0) }
                }
                let severity = try row.decode(String?.self, atIndex: 1).map { raw in
                    try CorruptRecord.decode("mergeCheck", "blockingSeverity", id: repositoryID) {
                        AnnotationSeverity(rawValue: raw)
                    }
                }
                let scopeRaw = try row.decode(String.self, atIndex: 2)
                let scope = try CorruptRecord.decode("mergeCheck", "scope", id: repositoryID) {
                    MergeCheckPolicy.Scope(rawValue: scopeRaw)
                }
                return MergeCheckPolicy(requiredReportKeys: keys, blockingSeverity: severity, scope: scope)
            }
        }
    }

    /// Replaces the repository's merge check.
    public func setMergeCheckPolicy(_ policy: MergeCheckPolicy, of repository: RepositoryRef) async throws {
        let keys = String(decoding: try JSONEncoder().encode(policy.requiredReportKeys.map(\.rawValue)), as: UTF8.self)
        try await perform("setMergeCheckPolicy") {
            try await write { db in
                let repositoryID = try Self.requireRepositoryID(repository, in: db)
                try db.execute(
                    sql: """
                        INSERT INTO mergeCheck (repositoryId, requiredReportKeys, blockingSeverity, scope)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (repositoryId) DO UPDATE SET requiredReportKeys = excluded.requiredReportKeys,
                            blockingSeverity = excluded.blockingSeverity, scope = excluded.scope
                        """,
                    arguments: [repositoryID, keys, policy.blockingSeverity?.rawValue, policy.scope.rawValue])
            }
        }
    }

    // MARK: Rows

    private static func pullRequest(_ number: Int, repositoryID: Int64, repository: RepositoryRef, in db: Database)
        throws -> PullRequest?
    {
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT \(pullRequestColumns) FROM pullRequest JOIN user ON user.id = pullRequest.authorId
                    WHERE pullRequest.repositoryId = ? AND pullRequest.number = ?
                    """),
            arguments: [repositoryID, number])
        return try row.map { try pullRequest(from: $0, repository: repository) }
    }

    private static func requirePullRequest(
        _ number: Int, repositoryID: Int64, repository: RepositoryRef, in db: Database
    ) throws -> PullRequest {
        guard let pullRequest = try pullRequest(number, repositoryID: repositoryID, repository: repository, in: db)
        else { throw InsightsError.notFound("Pull request \(number) does not exist in \(repository).") }
        return pullRequest
    }

    private static func pullRequestRowID(_ number: Int, repositoryID: Int64, in db: Database) throws -> Int64 {
        guard
            let id = try Int64.fetchOne(
                db, sql: "SELECT id FROM pullRequest WHERE repositoryId = ? AND number = ?",
                arguments: [repositoryID, number])
        else { throw InsightsError.notFound("Pull request \(number) does not exist.") }
        return id
    }

    private static func recordActivity(
        _ action: PullRequestActivity.Action, pullRequestID: Int64, user: UserID?, at time: Int64, source: CommitID,
        target: CommitID, previous: (source: CommitID, target: CommitID)?, in db: Database
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO pullRequestActivity (pullRequestId, action, userId, createdAt, sourceCommit, targetCommit,
                    previousSourceCommit, previousTargetCommit)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                pullRequestID, action.rawValue, user?.rawValue, time, source.rawValue, target.rawValue,
                previous?.source.rawValue, previous?.target.rawValue,
            ])
    }

    private static func pullRequest(from row: Row, repository: RepositoryRef) throws -> PullRequest {
        let number: Int = try row.decode(Int.self, atIndex: 0)
        func decoded<T>(_ column: String, _ convert: () throws -> T?) throws -> T {
            try CorruptRecord.decode("pullRequest", column, id: Int64(number), convert)
        }
        let stateRaw = try row.decode(String.self, atIndex: 4)
        let sourceRaw = try row.decode(String.self, atIndex: 5)
        let targetRaw = try row.decode(String.self, atIndex: 6)
        let sourceCommitRaw = try row.decode(String.self, atIndex: 7)
        let targetCommitRaw = try row.decode(String.self, atIndex: 8)
        return PullRequest(
            id: number, version: try row.decode(Int.self, atIndex: 1), repository: repository,
            title: try row.decode(String.self, atIndex: 2), description: try row.decode(String?.self, atIndex: 3),
            state: try decoded("state") { PullRequestState(rawValue: stateRaw) },
            source: try decoded("sourceBranch") { try BranchName(sourceRaw) },
            target: try decoded("targetBranch") { try BranchName(targetRaw) },
            sourceCommit: try decoded("sourceCommit") { try CommitID(sourceCommitRaw) },
            targetCommit: try decoded("targetCommit") { try CommitID(targetCommitRaw) },
            author: UserID(try row.decode(Int64.self, atIndex: 9)),
            authorName: try row.decode(String.self, atIndex: 10),
            createdAt: Date(millisecondsSince1970: try row.decode(Int64.self, atIndex: 11)),
            updatedAt: Date(millisecondsSince1970: try row.decode(Int64.self, atIndex: 12)),
            closedAt: try row.decode(Int64?.self, atIndex: 13).map(Date.init(millisecondsSince1970:)))
    }

    private static func activity(from row: Row) throws -> PullRequestActivity {
        let id = try row.decode(Int64.self, atIndex: 0)
        func commit(_ index: Int, _ column: String) throws -> CommitID? {
            guard let raw = try row.decode(String?.self, atIndex: index) else { return nil }
            return try CorruptRecord.decode("pullRequestActivity", column, id: id) { try CommitID(raw) }
        }
        let actionRaw = try row.decode(String.self, atIndex: 1)
        return PullRequestActivity(
            id: Int(id),
            action: try CorruptRecord.decode("pullRequestActivity", "action", id: id) {
                PullRequestActivity.Action(rawValue: actionRaw)
            },
            userName: try row.decode(String?.self, atIndex: 2),
            createdAt: Date(millisecondsSince1970: try row.decode(Int64.self, atIndex: 3)),
            sourceCommit: try CorruptRecord.decode("pullRequestActivity", "sourceCommit", id: id) {
                try commit(4, "sourceCommit")
            },
            targetCommit: try CorruptRecord.decode("pullRequestActivity", "targetCommit", id: id) {
                try commit(5, "targetCommit")
            },
            previousSourceCommit: try commit(6, "previousSourceCommit"),
            previousTargetCommit: try commit(7, "previousTargetCommit"))
    }
}
