import InsightsCore
import InsightsReview

/// One file of the effective diff as the `diff-file` partial shows it: header, file-level annotations, hunks.
struct DiffFileView: Sendable {
    /// The element id, `file-{n}`.
    let anchor: String
    /// The file's path (the new one; the old one for a deleted file).
    let path: String
    /// The old path of a renamed or copied file; `nil` otherwise.
    let oldPath: String?
    /// Added, deleted, renamed, copied, binary, conflicted, changed on target.
    let badges: [FileBadge]
    /// Added rows.
    let addedCount: Int
    /// Removed rows.
    let removedCount: Int
    /// Rows of all hunks.
    let rowCount: Int
    /// Whether the file starts collapsed because it has more rows than the page's threshold.
    let isCollapsed: Bool
    /// Whether git found the file binary.
    let isBinary: Bool
    /// `2 annotations`, or `nil` when there are none.
    let annotationCount: String?
    /// Whether annotations are shown at the top of the file.
    let hasFileLevel: Bool
    /// The file-level annotations.
    let fileLevel: [AnnotationView]
    /// Whether the file has hunks (binary files, pure renames and mode changes have none).
    let hasHunks: Bool
    /// The hunks with their rows and inline annotations.
    let hunks: [DiffHunkView]

    /// The view of a placed file.
    ///
    /// - Parameters:
    ///   - file: the file with its annotations.
    ///   - index: its position in the diff, for the element id.
    ///   - reportTitles: report titles by key.
    ///   - collapseThreshold: files with more rows start collapsed.
    init(_ file: PlacedFile, index: Int, reportTitles: [InsightKey: String], collapseThreshold: Int) {
        let diff = file.diff
        anchor = "file-\(index + 1)"
        path = diff.path
        oldPath =
            (diff.status == .renamed || diff.status == .copied) && diff.oldPath != diff.newPath
            ? diff.oldPath : nil
        badges = Self.badges(of: file)
        let rows = diff.hunks.flatMap(\.rows)
        addedCount = rows.count { $0.kind == .added }
        removedCount = rows.count { $0.kind == .removed }
        rowCount = rows.count
        isCollapsed = rows.count > collapseThreshold
        isBinary = diff.isBinary
        let shown = file.fileLevel.count + file.inline.count
        annotationCount = shown > 0 ? ReportCardView.countText(total: shown, new: nil) : nil
        fileLevel = file.fileLevel.map { AnnotationView(placed: $0, reportTitles: reportTitles) }
        hasFileLevel = !fileLevel.isEmpty
        var byRow: [Int: [Int: [AnnotationView]]] = [:]
        for placed in file.inline {
            guard case .inline(_, _, let hunk, let row, _) = placed.position else { continue }
            byRow[hunk, default: [:]][row, default: []].append(
                AnnotationView(placed: placed, reportTitles: reportTitles))
        }
        hunks = diff.hunks.enumerated().map { index, hunk in DiffHunkView(hunk, annotations: byRow[index] ?? [:]) }
        hasHunks = !hunks.isEmpty
    }

    private static func badges(of file: PlacedFile) -> [FileBadge] {
        var badges: [FileBadge] = []
        switch file.diff.status {
        case .added: badges.append(FileBadge(cssClass: "added", label: "Added"))
        case .deleted: badges.append(FileBadge(cssClass: "deleted", label: "Deleted"))
        case .renamed: badges.append(FileBadge(cssClass: "renamed", label: "Renamed"))
        case .copied: badges.append(FileBadge(cssClass: "copied", label: "Copied"))
        case .modified: break
        }
        if file.diff.isBinary { badges.append(FileBadge(cssClass: "binary", label: "Binary")) }
        if file.isConflicted {
            badges.append(FileBadge(cssClass: "conflicted", label: "Conflicted"))
        } else if file.isChangedOnTarget {
            badges.append(FileBadge(cssClass: "target-changed", label: "Changed on target"))
        }
        return badges
    }
}
