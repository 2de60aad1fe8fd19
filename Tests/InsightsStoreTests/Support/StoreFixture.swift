import Foundation
import InsightsCore
import InsightsSQLite
import InsightsStore

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

    /// Runs `body` with a fresh store and removes its files afterwards.
    static func with<T>(_ kind: StoreKind, _ body: (StoreFixture) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("insights-store-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = TestClock()
        let path = directory.appendingPathComponent("insights.sqlite").path
        let store = try makeStore(kind: kind, path: path, environment: environment(clock))
        return try await body(StoreFixture(kind: kind, store: store, clock: clock, path: path))
    }

    /// Opens a store of `kind` on the database at `path`.
    static func makeStore(kind: StoreKind, path: String, environment: StoreEnvironment) throws -> any InsightsStore {
        switch kind {
        case .sqlite: try SQLiteStore(path: path, environment: environment, logger: nil)
        }
    }

    /// An environment reading `clock`, with random uuids.
    static func environment(_ clock: TestClock) -> StoreEnvironment {
        StoreEnvironment(now: { clock.now }, makeUUID: { UUID() })
    }

    /// Another store on the same database, as a second server process would open it.
    func openSecondStore() throws -> any InsightsStore {
        try Self.makeStore(kind: kind, path: path, environment: Self.environment(clock))
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
