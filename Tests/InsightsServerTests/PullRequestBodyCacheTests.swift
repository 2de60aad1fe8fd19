import Foundation
import InsightsCore
import InsightsStore
import Synchronization
import Testing

@testable import InsightsServer

/// Rendered pull request bodies, kept by everything they depend on.
@Suite struct PullRequestBodyCacheTests {
    /// Counts renderings across tasks.
    final class Renders: Sendable {
        private let count = Mutex(0)
        var value: Int { count.withLock { $0 } }
        func add() { count.withLock { $0 += 1 } }
    }

    private static func key(version: Int = 0, sourceRevision: Int64 = 1) throws
        -> PullRequestBodyCache.Key
    {
        let ref = try RepositoryRef(projectKey: "PROJ", slug: "repo")
        let source = try CommitID(String(repeating: "a", count: 40))
        let target = try CommitID(String(repeating: "b", count: 40))
        let pullRequest = PullRequest(
            id: 1, version: version, repository: ref, title: "t", description: nil, state: .open,
            source: try BranchName("feature"), target: try BranchName("main"), sourceCommit: source,
            targetCommit: target, author: UserID(1), authorName: "alice", createdAt: Date(timeIntervalSince1970: 0),
            updatedAt: Date(timeIntervalSince1970: 0), closedAt: nil)
        let placement = PlacementCache.PlacementKey(
            diff: PlacementCache.DiffKey(repository: ref, source: source, target: target),
            sourceRevision: CommitRevision(repositoryID: 1, sequence: sourceRevision),
            targetRevision: CommitRevision(repositoryID: 1, sequence: 0))
        return PullRequestBodyCache.Key(placement: placement, pullRequest: pullRequest, refusal: nil)
    }

    @Test func aBodyIsRenderedOncePerKeyAndConcurrentViewersWaitForTheSameRendering() async throws {
        let cache = PullRequestBodyCache(capacity: 2)
        let renders = Renders()
        let key = try Self.key()
        let bodies = await withTaskGroup(of: String.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    await cache.body(for: key, minute: 100) {
                        renders.add()
                        Thread.sleep(forTimeInterval: 0.05)
                        return "body"
                    }
                }
            }
            return await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(bodies == Array(repeating: "body", count: 4))
        #expect(renders.value == 1)
        for changed in [try Self.key(version: 1), try Self.key(sourceRevision: 2)] {
            #expect(await cache.body(for: changed, minute: 100) { "other" } == "other")
        }
    }

    @Test func aBodyOfAnEarlierMinuteIsAnsweredWhileAFreshOneRenders() async throws {
        let cache = PullRequestBodyCache(capacity: 2)
        let key = try Self.key()
        #expect(await cache.body(for: key, minute: 100) { "at 100" } == "at 100")
        #expect(await cache.body(for: key, minute: 100) { "again" } == "at 100")
        #expect(await cache.body(for: key, minute: 101) { "at 101" } == "at 100")
        var fresh = ""
        for _ in 0..<100 where fresh != "at 101" {
            fresh = await cache.body(for: key, minute: 101) { "never" }
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(fresh == "at 101")
    }

    @Test func theLeastRecentlyUsedBodyGoesFirst() async throws {
        let cache = PullRequestBodyCache(capacity: 2)
        let renders = Renders()
        let (first, second, third) = (try Self.key(version: 1), try Self.key(version: 2), try Self.key(version: 3))
        for key in [first, second, first, third, first] {
            _ = await cache.body(for: key, minute: 1) {
                renders.add(); return ""
            }
        }
        #expect(renders.value == 3)
        _ = await cache.body(for: second, minute: 1) {
            renders.add(); return ""
        }
        #expect(renders.value == 4)
    }
}
