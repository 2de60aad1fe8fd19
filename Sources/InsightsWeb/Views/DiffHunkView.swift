import InsightsReview

/// One hunk of a file's diff: its header line and rows.
struct DiffHunkView: Sendable {
    /// `@@ -8,5 +8,6 @@ func f()`.
    let header: String
    /// The rows, in patch order.
    let rows: [DiffRowView]

    /// The view of a hunk.
    ///
    /// - Parameters:
    ///   - hunk: the hunk.
    ///   - annotations: annotations by row index within the hunk.
    init(_ hunk: DiffHunk, annotations: [Int: [AnnotationView]]) {
        let ranges = "@@ -\(hunk.oldStart),\(hunk.oldCount) +\(hunk.newStart),\(hunk.newCount) @@"
        header = hunk.section.isEmpty ? ranges : ranges + " " + hunk.section
        rows = hunk.rows.enumerated().map { index, row in DiffRowView(row, annotations: annotations[index] ?? []) }
    }
}
