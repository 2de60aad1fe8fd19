public import Foundation
public import InsightsCore

/// A repository's pull requests in one state, newest first, with tabs for OPEN, MERGED, DECLINED and ALL.
public struct PullRequestsPage: Sendable {
    /// The frame: title and breadcrumbs.
    let layout: LayoutView
    /// OPEN, MERGED, DECLINED and ALL.
    let tabs: [TabView]
    /// This window of the list, newest first.
    let pullRequests: [PullRequestRowView]
    /// `No open pull requests`, `No pull requests`.
    let emptyText: String
    /// The previous window, when this one does not start at the first pull request.
    let newerURL: String?
    /// The next window, when more pull requests follow.
    let olderURL: String?

    /// Builds the page.
    ///
    /// - Parameters:
    ///   - repository: the repository.
    ///   - state: the state shown; `nil` for all.
    ///   - page: one window of the list, newest first.
    ///   - pageSize: the window size, to link to the previous window.
    ///   - now: the request time, for relative dates.
    ///   - chrome: paths, signed-in user and CSRF token.
    public init(
        repository: RepositoryRef, state: PullRequestState?, page: Page<PullRequest>, pageSize: Int, now: Date,
        chrome: PageChrome
    ) {
        let formatter = DataFieldFormatter(now: now)
        let paths = chrome.paths
        layout = chrome.layout(
            title: "Pull requests · \(repository)", breadcrumbs: BreadcrumbView.trail(to: repository, paths: paths))
        let states: [PullRequestState?] = [.open, .merged, .declined, nil]
        tabs = states.map { tab in
            TabView(
                label: tab.map(PullRequestHeaderView.label(of:)) ?? "All",
                url: paths.pullRequests(repository, state: tab), isCurrent: tab == state)
        }
        pullRequests = page.values.map { pullRequest in
            PullRequestRowView(
                pullRequest, url: paths.pullRequest(repository, id: pullRequest.id), formatter: formatter)
        }
        emptyText =
            state.map { "No \(PullRequestHeaderView.label(of: $0).lowercased()) pull requests" }
            ?? "No pull requests"
        newerURL =
            page.offset > 0
            ? paths.pullRequests(repository, state: state, start: max(0, page.offset - pageSize)) : nil
        olderURL =
            page.hasMore
            ? paths.pullRequests(repository, state: state, start: page.offset + page.values.count) : nil
    }
}
