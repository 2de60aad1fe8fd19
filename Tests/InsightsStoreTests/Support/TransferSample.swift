import Foundation
import InsightsCore
import InsightsStore

/// A store filled with a row of every kind a store transfer copies, in every variant that stores differently: users
/// with and without administration, tokens with and without expiry, grants on a project and on a repository,
/// public, private and git-backed repositories, reports with every field and data-field type and with none,
/// annotations with and without external ids and fields, free text holding U+0000, pull requests open and merged
/// with their activities, a merge check and a secret.
struct TransferSample {
    /// The repositories, all in `proj` or `other`.
    static let repositories = [("proj", "repo", false), ("proj", "public", true), ("other", "lib", false)]
    /// The commit every report is on.
    static var commit: CommitID { get throws { try CommitID(String(repeating: "a", count: 40)) } }
    /// The name of the secret.
    static let secretName = "web-session-key"
    /// The secret's bytes.
    static let secret: [UInt8] = [0, 1, 2, 254, 255]

    /// Fills the fixture's store; the clock moves between writes, so every time differs.
    static func fill(_ fixture: StoreFixture) async throws {
        let store = fixture.store
        let clock = fixture.clock
        for (project, slug, isPublic) in repositories {
            _ = try await fixture.makeRepository(project: project, slug: slug, isPublic: isPublic)
        }
        let repo = try RepositoryRef(projectKey: "proj", slug: "repo")
        let lib = try RepositoryRef(projectKey: "other", slug: "lib")
        try await store.setGitRemote("/srv/git/lib.git", of: lib)
        try await store.setMergeCheckPolicy(
            MergeCheckPolicy(requiredReportKeys: [try InsightKey("lint")], blockingSeverity: .high, scope: .new),
            of: repo)

        let alice = try await store.createUser(name: "alice", passwordHash: "$2b$12$alice", isSystemAdmin: false)
        let root = try await store.createUser(name: "root", passwordHash: "$2b$12$root", isSystemAdmin: true)
        _ = try await store.createUser(name: "bob", passwordHash: "$2b$12$bob", isSystemAdmin: false)
        _ = try await store.createToken(
            digest: String(repeating: "d", count: 64), name: "ci", forUserNamed: "alice", ceiling: .write,
            expiresAt: clock.now.addingTimeInterval(86_400))
        clock.advance(milliseconds: 7)
        _ = try await store.createToken(
            digest: String(repeating: "e", count: 64), name: "forever", forUserNamed: "root", ceiling: .admin,
            expiresAt: nil)
        try await store.grant(.write, toUserNamed: "alice", on: .project("proj"))
        try await store.grant(
            .read, toUserNamed: "bob", on: .repository(try RepositoryRef(projectKey: "proj", slug: "public")))
        try await store.grant(.admin, toUserNamed: "alice", on: .repository(lib))

        let lint = ReportAddress(repository: repo, commit: try commit, key: try InsightKey("lint"))
        var content = StoreFixture.content()
        content.details = "Line one\u{0}line two"
        _ = try await store.putReport(StoreFixture.content(title: "First"), at: lint, by: StoreFixture.caller(alice))
        clock.advance(milliseconds: 1_000)
        _ = try await store.putReport(content, at: lint, by: StoreFixture.caller(alice))
        clock.advance(milliseconds: 3)
        let bare = ReportAddress(repository: lib, commit: try commit, key: try InsightKey("bare"))
        _ = try await store.putReport(ReportContent(title: "Bare"), at: bare, by: StoreFixture.caller(root))

        for index in 0..<5 {
            clock.advance(milliseconds: 11)
            _ = try await store.addAnnotations(
                [StoreFixture.annotation("finding-\(index)", message: "Problem \(index)\u{0}!")], to: lint,
                mode: .insert, maxPerReport: 100, by: StoreFixture.caller(alice))
        }
        _ = try await store.addAnnotations(
            [AnnotationContent(message: "Without anything else")], to: lint, mode: .insert, maxPerReport: 100,
            by: StoreFixture.caller(alice))
        clock.advance(milliseconds: 500)
        _ = try await store.putAnnotation(
            StoreFixture.annotation("finding-2", message: "Replaced", severity: .critical, type: .bug), to: lint,
            maxPerReport: 100, by: StoreFixture.caller(alice))

        let main = try BranchName("main")
        let first = try await store.createPullRequest(
            try PullRequestDraft(
                title: "Add login", description: "Why:\nbecause", source: try BranchName("login"), target: main),
            sourceCommit: try CommitID(String(repeating: "b", count: 40)),
            targetCommit: try CommitID(String(repeating: "c", count: 40)), in: repo, by: alice.id)
        clock.advance(milliseconds: 20)
        _ = try await store.rescopePullRequest(
            first.id, in: repo, sourceCommit: try CommitID(String(repeating: "d", count: 40)),
            targetCommit: try CommitID(String(repeating: "c", count: 40)))
        clock.advance(milliseconds: 20)
        _ = try await store.closePullRequest(first.id, in: repo, as: .merged, expectedVersion: nil, by: alice.id)
        _ = try await store.createPullRequest(
            try PullRequestDraft(title: "Fix", description: nil, source: try BranchName("fix"), target: main),
            sourceCommit: try CommitID(String(repeating: "e", count: 40)),
            targetCommit: try CommitID(String(repeating: "c", count: 40)), in: lib, by: root.id)

        _ = try await store.secret(named: secretName, storingIfAbsent: secret)
    }
}
