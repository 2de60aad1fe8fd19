import Foundation
import InsightsCore
import InsightsGit
import Testing

@testable import InsightsWeb

/// The repositories list, a repository's branches and commits, and the pull request list.
@Suite struct ListPagesTests {
    typealias S = WebSamples

    static func report(_ result: ReportResult?, on commit: CommitID = S.source) -> Report {
        S.report(UUID().uuidString, commit: commit, content: ReportContent(title: "r", result: result))
    }

    @Test func listsRepositoriesByProjectThenSlug() async throws {
        let refs = [("b", "one"), ("a", "two"), ("a", "one")].map { project, slug in
            S.valid { try RepositoryRef(projectKey: project, slug: slug) }
        }
        let html = try PageRenderer().render(RepositoriesPage(repositories: refs, chrome: S.chrome))
        let first = try #require(html.offset(of: "href=\"/projects/a/repos/one\""))
        let second = try #require(html.offset(of: "href=\"/projects/a/repos/two\""))
        let third = try #require(html.offset(of: "href=\"/projects/b/repos/one\""))
        #expect(first < second && second < third)
    }

    @Test(
        arguments: [
            ([ReportResult.passed, .failed, .pending], "fail", "Fail"),
            ([ReportResult.passed, .pending], "pending", "Pending"), ([ReportResult.passed, nil], "pass", "Pass"),
            ([nil], "none", "No result"), ([], "none", "No reports"),
        ] as [([ReportResult?], String, String)])
    func showsTheWorstResultOfACommitsReports(results: [ReportResult?], cssClass: String, label: String) async throws {
        let commit = GitCommitSummary(
            id: S.source, parents: [], authorName: "carol", authorEmail: "c@example.com",
            authoredAt: S.now.addingTimeInterval(-7200), subject: "Fix the thing")
        let page = RepositoryPage(
            repository: S.repository, isGitLinked: true, branches: [GitBranch(name: "main", commit: S.source)],
            commits: [commit], reports: [S.source: results.map { Self.report($0) }], now: S.now, chrome: S.chrome)
        let html = try PageRenderer().render(page)
        let status = "<span class=\"status status-\(cssClass)\""
        #expect(html.occurrences(of: status) == 2)
        #expect(html.contains("</span> \(label)</span>"))
        #expect(html.contains("Fix the thing"))
        #expect(html.contains("2 hours ago"))
        #expect(html.contains("href=\"/projects/proj/repos/repo/commits/\(S.source.rawValue)\""))
        #expect(html.contains("href=\"/projects/proj/repos/repo/pull-requests?state=OPEN\""))
    }

    @Test func countsTheReportsOfACommitInTheStatusTitle() {
        #expect(CommitStatusView(reports: [Self.report(.passed)]).reportCount == "1 report")
        #expect(CommitStatusView(reports: [Self.report(.passed), Self.report(.failed)]).reportCount == "2 reports")
    }

    static func pullRequestsPage(state: PullRequestState?, offset: Int = 0, hasMore: Bool = false) async throws
        -> String
    {
        let page = PullRequestsPage(
            repository: S.repository, state: state,
            page: Page(values: [S.pullRequest()], offset: offset, hasMore: hasMore, total: 60), pageSize: 25,
            now: S.now, chrome: S.chrome)
        return try PageRenderer().render(page)
    }

    @Test func marksTheCurrentStateTab() async throws {
        let html = try await Self.pullRequestsPage(state: .merged)
        #expect(
            html.contains(
                "<a href=\"/projects/proj/repos/repo/pull-requests?state=MERGED\" aria-current=\"page\">Merged</a>"))
        #expect(html.contains("<a href=\"/projects/proj/repos/repo/pull-requests?state=OPEN\">Open</a>"))
        #expect(html.contains("<a href=\"/projects/proj/repos/repo/pull-requests?state=ALL\">All</a>"))
        #expect(html.contains("<a href=\"/projects/proj/repos/repo/pull-requests?state=DECLINED\">Declined</a>"))
        let all = try await Self.pullRequestsPage(state: nil)
        #expect(all.contains("state=ALL\" aria-current=\"page\">All</a>"))
    }

    @Test func listsPullRequestsWithBranchesAndState() async throws {
        let html = try await Self.pullRequestsPage(state: .open)
        #expect(
            html.contains(
                "<a href=\"/projects/proj/repos/repo/pull-requests/7\"><span class=\"pr-number\">#7</span> Add the feature</a>"
            ))
        #expect(html.contains("<code class=\"branch\">feature</code> → <code class=\"branch\">main</code>"))
        #expect(html.contains("<span class=\"state state-open\">Open</span>"))
        #expect(html.contains("updated 1 hour ago"))
    }

    @Test func linksToNewerAndOlderWindows() async throws {
        let html = try await Self.pullRequestsPage(state: .open, offset: 25, hasMore: true)
        #expect(html.contains("href=\"/projects/proj/repos/repo/pull-requests?state=OPEN\" rel=\"prev\""))
        #expect(html.contains("href=\"/projects/proj/repos/repo/pull-requests?state=OPEN&amp;start=26\" rel=\"next\""))
    }
}
