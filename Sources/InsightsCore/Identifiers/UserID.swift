/// The store's identifier of a user.
public struct UserID: Hashable, Sendable, CustomStringConvertible {
    /// The numeric id assigned by the store.
    public let rawValue: Int64

    /// Wraps a store-assigned id.
    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    public var description: String { String(rawValue) }
}
