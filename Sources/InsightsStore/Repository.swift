public import Foundation
public import InsightsCore

/// A repository known to the server. Insights can only be attached to repositories that exist.
public struct Repository: Hashable, Sendable {
    /// The project key and slug.
    public var ref: RepositoryRef
    /// Whether everyone, anonymous callers included, may read its insights.
    public var isPublic: Bool
    /// The repository's uuid, given when it was created; Cloud paths may name the repository by it.
    public var uuid: UUID
    /// The uuid of the repository's project (Cloud: workspace).
    public var projectUUID: UUID
    /// The git remote the server mirrors (a local path or a clone URL), or `nil` for an API-only repository that
    /// accepts insights on any well-formed commit id.
    public var gitRemote: String?

    /// Creates a repository value.
    public init(ref: RepositoryRef, isPublic: Bool, uuid: UUID, projectUUID: UUID, gitRemote: String? = nil) {
        self.ref = ref
        self.isPublic = isPublic
        self.uuid = uuid
        self.projectUUID = projectUUID
        self.gitRemote = gitRemote
    }
}
