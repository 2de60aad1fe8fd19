import Foundation
import InsightsCore
import InsightsSQLite
import InsightsStore
import Logging
import Synchronization
import Testing

@testable import InsightsServer

/// The scheduled refresh: one pass fetches every linked repository and moves its open pull requests to their
/// branches' tips; a repository whose remote is gone is logged and skipped.
@Suite struct MirrorRefreshServiceTests {
    private static let silent = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    @Test func onePassFollowsPushesAndSkipsABrokenRemote() async throws {
        let fixture = try PullRequestRoutesTests.Fixture.make()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        let server = try await TestServer.make()
        let repo = try RepositoryRef(projectKey: "PROJ", slug: "repo")
        let broken = try RepositoryRef(projectKey: "PROJ", slug: "a-broken")
        _ = try await server.store.createRepository(broken, isPublic: false)
        try await server.store.setGitRemote(fixture.directory.path, of: repo)
        let components = try ServerComponents(
            configuration: server.configuration, store: server.store, logger: Self.silent)
        let alice = try #require(try await server.store.userCredentials(named: "alice")).user
        let opened = try await components.pullRequests.open(
            try PullRequestDraft(
                title: "Feature", description: nil, source: try BranchName("feature"), target: try BranchName("main")),
            in: repo, by: .user(alice.id, isSystemAdmin: false, tokenCeiling: nil))
        #expect(opened.sourceCommit.rawValue == fixture.feature)
        // Listed before PROJ/repo, linked to a path that is not a repository.
        try await server.store.setGitRemote(fixture.directory.appendingPathComponent("missing").path, of: broken)

        let pushed = try PullRequestRoutesTests.git(
            ["-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", "more"],
            in: fixture.directory, checkout: "feature")
        let service = MirrorRefreshService(
            views: components.views, interval: .seconds(3600), logger: Self.silent)
        await service.runOnce()

        let moved = try #require(try await server.store.pullRequest(opened.id, in: repo))
        #expect(moved.sourceCommit.rawValue == pushed)
        #expect(moved.targetCommit.rawValue == fixture.main)
        let activities = try await server.store.pullRequestActivities(
            opened.id, in: repo, page: PageRequest(offset: 0, limit: 10))
        #expect(activities.values.first?.action == .rescoped)
    }

    @Test func aZeroIntervalFetchesNothingAndRunsUntilStopped() async throws {
        let server = try await TestServer.make()
        let components = try ServerComponents(
            configuration: server.configuration, store: server.store, logger: Self.silent)
        let service = MirrorRefreshService(views: components.views, interval: .zero, logger: Self.silent)
        let finished = Mutex(false)
        let running = Task {
            try await service.run()
            finished.withLock { $0 = true }
        }
        // A service that returns early ends the whole server (ServiceGroup: "finished unexpectedly").
        try await Task.sleep(for: .milliseconds(200))
        #expect(finished.withLock { $0 } == false)
        running.cancel()
        try await running.value
        #expect(finished.withLock { $0 })
    }
}
