import InsightsReview

/// The annotations of one report with one severity, for the pull request's summary.
struct SeverityCountView: Sendable {
    /// The severity's class, word and letter.
    let severity: SeverityBadge
    /// How many are new in the pull request.
    let new: Int
    /// How many there are.
    let total: Int
    /// Whether any is new.
    let hasNew: Bool

    /// The view of a count.
    init(_ count: SeverityCount) {
        severity = SeverityBadge(count.severity)
        new = count.new
        total = count.total
        hasNew = count.new > 0
    }
}
