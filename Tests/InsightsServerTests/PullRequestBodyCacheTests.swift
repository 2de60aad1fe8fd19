import Foundation
import InsightsCore
import InsightsStore
import Testing

@testable import InsightsServer

/// Rendered pull request bodies, kept by everything they depend on.
@Suite struct PullRequestBodyCacheTests {
    private static func key(version: Int = 0, minute: Int64 = 100, sourceRevision: Int64 = 1) throws
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
        return PullRequestBodyCache.Key(placement: placement, pullRequest: pullRequest, refusal: nil, minute: minute)
    }

    @Test func aBodyIsRenderedOncePerKey() throws {
        let cache = PullRequestBodyCache(capacity: 2)
        var renders = 0
        for _ in 0..<3 {
            #expect(
                cache.body(for: try Self.key()) {
                    renders += 1; return "body"
                } == "body")
        }
        #expect(renders == 1)
        for changed in [try Self.key(version: 1), try Self.key(minute: 101), try Self.key(sourceRevision: 2)] {
            _ = cache.body(for: changed) {
                renders += 1; return "other"
            }
        }
        #expect(renders == 4)
    }

    @Test func theLeastRecentlyUsedBodyGoesFirst() throws {
        let cache = PullRequestBodyCache(capacity: 2)
        var renders = 0
        let (first, second, third) = (try Self.key(minute: 1), try Self.key(minute: 2), try Self.key(minute: 3))
        for key in [first, second, first, third, first] {
            _ = cache.body(for: key) {
                renders += 1; return ""
            }
        }
        #expect(renders == 3)
        _ = cache.body(for: second) {
            renders += 1; return ""
        }
        #expect(renders == 4)
    }
}
