public import InsightsReview

/// Whether a pull request may merge now, as the server's merge check decided it.
public struct MergeVerdict: Sendable, Hashable {
    /// Whether the effective merge has conflicts.
    public var isConflicted: Bool
    /// The repository's merge check vetoes, in order.
    public var vetoes: [MergeVeto]

    /// Creates a verdict.
    ///
    /// - Parameters:
    ///   - isConflicted: whether the effective merge has conflicts.
    ///   - vetoes: the vetoes of ``MergeCheck/vetoes(of:on:)``.
    public init(isConflicted: Bool = false, vetoes: [MergeVeto] = []) {
        self.isConflicted = isConflicted
        self.vetoes = vetoes
    }

    /// Whether nothing refuses the merge.
    public var canMerge: Bool { !isConflicted && vetoes.isEmpty }
}
