import InsightsCore

/// Decides where a pull request view shows each annotation of the source commit (rules R1–R7 of the Code Insights
/// reference), with one pure entry point, ``place(_:)``.
///
/// Each rule is its own function returning `nil` when it does not apply; ``position(for:in:)`` applies them in this
/// order and the first that decides wins:
///
/// 1. ``overviewPosition(path:)`` — no path: overview (R5).
/// 2. ``missingFilePosition(_:)`` — file not in the diff, or deleted: not shown (R2, R4).
/// 3. ``binaryPosition(_:)`` — binary file: file level, whatever the line (R6).
/// 4. ``lineZeroPosition(line:file:)`` — line 0 or none: file level (R4), also on files the target changed.
/// 5. ``specialFormatPosition(line:file:specialFormats:)`` — a file rendered without lines (R6; no format yet).
/// 6. ``relocatedPosition(line:file:)`` — the target also changed the file: trace the line (R7).
/// 7. ``changedLinePosition(line:file:)`` — inline on an added row, else not shown (R2, R3).
///
/// Before them, ``scopedReports(_:sourceCommit:)`` and ``scopedAnnotations(_:of:)`` keep only the source commit's
/// reports and their annotations (R1), and ``normalizedPath(_:)`` drops a leading `./`. After them,
/// ``FindingFingerprints`` tells new findings from existing ones and ``summarize(_:reports:)`` counts them.
public enum Placement {
    /// The file extensions (lower case, no dot) rendered in a special format without lines (R6).
    ///
    /// Empty: SVG is readable text, so this implementation shows it as a text diff and places its changed-line
    /// annotations inline like any other file, which is more useful than Bitbucket's picture with file-level notes.
    static let specialFormatExtensions: Set<String> = []

    /// Places the source commit's annotations on the effective diff.
    ///
    /// - Parameter input: the diff, the reports and annotations, and the target tip's annotations.
    /// - Returns: the annotations by file, overview, obsolete and hidden lists, and per-report counts.
    public static func place(_ input: PlacementInput) -> PlacedInsights {
        let reports = scopedReports(input.reports, sourceCommit: input.sourceCommit)
        let annotations = scopedAnnotations(input.annotations, of: reports)
        let index = DiffIndex(input.diff)
        let existing = FindingFingerprints(input.targetAnnotations)
        let placed = annotations.map { annotation in
            PlacedAnnotation(
                annotation: annotation, position: position(for: annotation.content, in: index),
                isNew: existing.isNew(annotation))
        }
        return assemble(placed, reports: reports, index: index)
    }

    /// The position of one annotation: the first rule that decides.
    ///
    /// - Parameters:
    ///   - content: the annotation's content.
    ///   - index: the indexed effective diff.
    /// - Returns: where the annotation is shown.
    static func position(for content: AnnotationContent, in index: DiffIndex) -> PlacedAnnotation.Position {
        let path = normalizedPath(content.path)
        let file = path.flatMap { index.file(at: $0) }
        let line = content.line
        if let position = overviewPosition(path: path) { return position }
        if let position = missingFilePosition(file) { return position }
        if let position = binaryPosition(file) { return position }
        if let position = lineZeroPosition(line: line, file: file) { return position }
        if let position = specialFormatPosition(line: line, file: file) { return position }
        if let position = relocatedPosition(line: line, file: file) { return position }
        return changedLinePosition(line: line, file: file) ?? .notShown(reason: .fileNotInDiff)
    }
}
