import InsightsCore

/// One report of a commit page with all its annotations.
struct CommitReportView: Sendable {
    /// The report's card.
    let card: ReportCardView
    /// Its annotations: report-level first, then by path and line.
    let annotations: [AnnotationView]
}
