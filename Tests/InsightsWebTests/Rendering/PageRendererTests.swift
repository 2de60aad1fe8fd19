import Foundation
import InsightsCore
import Testing

@testable import InsightsWeb

/// Loading templates and assets, and what every page shares.
@Suite struct PageRendererTests {
    typealias S = WebSamples

    /// This module's template directory, found from this file's path.
    static let templateDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/InsightsWeb/Templates")

    @Test func servesTheStylesheetAndScript() async throws {
        let renderer = try PageRenderer()
        let css = try #require(renderer.asset(named: "insights.css"))
        #expect(css.contentType == "text/css; charset=utf-8")
        #expect(String(decoding: css.body, as: UTF8.self).contains("@media (prefers-color-scheme: dark)"))
        let script = try #require(renderer.asset(named: "insights.js"))
        #expect(script.contentType == "text/javascript; charset=utf-8")
        #expect(String(decoding: script.body, as: UTF8.self).contains("data-events-url"))
        #expect(renderer.asset(named: "../Templates/layout.mustache") == nil)
    }

    @Test func templatesNeverRenderUnescapedValues() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.templateDirectory.path)
        #expect(
            Set(names.filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(9)) })
                == Set(PageRenderer.pageTemplates))
        for name in names {
            let text = try String(contentsOf: Self.templateDirectory.appendingPathComponent(name), encoding: .utf8)
            // The frame of rendered content is the one exception: its body was escaped when it was rendered.
            #expect(
                !text.contains("{{{") || (name == "page-shell.mustache" && text.contains("{{{body}}}")),
                "\(name) uses {{{ }}}")
            #expect(!text.contains("{{&"), "\(name) uses {{& }}")
            #expect(!text.contains("{{="), "\(name) changes delimiters")
        }
    }

    /// One page of each kind, with content.
    static func everyPage() async throws -> [String] {
        let renderer = try PageRenderer()
        let report = S.report(
            "lint",
            content: ReportContent(
                title: "Lint", result: .passed, logoURL: "https://example.com/logo.png",
                data: [DataField(title: "Done", type: .boolean, value: .bool(true))]))
        return [
            try await S.render(PullRequestFixture.insights),
            renderer.render(
                CommitPage(
                    repository: S.repository, commit: S.source, reports: [report],
                    annotations: [S.annotation("a.swift", 1)], now: S.now, chrome: S.chrome)),
            renderer.render(RepositoriesPage(repositories: [S.repository], chrome: S.chrome)),
            renderer.render(
                RepositoryPage(
                    repository: S.repository, isGitLinked: true, branches: [], commits: [], reports: [:], now: S.now,
                    chrome: S.chrome)),
            renderer.render(
                PullRequestsPage(
                    repository: S.repository, state: .open,
                    page: Page(values: [S.pullRequest()], offset: 0, hasMore: false, total: 1), pageSize: 25,
                    now: S.now, chrome: S.chrome)),
            renderer.render(SignInPage(chrome: PageChrome(csrfToken: "t"), errorMessage: "Wrong password")),
            renderer.render(ErrorPage(status: 404, message: "Not here.", chrome: S.chrome)),
        ]
    }

    @Test func pagesNeedNoInlineScriptOrStyle() async throws {
        for html in try await Self.everyPage() {
            #expect(html.hasPrefix("<!DOCTYPE html>"))
            #expect(html.occurrences(of: "<script") == 1)
            #expect(html.contains("<script src=\"/assets/insights.js\" defer></script>"))
            #expect(html.contains("<link rel=\"stylesheet\" href=\"/assets/insights.css\">"))
            #expect(!html.contains("<style"))
            #expect(!html.contains(" style="))
            #expect(html.range(of: #"\son[a-z]+="#, options: .regularExpression) == nil)
            #expect(!html.contains("javascript:"))
        }
    }

    @Test func showsTheSignedInUserWithASignOutForm() async throws {
        let html = try PageRenderer().render(RepositoriesPage(repositories: [], chrome: S.chrome))
        #expect(html.contains("<span class=\"user-name\">alice</span>"))
        #expect(html.contains("<form method=\"post\" action=\"/sign-out\" class=\"inline-form\">"))
        #expect(html.contains("<input type=\"hidden\" name=\"_csrf\" value=\"csrf-token-123\">"))
        #expect(!html.contains("data-events-url"))
    }

    @Test func putsEveryPathBelowThePrefix() async throws {
        let chrome = PageChrome(paths: WebPaths(prefix: "/ui"), csrfToken: "t")
        let page = RepositoriesPage(repositories: [S.repository], chrome: chrome)
        let html = try PageRenderer().render(page)
        #expect(html.contains("href=\"/ui/assets/insights.css\""))
        #expect(html.contains("src=\"/ui/assets/insights.js\""))
        #expect(html.contains("href=\"/ui/projects/proj/repos/repo\""))
        #expect(html.contains("href=\"/ui/sign-in\""))
    }

    @Test func titlesEachPage() async throws {
        let titles = try await Self.everyPage().compactMap { $0.section(from: "<title>", to: "</title>") }
        #expect(
            titles == [
                "<title>#7 Add the feature · Insights", "<title>Commit aaaaaaaaaaa · Insights",
                "<title>Repositories · Insights", "<title>proj/repo · Insights",
                "<title>Pull requests · proj/repo · Insights", "<title>Sign in · Insights",
                "<title>404 Not found · Insights",
            ])
    }
}
