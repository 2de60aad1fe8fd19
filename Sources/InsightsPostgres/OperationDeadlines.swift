import Synchronization

/// The deadlines of a store's running operations, all watched by one task that wakes a few times a second.
///
/// A timer per operation (`Task.sleep`) costs a trip through Dispatch's timer thread to arm and another to cancel:
/// at a thousand requests a second, a tenth of the server's CPU. Here arming and disarming an operation's deadline
/// is an insertion into and a removal from a dictionary under a lock; the watch fires a deadline at most one
/// ``resolution`` late.
final class OperationDeadlines: Sendable {
    private struct Entry {
        let deadline: ContinuousClock.Instant
        let expire: @Sendable () -> Void
    }

    private struct State {
        var nextID: UInt64 = 0
        var entries: [UInt64: Entry] = [:]
    }

    /// How late a deadline may fire, at most: the watch's interval.
    let resolution: Duration
    private let state = Mutex(State())

    /// Makes a watch whose deadlines fire at most `resolution` late; nothing fires until ``run()`` runs.
    init(resolution: Duration = .milliseconds(100)) {
        self.resolution = resolution
    }

    /// Arms a deadline: `expire` runs once `timeout` has passed, unless ``disarm(_:)`` came first.
    ///
    /// - Returns: the deadline's id, for ``disarm(_:)``.
    func arm(after timeout: Duration, _ expire: @escaping @Sendable () -> Void) -> UInt64 {
        let entry = Entry(deadline: .now + timeout, expire: expire)
        return state.withLock { state in
            state.nextID += 1
            state.entries[state.nextID] = entry
            return state.nextID
        }
    }

    /// Disarms a deadline that has not fired; one that has is already gone.
    func disarm(_ id: UInt64) {
        _ = state.withLock { state in state.entries.removeValue(forKey: id) }
    }

    /// Fires the deadlines that have passed, every ``resolution``, until cancelled.
    func run() async {
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: resolution)
            } catch {
                return
            }
            fireExpired(at: .now)
        }
    }

    /// Removes and fires every deadline at or before `now`.
    func fireExpired(at now: ContinuousClock.Instant) {
        let expired = state.withLock { state -> [Entry] in
            let due = state.entries.filter { $0.value.deadline <= now }
            for id in due.keys { state.entries.removeValue(forKey: id) }
            return Array(due.values)
        }
        for entry in expired { entry.expire() }
    }
}
