import Foundation
import InsightsCore
import InsightsReview
import Testing

@testable import InsightsWeb

/// What each page says when it has nothing to show.
@Suite struct EmptyStateTests {
    typealias S = WebSamples

    @Test func pullRequestWithoutReportsOrChanges() async throws {
        let html = try await S.render(S.place(S.diff([]), reports: [], annotations: []))
        #expect(html.contains("No reports on this commit yet."))
        #expect(html.contains("No annotations on the pull request as a whole."))
        #expect(html.contains("No changes: merging the source branch would not change the target branch."))
        #expect(!html.contains("id=\"summary\""))
        #expect(!html.contains("id=\"obsolete\""))
        #expect(!html.contains("id=\"not-shown\""))
    }

    @Test func pullRequestWithAReportButNoAnnotations() async throws {
        let html = try await S.render(
            S.place(S.diff([S.file("src/app.swift", S.replacement)]), reports: [S.report()], annotations: []))
        #expect(html.contains("<span class=\"annotation-count\">No annotations</span>"))
        #expect(html.contains("<td>No annotations</td>"))
        #expect(!html.contains("data-annotation"))
    }

    @Test func commitWithoutReports() async throws {
        let page = CommitPage(
            repository: S.repository, commit: S.source, reports: [], annotations: [], now: S.now, chrome: S.chrome)
        #expect(try PageRenderer().render(page).contains("<p class=\"empty\">No reports on this commit yet.</p>"))
    }

    @Test func commitReportWithoutAnnotations() async throws {
        let page = CommitPage(
            repository: S.repository, commit: S.source, reports: [S.report()], annotations: [], now: S.now,
            chrome: S.chrome)
        #expect(try PageRenderer().render(page).contains("<p class=\"empty\">No annotations.</p>"))
    }

    @Test func noRepositories() async throws {
        let html = try PageRenderer().render(RepositoriesPage(repositories: [], chrome: S.chrome))
        #expect(html.contains("No repositories yet."))
        #expect(!html.contains("<table"))
    }

    @Test func repositoryNotLinkedToGit() async throws {
        let page = RepositoryPage(
            repository: S.repository, isGitLinked: false, branches: [], commits: [], reports: [:], now: S.now,
            chrome: S.chrome)
        let html = try PageRenderer().render(page)
        #expect(html.contains("This repository is not linked to git"))
        #expect(!html.contains("Pull requests</a></p>"))
    }

    @Test func gitRepositoryWithoutBranchesOrCommits() async throws {
        let page = RepositoryPage(
            repository: S.repository, isGitLinked: true, branches: [], commits: [], reports: [:], now: S.now,
            chrome: S.chrome)
        let html = try PageRenderer().render(page)
        #expect(html.contains("No branches: the mirror has none yet."))
        #expect(html.contains("No commits yet."))
    }

    @Test(
        arguments: [
            (PullRequestState.open, "No open pull requests."), (.merged, "No merged pull requests."),
            (.declined, "No declined pull requests."), (nil, "No pull requests."),
        ] as [(PullRequestState?, String)])
    func noPullRequests(state: PullRequestState?, expected: String) async throws {
        let page = PullRequestsPage(
            repository: S.repository, state: state, page: Page(values: [], offset: 0, hasMore: false, total: 0),
            pageSize: 25, now: S.now, chrome: S.chrome)
        let html = try PageRenderer().render(page)
        #expect(html.contains("<p class=\"empty\">\(expected)</p>"))
        #expect(!html.contains("rel=\"next\""))
        #expect(!html.contains("rel=\"prev\""))
    }

    @Test func signInWithoutAnError() async throws {
        let html = try PageRenderer().render(SignInPage(chrome: PageChrome(csrfToken: "t0k")))
        #expect(!html.contains("form-error"))
        #expect(!html.contains("name=\"returnTo\""))
        #expect(html.contains("value=\"\""))
        #expect(html.contains("<a href=\"/sign-in\">Sign in</a>"))
    }

    @Test func errorWithAnUnknownStatus() async throws {
        let html = try PageRenderer().render(ErrorPage(status: 418, message: "", chrome: S.chrome))
        #expect(html.contains("<span class=\"status-code\">418</span> Error</h1>"))
    }
}
