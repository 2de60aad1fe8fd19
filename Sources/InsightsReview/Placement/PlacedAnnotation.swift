public import InsightsCore

/// One annotation of the source commit and where a pull request view shows it.
public struct PlacedAnnotation: Sendable, Hashable {
    /// Where the annotation is shown.
    public enum Position: Sendable, Hashable {
        /// On a changed line of the effective diff.
        ///
        /// - Parameters:
        ///   - path: the file's path in the diff.
        ///   - line: the new-side line (in the merge tree).
        ///   - hunk: the index of the hunk in ``FileDiff/hunks``.
        ///   - row: the index of the row in ``DiffHunk/rows``.
        ///   - movedFrom: the line the annotation names on the source commit, when it differs from `line` (R7).
        case inline(path: String, line: Int, hunk: Int, row: Int, movedFrom: Int?)
        /// On the file as a whole.
        case fileLevel(path: String, reason: FileLevelReason)
        /// In the report's overview: the annotation names no file (R5).
        case overview
        /// In the "potentially obsolete" list: the target branch changed the file and the line cannot be traced (R7).
        case obsolete(path: String, reason: ObsoleteReason)
        /// Not shown in the pull request.
        case notShown(reason: NotShownReason)
    }

    /// Why an annotation is shown on a file rather than a line.
    public enum FileLevelReason: Sendable, Hashable {
        /// Its line is 0 or absent (R4).
        case lineZero
        /// The file is binary, so no line can be told apart (R6).
        case binaryFile
        /// The file is rendered in a special format without lines; only changed-line annotations get here (R6).
        case specialFormat
    }

    /// Why an annotation is potentially obsolete.
    public enum ObsoleteReason: Sendable, Hashable {
        /// The target branch changed the file and the annotated line has no exact counterpart in the merge.
        case targetChanged
        /// The file has merge conflicts and the annotated line has no exact counterpart in the merge.
        case conflicted
    }

    /// Why an annotation is not shown.
    public enum NotShownReason: Sendable, Hashable {
        /// The line is in the diff's file but the pull request did not change it (R2).
        case unchangedLine
        /// The pull request does not change the file (R2, R4).
        case fileNotInDiff
        /// The pull request deletes the file.
        case deletedFile
        /// The line lies past the last line the file has after the merge.
        case lineBeyondFile
    }

    /// The annotation as stored.
    public var annotation: Annotation
    /// Where it is shown.
    public var position: Position
    /// Whether the finding is new in this pull request: the target tip has no matching annotation.
    public var isNew: Bool

    /// Creates a placed annotation.
    ///
    /// - Parameters:
    ///   - annotation: the stored annotation.
    ///   - position: where it is shown.
    ///   - isNew: whether the target tip lacks it.
    public init(annotation: Annotation, position: Position, isNew: Bool) {
        self.annotation = annotation
        self.position = position
        self.isNew = isNew
    }
}
