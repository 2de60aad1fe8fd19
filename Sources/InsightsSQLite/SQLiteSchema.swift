import GRDB

/// The database schema, as an ordered list of migrations.
///
/// A migration is never edited once it has shipped: a change is a new migration ("v2", …). Migrations use only SQL
/// and GRDB's schema builder, never the store's record types, so they stay valid as the code changes.
enum SQLiteSchema {
    /// Every migration, in order.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: createV1)
        migrator.registerMigration("v2", migrate: addCommitRevisions)
        migrator.registerMigration("v3", migrate: addProjectAndRepositoryUUIDs)
        migrator.registerMigration("v4", migrate: addGitBackingAndPullRequests)
        migrator.registerMigration("v5", migrate: addServerSecrets)
        return migrator
    }()

    /// The first schema: projects, repositories, users, tokens, grants, reports and annotations.
    ///
    /// Times are integer milliseconds since 1970; uuids are upper-case text; enumerations are their raw values.
    private static func createV1(_ db: Database) throws {
        try db.create(table: "project") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("key", .text).notNull().unique()  // lower-case
            table.column("name", .text).notNull()
        }
        try db.create(table: "repository") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("projectId", .integer).notNull().references("project", onDelete: .cascade)
            table.column("slug", .text).notNull()  // lower-case
            table.column("isPublic", .boolean).notNull()
            table.uniqueKey(["projectId", "slug"])
        }
        try db.create(table: "user") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("name", .text).notNull().unique()  // lower-case
            table.column("passwordHash", .text).notNull()
            table.column("isSystemAdmin", .boolean).notNull()
        }
        try db.create(table: "accessToken") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("digest", .text).notNull().unique()
            table.column("userId", .integer).notNull().references("user", onDelete: .cascade)
            table.column("name", .text).notNull()
            table.column("ceiling", .text).notNull()
            table.column("createdAt", .integer).notNull()
            table.column("expiresAt", .integer)
            table.uniqueKey(["userId", "name"])
        }
        try db.create(table: "grant") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("userId", .integer).notNull().references("user", onDelete: .cascade)
            table.column("projectId", .integer).references("project", onDelete: .cascade)
            table.column("repositoryId", .integer).references("repository", onDelete: .cascade)
            table.column("permission", .text).notNull()
            table.check(sql: "(projectId IS NULL) <> (repositoryId IS NULL)")
        }
        // One grant per user and scope; SQLite treats NULLs as distinct, so each index covers one kind of scope.
        try db.create(index: "grant_on_userId_projectId", on: "grant", columns: ["userId", "projectId"], unique: true)
        try db.create(
            index: "grant_on_userId_repositoryId", on: "grant", columns: ["userId", "repositoryId"], unique: true)
        try db.create(index: "grant_on_projectId", on: "grant", columns: ["projectId"])
        try db.create(index: "grant_on_repositoryId", on: "grant", columns: ["repositoryId"])

        try db.create(table: "report") { table in
            table.autoIncrementedPrimaryKey("id")  // creation order
            table.column("uuid", .text).notNull().unique()
            table.column("repositoryId", .integer).notNull().references("repository", onDelete: .cascade)
            table.column("commitId", .text).notNull()
            table.column("key", .text).notNull()
            table.column("title", .text).notNull()
            table.column("details", .text)
            table.column("result", .text)
            table.column("reportType", .text)
            table.column("reporter", .text)
            table.column("link", .text)
            table.column("logoUrl", .text)
            table.column("isRemoteLinkEnabled", .boolean)
            table.column("coverageProviderKey", .text)
            table.column("data", .text).notNull()  // JSON array of data fields
            // No cascade: users are never deleted while they own reports.
            table.column("creatorId", .integer).notNull().references("user")
            table.column("createdAt", .integer).notNull()
            table.column("updatedAt", .integer).notNull()
            table.uniqueKey(["repositoryId", "commitId", "key"])
        }
        // Lists a commit's reports in id (creation) order without sorting.
        try db.create(index: "report_on_repositoryId_commitId", on: "report", columns: ["repositoryId", "commitId"])
        try db.create(index: "report_on_updatedAt", on: "report", columns: ["updatedAt"])
        try db.create(index: "report_on_creatorId", on: "report", columns: ["creatorId"])

        try db.create(table: "annotation") { table in
            table.autoIncrementedPrimaryKey("id")  // creation sequence, kept on replacement
            table.column("uuid", .text).notNull().unique()
            table.column("reportId", .integer).notNull().references("report", onDelete: .cascade)
            table.column("externalId", .text)
            table.column("path", .text)
            table.column("line", .integer)
            // Reserved for multi-line ranges; written as NULL for now.
            table.column("endLine", .integer)
            table.column("startColumn", .integer)
            table.column("endColumn", .integer)
            table.column("message", .text).notNull()
            table.column("title", .text)
            table.column("details", .text)
            table.column("severity", .text)
            table.column("type", .text)
            table.column("result", .text)
            table.column("link", .text)
            table.column("createdAt", .integer).notNull()
            table.column("updatedAt", .integer).notNull()
            // Many NULL external ids may coexist: SQLite treats NULLs as distinct.
            table.uniqueKey(["reportId", "externalId"])
        }
        // Lists a report's annotations in id (creation) order without sorting.
        try db.create(index: "annotation_on_reportId", on: "annotation", columns: ["reportId"])
    }

    /// Commit revisions (see `CommitRevision`): one row per repository and commit that was ever written, its
    /// `revision` counting the writes. Rows go only with their repository, so a sequence is never reused for the
    /// same repository id, and ids are never reused (`AUTOINCREMENT`).
    ///
    /// Commits that already hold reports start at revision 1: revision 0 always means that nothing was ever written.
    private static func addCommitRevisions(_ db: Database) throws {
        try db.create(table: "commitRevision") { table in
            table.column("repositoryId", .integer).notNull().references("repository", onDelete: .cascade)
            table.column("commitId", .text).notNull()
            table.column("revision", .integer).notNull()
            table.primaryKey(["repositoryId", "commitId"])
        }
        try db.execute(
            sql: """
                INSERT INTO commitRevision (repositoryId, commitId, revision)
                SELECT DISTINCT repositoryId, commitId, 1 FROM report
                """)
    }

    /// Uuids for projects and repositories, so Cloud paths can name a workspace or repository as `{uuid}` (D52).
    ///
    /// Existing rows get random version-4 uuids, written upper-case like the others; new rows get theirs from the
    /// store's environment.
    private static func addProjectAndRepositoryUUIDs(_ db: Database) throws {
        // A random version-4 uuid in SQL: 8-4-4-4-12 hex digits, version 4, variant 8 to B.
        let randomUUID = """
            upper(hex(randomblob(4))) || '-' || upper(hex(randomblob(2))) || '-4' ||
            substr(upper(hex(randomblob(2))), 2) || '-' || substr('89AB', 1 + (abs(random()) % 4), 1) ||
            substr(upper(hex(randomblob(2))), 2) || '-' || upper(hex(randomblob(6)))
            """
        for table in ["project", "repository"] {
            try db.alter(table: table) { alteration in
                alteration.add(column: "uuid", .text).notNull().defaults(to: "")
            }
            try db.execute(sql: "UPDATE \(table) SET uuid = \(randomUUID)")
            try db.create(index: "\(table)_on_uuid", on: table, columns: ["uuid"], unique: true)
        }
    }

    /// Git backing for repositories, pull requests with their activities, and per-repository merge checks.
    ///
    /// A repository's pull requests are numbered from 1 (`number`); at most one open pull request per repository,
    /// source and target branch (a partial unique index, so closed ones never collide).
    private static func addGitBackingAndPullRequests(_ db: Database) throws {
        try db.alter(table: "repository") { alteration in
            alteration.add(column: "gitRemote", .text)
        }
        try db.create(table: "pullRequest") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("repositoryId", .integer).notNull().references("repository", onDelete: .cascade)
            table.column("number", .integer).notNull()
            table.column("version", .integer).notNull()
            table.column("title", .text).notNull()
            table.column("description", .text)
            table.column("state", .text).notNull()
            table.column("sourceBranch", .text).notNull()
            table.column("targetBranch", .text).notNull()
            table.column("sourceCommit", .text).notNull()
            table.column("targetCommit", .text).notNull()
            table.column("authorId", .integer).notNull().references("user")
            table.column("createdAt", .integer).notNull()
            table.column("updatedAt", .integer).notNull()
            table.column("closedAt", .integer)
            table.uniqueKey(["repositoryId", "number"])
        }
        try db.execute(
            sql: """
                CREATE UNIQUE INDEX pullRequest_open_branches ON pullRequest (repositoryId, sourceBranch, targetBranch)
                WHERE state = 'OPEN'
                """)
        try db.create(table: "pullRequestActivity") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("pullRequestId", .integer).notNull().references("pullRequest", onDelete: .cascade)
            table.column("action", .text).notNull()
            table.column("userId", .integer).references("user")
            table.column("createdAt", .integer).notNull()
            table.column("sourceCommit", .text).notNull()
            table.column("targetCommit", .text).notNull()
            table.column("previousSourceCommit", .text)
            table.column("previousTargetCommit", .text)
        }
        try db.create(
            index: "pullRequestActivity_on_pullRequestId", on: "pullRequestActivity", columns: ["pullRequestId"])
        try db.create(table: "mergeCheck") { table in
            table.primaryKey("repositoryId", .integer).references("repository", onDelete: .cascade)
            table.column("requiredReportKeys", .text).notNull()  // JSON array of strings
            table.column("blockingSeverity", .text)
            table.column("scope", .text).notNull()
        }
    }

    /// Secrets every server instance on the database shares (the web session key), by name.
    private static func addServerSecrets(_ db: Database) throws {
        try db.create(table: "serverSecret") { table in
            table.primaryKey("name", .text)
            table.column("value", .blob).notNull()
        }
    }
}
