import InsightsCore
import InsightsGit

/// A branch of the repository page: name and tip with its status.
struct BranchView: Sendable {
    /// The branch name.
    let name: String
    /// The tip's short id.
    let commitShort: String
    /// The tip's commit page.
    let commitURL: String
    /// The tip's status.
    let status: CommitStatusView

    /// The view of a branch.
    ///
    /// - Parameters:
    ///   - branch: the branch.
    ///   - reports: the reports of its tip.
    ///   - url: the tip's commit page.
    init(_ branch: GitBranch, reports: [Report], url: String) {
        name = branch.name
        commitShort = CommitText.short(branch.commit)
        commitURL = url
        status = CommitStatusView(reports: reports)
    }
}
