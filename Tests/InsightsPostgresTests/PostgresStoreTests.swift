import Foundation
import InsightsCore
import InsightsPostgres
import InsightsStore
import PostgresNIO
import Testing

/// What only the PostgreSQL store has: migrations under an advisory lock, URL settings, and failing fast with
/// `unavailable` when the server is not there. Tests that need a server run when `INSIGHTS_TEST_POSTGRES_URL` is set.
@Suite struct PostgresStoreTests {
    private static let url = ProcessInfo.processInfo.environment["INSIGHTS_TEST_POSTGRES_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }

    @Test(.enabled(if: url != nil))
    func storesStartingTogetherMigrateOnce() async throws {
        try await Self.withSchema { url, query in
            let stores = try await withThrowingTaskGroup(of: PostgresStore.self) { group in
                for _ in 0..<4 { group.addTask { try await PostgresStore.connect(url: url, poolSize: 2) } }
                var stores: [PostgresStore] = []
                for try await store in group { stores.append(store) }
                return stores
            }
            for store in stores {
                try await store.checkHealth()
                await store.shutdown()
            }
            #expect(try await query("SELECT version FROM schema_migrations ORDER BY version") == ["v1"])
        }
    }

    @Test(.enabled(if: url != nil))
    func reopeningAMigratedDatabaseKeepsItsRows() async throws {
        try await Self.withSchema { url, _ in
            let first = try await PostgresStore.connect(url: url)
            try await first.createProject(key: "proj", name: "Project")
            await first.shutdown()

            let second = try await PostgresStore.connect(url: url)
            await #expect(throws: InsightsError.conflict("Project proj already exists.")) {
                try await second.createProject(key: "PROJ", name: "Again")
            }
            await second.shutdown()
        }
    }

    @Test(.enabled(if: url != nil))
    func aClosedStoreIsUnavailable() async throws {
        try await Self.withSchema { url, _ in
            let store = try await PostgresStore.connect(url: url)
            await store.shutdown()
            await #expect(throws: InsightsError.unavailable) { try await store.checkHealth() }
        }
    }

    @Test func anUnreachableServerIsUnavailableWithinTheTimeout() async throws {
        let start = ContinuousClock.now
        await #expect(throws: InsightsError.unavailable) {
            _ = try await PostgresStore.connect(
                url: "postgres://nobody:secret@127.0.0.1:1/none?sslmode=disable", connectTimeout: .seconds(1),
                queryTimeout: .seconds(2))
        }
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test(arguments: [
        "", "http://user@localhost/db", "postgres://localhost/db", "postgres://user@/db",
        "postgres://user@localhost/db?sslmode=verify-full",
    ])
    func refusesAnUnusableURL(url: String) async throws {
        await #expect(throws: InsightsError.self) { _ = try await PostgresStore.connect(url: url) }
    }

    /// Runs `body` with the URL of a new, empty schema (dropped afterwards) and a function that runs one query
    /// returning text on it.
    private static func withSchema(
        _ body: (String, @Sendable (String) async throws -> [String]) async throws -> Void
    ) async throws {
        let base = try #require(url)
        var components = try #require(URLComponents(string: base))
        let schema = "insights_pgtest_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))"
        let configuration = PostgresConnection.Configuration(
            host: try #require(components.host), port: components.port ?? 5432,
            username: try #require(components.user), password: components.password,
            database: String(components.path.drop { $0 == "/" }), tls: .disable)
        let query: @Sendable (String) async throws -> [String] = { sql in
            let logger = Logger(label: "insights.postgres.tests")
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
            do {
                try await connection.query("SET search_path TO \(unescaped: schema)", logger: logger)
                var values: [String] = []
                for try await value in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
                    .decode(String.self)
                {
                    values.append(value)
                }
                try await connection.close()
                return values
            } catch {
                try? await connection.close()
                throw error
            }
        }
        _ = try await query("CREATE SCHEMA \(schema)")
        components.queryItems =
            (components.queryItems ?? []) + [URLQueryItem(name: "options", value: "-c search_path=\(schema)")]
        let url = try #require(components.string)
        do {
            try await body(url, query)
        } catch {
            _ = try? await query("DROP SCHEMA \(schema) CASCADE")
            throw error
        }
        _ = try await query("DROP SCHEMA \(schema) CASCADE")
    }
}
