/// The diff of one file, as one `diff --git` section of a patch describes it.
public struct FileDiff: Sendable, Hashable {
    /// What happened to the file, spelled as Bitbucket spells change types.
    public enum Status: String, Sendable, Hashable {
        /// The file is new (`new file mode`).
        case added = "ADDED"
        /// The file changed in place (content or mode).
        case modified = "MODIFIED"
        /// The file is gone (`deleted file mode`).
        case deleted = "DELETED"
        /// The file moved (`rename from`/`rename to`), possibly with changes.
        case renamed = "RENAMED"
        /// The file was copied (`copy from`/`copy to`), possibly with changes.
        case copied = "COPIED"
    }

    /// The path on the old side; `nil` when the file was added.
    public var oldPath: String?
    /// The path on the new side; `nil` when the file was deleted.
    public var newPath: String?
    /// What happened to the file.
    public var status: Status
    /// Whether git found the file binary (`Binary files … differ`): no hunks, lines cannot be told apart.
    public var isBinary: Bool
    /// The hunks, in patch order; empty for binary files, pure renames and mode-only changes.
    public var hunks: [DiffHunk]

    /// Creates a file diff.
    ///
    /// - Parameters:
    ///   - oldPath: the old-side path, `nil` when added.
    ///   - newPath: the new-side path, `nil` when deleted.
    ///   - status: what happened to the file.
    ///   - isBinary: whether the content is binary.
    ///   - hunks: the hunks in patch order.
    public init(oldPath: String?, newPath: String?, status: Status, isBinary: Bool = false, hunks: [DiffHunk] = []) {
        self.oldPath = oldPath
        self.newPath = newPath
        self.status = status
        self.isBinary = isBinary
        self.hunks = hunks
    }

    /// The path the file is known by: ``newPath``, or ``oldPath`` for a deleted file.
    public var path: String { newPath ?? oldPath ?? "" }

    /// The new-side line numbers of the added rows: the lines this diff changed.
    public var addedLines: Set<Int> {
        var lines = Set<Int>()
        for hunk in hunks {
            for row in hunk.rows where row.kind == .added {
                if let line = row.newLine { lines.insert(line) }
            }
        }
        return lines
    }
}
