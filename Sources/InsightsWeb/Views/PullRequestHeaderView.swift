import Foundation
import InsightsCore

/// The head of a pull request page: number, title, state, branches and the current source commit.
///
/// Optional fields are read with a leading dot in the template (see ``AnnotationView``).
struct PullRequestHeaderView: Sendable {
    /// The pull request's number.
    let number: Int
    /// Its title.
    let title: String
    /// `Open`, `Merged`, `Declined`.
    let stateLabel: String
    /// The CSS modifier: `open`, `merged`, `declined`.
    let stateClass: String
    /// The source branch name.
    let sourceBranch: String
    /// The target branch name.
    let targetBranch: String
    /// The source commit's first 11 hex digits.
    let sourceCommitShort: String
    /// The source commit's full id.
    let sourceCommitID: String
    /// The source commit's page.
    let sourceCommitURL: String
    /// Who opened it.
    let authorName: String
    /// `opened 3 days ago`.
    let opened: String
    /// The description, if any; its line breaks are kept by the stylesheet.
    let description: String?

    /// The view of a pull request's head.
    ///
    /// - Parameters:
    ///   - pullRequest: the pull request.
    ///   - paths: the URLs.
    ///   - formatter: formats the opening date.
    init(_ pullRequest: PullRequest, paths: WebPaths, formatter: DataFieldFormatter) {
        number = pullRequest.id
        title = pullRequest.title
        stateLabel = Self.label(of: pullRequest.state)
        stateClass = pullRequest.state.rawValue.lowercased()
        sourceBranch = pullRequest.source.rawValue
        targetBranch = pullRequest.target.rawValue
        sourceCommitShort = CommitText.short(pullRequest.sourceCommit)
        sourceCommitID = pullRequest.sourceCommit.rawValue
        sourceCommitURL = paths.commit(pullRequest.repository, pullRequest.sourceCommit)
        authorName = pullRequest.authorName
        opened = "opened " + formatter.formatDate(pullRequest.createdAt)
        description = pullRequest.description.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `Open`, `Merged` or `Declined`.
    static func label(of state: PullRequestState) -> String {
        switch state {
        case .open: "Open"
        case .merged: "Merged"
        case .declined: "Declined"
        }
    }
}
