import Foundation
import Synchronization

/// A clock the tests move by hand; the store reads it through its `StoreEnvironment`.
///
/// Times are whole milliseconds, the precision stores keep.
final class TestClock: Sendable {
    private let milliseconds: Mutex<Int64>

    /// A clock at 2025-11-24T16:00:00.123Z.
    init(milliseconds start: Int64 = 1_764_000_000_123) {
        milliseconds = Mutex(start)
    }

    /// The current time.
    var now: Date {
        Date(timeIntervalSince1970: Double(milliseconds.withLock { $0 }) / 1000)
    }

    /// Moves the clock forward.
    func advance(milliseconds delta: Int64) {
        milliseconds.withLock { $0 += delta }
    }
}
