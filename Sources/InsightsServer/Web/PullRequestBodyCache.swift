import Foundation
import InsightsCore
import Synchronization

/// Rendered pull request page bodies (everything but the visitor's frame), kept for the few most recently viewed
/// pull requests, safe to lose.
///
/// A body depends on the placement (both tips and both commits' revisions), the pull request itself (title, state,
/// version), the merge check's verdict, and the minute it was rendered in (relative dates such as "3 minutes ago"), so
/// a kept body is at most a minute behind in its wording and never behind in its content.
final class PullRequestBodyCache: Sendable {
    /// What a body depends on.
    struct Key: Hashable, Sendable {
        var placement: PlacementCache.PlacementKey
        var pullRequest: PullRequest
        var refusal: MergeRefusal?
        /// Whole minutes since 1970 at rendering.
        var minute: Int64
    }

    private struct Entry {
        var body: String
        var lastUse: UInt64
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var clock: UInt64 = 0
    }

    /// How many bodies are kept (each is about as large as the page, megabytes for a big pull request).
    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// The kept body for the key, or the one `render` makes, then kept.
    func body(for key: Key, render: () -> String) -> String {
        let kept = state.withLock { state -> String? in
            guard var entry = state.entries[key] else { return nil }
            state.clock += 1
            entry.lastUse = state.clock
            state.entries[key] = entry
            return entry.body
        }
        if let kept { return kept }
        let body = render()
        guard capacity > 0 else { return body }
        state.withLock { state in
            state.clock += 1
            state.entries[key] = Entry(body: body, lastUse: state.clock)
            if state.entries.count > capacity,
                let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse })
            {
                state.entries[oldest.key] = nil
            }
        }
        return body
    }

    /// The minute a time falls in, for ``Key/minute``.
    static func minute(of date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / 60).rounded(.down))
    }
}
