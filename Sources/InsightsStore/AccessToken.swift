public import Foundation
public import InsightsCore

/// A personal access token's stored facts. The secret itself is never stored, only its SHA-256 digest.
public struct AccessToken: Hashable, Sendable {
    /// The store's id of the token.
    public var id: Int64
    /// The owner.
    public var userID: UserID
    /// A label chosen by the owner, unique per user.
    public var name: String
    /// The highest repository permission the token may use, whatever the owner holds.
    public var ceiling: Permission
    /// When it was created.
    public var createdAt: Date
    /// When it stops working, if ever.
    public var expiresAt: Date?

    /// Creates a token value.
    public init(id: Int64, userID: UserID, name: String, ceiling: Permission, createdAt: Date, expiresAt: Date?) {
        self.id = id
        self.userID = userID
        self.name = name
        self.ceiling = ceiling
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
