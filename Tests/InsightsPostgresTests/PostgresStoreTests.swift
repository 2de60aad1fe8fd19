import Foundation
import InsightsCore
import InsightsPostgres
import InsightsStore
import Testing

/// What only the PostgreSQL store has: migrations under an advisory lock, URL settings, and failing fast with
/// `unavailable` when the server is not there. Tests that need a server run when `INSIGHTS_TEST_POSTGRES_URL` is set.
@Suite struct PostgresStoreTests {
    private static let url = PostgresTestSchema.url

    @Test(.enabled(if: url != nil))
    func storesStartingTogetherMigrateOnce() async throws {
        try await PostgresTestSchema.with { url, query in
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
        try await PostgresTestSchema.with { url, _ in
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
        try await PostgresTestSchema.with { url, _ in
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
}
