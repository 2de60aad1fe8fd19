import InsightsCore
import InsightsReview

/// One report's line in the pull request's summary: new and total annotations, and the counts per severity.
struct ReportSummaryView: Sendable {
    /// The report's title.
    let reportTitle: String
    /// The element id of the report's card.
    let cardAnchor: String
    /// How many annotations are new.
    let new: Int
    /// Whether any annotation is new.
    let hasNew: Bool
    /// How many annotations there are.
    let total: Int
    /// Per severity, highest first.
    let counts: [SeverityCountView]

    /// The summary lines of a pull request: reports with new findings first, then the others, each group in the
    /// order of the reports.
    ///
    /// - Parameters:
    ///   - summaries: the placement's summaries, in report order.
    ///   - cards: the report cards, for titles and anchors.
    /// - Returns: the lines.
    static func lines(_ summaries: [ReportSummary], cards: [ReportCardView]) -> [ReportSummaryView] {
        let cardsByKey = Dictionary(cards.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let lines = summaries.map { summary in
            let card = cardsByKey[summary.reportKey.rawValue]
            return ReportSummaryView(
                reportTitle: card?.title ?? summary.reportKey.rawValue, cardAnchor: card?.anchor ?? "reports",
                new: summary.new, hasNew: summary.new > 0, total: summary.total,
                counts: summary.counts.map(SeverityCountView.init))
        }
        return lines.filter { $0.new > 0 } + lines.filter { $0.new == 0 }
    }
}
