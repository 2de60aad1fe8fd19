import InsightsCore

/// The status dot of a commit: the worst result of its reports, with a word and a count.
struct CommitStatusView: Sendable {
    /// Pass, fail, pending or none, as a badge.
    let badge: ResultBadge
    /// `3 reports`, `No reports`.
    let reportCount: String

    /// The status of a commit with these reports: failed if any failed, else pending if any is pending, else
    /// passed if any passed; none when there are no reports (`No reports`) or none has a result (`No result`).
    ///
    /// - Parameter reports: the commit's reports.
    init(reports: [Report]) {
        let results = reports.compactMap(\.content.result)
        let worst: ReportResult? =
            results.contains(.failed) ? .failed : results.contains(.pending) ? .pending : results.first
        badge = ResultBadge(worst, noneLabel: reports.isEmpty ? "No reports" : "No result")
        reportCount = reports.isEmpty ? "No reports" : "\(reports.count) report\(reports.count == 1 ? "" : "s")"
    }
}
