import Foundation
import InsightsCore
import InsightsPostgres
import InsightsStore
import Synchronization

/// Several ``PostgresStore``s on one fresh schema, each with its own pool, as separate server processes open one
/// database; a repository, a writer and an existing report to write to; and the clock and uuids the stores use.
struct PostgresTestStores: Sendable {
    /// The stores, all on one schema.
    let stores: [PostgresStore]
    /// Runs one query returning text on the schema.
    let query: @Sendable (String) async throws -> [String]
    /// The stores' clock and uuid source.
    let environment: TestEnvironment
    /// `proj/repo`.
    let repository: RepositoryRef
    /// The report the stores were seeded with, on commit `aaaa…`.
    let address: ReportAddress
    /// Alice, the report's creator, with write access.
    let caller: Caller

    /// Opens `count` stores on a new schema, seeds them, runs `body`, and closes the stores and drops the schema.
    static func with<T>(
        count: Int = 2, poolSize: Int = 10, _ body: (PostgresTestStores) async throws -> T
    ) async throws -> T {
        try await PostgresTestSchema.with { url, query in
            let environment = TestEnvironment()
            var stores: [PostgresStore] = []
            do {
                for _ in 0..<count {
                    stores.append(
                        try await PostgresStore.connect(
                            url: url, poolSize: poolSize, environment: environment.storeEnvironment))
                }
                let fixture = try await seed(stores, query: query, environment: environment)
                let value = try await body(fixture)
                for store in stores { await store.shutdown() }
                return value
            } catch {
                for store in stores { await store.shutdown() }
                throw error
            }
        }
    }

    private static func seed(
        _ stores: [PostgresStore], query: @escaping @Sendable (String) async throws -> [String],
        environment: TestEnvironment
    ) async throws -> PostgresTestStores {
        let store = stores[0]
        let repository = try RepositoryRef(projectKey: "proj", slug: "repo")
        try await store.createProject(key: "proj", name: "Project")
        _ = try await store.createRepository(repository, isPublic: false)
        let alice = try await store.createUser(name: "alice", passwordHash: "$2b$12$hash", isSystemAdmin: false)
        let caller = Caller(principal: alice.principal(), access: RepositoryAccess(isPublic: false, grant: .write))
        let fixture = PostgresTestStores(
            stores: stores, query: query, environment: environment, repository: repository,
            address: try address(repository, key: "lint"), caller: caller)
        _ = try await store.putReport(ReportContent(title: "Lint"), at: fixture.address, by: caller)
        return fixture
    }

    /// A report address on `repository`; `commit` is repeated to 40 hex digits.
    static func address(_ repository: RepositoryRef, commit: Character = "a", key: String) throws -> ReportAddress {
        ReportAddress(
            repository: repository, commit: try CommitID(String(repeating: commit, count: 40)),
            key: try InsightKey(key))
    }

    /// Annotation content with the given external id and every other field set.
    static func annotation(_ externalID: String?, message: String = "Problem") -> AnnotationContent {
        AnnotationContent(
            externalID: externalID, path: "Sources/a.swift", line: 3, message: message, title: "Title",
            details: "Details", severity: .medium, type: .codeSmell, result: .failed, link: "https://example.com/a")
    }
}

/// A clock the tests move by hand, in whole milliseconds, and a uuid source that records every uuid it makes.
final class TestEnvironment: Sendable {
    private struct State {
        var milliseconds: Int64 = 1_764_000_000_123
        var madeUUIDs: [UUID] = []
    }

    private let state = Mutex(State())

    /// The current time.
    var now: Date { Date(millisecondsSince1970: state.withLock { $0.milliseconds }) }

    /// Every uuid made so far, in order.
    var madeUUIDs: [UUID] { state.withLock { $0.madeUUIDs } }

    /// Moves the clock forward.
    func advance(milliseconds delta: Int64) {
        state.withLock { $0.milliseconds += delta }
    }

    /// The environment the stores read.
    var storeEnvironment: StoreEnvironment {
        StoreEnvironment(
            now: { self.now },
            makeUUID: {
                let uuid = UUID()
                self.state.withLock { $0.madeUUIDs.append(uuid) }
                return uuid
            })
    }
}
