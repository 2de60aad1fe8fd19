import InsightsCore

/// How a report's result, or a commit's worst result, is shown: a colour class, an icon and a word.
struct ResultBadge: Sendable, Hashable {
    /// The CSS modifier: `pass`, `fail`, `pending` or `none`.
    let cssClass: String
    /// A symbol that tells the result apart without colour.
    let icon: String
    /// The word: `Pass`, `Fail`, `Pending`, or `none`'s own text.
    let label: String

    /// The badge of a report result.
    ///
    /// - Parameters:
    ///   - result: the result, `nil` when the report has none.
    ///   - noneLabel: the word for `nil`.
    init(_ result: ReportResult?, noneLabel: String = "No result") {
        switch result {
        case .passed?: (cssClass, icon, label) = ("pass", "✓", "Pass")
        case .failed?: (cssClass, icon, label) = ("fail", "✗", "Fail")
        case .pending?: (cssClass, icon, label) = ("pending", "…", "Pending")
        case nil: (cssClass, icon, label) = ("none", "–", noneLabel)
        }
    }
}
