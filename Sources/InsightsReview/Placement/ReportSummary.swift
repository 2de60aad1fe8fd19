public import InsightsCore

/// The annotation counts of one source-commit report.
public struct ReportSummary: Sendable, Hashable {
    /// The report.
    public var reportKey: InsightKey
    /// One count per severity that occurs, highest severity first, `nil` (no severity) last.
    public var counts: [SeverityCount]
    /// All annotations of the report, wherever they are placed.
    public var total: Int
    /// Those of them that are new in the pull request.
    public var new: Int

    /// Creates a summary.
    ///
    /// - Parameters:
    ///   - reportKey: the report.
    ///   - counts: per-severity counts, highest first.
    ///   - total: the number of annotations.
    ///   - new: the number of new ones.
    public init(reportKey: InsightKey, counts: [SeverityCount], total: Int, new: Int) {
        self.reportKey = reportKey
        self.counts = counts
        self.total = total
        self.new = new
    }
}
