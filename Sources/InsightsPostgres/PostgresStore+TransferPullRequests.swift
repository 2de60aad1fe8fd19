import InsightsCore
import InsightsStore
import PostgresNIO

/// Writing a store transfer's pull requests with their activities (``TransferableStore``).
extension PostgresStore {
    /// Stores pull requests, then the activities of those it inserted; a pull request already there keeps its own
    /// activities, of which as many as the source has count as already there.
    func store(_ pullRequests: [TransferredPullRequest], on connection: PostgresConnection) async throws
        -> [TransferKind: TransferTally]
    {
        var requests = TransferTally()
        var activities = TransferTally()
        var inserted: [(pullRequestID: Int64, activity: TransferredActivity)] = []
        for chunk in BatchValues.chunks(of: pullRequests, columns: Self.pullRequests.columnCount) {
            var values = BatchValues(columns: Self.pullRequests.columns)
            for pullRequest in chunk {
                try values.row { try Self.pullRequests.bind(&$0, pullRequest) }
            }
            let rows = try await connection.rows(values.query(Self.pullRequests.statement), logger: logger)
            var written = Set<Int>()
            for row in rows {
                let (position, id, storedActivities) = try row.decode((Int, Int64, Int?).self)
                let pullRequest = chunk[chunk.startIndex + position]
                written.insert(position)
                if let storedActivities {
                    requests.alreadyPresent += 1
                    activities.alreadyPresent += min(storedActivities, pullRequest.activities.count)
                    activities.refused += max(0, pullRequest.activities.count - storedActivities)
                } else {
                    requests.copied += 1
                    inserted += pullRequest.activities.map { (pullRequestID: id, activity: $0) }
                }
            }
            for (position, pullRequest) in chunk.enumerated() where !written.contains(position) {
                requests.refused += 1
                activities.refused += pullRequest.activities.count
            }
        }
        for chunk in BatchValues.chunks(of: inserted, columns: Self.activities.columnCount) {
            var values = BatchValues(columns: Self.activities.columns)
            for activity in chunk {
                try values.row { try Self.activities.bind(&$0, activity) }
            }
            let copied = try await connection.count(values.query(Self.activities.statement), logger: logger)
            activities = activities + .of(chunk.count, copied: copied, present: 0)
        }
        return [.pullRequests: requests, .activities: activities]
    }

    /// Pull requests; the statement returns the position and row id of each one inserted (activities `NULL`) or
    /// found (with its activities' count).
    private static let pullRequests = BatchWrite<TransferredPullRequest>(
        columns: """
            repositoryUuid, number, version, title, description, state, sourceBranch, targetBranch, sourceCommit,
            targetCommit, authorName, createdAt, updatedAt, closedAt
            """,
        statement: """
            , present AS (
                SELECT batch.position, pullRequest.id,
                    (SELECT count(*) FROM pullRequestActivity WHERE pullRequestId = pullRequest.id) AS activities
                FROM batch JOIN repository ON repository.uuid = batch.repositoryUuid
                JOIN pullRequest ON pullRequest.repositoryId = repository.id AND pullRequest.number = batch.number),
            inserted AS (
                INSERT INTO pullRequest (repositoryId, number, version, title, description, state, sourceBranch,
                    targetBranch, sourceCommit, targetCommit, authorId, createdAt, updatedAt, closedAt)
                SELECT repository.id, batch.number, batch.version, batch.title, batch.description, batch.state,
                    batch.sourceBranch, batch.targetBranch, batch.sourceCommit, batch.targetCommit, "user".id,
                    batch.createdAt, batch.updatedAt, batch.closedAt
                FROM batch JOIN repository ON repository.uuid = batch.repositoryUuid
                JOIN "user" ON "user".name = batch.authorName ORDER BY batch.position
                ON CONFLICT DO NOTHING RETURNING id, repositoryId, number)
            SELECT batch.position, inserted.id, NULL::bigint FROM inserted
            JOIN repository ON repository.id = inserted.repositoryId
            JOIN batch ON batch.repositoryUuid = repository.uuid AND batch.number = inserted.number
            UNION ALL SELECT position, id, activities FROM present
            """
    ) { values, pullRequest in
        try values.bind(pullRequest.repositoryUUID, as: "uuid")
        try values.bind(Int64(pullRequest.number), as: "bigint")
        try values.bind(Int64(pullRequest.version), as: "bigint")
        try values.bind(pullRequest.title.storedBytes, as: "bytea")
        try values.bind(pullRequest.description?.storedBytes, as: "bytea")
        try values.bind(pullRequest.state.rawValue, as: "text")
        try values.bind(pullRequest.source.rawValue, as: "text")
        try values.bind(pullRequest.target.rawValue, as: "text")
        try values.bind(pullRequest.sourceCommit.rawValue, as: "text")
        try values.bind(pullRequest.targetCommit.rawValue, as: "text")
        try values.bind(pullRequest.authorName, as: "text")
        try values.bind(pullRequest.createdAt, as: "bigint")
        try values.bind(pullRequest.updatedAt, as: "bigint")
        try values.bind(pullRequest.closedAt, as: "bigint")
    }

    /// The activities of inserted pull requests, oldest first; one whose named user is missing is not inserted. The
    /// statement returns how many were inserted.
    private static let activities = BatchWrite<(pullRequestID: Int64, activity: TransferredActivity)>(
        columns: """
            pullRequestId, action, userName, createdAt, sourceCommit, targetCommit, previousSourceCommit,
            previousTargetCommit
            """,
        statement: """
            , inserted AS (
                INSERT INTO pullRequestActivity (pullRequestId, action, userId, createdAt, sourceCommit,
                    targetCommit, previousSourceCommit, previousTargetCommit)
                SELECT batch.pullRequestId, batch.action, "user".id, batch.createdAt, batch.sourceCommit,
                    batch.targetCommit, batch.previousSourceCommit, batch.previousTargetCommit
                FROM batch LEFT JOIN "user" ON "user".name = batch.userName
                WHERE batch.userName IS NULL OR "user".id IS NOT NULL ORDER BY batch.position
                RETURNING 1)
            SELECT count(*) FROM inserted
            """
    ) { values, row in
        let activity = row.activity
        try values.bind(row.pullRequestID, as: "bigint")
        try values.bind(activity.action.rawValue, as: "text")
        try values.bind(activity.userName, as: "text")
        try values.bind(activity.createdAt, as: "bigint")
        try values.bind(activity.sourceCommit.rawValue, as: "text")
        try values.bind(activity.targetCommit.rawValue, as: "text")
        try values.bind(activity.previousSourceCommit?.rawValue, as: "text")
        try values.bind(activity.previousTargetCommit?.rawValue, as: "text")
    }
}
