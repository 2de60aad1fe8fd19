extension Placement {
    /// R7, going beyond Bitbucket: when the target branch also changed the file (or it is conflicted), the source
    /// line is traced into the merge tree through the file's ``LineMap``; only lines that cannot be traced are
    /// potentially obsolete.
    ///
    /// A traced line on an added row is shown there (with `movedFrom` when the number changed); a traced line that
    /// the pull request did not change is not shown (R2). A line that was removed or changed on the way (inside a
    /// hunk the target changed, dropped by the merge) or a file without a map is obsolete: `conflicted` for a file
    /// with merge conflicts, `targetChanged` otherwise.
    ///
    /// - Parameters:
    ///   - line: the annotation's line on the source commit (1 or more).
    ///   - file: the annotation's file.
    /// - Returns: the position for a file the target changed, else `nil`.
    static func relocatedPosition(line: Int?, file: DiffIndex.IndexedFile?) -> PlacedAnnotation.Position? {
        guard let line, line >= 1, let file, file.isChangedOnTarget else { return nil }
        guard let traced = file.relocation?.newLine(forOldLine: line) else {
            return .obsolete(path: file.diff.path, reason: file.isConflicted ? .conflicted : .targetChanged)
        }
        guard let address = file.addedRows[traced] else {
            return .notShown(reason: hiddenLineReason(line: traced, file: file))
        }
        return .inline(
            path: file.diff.path, line: traced, hunk: address.hunk, row: address.row,
            movedFrom: traced == line ? nil : line)
    }

    /// R2/R3: an annotation is shown on the effective diff only on a line the pull request changed, that is an added
    /// row; any other line is not shown.
    ///
    /// - Parameters:
    ///   - line: the annotation's line (1 or more).
    ///   - file: the annotation's file.
    /// - Returns: the inline position, or the reason it is not shown; `nil` without a line or file.
    static func changedLinePosition(line: Int?, file: DiffIndex.IndexedFile?) -> PlacedAnnotation.Position? {
        guard let line, line >= 1, let file else { return nil }
        guard let address = file.addedRows[line] else {
            return .notShown(reason: hiddenLineReason(line: line, file: file))
        }
        return .inline(path: file.diff.path, line: line, hunk: address.hunk, row: address.row, movedFrom: nil)
    }

    /// Why a line that is not an added row is not shown: ``PlacedAnnotation/NotShownReason/lineBeyondFile`` when it
    /// lies past the file's last line as far as the diff tells it (``lastKnownLine(of:)``), else
    /// ``PlacedAnnotation/NotShownReason/unchangedLine``.
    ///
    /// - Parameters:
    ///   - line: a new-side line.
    ///   - file: the file.
    /// - Returns: the reason.
    static func hiddenLineReason(line: Int, file: DiffIndex.IndexedFile) -> PlacedAnnotation.NotShownReason {
        if let last = file.lastLine, line > last { return .lineBeyondFile }
        return .unchangedLine
    }

    /// The new side's last line, when the diff alone tells it: for an added file, its last line (0 when empty);
    /// for any other file, the last new-side row of its last hunk when git marked it `\ No newline at end of file`.
    /// Otherwise `nil`: the hunks show only the neighbourhood of the changes, not how long the file is.
    ///
    /// - Parameter file: a file's diff.
    /// - Returns: the 1-based last line, 0 for an empty file, or `nil` when unknown.
    static func lastKnownLine(of file: FileDiff) -> Int? {
        guard !file.isBinary, file.status != .deleted else { return nil }
        let lastRow = file.hunks.last?.rows.last { $0.kind != .removed }
        if file.status == .added { return lastRow?.newLine ?? 0 }
        if let lastRow, lastRow.hasNoNewlineAtEnd { return lastRow.newLine }
        return nil
    }
}
