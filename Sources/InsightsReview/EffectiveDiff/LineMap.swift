/// Traces lines of one file from the old side of a diff to its new side.
///
/// Built from the diff of one file between two versions (for review: the source tip's file against the merge tree's
/// file). A line outside every hunk moves by the lines the hunks before it added and removed; a context row of a hunk
/// maps exactly; a removed row (removed or changed) has no counterpart. Added and deleted files, and binary files
/// whose content differs, trace nothing.
public struct LineMap: Sendable, Hashable {
    /// What one hunk does to the lines at and after it.
    private struct Segment: Sendable, Hashable {
        /// The first old line the hunk covers; for a hunk that only inserts, the line after the insertion point.
        var oldFirst: Int
        /// The old line after the hunk.
        var oldEnd: Int
        /// The new line that `oldEnd` maps to.
        var newEnd: Int
        /// For each old line from `oldFirst` to `oldEnd - 1`: its new line, or `nil` when the hunk removes it.
        var targets: [Int?]
    }

    private var segments: [Segment]
    private var isTraceable: Bool

    /// The map that traces every line to itself: the file is the same on both sides.
    public static let identity = LineMap(segments: [], isTraceable: true)

    private init(segments: [Segment], isTraceable: Bool) {
        self.segments = segments
        self.isTraceable = isTraceable
    }

    /// Builds the map of one file's diff.
    ///
    /// - Parameter diff: the diff from the version whose line numbers are known (old side) to the one they are
    ///   wanted on (new side).
    public init(_ diff: FileDiff) {
        switch diff.status {
        case .added, .deleted:
            self.init(segments: [], isTraceable: false)
        case .modified, .renamed, .copied:
            guard !diff.isBinary else {
                self.init(segments: [], isTraceable: false)
                return
            }
            self.init(segments: diff.hunks.map(Self.segment), isTraceable: true)
        }
    }

    /// The new-side line of an old-side line.
    ///
    /// - Parameter oldLine: a 1-based line of the old side.
    /// - Returns: the line it became, or `nil` when it was removed or changed (or the file cannot be traced).
    public func newLine(forOldLine oldLine: Int) -> Int? {
        guard isTraceable, oldLine >= 1 else { return nil }
        // The last segment starting at or before the line decides; segments are in old-line order.
        var low = 0
        var high = segments.count
        while low < high {
            let middle = (low + high) / 2
            if segments[middle].oldFirst <= oldLine { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return oldLine }
        let segment = segments[low - 1]
        if oldLine < segment.oldEnd { return segment.targets[oldLine - segment.oldFirst] }
        return oldLine - segment.oldEnd + segment.newEnd
    }

    private static func segment(_ hunk: DiffHunk) -> Segment {
        let oldFirst = hunk.oldCount > 0 ? hunk.oldStart : hunk.oldStart + 1
        let newFirst = hunk.newCount > 0 ? hunk.newStart : hunk.newStart + 1
        var targets = [Int?](repeating: nil, count: hunk.oldCount)
        for row in hunk.rows where row.kind == .context {
            guard let old = row.oldLine, let new = row.newLine else { continue }
            let offset = old - oldFirst
            if targets.indices.contains(offset) { targets[offset] = new }
        }
        return Segment(
            oldFirst: oldFirst, oldEnd: oldFirst + hunk.oldCount, newEnd: newFirst + hunk.newCount, targets: targets)
    }
}
