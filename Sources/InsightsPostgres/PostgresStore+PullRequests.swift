import Foundation
public import InsightsCore
import InsightsStore
import PostgresNIO

/// Pull requests, their activities, and merge checks.
extension PostgresStore {
    /// The columns a pull request is read from, in the order of ``pullRequest(from:repository:)``.
    private static let pullRequestColumns = """
        pullRequest.number, pullRequest.version, pullRequest.title, pullRequest.description, pullRequest.state,
        pullRequest.sourceBranch, pullRequest.targetBranch, pullRequest.sourceCommit, pullRequest.targetCommit,
        pullRequest.authorId, "user".name, pullRequest.createdAt, pullRequest.updatedAt, pullRequest.closedAt
        """

    /// Opens a pull request numbered one above the repository's highest.
    ///
    /// The repository's row is locked first, so two openings never take the same number.
    public func createPullRequest(
        _ draft: PullRequestDraft, sourceCommit: CommitID, targetCommit: CommitID, in repository: RepositoryRef,
        by author: UserID
    ) async throws -> PullRequest {
        let conflict = "Only one pull request may be open for a given source and target branch."
        let now = environment.now().millisecondsSince1970
        return try await perform("createPullRequest", conflict: conflict) {
            try await self.write { connection in
                let repositoryID = try await self.requireRepositoryID(repository, on: connection)
                try await connection.execute(
                    "SELECT id FROM repository WHERE id = \(repositoryID) FOR UPDATE", logger: self.logger)
                let number = try await connection.count(
                    "SELECT coalesce(max(number), 0) + 1 FROM pullRequest WHERE repositoryId = \(repositoryID)",
                    logger: self.logger)
                guard
                    let row = try await connection.firstRow(
                        """
                        INSERT INTO pullRequest (repositoryId, number, version, title, description, state,
                            sourceBranch, targetBranch, sourceCommit, targetCommit, authorId, createdAt, updatedAt)
                        VALUES (\(repositoryID), \(number), 0, \(draft.title.storedBytes),
                            \(draft.description?.storedBytes), 'OPEN', \(draft.source.rawValue),
                            \(draft.target.rawValue), \(sourceCommit.rawValue), \(targetCommit.rawValue),
                            \(author.rawValue), \(now), \(now))
                        RETURNING id
                        """, logger: self.logger)
                else { throw InsightsError.unavailable }
                try await self.recordActivity(
                    .opened, pullRequestID: try row.decode(Int64.self), user: author, at: now, source: sourceCommit,
                    target: targetCommit, previous: nil, on: connection)
                return try await self.requirePullRequest(
                    number, repositoryID: repositoryID, repository: repository, on: connection)
            }
        }
    }

    /// Returns one pull request, or `nil`.
    public func pullRequest(_ id: Int, in repository: RepositoryRef) async throws -> PullRequest? {
        try await perform("pullRequest") {
            try await self.read { connection in
                guard let repositoryID = try await self.repositoryID(repository, on: connection) else { return nil }
                return try await self.pullRequest(
                    id, repositoryID: repositoryID, repository: repository, on: connection)
            }
        }
    }

