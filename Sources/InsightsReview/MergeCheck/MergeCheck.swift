public import InsightsCore

/// The merge check of a repository (reference D48, a project extension) applied to a pull request's placed insights:
/// a pure function from the policy and what the pull request shows to the vetoes.
public enum MergeCheck {
    /// The vetoes of `policy` on `insights`, required reports first, in the policy's order.
    ///
    /// - A required report vetoes when the source commit has none with its key, or when its result is not PASS
    ///   (failed, pending or absent).
    /// - The severity rule counts the annotations a reviewer sees on the pull request (inline on changed lines, file
    ///   level, overview) of that severity or higher, or only the new ones under ``MergeCheckPolicy/Scope/new``;
    ///   potentially obsolete and unchanged-line annotations do not count, since they are not shown on the change.
    ///   Annotations without a severity never count.
    ///
    /// - Parameters:
    ///   - policy: the repository's merge check.
    ///   - insights: the pull request's placed insights (reports of its source commit only, R1).
    /// - Returns: the vetoes; empty when the merge check allows the merge.
    public static func vetoes(of policy: MergeCheckPolicy, on insights: PlacedInsights) -> [MergeVeto] {
        requiredReportVetoes(policy.requiredReportKeys, reports: insights.reports)
            + severityVetoes(policy, on: insights)
    }

    /// Vetoes for required reports that are missing or have not passed.
    static func requiredReportVetoes(_ keys: [InsightKey], reports: [Report]) -> [MergeVeto] {
        keys.compactMap { key in
            guard let report = reports.first(where: { $0.key == key }) else {
                return MergeVeto(
                    summary: "Required report '\(key)' is missing",
                    detail: "The source commit has no report with key '\(key)'. Run the build that publishes it.")
            }
            switch report.content.result {
            case .passed:
                return nil
            case .failed:
                return MergeVeto(
                    summary: "Required report '\(report.content.title)' failed",
                    detail: "The report '\(key)' on the source commit has result FAIL; it must pass before merging.")
            case .pending:
                return MergeVeto(
                    summary: "Required report '\(report.content.title)' is pending",
                    detail: "The report '\(key)' on the source commit has not finished; it must pass before merging.")
            case nil:
                return MergeVeto(
                    summary: "Required report '\(report.content.title)' has no result",
                    detail: "The report '\(key)' on the source commit has no result; it must pass before merging.")
            }
        }
    }

    /// The veto of the severity rule, if annotations break it.
    static func severityVetoes(_ policy: MergeCheckPolicy, on insights: PlacedInsights) -> [MergeVeto] {
        guard let threshold = policy.blockingSeverity else { return [] }
        let shown = insights.files.flatMap { $0.inline + $0.fileLevel } + insights.overview
        let blocking = shown.filter { placed in
            guard let severity = placed.annotation.content.severity, severity >= threshold else { return false }
            return policy.scope == .changed || placed.isNew
        }
        guard !blocking.isEmpty else { return [] }
        let noun = blocking.count == 1 ? "annotation" : "annotations"
        let kind = policy.scope == .new ? "new " : ""
        return [
            MergeVeto(
                summary: "\(blocking.count) \(kind)\(noun) of severity \(threshold.rawValue) or higher",
                detail: "The pull request shows \(blocking.count) \(kind)\(noun) of severity \(threshold.rawValue) "
                    + "or higher on its changes; fix them, or change the repository's merge check.")
        ]
    }
}
