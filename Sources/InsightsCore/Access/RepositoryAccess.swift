/// What the store knows about a principal's standing on one repository, gathered before a decision.
public struct RepositoryAccess: Sendable, Equatable {
    /// Whether the repository is readable by everyone, anonymous callers included.
    public var isPublic: Bool
    /// The highest permission granted to the user on the repository or its project, if any.
    public var grant: Permission?

    /// Creates the facts for one decision.
    public init(isPublic: Bool, grant: Permission?) {
        self.isPublic = isPublic
        self.grant = grant
    }
}
