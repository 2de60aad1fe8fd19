public import InsightsCore

/// A repository known to the server. Insights can only be attached to repositories that exist.
public struct Repository: Hashable, Sendable {
    /// The project key and slug.
    public var ref: RepositoryRef
    /// Whether everyone, anonymous callers included, may read its insights.
    public var isPublic: Bool

    /// Creates a repository value.
    public init(ref: RepositoryRef, isPublic: Bool) {
        self.ref = ref
        self.isPublic = isPublic
    }
}
