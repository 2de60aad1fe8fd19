public import InsightsCore

/// The "preview merge" diff of a pull request: what merging the source into the target would change on the target,
/// plus what is needed to place source-commit annotations on it.
///
/// Bitbucket shows annotations only on this diff (R3). Because it starts from the target tip, files the target branch
/// also changed contain the target's changes too; ``relocations`` traces source-commit line numbers into it (R7).
public struct EffectiveDiff: Sendable, Hashable {
    /// The source branch tip the annotations were made on.
    public var sourceCommit: CommitID
    /// The target branch tip the diff starts from.
    public var targetCommit: CommitID
    /// The best common ancestor of both tips; `nil` when they share no history.
    public var mergeBase: CommitID?
    /// The diff from the target tip to the merge tree, in git's order.
    public var files: [FileDiff]
    /// Paths git could not merge cleanly (the merge tree holds conflict markers for them).
    public var conflictedPaths: Set<String>
    /// Paths the target branch changed since the merge base.
    public var targetChangedPaths: Set<String>
    /// For source paths that the target branch also changed: the map from the source tip's file to the merge tree's
    /// file, keyed by the source path.
    public var relocations: [String: LineMap]

    /// Creates an effective diff.
    ///
    /// - Parameters:
    ///   - sourceCommit: the source tip.
    ///   - targetCommit: the target tip.
    ///   - mergeBase: their merge base, `nil` when unrelated.
    ///   - files: target tip → merge tree, in git's order.
    ///   - conflictedPaths: paths with merge conflicts.
    ///   - targetChangedPaths: paths the target changed since the merge base.
    ///   - relocations: source path → line map into the merge tree, for paths both sides changed.
    public init(
        sourceCommit: CommitID, targetCommit: CommitID, mergeBase: CommitID?, files: [FileDiff],
        conflictedPaths: Set<String> = [], targetChangedPaths: Set<String> = [], relocations: [String: LineMap] = [:]
    ) {
        self.sourceCommit = sourceCommit
        self.targetCommit = targetCommit
        self.mergeBase = mergeBase
        self.files = files
        self.conflictedPaths = conflictedPaths
        self.targetChangedPaths = targetChangedPaths
        self.relocations = relocations
    }
}
