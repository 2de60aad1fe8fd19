import Foundation
import InsightsCore

/// A pull request in the list.
struct PullRequestRowView: Sendable {
    /// The number.
    let number: Int
    /// The title.
    let title: String
    /// Its page.
    let url: String
    /// `Open`, `Merged`, `Declined`.
    let stateLabel: String
    /// The CSS modifier: `open`, `merged`, `declined`.
    let stateClass: String
    /// The source branch.
    let sourceBranch: String
    /// The target branch.
    let targetBranch: String
    /// Who opened it.
    let authorName: String
    /// `updated 3 hours ago`.
    let updated: String

    /// The view of a pull request.
    ///
    /// - Parameters:
    ///   - pullRequest: the pull request.
    ///   - url: its page.
    ///   - formatter: formats the update date.
    init(_ pullRequest: PullRequest, url: String, formatter: DataFieldFormatter) {
        number = pullRequest.id
        title = pullRequest.title
        self.url = url
        stateLabel = PullRequestHeaderView.label(of: pullRequest.state)
        stateClass = pullRequest.state.rawValue.lowercased()
        sourceBranch = pullRequest.source.rawValue
        targetBranch = pullRequest.target.rawValue
        authorName = pullRequest.authorName
        updated = "updated " + formatter.formatDate(pullRequest.updatedAt)
    }
}
