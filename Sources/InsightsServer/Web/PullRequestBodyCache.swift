import Foundation
import InsightsCore
import Synchronization

/// Rendered pull request page bodies (everything but the visitor's frame), kept for the few most recently viewed
/// pull requests, safe to lose.
///
/// A body depends on the placement (both tips and both commits' revisions), the pull request itself (title, state,
/// version) and the merge check's verdict: any change of those renders a new body before it is shown. It also
/// depends on the time, through relative dates ("3 minutes ago"): a body rendered in an earlier minute is still
/// answered while a fresh one renders in the background, so its wording is at most a minute or so behind and no
/// viewer waits for it. Viewers of a body not rendered yet wait for the same rendering.
final class PullRequestBodyCache: Sendable {
    /// What a body's content depends on.
    struct Key: Hashable, Sendable {
        var placement: PlacementCache.PlacementKey
        var pullRequest: PullRequest
        var refusal: MergeRefusal?
    }

    private struct Entry {
        /// The last body rendered, once there is one.
        var body: String?
        /// The minute `body` was rendered in.
        var minute: Int64
        /// The rendering under way, if any.
        var rendering: Task<String, Never>?
        var lastUse: UInt64
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var clock: UInt64 = 0
    }

    private enum Lookup {
        case kept(String)
        case rendering(Task<String, Never>)
    }

    /// How many bodies are kept (each is about as large as the page, megabytes for a big pull request).
    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// The body for the key: the kept one (renewed in the background when it is from an earlier minute), the one
    /// being rendered, or the one `render` makes now.
    ///
    /// - Parameters:
    ///   - key: what the body's content depends on.
    ///   - minute: the current minute (``minute(of:)``).
    ///   - render: renders the body for the current time.
    func body(for key: Key, minute: Int64, render: @escaping @Sendable () -> String) async -> String {
        guard capacity > 0 else { return render() }
        let lookup = state.withLock { state -> Lookup in
            state.clock += 1
            if var entry = state.entries[key] {
                entry.lastUse = state.clock
                defer { state.entries[key] = entry }
                if let body = entry.body {
                    if entry.minute < minute, entry.rendering == nil {
                        entry.rendering = start(key, minute: minute, render: render)
                    }
                    return .kept(body)
                }
                if let rendering = entry.rendering { return .rendering(rendering) }
            }
            let rendering = start(key, minute: minute, render: render)
            state.entries[key] = Entry(body: nil, minute: minute, rendering: rendering, lastUse: state.clock)
            if state.entries.count > capacity,
                let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse })
            {
                state.entries[oldest.key] = nil
            }
            return .rendering(rendering)
        }
        switch lookup {
        case .kept(let body): return body
        case .rendering(let rendering): return await rendering.value
        }
    }

    /// The minute a time falls in.
    static func minute(of date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / 60).rounded(.down))
    }

    private func start(_ key: Key, minute: Int64, render: @escaping @Sendable () -> String) -> Task<String, Never> {
        Task {
            let body = render()
            state.withLock { state in
                guard var entry = state.entries[key] else { return }
                entry.body = body
                entry.minute = minute
                entry.rendering = nil
                state.entries[key] = entry
            }
            return body
        }
    }
}
