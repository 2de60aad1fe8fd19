import InsightsCore
import InsightsReview
import InsightsStore
import Synchronization

/// Effective diffs and placed insights of recently viewed pull requests, safe to lose.
///
/// An effective diff depends only on the two tips, so it is kept by them, as the computation itself: callers asking
/// for tips being computed (a view racing the preparation after a refresh, or two reviewers) wait for the same git
/// commands instead of starting their own. Placed insights also depend on what is
/// stored on both commits, so they are kept with both commits' ``CommitRevision``s: a write to either moves its
/// revision, in whichever server process, and the next request places again. Bounded by count (least recently used
/// out); a capacity of 0 keeps nothing.
final class PlacementCache: Sendable {
    /// What an effective diff depends on.
    struct DiffKey: Hashable, Sendable {
        var repository: RepositoryRef
        var source: CommitID
        var target: CommitID
    }

    /// What placed insights depend on.
    struct PlacementKey: Hashable, Sendable {
        var diff: DiffKey
        var sourceRevision: CommitRevision
        var targetRevision: CommitRevision
    }

    private struct Entries<Key: Hashable, Value> {
        var values: [Key: (value: Value, lastUse: UInt64)] = [:]
        var clock: UInt64 = 0

        mutating func get(_ key: Key) -> Value? {
            guard let entry = values[key] else { return nil }
            clock += 1
            values[key] = (entry.value, clock)
            return entry.value
        }

        mutating func put(_ value: Value, for key: Key, capacity: Int) {
            guard capacity > 0 else { return }
            clock += 1
            values[key] = (value, clock)
            if values.count > capacity, let oldest = values.min(by: { $0.value.lastUse < $1.value.lastUse }) {
                values[oldest.key] = nil
            }
        }
    }

    private struct State {
        var diffs = Entries<DiffKey, Task<EffectiveDiff, any Error>>()
        var placements = Entries<PlacementKey, PlacedInsights>()
    }

    /// How many pull requests' diffs and placements are kept.
    let capacity: Int
    private let state = Mutex(State())

    /// Creates an empty cache keeping at most `capacity` diffs and as many placements.
    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// The effective diff for the tips: kept, being computed, or computed now with `compute`.
    ///
    /// The computation runs in a task of its own, so a caller that goes away does not stop it for the others; one
    /// that fails is forgotten, so the next call tries again.
    func diff(
        _ key: DiffKey, computingWith compute: @escaping @Sendable () async throws -> EffectiveDiff
    ) async throws -> EffectiveDiff {
        let task = diffTask(key, computingWith: compute)
        do {
            return try await task.value
        } catch {
            state.withLock { state in
                if state.diffs.values[key]?.value == task { state.diffs.values[key] = nil }
            }
            throw error
        }
    }

    /// The task computing (or having computed) the effective diff for the tips, started with `compute` when there
    /// is none.
    func diffTask(
        _ key: DiffKey, computingWith compute: @escaping @Sendable () async throws -> EffectiveDiff
    ) -> Task<EffectiveDiff, any Error> {
        state.withLock { state in
            if let task = state.diffs.get(key) { return task }
            let task = Task { try await compute() }
            state.diffs.put(task, for: key, capacity: capacity)
            return task
        }
    }

    /// The kept placement for the tips at the revisions.
    func placement(_ key: PlacementKey) -> PlacedInsights? { state.withLock { $0.placements.get(key) } }

    /// Keeps a placement.
    func keep(_ placement: PlacedInsights, for key: PlacementKey) {
        state.withLock { $0.placements.put(placement, for: key, capacity: capacity) }
    }
}
