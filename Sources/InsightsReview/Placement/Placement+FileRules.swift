extension Placement {
    /// R5: an annotation without a path belongs to the report's overview, whatever the diff holds.
    ///
    /// - Parameter path: the normalised path.
    /// - Returns: ``PlacedAnnotation/Position/overview`` when there is no path, else `nil`.
    static func overviewPosition(path: String?) -> PlacedAnnotation.Position? {
        path == nil ? .overview : nil
    }

    /// R2/R4: annotations of files the pull request does not show are not shown; a deleted file shows no
    /// annotations either (it has no new side to annotate, whatever the line).
    ///
    /// - Parameter file: the diff's file with the annotation's path, `nil` when there is none.
    /// - Returns: ``PlacedAnnotation/NotShownReason/fileNotInDiff`` or ``PlacedAnnotation/NotShownReason/deletedFile``,
    ///   else `nil`.
    static func missingFilePosition(_ file: DiffIndex.IndexedFile?) -> PlacedAnnotation.Position? {
        guard let file else { return .notShown(reason: .fileNotInDiff) }
        return file.diff.status == .deleted ? .notShown(reason: .deletedFile) : nil
    }

    /// R6: a binary file has no lines to tell apart, so every annotation on it is shown at file level.
    ///
    /// - Parameter file: the annotation's file.
    /// - Returns: ``PlacedAnnotation/FileLevelReason/binaryFile`` for a binary file, else `nil`.
    static func binaryPosition(_ file: DiffIndex.IndexedFile?) -> PlacedAnnotation.Position? {
        guard let file, file.diff.isBinary else { return nil }
        return .fileLevel(path: file.diff.path, reason: .binaryFile)
    }

    /// R4: line 0 (or no line) is a file-level annotation on the file with that path. It stays file level on a file
    /// the target branch also changed: a file has no line to lose.
    ///
    /// - Parameters:
    ///   - line: the annotation's line.
    ///   - file: the annotation's file.
    /// - Returns: ``PlacedAnnotation/FileLevelReason/lineZero`` when the line is absent or below 1, else `nil`.
    static func lineZeroPosition(line: Int?, file: DiffIndex.IndexedFile?) -> PlacedAnnotation.Position? {
        guard let file else { return nil }
        if let line, line >= 1 { return nil }
        return .fileLevel(path: file.diff.path, reason: .lineZero)
    }

    /// R6: a readable file rendered in a special format (a picture, say) shows only changed-line annotations, at file
    /// level, since it has no lines to attach them to.
    ///
    /// No format is special today (``specialFormatExtensions`` is empty; SVG is shown as text).
    ///
    /// - Parameters:
    ///   - line: the annotation's line (1 or more).
    ///   - file: the annotation's file.
    ///   - specialFormats: lower-case extensions rendered without lines.
    /// - Returns: ``PlacedAnnotation/FileLevelReason/specialFormat`` for a changed line of such a file,
    ///   ``PlacedAnnotation/NotShownReason/unchangedLine`` for another line of it, else `nil`.
    static func specialFormatPosition(
        line: Int?, file: DiffIndex.IndexedFile?, specialFormats: Set<String> = specialFormatExtensions
    ) -> PlacedAnnotation.Position? {
        guard let line, let file, isSpecialFormat(file.diff.path, specialFormats: specialFormats) else { return nil }
        return file.addedRows[line] != nil
            ? .fileLevel(path: file.diff.path, reason: .specialFormat) : .notShown(reason: .unchangedLine)
    }

    /// Whether a path's extension is one of the special formats, ignoring case.
    ///
    /// - Parameters:
    ///   - path: a file path.
    ///   - specialFormats: lower-case extensions without the dot.
    /// - Returns: whether the file is rendered in a special format.
    static func isSpecialFormat(_ path: String, specialFormats: Set<String>) -> Bool {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return specialFormats.contains(name[name.index(after: dot)...].lowercased())
    }
}