    /// Lists pull requests newest first, all or those in one state.
    public func pullRequests(in repository: RepositoryRef, state: PullRequestState?, page: PageRequest) async throws
        -> Page<PullRequest>
    {
        try await perform("pullRequests") {
            try await self.read { connection in
                guard let repositoryID = try await self.repositoryID(repository, on: connection) else {
                    return Page(values: [], offset: page.offset, hasMore: false, total: 0)
                }
                let state = state?.rawValue
                let total = try await connection.count(
                    """
                    SELECT count(*) FROM pullRequest WHERE repositoryId = \(repositoryID)
                    AND (\(state)::text IS NULL OR state = \(state))
                    """, logger: self.logger)
                let rows = try await connection.rows(
                    """
                    SELECT \(unescaped: Self.pullRequestColumns)
                    FROM pullRequest JOIN "user" ON "user".id = pullRequest.authorId
                    WHERE pullRequest.repositoryId = \(repositoryID)
                    AND (\(state)::text IS NULL OR pullRequest.state = \(state))
                    ORDER BY pullRequest.number DESC LIMIT \(page.limit) OFFSET \(page.offset)
                    """, logger: self.logger)
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
            try await self.write { connection in
                let repositoryID = try await self.requireRepositoryID(repository, on: connection)
                let rowID = try await self.lockPullRequest(id, repositoryID: repositoryID, on: connection)
                let current = try await self.requirePullRequest(
                    id, repositoryID: repositoryID, repository: repository, on: connection)
                try current.checkClosable(expectedVersion: expectedVersion)
                try await connection.execute(
                    """
                    UPDATE pullRequest SET state = \(state.rawValue), version = version + 1, updatedAt = \(now),
                        closedAt = \(now)
                    WHERE id = \(rowID)
                    """, logger: self.logger)
                try await self.recordActivity(
                    action, pullRequestID: rowID, user: user, at: now, source: current.sourceCommit,
                    target: current.targetCommit, previous: nil, on: connection)
                return try await self.requirePullRequest(
                    id, repositoryID: repositoryID, repository: repository, on: connection)
            }
        }
    }

    /// Records new tips of an open pull request.
    public func rescopePullRequest(
        _ id: Int, in repository: RepositoryRef, sourceCommit: CommitID, targetCommit: CommitID
    ) async throws -> PullRequest {
        let now = environment.now().millisecondsSince1970
        return try await perform("rescopePullRequest") {
            try await self.write { connection in
                let repositoryID = try await self.requireRepositoryID(repository, on: connection)
                let rowID = try await self.lockPullRequest(id, repositoryID: repositoryID, on: connection)
                let current = try await self.requirePullRequest(
                    id, repositoryID: repositoryID, repository: repository, on: connection)
                guard current.state == .open,
                    current.sourceCommit != sourceCommit || current.targetCommit != targetCommit
                else { return current }
                try await connection.execute(
                    """
                    UPDATE pullRequest SET sourceCommit = \(sourceCommit.rawValue),
                        targetCommit = \(targetCommit.rawValue), updatedAt = \(now)
                    WHERE id = \(rowID)
                    """, logger: self.logger)
                try await self.recordActivity(
                    .rescoped, pullRequestID: rowID, user: nil, at: now, source: sourceCommit, target: targetCommit,
                    previous: (current.sourceCommit, current.targetCommit), on: connection)
                return try await self.requirePullRequest(
                    id, repositoryID: repositoryID, repository: repository, on: connection)
            }
        }
    }

    /// Lists a pull request's activities, newest first.
    public func pullRequestActivities(_ id: Int, in repository: RepositoryRef, page: PageRequest) async throws
        -> Page<PullRequestActivity>
    {
        try await perform("pullRequestActivities") {
            try await self.read { connection in
                let repositoryID = try await self.requireRepositoryID(repository, on: connection)
                let rowID = try await self.pullRequestRowID(id, repositoryID: repositoryID, on: connection)
                let total = try await connection.count(
                    "SELECT count(*) FROM pullRequestActivity WHERE pullRequestId = \(rowID)", logger: self.logger)
                let rows = try await connection.rows(
                    """
                    SELECT activity.id, activity.action, "user".name, activity.createdAt, activity.sourceCommit,
                        activity.targetCommit, activity.previousSourceCommit, activity.previousTargetCommit
                    FROM pullRequestActivity AS activity LEFT JOIN "user" ON "user".id = activity.userId
                    WHERE activity.pullRequestId = \(rowID) ORDER BY activity.id DESC
                    LIMIT \(page.limit) OFFSET \(page.offset)
                    """, logger: self.logger)
                let values = try rows.map(Self.activity(from:))
                return Page(
                    values: values, offset: page.offset, hasMore: page.offset + values.count < total, total: total)
            }
        }
    }

    /// The repository's merge check.
    public func mergeCheckPolicy(of repository: RepositoryRef) async throws -> MergeCheckPolicy {
        try await perform("mergeCheckPolicy") {
            try await self.read { connection in
                let repositoryID = try await self.requireRepositoryID(repository, on: connection)
                guard
                    let row = try await connection.firstRow(
                        """
                        SELECT requiredReportKeys, blockingSeverity, scope FROM mergeCheck
                        WHERE repositoryId = \(repositoryID)
                        """, logger: self.logger)
                else { return .none }
                let (keysJSON, severityRaw, scopeRaw) = try row.decode((String, String?, String).self)
                let keys = try CorruptRecord.decode("mergeCheck", "requiredReportKeys", id: repositoryID) {
                    try JSONDecoder().decode([String].self, from: Data(keysJSON.utf8)).map { try InsightKey($0) }
                }
                let severity = try severityRaw.map { raw in
                    try CorruptRecord.decode("mergeCheck", "blockingSeverity", id: repositoryID) {
                        AnnotationSeverity(rawValue: raw)
                    }
                }
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
            try await self.write { connection in
                let repositoryID = try await self.requireRepositoryID(repository, on: connection)
                try await connection.execute(
                    """
                    INSERT INTO mergeCheck (repositoryId, requiredReportKeys, blockingSeverity, scope)
                    VALUES (\(repositoryID), \(keys), \(policy.blockingSeverity?.rawValue), \(policy.scope.rawValue))
                    ON CONFLICT (repositoryId) DO UPDATE SET requiredReportKeys = excluded.requiredReportKeys,
                        blockingSeverity = excluded.blockingSeverity, scope = excluded.scope
                    """, logger: self.logger)
            }
        }
    }

    // MARK: Rows

    private func pullRequest(
        _ number: Int, repositoryID: Int64, repository: RepositoryRef, on connection: PostgresConnection
    ) async throws -> PullRequest? {
        try await connection.firstRow(
            """
            SELECT \(unescaped: Self.pullRequestColumns)
            FROM pullRequest JOIN "user" ON "user".id = pullRequest.authorId
            WHERE pullRequest.repositoryId = \(repositoryID) AND pullRequest.number = \(number)
            """, logger: logger
        ).map { try Self.pullRequest(from: $0, repository: repository) }
    }

    private func requirePullRequest(
        _ number: Int, repositoryID: Int64, repository: RepositoryRef, on connection: PostgresConnection
    ) async throws -> PullRequest {
        guard
            let pullRequest = try await pullRequest(
                number, repositoryID: repositoryID, repository: repository, on: connection)
        else { throw InsightsError.notFound("Pull request \(number) does not exist in \(repository).") }
        return pullRequest
    }

    private func pullRequestRowID(
        _ number: Int, repositoryID: Int64, on connection: PostgresConnection
    ) async throws -> Int64 {
        guard
            let row = try await connection.firstRow(
                "SELECT id FROM pullRequest WHERE repositoryId = \(repositoryID) AND number = \(number)",
                logger: logger)
        else { throw InsightsError.notFound("Pull request \(number) does not exist.") }
        return try row.decode(Int64.self)
    }

    /// Locks a pull request's row until the transaction ends and returns its row id.
    ///
    /// - Throws: `notFound` when the pull request does not exist.
    private func lockPullRequest(
        _ number: Int, repositoryID: Int64, on connection: PostgresConnection
    ) async throws -> Int64 {
        guard
            let row = try await connection.firstRow(
                """
                SELECT id FROM pullRequest WHERE repositoryId = \(repositoryID) AND number = \(number) FOR UPDATE
                """, logger: logger)
        else { throw InsightsError.notFound("Pull request \(number) does not exist.") }
        return try row.decode(Int64.self)
    }

    private func recordActivity(
        _ action: PullRequestActivity.Action, pullRequestID: Int64, user: UserID?, at time: Int64, source: CommitID,
        target: CommitID, previous: (source: CommitID, target: CommitID)?, on connection: PostgresConnection
    ) async throws {
        try await connection.execute(
            """
            INSERT INTO pullRequestActivity (pullRequestId, action, userId, createdAt, sourceCommit, targetCommit,
                previousSourceCommit, previousTargetCommit)
            VALUES (\(pullRequestID), \(action.rawValue), \(user?.rawValue), \(time), \(source.rawValue),
                \(target.rawValue), \(previous?.source.rawValue), \(previous?.target.rawValue))
            """, logger: logger)
    }

    private static func pullRequest(from row: PostgresRow, repository: RepositoryRef) throws -> PullRequest {
        let (
            number, version, title, description, stateRaw, sourceRaw, targetRaw, sourceCommitRaw, targetCommitRaw,
            authorID, authorName, createdAt, updatedAt, closedAt
        ) = try row.decode(
            (
                Int, Int, Data, Data?, String, String, String, String, String, Int64, String, Int64, Int64,
                Int64?
            ).self)
        func decoded<T>(_ column: String, _ convert: () throws -> T?) throws -> T {
            try CorruptRecord.decode("pullRequest", column, id: Int64(number), convert)
        }
        return PullRequest(
            id: number, version: version, repository: repository, title: title.storedText,
            description: description?.storedText,
            state: try decoded("state") { PullRequestState(rawValue: stateRaw) },
            source: try decoded("sourceBranch") { try BranchName(sourceRaw) },
            target: try decoded("targetBranch") { try BranchName(targetRaw) },
            sourceCommit: try decoded("sourceCommit") { try CommitID(sourceCommitRaw) },
            targetCommit: try decoded("targetCommit") { try CommitID(targetCommitRaw) },
            author: UserID(authorID), authorName: authorName, createdAt: Date(millisecondsSince1970: createdAt),
            updatedAt: Date(millisecondsSince1970: updatedAt),
            closedAt: closedAt.map(Date.init(millisecondsSince1970:)))
    }

    private static func activity(from row: PostgresRow) throws -> PullRequestActivity {
        let (id, actionRaw, userName, createdAt, sourceRaw, targetRaw, previousSourceRaw, previousTargetRaw) =
            try row.decode((Int64, String, String?, Int64, String, String, String?, String?).self)
        func commit(_ raw: String?, _ column: String) throws -> CommitID? {
            guard let raw else { return nil }
            return try CorruptRecord.decode("pullRequestActivity", column, id: id) { try CommitID(raw) }
        }
        return PullRequestActivity(
            id: Int(id),
            action: try CorruptRecord.decode("pullRequestActivity", "action", id: id) {
                PullRequestActivity.Action(rawValue: actionRaw)
            },
            userName: userName, createdAt: Date(millisecondsSince1970: createdAt),
            sourceCommit: try CorruptRecord.decode("pullRequestActivity", "sourceCommit", id: id) {
                try commit(sourceRaw, "sourceCommit")
            },
            targetCommit: try CorruptRecord.decode("pullRequestActivity", "targetCommit", id: id) {
                try commit(targetRaw, "targetCommit")
            },
            previousSourceCommit: try commit(previousSourceRaw, "previousSourceCommit"),
            previousTargetCommit: try commit(previousTargetRaw, "previousTargetCommit"))
    }
}
