public import InsightsCore

/// The principal behind a write, with its standing on the repository, so the store can apply
/// ``AccessPolicy`` to stored state (the report's creator) inside the write's transaction.
public struct Caller: Sendable, Equatable {
    /// Who is writing.
    public var principal: Principal
    /// The repository's visibility and the principal's grant on it.
    public var access: RepositoryAccess

    /// Creates a caller.
    public init(principal: Principal, access: RepositoryAccess) {
        self.principal = principal
        self.access = access
    }
}
