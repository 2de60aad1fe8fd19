public import Foundation
public import InsightsCore

// The rows of a store transfer (``TransferableStore``), as stored but with every reference to another row made by
// its uuid or natural key. Times are the stored whole milliseconds since 1970.

/// A user account; its key is the (lower-case) name.
public struct TransferredUser: Sendable, Hashable {
    /// The lower-case login name.
    public var name: String
    /// The bcrypt hash of the password.
    public var passwordHash: String
    /// Whether the user administers the server.
    public var isSystemAdmin: Bool

    /// Creates a row.
    public init(name: String, passwordHash: String, isSystemAdmin: Bool) {
        self.name = name
        self.passwordHash = passwordHash
        self.isSystemAdmin = isSystemAdmin
    }
}

/// A personal access token; its key is the digest.
public struct TransferredToken: Sendable, Hashable {
    /// The hex SHA-256 digest of the secret.
    public var digest: String
    /// The owner's name.
    public var userName: String
    /// The owner's label for it.
    public var name: String
    /// The highest permission it may use.
    public var ceiling: Permission
    /// Creation time, in milliseconds since 1970.
    public var createdAt: Int64
    /// Expiry time, in milliseconds since 1970, if any.
    public var expiresAt: Int64?

    /// Creates a row.
    public init(
        digest: String, userName: String, name: String, ceiling: Permission, createdAt: Int64, expiresAt: Int64?
    ) {
        self.digest = digest
        self.userName = userName
        self.name = name
        self.ceiling = ceiling
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// A project; its key is the uuid.
public struct TransferredProject: Sendable, Hashable {
    /// The project's uuid.
    public var uuid: UUID
    /// The lower-case project key.
    public var key: String
    /// The display name.
    public var name: String

    /// Creates a row.
    public init(uuid: UUID, key: String, name: String) {
        self.uuid = uuid
        self.key = key
        self.name = name
    }
}

/// A repository; its key is the uuid.
public struct TransferredRepository: Sendable, Hashable {
    /// The repository's uuid.
    public var uuid: UUID
    /// The uuid of its project.
    public var projectUUID: UUID
    /// The lower-case slug.
    public var slug: String
    /// Whether everyone may read its insights.
    public var isPublic: Bool
    /// The git remote the server mirrors, if any.
    public var gitRemote: String?

    /// Creates a row.
    public init(uuid: UUID, projectUUID: UUID, slug: String, isPublic: Bool, gitRemote: String?) {
        self.uuid = uuid
        self.projectUUID = projectUUID
        self.slug = slug
        self.isPublic = isPublic
        self.gitRemote = gitRemote
    }
}

/// A permission grant; its key is the user's name and the scope.
public struct TransferredGrant: Sendable, Hashable {
    /// What a grant applies to, by uuid.
    public enum Scope: Sendable, Hashable {
        /// Every repository of the project with this uuid.
        case project(UUID)
        /// The repository with this uuid.
        case repository(UUID)
    }

    /// The grantee's name.
    public var userName: String
    /// The project or repository.
    public var scope: Scope
    /// The permission granted.
    public var permission: Permission

    /// Creates a row.
    public init(userName: String, scope: Scope, permission: Permission) {
        self.userName = userName
        self.scope = scope
        self.permission = permission
    }
}

/// An insight report; its key is the uuid.
public struct TransferredReport: Sendable, Hashable {
    /// The report's uuid.
    public var uuid: UUID
    /// The uuid of its repository.
    public var repositoryUUID: UUID
    /// The commit it describes.
    public var commit: CommitID
    /// The report key.
    public var key: InsightKey
    /// Every content field, data fields included.
    public var content: ReportContent
    /// The creator's name.
    public var creatorName: String
    /// Creation time, in milliseconds since 1970.
    public var createdAt: Int64
    /// Last write time, in milliseconds since 1970.
    public var updatedAt: Int64

    /// Creates a row.
    public init(
        uuid: UUID, repositoryUUID: UUID, commit: CommitID, key: InsightKey, content: ReportContent,
        creatorName: String, createdAt: Int64, updatedAt: Int64
    ) {
        self.uuid = uuid
        self.repositoryUUID = repositoryUUID
        self.commit = commit
        self.key = key
        self.content = content
        self.creatorName = creatorName
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// A report annotation; its key is the uuid.
public struct TransferredAnnotation: Sendable, Hashable {
    /// The annotation's uuid.
    public var uuid: UUID
    /// The uuid of its report.
    public var reportUUID: UUID
    /// Every content field, the external id included.
    public var content: AnnotationContent
    /// Reserved for multi-line ranges (stored, never written by the server yet).
    public var endLine: Int?
    /// Reserved for column ranges.
    public var startColumn: Int?
    /// Reserved for column ranges.
    public var endColumn: Int?
    /// Creation time, in milliseconds since 1970.
    public var createdAt: Int64
    /// Last write time, in milliseconds since 1970.
    public var updatedAt: Int64

    /// Creates a row.
    public init(
        uuid: UUID, reportUUID: UUID, content: AnnotationContent, endLine: Int?, startColumn: Int?, endColumn: Int?,
        createdAt: Int64, updatedAt: Int64
    ) {
        self.uuid = uuid
        self.reportUUID = reportUUID
        self.content = content
        self.endLine = endLine
        self.startColumn = startColumn
        self.endColumn = endColumn
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// A pull request with its activities; its key is the repository's uuid and the number.
public struct TransferredPullRequest: Sendable, Hashable {
    /// The uuid of its repository.
    public var repositoryUUID: UUID
    /// Its number in the repository.
    public var number: Int
    /// Its version (bumped by every change of state).
    public var version: Int
    /// The title.
    public var title: String
    /// The description, if any.
    public var description: String?
    /// Open, declined or merged.
    public var state: PullRequestState
    /// The source branch.
    public var source: BranchName
    /// The target branch.
    public var target: BranchName
    /// The source branch's tip as last seen.
    public var sourceCommit: CommitID
    /// The target branch's tip as last seen.
    public var targetCommit: CommitID
    /// The author's name.
    public var authorName: String
    /// Creation time, in milliseconds since 1970.
    public var createdAt: Int64
    /// Last change, in milliseconds since 1970.
    public var updatedAt: Int64
    /// When it was closed, in milliseconds since 1970.
    public var closedAt: Int64?
    /// Its history, oldest first.
    public var activities: [TransferredActivity]

    /// Creates a row.
    public init(
        repositoryUUID: UUID, number: Int, version: Int, title: String, description: String?,
        state: PullRequestState, source: BranchName, target: BranchName, sourceCommit: CommitID,
        targetCommit: CommitID, authorName: String, createdAt: Int64, updatedAt: Int64, closedAt: Int64?,
        activities: [TransferredActivity]
    ) {
        self.repositoryUUID = repositoryUUID
        self.number = number
        self.version = version
        self.title = title
        self.description = description
        self.state = state
        self.source = source
        self.target = target
        self.sourceCommit = sourceCommit
        self.targetCommit = targetCommit
        self.authorName = authorName
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.closedAt = closedAt
        self.activities = activities
    }
}

/// One entry of a pull request's history; it has no key of its own and travels with its pull request.
public struct TransferredActivity: Sendable, Hashable {
    /// What happened.
    public var action: PullRequestActivity.Action
    /// Who did it, if anyone.
    public var userName: String?
    /// When, in milliseconds since 1970.
    public var createdAt: Int64
    /// The source tip after it.
    public var sourceCommit: CommitID
    /// The target tip after it.
    public var targetCommit: CommitID
    /// For a rescope: the source tip before it.
    public var previousSourceCommit: CommitID?
    /// For a rescope: the target tip before it.
    public var previousTargetCommit: CommitID?

    /// Creates a row.
    public init(
        action: PullRequestActivity.Action, userName: String?, createdAt: Int64, sourceCommit: CommitID,
        targetCommit: CommitID, previousSourceCommit: CommitID?, previousTargetCommit: CommitID?
    ) {
        self.action = action
        self.userName = userName
        self.createdAt = createdAt
        self.sourceCommit = sourceCommit
        self.targetCommit = targetCommit
        self.previousSourceCommit = previousSourceCommit
        self.previousTargetCommit = previousTargetCommit
    }
}

/// A repository's merge check; its key is the repository's uuid.
public struct TransferredMergeCheck: Sendable, Hashable {
    /// The uuid of the repository.
    public var repositoryUUID: UUID
    /// The policy.
    public var policy: MergeCheckPolicy

    /// Creates a row.
    public init(repositoryUUID: UUID, policy: MergeCheckPolicy) {
        self.repositoryUUID = repositoryUUID
        self.policy = policy
    }
}

/// A server-wide secret; its key is the name.
public struct TransferredSecret: Sendable, Hashable {
    /// What it is for, e.g. `web-session-key`.
    public var name: String
    /// Its bytes.
    public var value: [UInt8]

    /// Creates a row.
    public init(name: String, value: [UInt8]) {
        self.name = name
        self.value = value
    }
}
