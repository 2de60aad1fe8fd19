import Foundation
import InsightsCore
import InsightsPostgres
import InsightsSQLite
import InsightsStore
import PostgresNIO
import Synchronization

/// A fresh, empty store of one kind with a hand-driven clock, and helpers to fill it.
struct StoreFixture: Sendable {
    /// The kind of store.
    let kind: StoreKind
    /// The store under test.
    let store: any InsightsStore
    /// The clock the store reads.
    let clock: TestClock
    /// The SQLite file, for opening a second store on the same database.
    let path: String
    /// PostgreSQL only: further stores on the fixture's schema, each with its own pool, opened in advance because
    /// opening a ``PostgresStore`` is asynchronous; ``openSecondStore()`` hands them out in turn.
    private let secondStores: SecondStores

    /// Runs `body` with a fresh store and removes its files (SQLite) or its schema (PostgreSQL) afterwards.
    static func with<T>(_ kind: StoreKind, _ body: (StoreFixture) async throws -> T) async throws -> T {
        let clock = TestClock()
        switch kind {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("insights-store-tests-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let path = directory.appendingPathComponent("insights.sqlite").path
            let store = try SQLiteStore(path: path, environment: environment(clock), logger: nil)
            return try await body(
                StoreFixture(kind: kind, store: store, clock: clock, path: path, secondStores: SecondStores([])))
        case .postgres:
            return try await PostgresSchemaFixture.with { url in
                let first = try await PostgresStore.connect(url: url, poolSize: 4, environment: environment(clock))
                var stores = [first]
                do {
                    for _ in 0..<2 {
                        stores.append(
                            try await PostgresStore.connect(url: url, poolSize: 4, environment: environment(clock)))
                    }
                    let fixture = StoreFixture(
                        kind: kind, store: first, clock: clock, path: url,
                        secondStores: SecondStores(Array(stores.dropFirst())))
                    let value = try await body(fixture)
                    for store in stores { await store.shutdown() }
                    return value
                } catch {
                    for store in stores { await store.shutdown() }
                    throw error
                }
            }
        }
    }

    /// An environment reading `clock`, with random uuids.
    static func environment(_ clock: TestClock) -> StoreEnvironment {
        StoreEnvironment(now: { clock.now }, makeUUID: { UUID() })
    }

    /// Another store on the same database, as a second server process would open it.
    func openSecondStore() throws -> any InsightsStore {
        switch kind {
        case .sqlite: try SQLiteStore(path: path, environment: Self.environment(clock), logger: nil)
        case .postgres: try secondStores.next()
        }
    }

    // MARK: Filling the store

    /// Creates a project (if needed) and a repository.
    func makeRepository(project: String = "proj", slug: String = "repo", isPublic: Bool = false) async throws
        -> RepositoryRef
    {
        let ref = try RepositoryRef(projectKey: project, slug: slug)
        do {
            try await store.createProject(key: project, name: "Project \(project)")
        } catch let error as InsightsError where error.kind == .conflict {
            // The project exists already.
        }
        _ = try await store.createRepository(ref, isPublic: isPublic)
        return ref
    }

    /// Creates a user.
    func makeUser(_ name: String, isSystemAdmin: Bool = false) async throws -> User {
        try await store.createUser(name: name, passwordHash: "$2b$12$hash", isSystemAdmin: isSystemAdmin)
    }

    /// A repository, a report creator (`alice`) with write access, and a report address on it.
    func seed(key: String = "lint") async throws -> Seed {
        let repository = try await makeRepository()
        let alice = try await makeUser("alice")
        return Seed(repository: repository, alice: alice, address: try Self.address(repository, key: key))
    }

    /// A report address; `commit` is repeated to 40 hex digits.
    static func address(_ repository: RepositoryRef, commit: Character = "a", key: String) throws -> ReportAddress {
        ReportAddress(
            repository: repository, commit: try CommitID(String(repeating: commit, count: 40)),
            key: try InsightKey(key))
    }

    /// A caller acting as `user` with `grant` on a private repository.
    static func caller(_ user: User, grant: Permission? = .write) -> Caller {
        Caller(principal: user.principal(), access: RepositoryAccess(isPublic: false, grant: grant))
    }

    /// Report content with every field set.
    static func content(title: String = "Lint", result: ReportResult = .passed) -> ReportContent {
        ReportContent(
            title: title, details: "Details of \(title)", result: result, reportType: .bug, reporter: "linter",
            link: "https://example.com/report", logoURL: "https://example.com/logo.png", isRemoteLinkEnabled: true,
            coverageProviderKey: "cov",
            data: [
                DataField(title: "Passed", type: .boolean, value: .bool(true)),
                DataField(title: "Ratio", type: .percentage, value: .number(12.5)),
                DataField(title: "Owner", type: .text, value: .string("team")),
                DataField(title: "More", type: .link, value: .link(text: "Docs", href: "https://example.com/d")),
                DataField(title: "Untyped", type: nil, value: .number(0.1)),
            ])
    }

    /// Annotation content.
    static func annotation(
        _ externalID: String?, message: String = "Problem", path: String? = "Sources/a.swift", line: Int? = 3,
        severity: AnnotationSeverity? = .medium, type: AnnotationType? = .codeSmell
    ) -> AnnotationContent {
        AnnotationContent(
            externalID: externalID, path: path, line: line, message: message, title: "Title", details: "Details",
            severity: severity, type: type, result: .failed, link: "https://example.com/a")
    }
}

/// What ``StoreFixture/seed(key:)`` created.
struct Seed: Sendable {
    /// `proj/repo`.
    let repository: RepositoryRef
    /// A user with no special rights; tests give her write through ``StoreFixture/caller(_:grant:)``.
    let alice: User
    /// A report address on commit `aaaa…`.
    let address: ReportAddress

