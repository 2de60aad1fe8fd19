import Foundation
import InsightsCore
import InsightsGit
import Testing

@testable import InsightsWeb

/// Every report and annotation of one commit, grouped by report.
@Suite struct CommitPageTests {
    typealias S = WebSamples

    static let summary = GitCommitSummary(
        id: S.source, parents: [], authorName: "dave", authorEmail: "d@example.com",
        authoredAt: S.now.addingTimeInterval(-86_400), subject: "Make it faster")

    @Test func groupsAnnotationsUnderTheirReportsInPathAndLineOrder() async throws {
        let lint = S.report("lint", title: "Lint")
        let tests = S.report("tests", title: "Tests")
        let annotations = [
            S.annotation("b.swift", 3, message: "b3"), S.annotation("a.swift", 10, message: "a10"),
            S.annotation(nil, nil, message: "whole"), S.annotation("a.swift", 2, report: "tests", message: "t-a2"),
            S.annotation("a.swift", 2, message: "a2"), S.annotation("a.swift", nil, message: "a-file"),
        ]
        let page = CommitPage(
            repository: S.repository, commit: S.source, summary: Self.summary, reports: [lint, tests],
            annotations: annotations, now: S.now, chrome: S.chrome)
        let html = try PageRenderer().render(page)
        let lintSection = try #require(html.section(from: "id=\"report-1\"", to: "id=\"report-2\""))
        let order = ["whole", "a-file", "a2", "a10", "b3"].compactMap { lintSection.offset(of: ">\($0)</p>") }
        #expect(order.count == 5)
        #expect(order == order.sorted())
        #expect(!lintSection.contains("t-a2"))
        let testsSection = try #require(html.section(from: "id=\"report-2\"", to: "</main>"))
        #expect(testsSection.contains(">t-a2</p>"))
        #expect(lintSection.contains("<code class=\"location\">a.swift:10</code>"))
        #expect(lintSection.contains("<span class=\"annotation-count\">5 annotations</span>"))
    }

    @Test func showsTheCommitWithItsSubjectAndAuthor() async throws {
        let page = CommitPage(
            repository: S.repository, commit: S.source, summary: Self.summary, reports: [], annotations: [],
            now: S.now, chrome: S.chrome)
        let html = try PageRenderer().render(page)
        #expect(html.contains("Commit <code title=\"\(S.source.rawValue)\">aaaaaaaaaaa</code>"))
        #expect(html.contains("<p class=\"commit-subject\">Make it faster</p>"))
        #expect(html.contains("dave, 1 day ago"))
        #expect(html.contains("<a href=\"/projects/proj/repos/repo\">proj/repo</a>"))
    }

    @Test func showsACommitGitDoesNotKnow() async throws {
        let page = CommitPage(
            repository: S.repository, commit: S.source, reports: [S.report()], annotations: [], now: S.now,
            chrome: S.chrome)
        let html = try PageRenderer().render(page)
        #expect(!html.contains("commit-subject"))
        #expect(html.contains("<h3 class=\"report-title\">lint</h3>"))
    }
}
