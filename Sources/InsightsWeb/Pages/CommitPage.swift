public import Foundation
public import InsightsCore
public import InsightsGit

/// A commit page: every report of one commit with all its annotations, grouped by report, wherever they point;
/// for any commit, with or without a pull request.
public struct CommitPage: Sendable {
    /// The frame: title and breadcrumbs.
    let layout: LayoutView
    /// The commit's first 11 hex digits.
    let commitShort: String
    /// The full commit id.
    let commitID: String
    /// `project/slug`.
    let repositoryName: String
    /// The repository's page.
    let repositoryURL: String
    /// The subject line, when the repository is linked to git and the commit is known.
    let subject: String?
    /// `alice, 3 days ago`, with the subject.
    let authored: String?
    /// The reports with their annotations, in the order given.
    let reports: [CommitReportView]

    /// Builds the page.
    ///
    /// - Parameters:
    ///   - repository: the repository.
    ///   - commit: the commit.
    ///   - summary: the commit's subject and author, when git knows the commit.
    ///   - reports: the commit's reports, in the order shown.
    ///   - annotations: their annotations; each is shown under the report its ``Annotation/reportKey`` names.
    ///   - now: the request time, for relative dates.
    ///   - chrome: paths, signed-in user and CSRF token.
    public init(
        repository: RepositoryRef, commit: CommitID, summary: GitCommitSummary? = nil, reports: [Report],
        annotations: [Annotation], now: Date, chrome: PageChrome
    ) {
        let formatter = DataFieldFormatter(now: now)
        commitShort = CommitText.short(commit)
        commitID = commit.rawValue
        repositoryName = repository.description
        repositoryURL = chrome.paths.repository(repository)
        layout = chrome.layout(
            title: "Commit \(commitShort)", breadcrumbs: BreadcrumbView.trail(to: repository, paths: chrome.paths))
        subject = summary?.subject
        authored = summary.map { "\($0.authorName), \(formatter.formatDate($0.authoredAt))" }
        var byReport: [InsightKey: [Annotation]] = [:]
        for annotation in annotations { byReport[annotation.reportKey, default: []].append(annotation) }
        self.reports = reports.enumerated().map { index, report in
            let own = Self.ordered(byReport[report.key] ?? [])
            return CommitReportView(
                card: ReportCardView(
                    report, index: index, annotationCount: own.count, newCount: nil, formatter: formatter),
                annotations: own.map { annotation in
                    AnnotationView(
                        annotation, reportTitle: report.content.title,
                        location: AnnotationView.location(of: annotation.content))
                })
        }
    }

    /// Report-level annotations first, then by path and line (file level before line 1), stably.
    private static func ordered(_ annotations: [Annotation]) -> [Annotation] {
        annotations.enumerated()
            .sorted { left, right in
                let leftKey = (left.element.content.path ?? "", left.element.content.line ?? 0)
                let rightKey = (right.element.content.path ?? "", right.element.content.line ?? 0)
                return leftKey != rightKey ? leftKey < rightKey : left.offset < right.offset
            }
            .map(\.element)
    }
}
