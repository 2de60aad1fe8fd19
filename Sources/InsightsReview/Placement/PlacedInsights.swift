public import InsightsCore

/// Everything a pull request view shows of the source commit's insights, as ``Placement/place(_:)`` decided it.
public struct PlacedInsights: Sendable, Hashable {
    /// The source commit's reports, in input order (R1).
    public var reports: [Report]
    /// Every file of the effective diff, in diff order, with its file-level and inline annotations.
    public var files: [PlacedFile]
    /// Report-level annotations (no path, R5), in input order.
    public var overview: [PlacedAnnotation]
    /// Potentially obsolete annotations (R7), in input order.
    public var obsolete: [PlacedAnnotation]
    /// Annotations the view does not show, with the reason, in input order.
    public var notShown: [PlacedAnnotation]
    /// Counts per report, in the order of ``reports``.
    public var summary: [ReportSummary]

    /// Creates placed insights.
    ///
    /// - Parameters:
    ///   - reports: the source commit's reports.
    ///   - files: the diff's files with their annotations.
    ///   - overview: report-level annotations.
    ///   - obsolete: potentially obsolete annotations.
    ///   - notShown: hidden annotations.
    ///   - summary: counts per report.
    public init(
        reports: [Report], files: [PlacedFile], overview: [PlacedAnnotation], obsolete: [PlacedAnnotation],
        notShown: [PlacedAnnotation], summary: [ReportSummary]
    ) {
        self.reports = reports
        self.files = files
        self.overview = overview
        self.obsolete = obsolete
        self.notShown = notShown
        self.summary = summary
    }
}
