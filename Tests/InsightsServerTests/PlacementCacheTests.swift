import InsightsCore
import InsightsReview
import Synchronization
import Testing

@testable import InsightsServer

/// The effective-diff computations the placement cache shares between callers.
@Suite struct PlacementCacheTests {
    private static func key() throws -> PlacementCache.DiffKey {
        PlacementCache.DiffKey(
            repository: try RepositoryRef(projectKey: "PROJ", slug: "repo"),
            source: try CommitID(String(repeating: "a", count: 40)),
            target: try CommitID(String(repeating: "b", count: 40)))
    }

    private static func diff(_ key: PlacementCache.DiffKey) -> EffectiveDiff {
        EffectiveDiff(sourceCommit: key.source, targetCommit: key.target, mergeBase: nil, files: [])
    }

    struct Failure: Error {}

    @Test func callersOfTheSameTipsShareOneComputation() async throws {
        let key = try Self.key()
        let cache = PlacementCache(capacity: 4)
        let computations = Mutex(0)
        let compute: @Sendable () async throws -> EffectiveDiff = {
            computations.withLock { $0 += 1 }
            try await Task.sleep(for: .milliseconds(50))
            return Self.diff(key)
        }
        let prepared = cache.diffTask(key, computingWith: compute)
        async let first = cache.diff(key, computingWith: compute)
        async let second = cache.diff(key, computingWith: compute)
        let results = try await [first, second, prepared.value]
        #expect(results.allSatisfy { $0.sourceCommit == key.source })
        #expect(computations.withLock { $0 } == 1)
    }

    @Test func aFailedComputationIsForgotten() async throws {
        let key = try Self.key()
        let cache = PlacementCache(capacity: 4)
        await #expect(throws: Failure.self) {
            try await cache.diff(key) { throw Failure() }
        }
        let retried = try await cache.diff(key) { Self.diff(key) }
        #expect(retried.targetCommit == key.target)
    }

    @Test func aZeroCapacityComputesEveryTime() async throws {
        let key = try Self.key()
        let cache = PlacementCache(capacity: 0)
        let computations = Mutex(0)
        for _ in 0..<2 {
            _ = try await cache.diff(key) {
                computations.withLock { $0 += 1 }
                return Self.diff(key)
            }
        }
        #expect(computations.withLock { $0 } == 2)
    }
}
