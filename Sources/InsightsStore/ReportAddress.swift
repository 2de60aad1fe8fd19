public import InsightsCore

/// Where a report lives: repository, commit, and the report's key or uuid.
public struct ReportAddress: Hashable, Sendable, CustomStringConvertible {
    /// The repository.
    public var repository: RepositoryRef
    /// The commit.
    public var commit: CommitID
    /// The report within the commit.
    public var report: ReportSelector

    /// Creates an address.
    public init(repository: RepositoryRef, commit: CommitID, report: ReportSelector) {
        self.repository = repository
        self.commit = commit
        self.report = report
    }

    /// Creates the address of the report with `key`.
    public init(repository: RepositoryRef, commit: CommitID, key: InsightKey) {
        self.init(repository: repository, commit: commit, report: .externalID(key))
    }

    public var description: String { "\(repository)@\(commit)/\(report)" }
}