    /// Alice as a writer.
    var aliceCaller: Caller { StoreFixture.caller(alice) }
}

/// The stores ``StoreFixture/openSecondStore()`` hands out in turn.
private final class SecondStores: Sendable {
    private let stores: [any InsightsStore]
    private let position = Mutex(0)

    init(_ stores: [any InsightsStore]) {
        self.stores = stores
    }

    /// The next store, cycling.
    func next() throws -> any InsightsStore {
        guard !stores.isEmpty else { throw InsightsError.unavailable }
        return stores[
            position.withLock { index in
                defer { index += 1 }
                return index % stores.count
            }]
    }
}

/// A new schema in the database at ``StoreKind/postgresURL``, dropped afterwards, so parallel tests never see each
/// other's rows.
private enum PostgresSchemaFixture {
    /// Creates a schema, runs `body` with a URL whose connections use it (`options=-c search_path=…`), and drops it.
    static func with<T>(_ body: (String) async throws -> T) async throws -> T {
        guard let base = StoreKind.postgresURL, var components = URLComponents(string: base),
            let host = components.host, let user = components.user
        else { throw InsightsError.unavailable }
        let schema = "insights_test_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))"
        let configuration = PostgresConnection.Configuration(
            host: host, port: components.port ?? 5432, username: user, password: components.password,
            database: String(components.path.drop { $0 == "/" }), tls: .disable)
        try await run("CREATE SCHEMA \(schema)", configuration)
        components.queryItems =
            (components.queryItems ?? []) + [
                URLQueryItem(name: "options", value: "-c search_path=\(schema)")
            ]
        guard let url = components.string else { throw InsightsError.unavailable }
        do {
            let value = try await body(url)
            try await run("DROP SCHEMA \(schema) CASCADE", configuration)
            return value
        } catch {
            try? await run("DROP SCHEMA \(schema) CASCADE", configuration)
            throw error
        }
    }

    /// Runs one statement on a connection of its own.
    private static func run(_ sql: String, _ configuration: PostgresConnection.Configuration) async throws {
        let logger = Logger(label: "insights.store.tests")
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

extension InsightsStore {
    /// Creates or replaces an annotation under its own external id, as Data Center's PUT addresses it.
    func putAnnotation(
        _ annotation: AnnotationContent, to address: ReportAddress, maxPerReport: Int, by caller: Caller
    ) async throws -> PutOutcome<Annotation> {
        guard let externalID = annotation.externalID else { throw InsightsError.missingField(FieldPath("externalId")) }
        return try await putAnnotation(
            annotation, at: .externalID(externalID), of: address, keeping: [], maxPerReport: maxPerReport, by: caller)
    }
}
