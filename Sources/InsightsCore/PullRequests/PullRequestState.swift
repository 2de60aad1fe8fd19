/// Where a pull request is in its life, with Bitbucket Data Center's names.
public enum PullRequestState: String, Sendable, CaseIterable {
    /// Under review; it follows its branches.
    case open = "OPEN"
    /// Closed without merging.
    case declined = "DECLINED"
    /// Merged into its target branch.
    case merged = "MERGED"
}
