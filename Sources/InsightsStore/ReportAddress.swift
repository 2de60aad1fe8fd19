public import InsightsCore

/// Where a report lives: repository, commit and key. Unique in the store.
public struct ReportAddress: Hashable, Sendable, CustomStringConvertible {
    /// The repository.
    public var repository: RepositoryRef
    /// The commit.
    public var commit: CommitID
    /// The report key.
    public var key: InsightKey

    /// Creates an address.
    public init(repository: RepositoryRef, commit: CommitID, key: InsightKey) {
        self.repository = repository
        self.commit = commit
        self.key = key
    }

    public var description: String { "\(repository)@\(commit)/\(key)" }
}
