/// The effective diff arranged for placing annotations: files by path, added rows by line, and what the target
/// branch did to each file.
struct DiffIndex {
    /// Where a row sits in a file's diff.
    struct RowAddress: Hashable {
        /// Index into ``FileDiff/hunks``.
        var hunk: Int
        /// Index into ``DiffHunk/rows``.
        var row: Int
    }

    /// One file of the diff with its lookups.
    struct IndexedFile {
        /// The position of the file in ``EffectiveDiff/files``.
        var offset: Int
        /// The file's diff.
        var diff: FileDiff
        /// The added rows by new-side line.
        var addedRows: [Int: RowAddress]
        /// The file's last line after the merge, when the diff tells it (see ``Placement/lastKnownLine(of:)``).
        var lastLine: Int?
        /// Whether the file has merge conflicts.
        var isConflicted: Bool
        /// Whether the target branch changed the file since the merge base, or it is conflicted.
        var isChangedOnTarget: Bool
        /// The map from the source tip's file into the merge tree's, when computed.
        var relocation: LineMap?
    }

    /// Every file, in diff order.
    private(set) var files: [IndexedFile] = []
    private var byPath: [String: Int] = [:]
    private var deletedByPath: [String: Int] = [:]

    /// Indexes a diff.
    ///
    /// - Parameter diff: the effective diff.
    init(_ diff: EffectiveDiff) {
        for (offset, file) in diff.files.enumerated() {
            let names = [file.oldPath, file.newPath].compactMap(\.self)
            let isConflicted = names.contains { diff.conflictedPaths.contains($0) }
            let isChangedOnTarget = isConflicted || names.contains { diff.targetChangedPaths.contains($0) }
            files.append(
                IndexedFile(
                    offset: offset, diff: file, addedRows: Self.addedRows(of: file),
                    lastLine: Placement.lastKnownLine(of: file), isConflicted: isConflicted,
                    isChangedOnTarget: isChangedOnTarget, relocation: diff.relocations[file.path]))
            if let newPath = file.newPath {
                if byPath[newPath] == nil { byPath[newPath] = offset }
            } else if let oldPath = file.oldPath, deletedByPath[oldPath] == nil {
                deletedByPath[oldPath] = offset
            }
        }
    }

    /// The file an annotation path names: the file with that new-side path, else the deleted file with that path.
    ///
    /// - Parameter path: a normalised annotation path.
    /// - Returns: the file, or `nil` when the diff does not contain it.
    func file(at path: String) -> IndexedFile? {
        guard let offset = byPath[path] ?? deletedByPath[path] else { return nil }
        return files[offset]
    }

    private static func addedRows(of file: FileDiff) -> [Int: RowAddress] {
        var rows: [Int: RowAddress] = [:]
        for (hunkIndex, hunk) in file.hunks.enumerated() {
            for (rowIndex, row) in hunk.rows.enumerated() where row.kind == .added {
                if let line = row.newLine { rows[line] = RowAddress(hunk: hunkIndex, row: rowIndex) }
            }
        }
        return rows
    }
}
