import Foundation
import InsightsCore
import InsightsGit
import InsightsReview
import Testing

@testable import InsightsWeb

/// Every value from reports, annotations and git reaches the HTML escaped, and only http(s) URLs become links.
@Suite struct EscapingTests {
    typealias S = WebSamples

    static let script = "<script>alert(1)</script>"
    static let image = "\"><img src=x onerror=alert(1)>"
    static let javascript = "javascript:alert(1)"
    /// Both payloads in one text.
    static let payload = script + image

    /// What must never appear in a page built from the payloads.
    static let forbidden = [
        "<script>alert", "<img src=x", "href=\"javascript", "src=\"javascript", "onerror=alert(1)>",
    ]

    static func expectEscaped(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for needle in forbidden {
            #expect(!html.contains(needle), "found \(needle)", sourceLocation: sourceLocation)
        }
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), sourceLocation: sourceLocation)
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), sourceLocation: sourceLocation)
    }

    static let hostileReport = S.report(
        "lint",
        content: ReportContent(
            title: payload, details: payload, result: .failed, reporter: payload, link: javascript,
            logoURL: javascript,
            data: [
                DataField(title: payload, type: .text, value: .string(payload)),
                DataField(title: "link", type: .link, value: .link(text: payload, href: javascript)),
                DataField(title: "untyped", type: nil, value: .string(payload)),
            ]))

    static func hostileAnnotation(_ path: String?, _ line: Int?) -> Annotation {
        Annotation(
            uuid: UUID(), reportKey: S.key("lint"),
            content: AnnotationContent(
                externalID: payload, path: path, line: line, message: payload, title: payload, details: payload,
                severity: .high, type: .bug, link: javascript),
            createdAt: S.now, updatedAt: S.now)
    }

    /// A path with both payloads (git allows any bytes but NUL in a path).
    static let hostilePath = "src/" + payload + ".swift"

    @Test func escapesEveryFieldOfAPullRequestPage() async throws {
        let hunks = "@@ -1,1 +1,2 @@ \(Self.payload)\n \(Self.payload)\n+\(Self.payload)\n"
        let diff = S.diff(
            [
                S.file(Self.hostilePath, hunks),
                S.file("src/" + Self.script + "new.swift", status: .renamed, oldPath: "src/" + Self.image + "old"),
            ])
        let annotations = [
            Self.hostileAnnotation(Self.hostilePath, 2), Self.hostileAnnotation(Self.hostilePath, 0),
            Self.hostileAnnotation(nil, nil), Self.hostileAnnotation(Self.hostilePath, 1),
            Self.hostileAnnotation("elsewhere/" + Self.payload, 3),
        ]
        let insights = S.place(diff, reports: [Self.hostileReport], annotations: annotations)
        let pullRequest = S.pullRequest(
            title: Self.payload, description: Self.payload, source: "feature/<script>alert(1)</script>",
            target: "\"><img/src=x/onerror=alert(1)>", authorName: Self.payload)
        let verdict = MergeVerdict(vetoes: [MergeVeto(summary: Self.payload, detail: Self.payload)])
        let html = try await S.render(insights, pullRequest: pullRequest, verdict: verdict)
        Self.expectEscaped(html)
        #expect(!html.contains("<img/src"))
        #expect(!html.contains("<img"))
        #expect(html.occurrences(of: "<script") == 1)
        #expect(html.contains("<code class=\"branch\">feature/&lt;script&gt;alert(1)&lt;/script&gt;</code>"))
        #expect(html.contains("data-file-path=\"src/&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img"))
        #expect(!html.contains("Open in the tool"))
        #expect(!html.contains("View the full report"))
        #expect(
            html.contains("<dd>&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</dd>"))
    }

    @Test func escapesEveryFieldOfACommitPage() async throws {
        let summary = GitCommitSummary(
            id: S.source, parents: [], authorName: Self.payload, authorEmail: Self.payload, authoredAt: S.now,
            subject: Self.payload)
        let page = CommitPage(
            repository: S.repository, commit: S.source, summary: summary, reports: [Self.hostileReport],
            annotations: [Self.hostileAnnotation(Self.hostilePath, 3), Self.hostileAnnotation(nil, nil)], now: S.now,
            chrome: S.chrome)
        let html = try PageRenderer().render(page)
        Self.expectEscaped(html)
        #expect(!html.contains("<img"))
    }

    @Test func escapesBranchNamesAndCommitSubjectsOfARepositoryPage() async throws {
        let commit = GitCommitSummary(
            id: S.source, parents: [], authorName: Self.payload, authorEmail: "", authoredAt: S.now,
            subject: Self.payload)
        let page = RepositoryPage(
            repository: S.repository, isGitLinked: true, branches: [GitBranch(name: Self.payload, commit: S.source)],
            commits: [commit], reports: [:], now: S.now, chrome: S.chrome)
        Self.expectEscaped(try PageRenderer().render(page))
    }

    @Test func escapesPullRequestTitlesAndBranchesOfTheList() async throws {
        let pullRequest = S.pullRequest(
            title: Self.payload, source: "<script>alert(1)</script>", target: "\"><img/src=x/onerror=alert(1)>",
            authorName: Self.image)
        let page = PullRequestsPage(
            repository: S.repository, state: nil,
            page: Page(values: [pullRequest], offset: 0, hasMore: false, total: 1), pageSize: 25, now: S.now,
            chrome: S.chrome)
        let html = try PageRenderer().render(page)
        Self.expectEscaped(html)
        #expect(!html.contains("<img"))
    }

    @Test func escapesTheSignInFormAndErrorPage() async throws {
        let chrome = PageChrome(userName: Self.payload, csrfToken: Self.image)
        let signIn = SignInPage(
            chrome: chrome, userName: Self.payload, errorMessage: Self.payload, returnTo: Self.image)
        Self.expectEscaped(try PageRenderer().render(signIn))
        let error = ErrorPage(status: 404, message: Self.payload, chrome: chrome)
        Self.expectEscaped(try PageRenderer().render(error))
    }

    @Test(arguments: [
        "javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "//evil.example.com/x", "ftp://x.y/z",
    ])
    func neverLinksOtherSchemes(link: String) async throws {
        let report = S.report(
            "lint",
            content: ReportContent(
                title: "Lint", link: link, logoURL: link,
                data: [DataField(title: "more", type: .link, value: .link(text: "text", href: link))]))
        let annotation = S.annotation(nil, nil, link: link)
        let page = CommitPage(
            repository: S.repository, commit: S.source, reports: [report], annotations: [annotation], now: S.now,
            chrome: S.chrome)
        let html = try PageRenderer().render(page)
        #expect(!html.contains(link))
        #expect(!html.contains("<img"))
        #expect(html.contains("<dd>text</dd>"))
    }
}
