public import InsightsCore

/// A user account.
public struct User: Hashable, Sendable {
    /// The store's id.
    public var id: UserID
    /// The unique login name (case-insensitive, stored lower-case).
    public var name: String
    /// Whether the user administers the whole server (admin on every repository).
    public var isSystemAdmin: Bool

    /// Creates a user value.
    public init(id: UserID, name: String, isSystemAdmin: Bool) {
        self.id = id
        self.name = name
        self.isSystemAdmin = isSystemAdmin
    }

    /// The principal this user acts as, optionally capped by a token's permission.
    public func principal(tokenCeiling: Permission? = nil) -> Principal {
        .user(id, isSystemAdmin: isSystemAdmin, tokenCeiling: tokenCeiling)
    }
}
