import Foundation
import InsightsCore
import InsightsReview
import Testing

@testable import InsightsWeb

/// Where the pull request page puts each placed annotation, and how it shows the diff.
@Suite struct PullRequestPageTests {
    typealias S = WebSamples
    typealias F = PullRequestFixture

    static func html() async throws -> String {
        try await S.render(F.insights)
    }

    @Test func aBodyRenderedOnceAndFramedPerVisitorIsTheWholePage() throws {
        let renderer = try PageRenderer()
        let anonymous = PullRequestPage(
            pullRequest: S.pullRequest(), insights: F.insights, verdict: MergeVerdict(), now: S.now,
            chrome: PageChrome(csrfToken: "token-a"))
        let signedIn = PullRequestPage(
            pullRequest: S.pullRequest(), insights: F.insights, verdict: MergeVerdict(), now: S.now,
            chrome: PageChrome(userName: "<b>eve</b>", csrfToken: "token-b"))
        let body = renderer.renderBody(anonymous)
        #expect(renderer.render(anonymous, body: body) == renderer.render(anonymous))
        #expect(renderer.render(signedIn, body: body) == renderer.render(signedIn))
        #expect(!body.contains("token-a"))
        #expect(renderer.render(signedIn, body: body).contains("&lt;b&gt;eve&lt;/b&gt;"))
    }

