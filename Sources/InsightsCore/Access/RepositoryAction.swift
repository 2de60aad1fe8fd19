/// The things a caller may try to do with a repository's insights.
public enum RepositoryAction: Sendable, Equatable {
    /// Read reports and annotations.
    case read
    /// Create a report under a key not yet used on the commit (the caller becomes its creator).
    case createReport
    /// Replace a report, or add, replace or delete its annotations: only its creator may.
    case modifyReport(creator: UserID)
    /// Delete a report: its creator, or a repository administrator.
    case deleteReport(creator: UserID)
    /// Open a pull request: any signed-in reader, as in Bitbucket.
    case openPullRequest
    /// Decline a pull request: its author, or a user with write.
    case declinePullRequest(author: UserID)
    /// Merge pull requests and refresh the repository's git mirror: write.
    case write
    /// Change the repository's merge check: admin.
    case administer
}
