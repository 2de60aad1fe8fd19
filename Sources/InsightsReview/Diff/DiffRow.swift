/// One line of a hunk body: a context, added or removed line of a unified diff.
public struct DiffRow: Sendable, Hashable {
    /// Which side or sides of the diff the row belongs to.
    public enum Kind: Sendable, Hashable {
        /// Unchanged: present on both sides (` ` prefix).
        case context
        /// Only on the new side (`+` prefix).
        case added
        /// Only on the old side (`-` prefix).
        case removed
    }

    /// Which side or sides of the diff the row belongs to.
    public var kind: Kind
    /// The 1-based line on the old side; `nil` for an added row.
    public var oldLine: Int?
    /// The 1-based line on the new side; `nil` for a removed row.
    public var newLine: Int?
    /// The line's text without its one-character prefix and without the line feed (a `\r` is kept).
    public var text: String
    /// Whether git printed `\ No newline at end of file` after this row: the line is the last of its side and has
    /// no line feed.
    public var hasNoNewlineAtEnd: Bool

    /// Creates a row.
    ///
    /// - Parameters:
    ///   - kind: context, added or removed.
    ///   - oldLine: the old-side line number, `nil` for an added row.
    ///   - newLine: the new-side line number, `nil` for a removed row.
    ///   - text: the line without its prefix.
    ///   - hasNoNewlineAtEnd: whether the line lacks a final line feed.
    public init(kind: Kind, oldLine: Int?, newLine: Int?, text: String, hasNoNewlineAtEnd: Bool = false) {
        self.kind = kind
        self.oldLine = oldLine
        self.newLine = newLine
        self.text = text
        self.hasNoNewlineAtEnd = hasNoNewlineAtEnd
    }
}
