import InsightsCore
import InsightsStore
import Metrics
import NIOCore
import Synchronization

/// Rendered commit-wide annotation responses, each kept with the ``CommitRevision`` it was read at.
///
/// Pull request views ask for the same commit's annotations again and again while CI writes them once, so a request
/// first reads the commit's revision (one small indexed read) and answers with the kept body when the revision is
/// the same; only a changed commit runs the query and renders again. Revisions live in the database and move in the
/// transaction of every write, so a body is never served after a write has been acknowledged, whichever server
/// process or `insights admin` command made it.
///
/// Bounded by bytes: when full, the least recently used quarter of the bodies is dropped. A capacity of 0 turns the
/// cache off (no revision read either).
final class CommitResponseCache: Sendable {
    /// What a commit-wide response depends on besides the commit's contents. The rendering is not part of it: each
    /// dialect keeps a cache of its own.
    struct Key: Hashable, Sendable {
        /// The repository (canonical lower-case names).
        var repository: RepositoryRef
        /// The commit.
        var commit: CommitID
        /// The request's filters.
        var filter: AnnotationFilter
    }

    private struct Entry {
        var revision: CommitRevision
        var body: ByteBuffer
        /// The cache clock at the last use, for eviction.
        var lastUse: UInt64
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var bytes = 0
        var clock: UInt64 = 0
    }

    /// Bookkeeping counted per body besides its bytes (the key, the entry, the table slot).
    private static let entryOverhead = 256

    /// The most bytes kept.
    let capacity: Int
    private let state = Mutex(State())
    private let hits = Counter(label: "insights_response_cache_requests_total", dimensions: [("result", "hit")])
    private let misses = Counter(label: "insights_response_cache_requests_total", dimensions: [("result", "miss")])

    /// Creates an empty cache holding at most `capacity` bytes; 0 keeps nothing.
    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// The response body for `key`: the kept one when the commit's revision has not moved, otherwise a fresh read
    /// rendered by `render` (and kept).
    ///
    /// - Parameters:
    ///   - key: the repository, commit and filters.
    ///   - store: where the revision and the annotations are read.
    ///   - render: the dialect's rendering of the annotations.
    func body(
        for key: Key, in store: some InsightsStore, render: ([Annotation]) -> [UInt8]
    ) async throws -> ByteBuffer {
        if capacity > 0 {
            let revision = try await store.revision(ofCommit: key.commit, in: key.repository)
            if let body = kept(key, at: revision) {
                hits.increment()
                return body
            }
        }
        misses.increment()
        let result = try await store.annotations(inCommit: key.commit, of: key.repository, matching: key.filter)
        let body = ByteBuffer(bytes: render(result.annotations))
        keep(body, for: key, at: result.revision)
        return body
    }

    /// The kept body for `key` if it was rendered at `revision`.
    func kept(_ key: Key, at revision: CommitRevision) -> ByteBuffer? {
        state.withLock { state in
            guard let entry = state.entries[key], entry.revision == revision else { return nil }
            state.clock += 1
            state.entries[key]?.lastUse = state.clock
            return entry.body
        }
    }

    /// Keeps `body` as the response for `key` at `revision`, unless it would take more than an eighth of the
    /// capacity.
    func keep(_ body: ByteBuffer, for key: Key, at revision: CommitRevision) {
        let size = body.readableBytes + Self.entryOverhead
        guard size <= capacity / 8 else { return }
        state.withLock { state in
            state.clock += 1
            if let old = state.entries.updateValue(
                Entry(revision: revision, body: body, lastUse: state.clock), forKey: key)
            {
                state.bytes -= old.body.readableBytes + Self.entryOverhead
            }
            state.bytes += size
            if state.bytes > capacity { Self.evict(from: &state, downTo: capacity / 4 * 3) }
        }
    }

    /// The bytes kept, bookkeeping included.
    var keptBytes: Int { state.withLock { $0.bytes } }

    /// Drops the least recently used bodies until at most `target` bytes are kept.
    ///
    /// Sorting on eviction, which frees a quarter of the capacity at once, costs less per request than keeping a
    /// recency list in order on every hit.
    private static func evict(from state: inout State, downTo target: Int) {
        let byAge = state.entries.sorted { $0.value.lastUse < $1.value.lastUse }
        for (key, entry) in byAge {
            guard state.bytes > target else { break }
            state.entries[key] = nil
            state.bytes -= entry.body.readableBytes + entryOverhead
        }
    }
}
