import InsightsCore
import InsightsGit

/// A recent commit of the repository page.
struct CommitRowView: Sendable {
    /// The short id.
    let commitShort: String
    /// The full id.
    let commitID: String
    /// The commit page.
    let url: String
    /// The subject line.
    let subject: String
    /// The author's name.
    let authorName: String
    /// `3 days ago`.
    let authored: String
    /// The worst result of its reports.
    let status: CommitStatusView

    /// The view of a commit.
    ///
    /// - Parameters:
    ///   - commit: the commit.
    ///   - reports: its reports.
    ///   - url: its page.
    ///   - formatter: formats the author date.
    init(_ commit: GitCommitSummary, reports: [Report], url: String, formatter: DataFieldFormatter) {
        commitShort = CommitText.short(commit.id)
        commitID = commit.id.rawValue
        self.url = url
        subject = commit.subject
        authorName = commit.authorName
        authored = formatter.formatDate(commit.authoredAt)
        status = CommitStatusView(reports: reports)
    }
}
