/// A repository's merge check (reference D48, a project extension): what must hold before a pull request merges.
///
/// The default policy requires nothing, as in Bitbucket, where a failed report never blocks a merge (R8).
public struct MergeCheckPolicy: Hashable, Sendable {
    /// Which annotations the severity rule counts.
    public enum Scope: String, Sendable, CaseIterable {
        /// Every annotation placed on a changed line, file level or in the overview of the pull request.
        case changed = "CHANGED"
        /// Only those that the target branch's tip does not also report (new findings).
        case new = "NEW"
    }

    /// Reports that must exist on the source commit with result PASS.
    public var requiredReportKeys: [InsightKey]
    /// Annotations of this severity or higher veto the merge; `nil` turns the rule off.
    public var blockingSeverity: AnnotationSeverity?
    /// Which annotations ``blockingSeverity`` counts.
    public var scope: Scope

    /// Creates a policy.
    public init(
        requiredReportKeys: [InsightKey] = [], blockingSeverity: AnnotationSeverity? = nil, scope: Scope = .changed
    ) {
        self.requiredReportKeys = requiredReportKeys
        self.blockingSeverity = blockingSeverity
        self.scope = scope
    }

    /// The policy that requires nothing.
    public static let none = MergeCheckPolicy()
}
