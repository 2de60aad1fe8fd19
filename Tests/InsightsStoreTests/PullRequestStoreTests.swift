import Foundation
import InsightsCore
import InsightsStore
import Testing

/// Git remotes, pull requests, their activities and merge checks in the store contract.
@Suite struct PullRequestStoreTests {
    private static var base: CommitID { get throws { try CommitID(String(repeating: "b", count: 40)) } }
    private static var source: CommitID { get throws { try CommitID(String(repeating: "c", count: 40)) } }
    private static var target: CommitID { get throws { try CommitID(String(repeating: "d", count: 40)) } }

    private static func draft(_ source: String = "feature", _ target: String = "main", title: String = "Add login")
        throws -> PullRequestDraft
    {
        try PullRequestDraft(
            title: title, description: "Why:\nbecause", source: try BranchName(source), target: try BranchName(target))
    }

    @Test(arguments: StoreKind.enabled)
    func gitRemoteIsStoredAndCleared(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let ref = try await fixture.makeRepository()
            #expect(try await fixture.store.repositories().first?.gitRemote == nil)

            try await fixture.store.setGitRemote("/srv/git/repo.git", of: ref)
            #expect(try await fixture.store.repository(ref, accessFor: nil)?.0.gitRemote == "/srv/git/repo.git")
            #expect(try await fixture.store.repositories().first?.gitRemote == "/srv/git/repo.git")

            try await fixture.store.setGitRemote(nil, of: ref)
            #expect(try await fixture.store.repository(ref, accessFor: nil)?.0.gitRemote == nil)

            let invalid = await #expect(throws: InsightsError.self) {
                try await fixture.store.setGitRemote("--upload-pack=touch /tmp/x", of: ref)
            }
            #expect(invalid?.kind == .invalid)
            let missing = await #expect(throws: InsightsError.self) {
                try await fixture.store.setGitRemote("/x", of: try RepositoryRef(projectKey: "proj", slug: "none"))
            }
            #expect(missing?.kind == .notFound)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func pullRequestsAreNumberedPerRepositoryAndReadBack(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            let other = try await fixture.makeRepository(slug: "other")
            let store = fixture.store

            let first = try await store.createPullRequest(
                try Self.draft(), sourceCommit: Self.source, targetCommit: Self.target, in: seed.repository,
                by: seed.alice.id)
            fixture.clock.advance(milliseconds: 5)
            let second = try await store.createPullRequest(
                try Self.draft("fix", title: "Fix"), sourceCommit: Self.base, targetCommit: Self.target,
                in: seed.repository, by: seed.alice.id)
            let elsewhere = try await store.createPullRequest(
                try Self.draft(), sourceCommit: Self.source, targetCommit: Self.target, in: other, by: seed.alice.id)

            #expect(first.id == 1 && second.id == 2 && elsewhere.id == 1)
            #expect(first.state == .open && first.version == 0)
            #expect(first.closedAt == nil)
            #expect(first.title == "Add login" && first.description == "Why:\nbecause")
            #expect(first.source.rawValue == "feature" && first.target.rawValue == "main")
            #expect(try first.sourceCommit == Self.source && first.targetCommit == Self.target)
            #expect(first.authorName == "alice" && first.author == seed.alice.id)
            #expect(try await store.pullRequest(1, in: seed.repository) == first)
            #expect(try await store.pullRequest(3, in: seed.repository) == nil)

            let all = try await store.pullRequests(
                in: seed.repository, state: nil, page: PageRequest(offset: 0, limit: 1))
            #expect(all.values.map(\.id) == [2])
            #expect(all.hasMore && all.total == 2)
            let rest = try await store.pullRequests(
                in: seed.repository, state: nil, page: PageRequest(offset: 1, limit: 10))
            #expect(rest.values.map(\.id) == [1] && !rest.hasMore)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func onlyOneOpenPullRequestPerBranchPair(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            let store = fixture.store
            _ = try await store.createPullRequest(
                try Self.draft(), sourceCommit: Self.source, targetCommit: Self.target, in: seed.repository,
                by: seed.alice.id)

            let conflict = await #expect(throws: InsightsError.self) {
                _ = try await store.createPullRequest(
                    try Self.draft(), sourceCommit: Self.source, targetCommit: Self.target, in: seed.repository,
                    by: seed.alice.id)
            }
            #expect(conflict?.kind == .conflict)

            _ = try await store.closePullRequest(
                1, in: seed.repository, as: .declined, expectedVersion: 0, by: seed.alice.id)
            let reopened = try await store.createPullRequest(
                try Self.draft(), sourceCommit: Self.source, targetCommit: Self.target, in: seed.repository,
                by: seed.alice.id)
            #expect(reopened.id == 2)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func closingChecksStateAndVersion(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            let store = fixture.store
            _ = try await store.createPullRequest(
                try Self.draft(), sourceCommit: Self.source, targetCommit: Self.target, in: seed.repository,
                by: seed.alice.id)

            let stale = await #expect(throws: InsightsError.self) {
                _ = try await store.closePullRequest(
                    1, in: seed.repository, as: .merged, expectedVersion: 7, by: seed.alice.id)
            }
            #expect(stale?.kind == .conflict)
            #expect(try await store.pullRequest(1, in: seed.repository)?.state == .open)

            fixture.clock.advance(milliseconds: 1000)
            let merged = try await store.closePullRequest(
                1, in: seed.repository, as: .merged, expectedVersion: nil, by: seed.alice.id)
            #expect(merged.state == .merged && merged.version == 1)
            #expect(merged.closedAt == fixture.clock.now && merged.updatedAt == fixture.clock.now)

            let again = await #expect(throws: InsightsError.self) {
                _ = try await store.closePullRequest(
                    1, in: seed.repository, as: .declined, expectedVersion: nil, by: seed.alice.id)
            }
            #expect(again?.kind == .conflict)
            let reopen = await #expect(throws: InsightsError.self) {
                _ = try await store.closePullRequest(
                    1, in: seed.repository, as: .open, expectedVersion: nil, by: seed.alice.id)
            }
            #expect(reopen?.kind == .invalid)
            let missing = await #expect(throws: InsightsError.self) {
                _ = try await store.closePullRequest(
                    9, in: seed.repository, as: .declined, expectedVersion: nil, by: seed.alice.id)
            }
            #expect(missing?.kind == .notFound)

            let open = try await store.pullRequests(
                in: seed.repository, state: .open, page: PageRequest(offset: 0, limit: 25))
            let closed = try await store.pullRequests(
                in: seed.repository, state: .merged, page: PageRequest(offset: 0, limit: 25))
            #expect(open.values.isEmpty && closed.values.map(\.id) == [1])
        }
    }

    @Test(arguments: StoreKind.enabled)
    func rescopingRecordsNewTipsAsActivities(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            let store = fixture.store
            _ = try await store.createPullRequest(
                try Self.draft(), sourceCommit: Self.base, targetCommit: Self.target, in: seed.repository,
                by: seed.alice.id)

            let unchanged = try await store.rescopePullRequest(
                1, in: seed.repository, sourceCommit: Self.base, targetCommit: Self.target)
            fixture.clock.advance(milliseconds: 10)
            let moved = try await store.rescopePullRequest(
                1, in: seed.repository, sourceCommit: Self.source, targetCommit: Self.target)
            #expect(try unchanged.sourceCommit == Self.base)
            #expect(try moved.sourceCommit == Self.source && moved.version == 0)
            #expect(moved.updatedAt == fixture.clock.now)

            _ = try await store.closePullRequest(
                1, in: seed.repository, as: .declined, expectedVersion: nil, by: seed.alice.id)
            let afterClose = try await store.rescopePullRequest(
                1, in: seed.repository, sourceCommit: Self.target, targetCommit: Self.target)
            #expect(try afterClose.sourceCommit == Self.source)

            let activities = try await store.pullRequestActivities(
                1, in: seed.repository, page: PageRequest(offset: 0, limit: 25))
            #expect(activities.values.map(\.action) == [.declined, .rescoped, .opened])
            let rescope = activities.values[1]
            #expect(try rescope.previousSourceCommit == Self.base && rescope.sourceCommit == Self.source)
            #expect(rescope.userName == nil && activities.values[0].userName == "alice")
            let missing = await #expect(throws: InsightsError.self) {
                _ = try await store.pullRequestActivities(
                    2, in: seed.repository, page: PageRequest(offset: 0, limit: 25))
            }
            #expect(missing?.kind == .notFound)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func mergeCheckPolicyDefaultsToNoneAndIsReplaced(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let ref = try await fixture.makeRepository()
            #expect(try await fixture.store.mergeCheckPolicy(of: ref) == .none)

            let policy = MergeCheckPolicy(
                requiredReportKeys: [try InsightKey("lint"), try InsightKey("tests")], blockingSeverity: .high,
                scope: .new)
            try await fixture.store.setMergeCheckPolicy(policy, of: ref)
            #expect(try await fixture.store.mergeCheckPolicy(of: ref) == policy)
            try await fixture.store.setMergeCheckPolicy(.none, of: ref)
            #expect(try await fixture.store.mergeCheckPolicy(of: ref) == .none)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func deletingTheRepositoryDeletesItsPullRequests(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            _ = try await fixture.store.createPullRequest(
                try Self.draft(), sourceCommit: Self.source, targetCommit: Self.target, in: seed.repository,
                by: seed.alice.id)
            try await fixture.store.setMergeCheckPolicy(MergeCheckPolicy(blockingSeverity: .low), of: seed.repository)

            try await fixture.store.deleteRepository(seed.repository)
            _ = try await fixture.store.createRepository(seed.repository, isPublic: false)

            #expect(try await fixture.store.pullRequest(1, in: seed.repository) == nil)
            #expect(try await fixture.store.mergeCheckPolicy(of: seed.repository) == .none)
        }
    }
}
