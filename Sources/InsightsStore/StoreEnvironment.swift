public import Foundation

/// The time and id sources a store uses, injected so tests can pin them.
public struct StoreEnvironment: Sendable {
    /// The current time.
    public var now: @Sendable () -> Date
    /// A new random UUID for reports and annotations.
    public var makeUUID: @Sendable () -> UUID

    /// Creates an environment.
    public init(now: @escaping @Sendable () -> Date, makeUUID: @escaping @Sendable () -> UUID) {
        self.now = now
        self.makeUUID = makeUUID
    }

    /// The system clock and random UUIDs.
    public static let live = StoreEnvironment(now: { Date() }, makeUUID: { UUID() })
}
