import Foundation
import InsightsCore
import InsightsReview

/// The merge check box of a pull request page: the verdict while open, the outcome once closed.
struct MergeCheckView: Sendable {
    /// The CSS modifier: `ok`, `blocked` or `closed`.
    let cssClass: String
    /// `Ready to merge`, `Merge blocked`, `Merged`, `Declined`.
    let headline: String
    /// One sentence under the headline.
    let explanation: String
    /// Whether the effective merge has conflicts (open pull requests only).
    let isConflicted: Bool
    /// The vetoes (open pull requests only).
    let vetoes: [MergeVeto]

    /// The view of a verdict.
    ///
    /// - Parameters:
    ///   - verdict: the merge check's verdict.
    ///   - pullRequest: the pull request.
    ///   - formatter: formats the closing date.
    init(_ verdict: MergeVerdict, pullRequest: PullRequest, formatter: DataFieldFormatter) {
        let closed = pullRequest.closedAt.map { " " + formatter.formatDate($0) } ?? ""
        switch pullRequest.state {
        case .merged:
            (cssClass, headline, explanation) = ("closed", "Merged", "This pull request was merged\(closed).")
            (isConflicted, vetoes) = (false, [])
        case .declined:
            (cssClass, headline, explanation) = ("closed", "Declined", "This pull request was declined\(closed).")
            (isConflicted, vetoes) = (false, [])
        case .open where verdict.canMerge:
            (cssClass, headline) = ("ok", "Ready to merge")
            explanation = "The source branch merges cleanly and the merge check has no vetoes."
            (isConflicted, vetoes) = (false, [])
        case .open:
            (cssClass, headline) = ("blocked", "Merge blocked")
            let count = verdict.vetoes.count + (verdict.isConflicted ? 1 : 0)
            explanation = count == 1 ? "One thing stops this merge." : "\(count) things stop this merge."
            (isConflicted, vetoes) = (verdict.isConflicted, verdict.vetoes)
        }
    }
}
