public import Foundation
public import InsightsCore
public import InsightsGit

/// A repository's page: its branches and recent commits, each with the status of its reports.
public struct RepositoryPage: Sendable {
    /// The frame: title and breadcrumbs.
    let layout: LayoutView
    /// `project/slug`.
    let repositoryName: String
    /// The open pull requests.
    let pullRequestsURL: String
    /// Whether the server mirrors a git remote for the repository.
    let isGitLinked: Bool
    /// The branches with the status of their tips.
    let branches: [BranchView]
    /// The recent commits, newest first, with their status.
    let commits: [CommitRowView]
    /// The form opening a pull request, for a signed-in visitor of a repository with two branches or more.
    let openForm: OpenPullRequestForm?

    /// The form that opens a pull request: two branch lists, a title and a description.
    struct OpenPullRequestForm: Sendable {
        /// One branch of a list.
        struct Choice: Sendable {
            let name: String
            let isSelected: Bool
        }

        /// Where the form posts.
        let actionURL: String
        let csrfToken: String
        let sources: [Choice]
        let targets: [Choice]
        /// Why the last attempt failed, if it did.
        let errorMessage: String?
    }

    /// Builds the page.
    ///
    /// - Parameters:
    ///   - repository: the repository.
    ///   - isGitLinked: whether the server mirrors a git remote for it; without one there are no branches, commits
    ///     or pull requests, only the commit pages the API's reports name.
    ///   - branches: its branches, in the order shown.
    ///   - commits: its recent commits, newest first.
    ///   - reports: the reports of the listed commits and branch tips; a commit missing here has none.
    ///   - now: the request time, for relative dates.
    ///   - chrome: paths, signed-in user and CSRF token.
    ///   - openError: why opening a pull request from this page failed, shown above its form.
    public init(
        repository: RepositoryRef, isGitLinked: Bool, branches: [GitBranch], commits: [GitCommitSummary],
        reports: [CommitID: [Report]], now: Date, chrome: PageChrome, openError: String? = nil
    ) {
        let formatter = DataFieldFormatter(now: now)
        let paths = chrome.paths
        layout = chrome.layout(
            title: repository.description,
            breadcrumbs: [BreadcrumbView(label: "Repositories", url: paths.repositories)])
        repositoryName = repository.description
        pullRequestsURL = paths.pullRequests(repository, state: .open)
        self.isGitLinked = isGitLinked
        self.branches = branches.map { branch in
            BranchView(branch, reports: reports[branch.commit] ?? [], url: paths.commit(repository, branch.commit))
        }
        self.commits = commits.map { commit in
            CommitRowView(
                commit, reports: reports[commit.id] ?? [], url: paths.commit(repository, commit.id),
                formatter: formatter)
        }
        let names = branches.map(\.name)
        if isGitLinked, chrome.userName != nil, names.count >= 2 {
            let target = ["main", "master", "trunk", "develop"].first(where: names.contains) ?? names[0]
            let source = names.first { $0 != target } ?? names[0]
            openForm = OpenPullRequestForm(
                actionURL: paths.openPullRequest(repository), csrfToken: chrome.csrfToken,
                sources: names.map { .init(name: $0, isSelected: $0 == source) },
                targets: names.map { .init(name: $0, isSelected: $0 == target) }, errorMessage: openError)
        } else {
            openForm = nil
        }
    }
}
