/// One hunk of a file's diff: the header ranges `@@ -oldStart,oldCount +newStart,newCount @@ section` and its rows.
public struct DiffHunk: Sendable, Hashable {
    /// The first old-side line of the hunk (0 when the old side is empty).
    public var oldStart: Int
    /// How many old-side lines the hunk covers (context plus removed rows).
    public var oldCount: Int
    /// The first new-side line of the hunk (0 when the new side is empty).
    public var newStart: Int
    /// How many new-side lines the hunk covers (context plus added rows).
    public var newCount: Int
    /// The text git prints after the second `@@` (usually the enclosing function), without the separating space;
    /// empty when there is none.
    public var section: String
    /// The body, in patch order.
    public var rows: [DiffRow]

    /// Creates a hunk.
    ///
    /// - Parameters:
    ///   - oldStart: first old-side line.
    ///   - oldCount: old-side line count.
    ///   - newStart: first new-side line.
    ///   - newCount: new-side line count.
    ///   - section: the text after the second `@@`.
    ///   - rows: the body.
    public init(oldStart: Int, oldCount: Int, newStart: Int, newCount: Int, section: String = "", rows: [DiffRow]) {
        self.oldStart = oldStart
        self.oldCount = oldCount
        self.newStart = newStart
        self.newCount = newCount
        self.section = section
        self.rows = rows
    }
}
