public import Foundation
public import InsightsCore
public import InsightsReview

/// The pull request page: head, merge check, summary, report cards, overview annotations and the effective diff
/// with its annotations inline, then the potentially obsolete and hidden ones.
///
/// Built by a pure function of the domain values; render it with ``PageRenderer``.
public struct PullRequestPage: Sendable {
    /// Files with more diff rows than this start collapsed, unless the caller chooses another threshold.
    public static let defaultCollapseThreshold = 400

    /// The frame: title, breadcrumbs and the events URL.
    let layout: LayoutView
    /// Number, title, state, branches and source commit.
    let pullRequest: PullRequestHeaderView
    /// The merge check's verdict, or how the pull request was closed.
    let mergeCheck: MergeCheckView
    /// Annotation counts per report and severity, reports with new findings first.
    let summary: [ReportSummaryView]
    /// The source commit's reports.
    let reports: [ReportCardView]
    /// Annotations without a path (R5).
    let overview: [AnnotationView]
    /// The effective diff's files with their file-level and inline annotations.
    let files: [DiffFileView]
    /// Potentially obsolete annotations (R7).
    let obsolete: [AnnotationView]
    /// Annotations on lines or files the pull request does not change.
    let notShown: [AnnotationView]
    /// `1 annotation is not shown`, `3 annotations are not shown`.
    let notShownCount: String

    /// Builds the page.
    ///
    /// - Parameters:
    ///   - pullRequest: the pull request.
    ///   - insights: the placement of its source commit's insights on the effective diff (``Placement/place(_:)``);
    ///     its ``PlacedInsights/files`` carry every file of the effective diff, its ``PlacedInsights/reports`` the
    ///     source commit's reports.
    ///   - verdict: the merge check's verdict.
    ///   - now: the request time, for relative dates.
    ///   - chrome: paths, signed-in user and CSRF token.
    ///   - collapseThreshold: files with more diff rows start collapsed.
    public init(
        pullRequest: PullRequest, insights: PlacedInsights, verdict: MergeVerdict, now: Date, chrome: PageChrome,
        collapseThreshold: Int = defaultCollapseThreshold
    ) {
        let formatter = DataFieldFormatter(now: now)
        let paths = chrome.paths
        let ref = pullRequest.repository
        layout = chrome.layout(
            title: "#\(pullRequest.id) \(pullRequest.title)",
            breadcrumbs: BreadcrumbView.trail(to: ref, paths: paths) + [
                BreadcrumbView(label: "Pull requests", url: paths.pullRequests(ref, state: .open))
            ],
            eventsURL: paths.pullRequestEvents(ref, id: pullRequest.id))
        self.pullRequest = PullRequestHeaderView(pullRequest, paths: paths, formatter: formatter)
        mergeCheck = MergeCheckView(verdict, pullRequest: pullRequest, formatter: formatter)
        let summaries = Dictionary(
            insights.summary.map { ($0.reportKey, $0) }, uniquingKeysWith: { first, _ in first })
        reports = insights.reports.enumerated().map { index, report in
            let summary = summaries[report.key]
            return ReportCardView(
                report, index: index, annotationCount: summary?.total ?? 0, newCount: summary?.new ?? 0,
                formatter: formatter)
        }
        summary = ReportSummaryView.lines(insights.summary, cards: reports)
        let titles = Dictionary(
            insights.reports.map { ($0.key, $0.content.title) }, uniquingKeysWith: { first, _ in first })
        overview = insights.overview.map { AnnotationView(placed: $0, reportTitles: titles) }
        files = insights.files.enumerated().map { index, file in
            DiffFileView(file, index: index, reportTitles: titles, collapseThreshold: collapseThreshold)
        }
        obsolete = insights.obsolete.map { AnnotationView(placed: $0, reportTitles: titles) }
        notShown = insights.notShown.map { AnnotationView(placed: $0, reportTitles: titles) }
        let hidden = insights.notShown.count
        notShownCount = hidden == 1 ? "1 annotation is not shown" : "\(hidden) annotations are not shown"
    }
}
