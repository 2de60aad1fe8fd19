import Logging
import PostgresNIO

/// The database schema, as an ordered list of migrations recorded in `schema_migrations`.
///
/// A migration is never edited once it has shipped: a change is a new migration ("v2", …). Version "v1" is the
/// schema the SQLite store reaches after its migrations v1 to v5, with the same tables, columns and constraints, in
/// PostgreSQL types: times are `bigint` milliseconds since 1970, uuids `uuid`, enumerations their raw values as
/// `text`, and free text (titles, details, reporters, messages) `bytea` holding its UTF-8, because PostgreSQL `text`
/// cannot hold U+0000. Unquoted camelCase names fold to lower case, as PostgreSQL does.
enum PostgresSchema {
    /// Every migration, in order: its version and its statements.
    static let migrations: [(version: String, statements: [String])] = [("v1", v1)]

    /// The first key of the transaction-level advisory lock that serializes migrations of one schema; the second is
    /// a hash of the schema's name, so stores on other schemas of the database (tenants, tests) do not wait.
    static let migrationLock: Int32 = 0x696E_7369  // "insi"

    /// Applies the migrations that `schema_migrations` does not list, in one transaction holding the advisory lock,
    /// so two stores opening one database together apply each migration once. The schema is the connection's
    /// `current_schema()` (the first of its `search_path`).
    ///
    /// - Parameters:
    ///   - connection: a connection outside any transaction.
    ///   - logger: for the queries.
    static func migrate(on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("BEGIN", logger: logger)
        do {
            try await connection.query(
                "SELECT pg_advisory_xact_lock(\(migrationLock), hashtext(current_schema()))", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, appliedAt timestamptz NOT NULL
                DEFAULT now())
                """, logger: logger)
            var applied = Set<String>()
            for try await version in try await connection.query(
                "SELECT version FROM schema_migrations", logger: logger
            ).decode(String.self) {
                applied.insert(version)
            }
            for migration in migrations where !applied.contains(migration.version) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO schema_migrations (version) VALUES (\(migration.version))", logger: logger)
            }
            try await connection.query("COMMIT", logger: logger)
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    /// The first schema: everything the SQLite store's v1 to v5 hold.
    private static let v1 = [
        """
        CREATE TABLE project (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            key text NOT NULL UNIQUE,
            name text NOT NULL,
            uuid uuid NOT NULL UNIQUE)
        """,
        """
        CREATE TABLE repository (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            projectId bigint NOT NULL REFERENCES project ON DELETE CASCADE,
            slug text NOT NULL,
            isPublic boolean NOT NULL,
            uuid uuid NOT NULL UNIQUE,
            gitRemote text,
            UNIQUE (projectId, slug))
        """,
        """
        CREATE TABLE "user" (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            name text NOT NULL UNIQUE,
            passwordHash text NOT NULL,
            isSystemAdmin boolean NOT NULL)
        """,
        """
        CREATE TABLE accessToken (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            digest text NOT NULL UNIQUE,
            userId bigint NOT NULL REFERENCES "user" ON DELETE CASCADE,
            name text NOT NULL,
            ceiling text NOT NULL,
            createdAt bigint NOT NULL,
            expiresAt bigint,
            UNIQUE (userId, name))
        """,
        """
        CREATE TABLE "grant" (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            userId bigint NOT NULL REFERENCES "user" ON DELETE CASCADE,
            projectId bigint REFERENCES project ON DELETE CASCADE,
            repositoryId bigint REFERENCES repository ON DELETE CASCADE,
            permission text NOT NULL,
            CHECK ((projectId IS NULL) <> (repositoryId IS NULL)))
        """,
        // One grant per user and scope; NULLs are distinct, so each index covers one kind of scope.
        #"CREATE UNIQUE INDEX grant_on_userId_projectId ON "grant" (userId, projectId)"#,
        #"CREATE UNIQUE INDEX grant_on_userId_repositoryId ON "grant" (userId, repositoryId)"#,
        #"CREATE INDEX grant_on_projectId ON "grant" (projectId)"#,
        #"CREATE INDEX grant_on_repositoryId ON "grant" (repositoryId)"#,
        """
        CREATE TABLE report (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            uuid uuid NOT NULL UNIQUE,
            repositoryId bigint NOT NULL REFERENCES repository ON DELETE CASCADE,
            commitId text NOT NULL,
            key text NOT NULL,
            title bytea NOT NULL,
            details bytea,
            result text,
            reportType text,
            reporter bytea,
            link text,
            logoUrl text,
            isRemoteLinkEnabled boolean,
            coverageProviderKey text,
            data text NOT NULL,
            creatorId bigint NOT NULL REFERENCES "user",
            createdAt bigint NOT NULL,
            updatedAt bigint NOT NULL,
            UNIQUE (repositoryId, commitId, key))
        """,
        "CREATE INDEX report_on_repositoryId_commitId ON report (repositoryId, commitId, id)",
        "CREATE INDEX report_on_updatedAt ON report (updatedAt)",
        "CREATE INDEX report_on_creatorId ON report (creatorId)",
        """
        CREATE TABLE annotation (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            uuid uuid NOT NULL UNIQUE,
            reportId bigint NOT NULL REFERENCES report ON DELETE CASCADE,
            externalId text,
            path text,
            line bigint,
            endLine bigint,
            startColumn bigint,
            endColumn bigint,
            message bytea NOT NULL,
            title bytea,
            details bytea,
            severity text,
            type text,
            result text,
            link text,
            createdAt bigint NOT NULL,
            updatedAt bigint NOT NULL,
            UNIQUE (reportId, externalId))
        """,
        "CREATE INDEX annotation_on_reportId ON annotation (reportId, id)",
        """
        CREATE TABLE commitRevision (
            repositoryId bigint NOT NULL REFERENCES repository ON DELETE CASCADE,
            commitId text NOT NULL,
            revision bigint NOT NULL,
            PRIMARY KEY (repositoryId, commitId))
        """,
        """
        CREATE TABLE pullRequest (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            repositoryId bigint NOT NULL REFERENCES repository ON DELETE CASCADE,
            number bigint NOT NULL,
            version bigint NOT NULL,
            title bytea NOT NULL,
            description bytea,
            state text NOT NULL,
            sourceBranch text NOT NULL,
            targetBranch text NOT NULL,
            sourceCommit text NOT NULL,
            targetCommit text NOT NULL,
            authorId bigint NOT NULL REFERENCES "user",
            createdAt bigint NOT NULL,
            updatedAt bigint NOT NULL,
            closedAt bigint,
            UNIQUE (repositoryId, number))
        """,
        """
        CREATE UNIQUE INDEX pullRequest_open_branches ON pullRequest (repositoryId, sourceBranch, targetBranch)
        WHERE state = 'OPEN'
        """,
        """
        CREATE TABLE pullRequestActivity (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            pullRequestId bigint NOT NULL REFERENCES pullRequest ON DELETE CASCADE,
            action text NOT NULL,
            userId bigint REFERENCES "user",
            createdAt bigint NOT NULL,
            sourceCommit text NOT NULL,
            targetCommit text NOT NULL,
            previousSourceCommit text,
            previousTargetCommit text)
        """,
        "CREATE INDEX pullRequestActivity_on_pullRequestId ON pullRequestActivity (pullRequestId)",
        """
        CREATE TABLE mergeCheck (
            repositoryId bigint PRIMARY KEY REFERENCES repository ON DELETE CASCADE,
            requiredReportKeys text NOT NULL,
            blockingSeverity text,
            scope text NOT NULL)
        """,
        "CREATE TABLE serverSecret (name text PRIMARY KEY, value bytea NOT NULL)",
    ]
}
