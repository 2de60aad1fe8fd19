public import InsightsCore

/// What ``Placement/place(_:)`` needs: the effective diff and the stored insights around it.
public struct PlacementInput: Sendable {
    /// The source branch tip: only its reports are shown (R1).
    public var sourceCommit: CommitID
    /// The effective diff of the pull request.
    public var diff: EffectiveDiff
    /// Reports to consider; those of other commits are ignored.
    public var reports: [Report]
    /// The annotations of those reports, matched to them by ``Annotation/reportKey``.
    public var annotations: [Annotation]
    /// The target tip's annotations, to tell new findings from existing ones.
    public var targetAnnotations: [Annotation]

    /// Creates an input.
    ///
    /// - Parameters:
    ///   - sourceCommit: the source tip.
    ///   - diff: the effective diff.
    ///   - reports: candidate reports (any commits).
    ///   - annotations: their annotations.
    ///   - targetAnnotations: the target tip's annotations.
    public init(
        sourceCommit: CommitID, diff: EffectiveDiff, reports: [Report], annotations: [Annotation],
        targetAnnotations: [Annotation] = []
    ) {
        self.sourceCommit = sourceCommit
        self.diff = diff
        self.reports = reports
        self.annotations = annotations
        self.targetAnnotations = targetAnnotations
    }
}
