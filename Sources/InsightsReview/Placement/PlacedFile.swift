/// One file of the effective diff with the annotations shown on it.
public struct PlacedFile: Sendable, Hashable {
    /// The file's diff (target tip → merge tree).
    public var diff: FileDiff
    /// Whether the file has merge conflicts.
    public var isConflicted: Bool
    /// Whether the target branch changed the file since the merge base (or it is conflicted).
    public var isChangedOnTarget: Bool
    /// File-level annotations, in input order.
    public var fileLevel: [PlacedAnnotation]
    /// Inline annotations, sorted by line, then in input order.
    public var inline: [PlacedAnnotation]

    /// Creates a placed file.
    ///
    /// - Parameters:
    ///   - diff: the file's diff.
    ///   - isConflicted: whether it has merge conflicts.
    ///   - isChangedOnTarget: whether the target changed it.
    ///   - fileLevel: its file-level annotations.
    ///   - inline: its inline annotations, sorted by line.
    public init(
        diff: FileDiff, isConflicted: Bool, isChangedOnTarget: Bool, fileLevel: [PlacedAnnotation] = [],
        inline: [PlacedAnnotation] = []
    ) {
        self.diff = diff
        self.isConflicted = isConflicted
        self.isChangedOnTarget = isChangedOnTarget
        self.fileLevel = fileLevel
        self.inline = inline
    }
}
