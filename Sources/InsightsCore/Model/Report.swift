public import Foundation

/// A stored report: its content plus the identity and bookkeeping the server assigns.
public struct Report: Hashable, Sendable {
    /// Generated on first creation, kept across replacements (Cloud's `uuid`).
    public var uuid: UUID
    /// The repository the report belongs to.
    public var repository: RepositoryRef
    /// The commit the report describes.
    public var commit: CommitID
    /// The caller-chosen key, unique per repository and commit.
    public var key: InsightKey
    /// What the client wrote.
    public var content: ReportContent
    /// The user who first created the report; only they may replace it or change its annotations.
    public var creator: UserID
    /// When the report was first created (kept across replacements).
    public var createdAt: Date
    /// When the report was last written.
    public var updatedAt: Date

    /// Creates a stored report value.
    public init(
        uuid: UUID, repository: RepositoryRef, commit: CommitID, key: InsightKey, content: ReportContent,
        creator: UserID, createdAt: Date, updatedAt: Date
    ) {
        self.uuid = uuid
        self.repository = repository
        self.commit = commit
        self.key = key
        self.content = content
        self.creator = creator
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
