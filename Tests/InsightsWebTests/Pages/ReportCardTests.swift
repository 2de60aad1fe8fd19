import Foundation
import InsightsCore
import Testing

@testable import InsightsWeb

/// Report cards: title, result, reporter, logo, details, data fields and link.
@Suite struct ReportCardTests {
    typealias S = WebSamples

    static func card(_ content: ReportContent) async throws -> String {
        let page = CommitPage(
            repository: S.repository, commit: S.source, reports: [S.report("lint", content: content)],
            annotations: [], now: S.now, chrome: S.chrome)
        let html = try PageRenderer().render(page)
        return try #require(html.section(from: "<article class=\"report-card", to: "</article>"))
    }

    @Test func showsEveryPartOfAReport() async throws {
        let card = try await Self.card(
            ReportContent(
                title: "Security scan", details: "10 new vulnerabilities.\nSee the tool.", result: .failed,
                reporter: "mySystem", link: "https://scanner.example.com/r/1",
                logoURL: "https://scanner.example.com/logo.png",
                data: [
                    DataField(title: "Duration", type: .duration, value: .number(14)),
                    DataField(title: "Safe to merge?", type: .boolean, value: .bool(false)),
                    DataField(title: "Report", type: .link, value: .link(text: "Open", href: "https://x.example/r")),
                ]))
        #expect(card.contains("class=\"report-card result-fail\" id=\"report-1\""))
        #expect(card.contains("<h3 class=\"report-title\">Security scan</h3>"))
        #expect(card.contains("<span class=\"result-icon\" aria-hidden=\"true\">✗</span> Fail</span>"))
        #expect(card.contains("<span class=\"reporter\">by mySystem</span>"))
        #expect(card.contains("<img class=\"report-logo\" src=\"https://scanner.example.com/logo.png\""))
        #expect(card.contains("<p class=\"report-details\">10 new vulnerabilities.\nSee the tool.</p>"))
        #expect(card.contains("<dt>Duration</dt><dd>14 ms</dd>"))
        #expect(card.contains("<dt>Safe to merge?</dt><dd>No</dd>"))
        #expect(card.contains("<dd><a href=\"https://x.example/r\" rel=\"noopener noreferrer\">Open</a></dd>"))
        #expect(card.contains("<a href=\"https://scanner.example.com/r/1\" rel=\"noopener noreferrer\">"))
        #expect(card.contains("updated 2 minutes ago"))
    }

    @Test(arguments: [
        (ReportResult.passed, "pass", "Pass"), (.failed, "fail", "Fail"), (.pending, "pending", "Pending"),
    ])
    func showsTheResultInWords(result: ReportResult, cssClass: String, label: String) async throws {
        let card = try await Self.card(ReportContent(title: "r", result: result))
        #expect(card.contains("<span class=\"result result-\(cssClass)\">"))
        #expect(card.contains("</span> \(label)</span>"))
    }

    @Test func showsAReportWithOnlyATitle() async throws {
        let card = try await Self.card(ReportContent(title: "Bare"))
        #expect(card.contains("</span> No result</span>"))
        #expect(!card.contains("<img"))
        #expect(!card.contains("reporter"))
        #expect(!card.contains("report-details"))
        #expect(!card.contains("<dl"))
        #expect(!card.contains("report-link"))
    }

    @Test func neverBorrowsAMissingValueFromAnEnclosingContext() async throws {
        let report = S.report(
            "lint", content: ReportContent(title: "Lint", details: "report details", link: "https://example.com/r"))
        let page = CommitPage(
            repository: S.repository, commit: S.source, reports: [report],
            annotations: [S.annotation("a.swift", 1, message: "no link, no title, no details")], now: S.now,
            chrome: S.chrome)
        let html = try PageRenderer().render(page)
        let annotation = try #require(html.section(from: "<article class=\"annotation", to: "</article>"))
        #expect(!annotation.contains("https://example.com/r"))
        #expect(!annotation.contains("report details"))
        #expect(!annotation.contains("annotation-title"))
    }
}