    @Test func showsALineAnnotationRightUnderItsRow() async throws {
        let html = try await Self.html()
        let row = try #require(
            html.range(of: "<td class=\"ln\">10</td><td class=\"code\"><span class=\"marker\">+</span>TEN</td></tr>\n"))
        let after = html[row.upperBound...]
        #expect(after.hasPrefix("<tr class=\"annotation-row\" data-line=\"10\">"))
        let annotationRow = try #require(after.range(of: "</td></tr>"))
        #expect(after[..<annotationRow.lowerBound].contains(F.id(F.inline)))
        #expect(after[..<annotationRow.lowerBound].contains("inline on TEN"))
    }

    @Test func showsAFileLevelAnnotationAtTheTopOfItsFile() async throws {
        let html = try await Self.html()
        let file = try #require(html.section(from: "data-file-path=\"src/app.swift\"", to: "</details>"))
        let annotation = try #require(file.offset(of: F.id(F.fileLevel)))
        let summaryEnd = try #require(file.offset(of: "</summary>"))
        let table = try #require(file.offset(of: "<table class=\"diff\">"))
        #expect(summaryEnd < annotation && annotation < table)
        #expect(
            file.section(from: "<div class=\"file-annotations\">", to: "<table")?.contains("about the whole file")
                == true)
    }

    @Test func showsAMovedAnnotationOnItsNewLineWithWhereItCameFrom() async throws {
        let html = try await Self.html()
        let file = try #require(html.section(from: "data-file-path=\"src/moved.swift\"", to: "</details>"))
        let row = try #require(
            file.range(of: "<td class=\"ln\">12</td><td class=\"code\"><span class=\"marker\">+</span>TEN</td></tr>\n"))
        let after = file[row.upperBound...]
        #expect(after.hasPrefix("<tr class=\"annotation-row\" data-line=\"12\">"))
        let annotation = try #require(String(after).section(from: F.id(F.moved), to: "</article>"))
        #expect(annotation.contains("moved from line 10"))
    }

    @Test func listsPotentiallyObsoleteAnnotationsInTheirOwnSection() async throws {
        let html = try await Self.html()
        let section = try #require(html.section(from: "<section id=\"obsolete\"", to: "</section>"))
        #expect(section.contains(F.id(F.obsolete)))
        #expect(section.contains("src/moved.swift:30"))
        #expect(section.contains("The target branch changed this file"))
        let files = try #require(html.section(from: "<section id=\"files\"", to: "</section>"))
        #expect(!files.contains(F.id(F.obsolete)))
    }

    @Test func countsAndListsAnnotationsThatAreNotShownApart() async throws {
        let html = try await Self.html()
        let section = try #require(html.section(from: "<section id=\"not-shown\"", to: "</section>"))
        #expect(section.contains("1 annotation is not shown"))
        #expect(section.contains(F.id(F.unchanged)))
        #expect(section.contains("The pull request does not change this line."))
        let files = try #require(html.section(from: "<section id=\"files\"", to: "</section>"))
        #expect(!files.contains(F.id(F.unchanged)))
    }

    @Test func listsReportLevelAnnotationsInTheOverview() async throws {
        let html = try await Self.html()
        let section = try #require(html.section(from: "<section id=\"overview\"", to: "</section>"))
        #expect(section.contains(F.id(F.overview)))
        #expect(section.contains("Security scan"))
    }

    @Test func showsEveryAnnotationExactlyOnce() async throws {
        let html = try await Self.html()
        for annotation in F.annotations {
            #expect(html.occurrences(of: F.id(annotation)) == 1)
        }
    }

    @Test func collapsesFilesWithMoreRowsThanTheThreshold() async throws {
        let html = try await Self.html()
        #expect(html.contains("<details class=\"diff-file\" id=\"file-3\" data-file-path=\"src/big.swift\">"))
        #expect(html.contains("500 lines: collapsed"))
        #expect(html.contains("<details class=\"diff-file\" id=\"file-1\" data-file-path=\"src/app.swift\" open>"))
    }

    @Test func collapsesAtTheThresholdTheCallerChooses() async throws {
        let html = try await S.render(F.insights, collapseThreshold: 5)
        #expect(html.contains("<details class=\"diff-file\" id=\"file-1\" data-file-path=\"src/app.swift\">"))
        let exact = try await S.render(F.insights, collapseThreshold: 7)
        #expect(exact.contains("<details class=\"diff-file\" id=\"file-1\" data-file-path=\"src/app.swift\" open>"))
    }

    @Test func showsBinaryFilesWithTheirAnnotationsAtFileLevel() async throws {
        let html = try await Self.html()
        let file = try #require(html.section(from: "data-file-path=\"assets/logo.png\"", to: "</details>"))
        #expect(file.contains("<span class=\"badge badge-binary\">Binary</span>"))
        #expect(file.contains("Binary file: its content is not shown."))
        #expect(file.contains(F.id(F.binary)))
        #expect(file.contains("Line 3 of a binary file"))
        #expect(file.contains("No severity"))
    }

    @Test func namesBothPathsOfARenamedFile() async throws {
        let html = try await Self.html()
        let file = try #require(html.section(from: "data-file-path=\"src/new-name.swift\"", to: "</details>"))
        #expect(file.contains("<span class=\"old-path\">src/old-name.swift</span>"))
        #expect(file.contains("<span class=\"badge badge-renamed\">Renamed</span>"))
        #expect(file.contains("No content changes."))
    }

    @Test func marksFilesTheTargetChangedAndConflictedFiles() async throws {
        let conflicted = S.place(
            S.diff([S.file("src/app.swift", S.replacement)], conflicted: ["src/app.swift"]), reports: [],
            annotations: [])
        #expect(try await S.render(conflicted).contains("<span class=\"badge badge-conflicted\">Conflicted</span>"))
        #expect(try await Self.html().contains("<span class=\"badge badge-target-changed\">Changed on target</span>"))
    }

    @Test func showsRowsWithLineNumbersAndMarkers() async throws {
        let html = try await Self.html()
        #expect(html.contains("<tr class=\"hunk-header\"><td colspan=\"3\">@@ -8,5 +8,6 @@ func f()</td></tr>"))
        #expect(
            html.contains(
                "<tr class=\"context\"><td class=\"ln\">8</td><td class=\"ln\">8</td><td class=\"code\"><span class=\"marker\"> </span>eight</td></tr>"
            ))
        #expect(
            html.contains(
                "<tr class=\"removed\"><td class=\"ln\">10</td><td class=\"ln\"></td><td class=\"code\"><span class=\"marker\">-</span>ten</td></tr>"
            ))
        #expect(
            html.contains(
                "<tr class=\"added\"><td class=\"ln\"></td><td class=\"ln\">11</td><td class=\"code\"><span class=\"marker\">+</span>ten and a half</td></tr>"
            ))
    }

    @Test func summarizesByReportAndSeverityWithNewFindingsFirst() async throws {
        let security = S.annotation(nil, nil, report: "security", message: "new", severity: .critical)
        let lint = S.annotation("src/app.swift", 10, message: "old", severity: .high)
        var lintOnTarget = lint
        lintOnTarget.uuid = UUID()
        let insights = Placement.place(
            PlacementInput(
                sourceCommit: S.source, diff: F.diff, reports: F.reports, annotations: [lint, security],
                targetAnnotations: [lintOnTarget]))
        let html = try await S.render(insights)
        let summary = try #require(html.section(from: "<section id=\"summary\"", to: "</section>"))
        let securityRow = try #require(summary.offset(of: ">Security scan</a>"))
        let lintRow = try #require(summary.offset(of: ">Lint</a>"))
        #expect(securityRow < lintRow)
        #expect(summary.contains("Critical: <strong>1 new</strong> of 1"))
        #expect(summary.contains("High: 1"))
        let card = try #require(html.section(from: "id=\"report-2\"", to: "</article>"))
        #expect(card.contains("1 annotation, 1 new"))
    }

    @Test func marksNewFindings() async throws {
        let html = try await Self.html()
        let annotation = try #require(html.section(from: F.id(F.inline), to: "</article>"))
        #expect(annotation.contains("<span class=\"badge badge-new\">New</span>"))
        #expect(html.contains("class=\"annotation severity-high is-new\" \(F.id(F.inline))"))
    }

    @Test func showsSeverityTypeAndReportOnEachAnnotation() async throws {
        let html = try await Self.html()
        let annotation = try #require(html.section(from: F.id(F.inline), to: "</article>"))
        #expect(annotation.contains("<span class=\"severity-letter\" aria-hidden=\"true\">H</span> High"))
        #expect(annotation.contains("<span class=\"annotation-type\">Code smell</span>"))
        #expect(annotation.contains("<span class=\"annotation-report\">Lint</span>"))
        #expect(annotation.contains("data-annotation tabindex=\"-1\""))
    }

    @Test func showsTheHeadOfThePullRequest() async throws {
        let pullRequest = S.pullRequest(description: "First line\nsecond line")
        let html = try await S.render(F.insights, pullRequest: pullRequest)
        #expect(html.contains("<span class=\"pr-number\">#7</span> Add the feature</h1>"))
        #expect(html.contains("<span class=\"state state-open\">Open</span>"))
        #expect(html.contains("<code class=\"branch\">feature</code>"))
        #expect(html.contains("<code class=\"branch\">main</code>"))
        #expect(html.contains("<code>aaaaaaaaaaa</code>"))
        #expect(html.contains("href=\"/projects/proj/repos/repo/commits/\(S.source.rawValue)\""))
        #expect(html.contains("opened 2 days ago by bob"))
        #expect(html.contains("<p class=\"pr-description\">First line\nsecond line</p>"))
    }

    @Test func subscribesToThePullRequestsEvents() async throws {
        let html = try await Self.html()
        #expect(html.contains("<body data-events-url=\"/projects/proj/repos/repo/pull-requests/7/events\">"))
        #expect(html.contains("<input type=\"checkbox\" id=\"hide-annotations\">"))
    }
}
