/// The ranges of a unified-diff hunk header, `@@ -oldStart[,oldCount] +newStart[,newCount] @@`.
struct HunkHeader: Equatable {
    /// First line of the old side.
    var oldStart: Int
    /// Lines of the old side in the hunk (1 when omitted).
    var oldCount: Int
    /// First line of the new side.
    var newStart: Int
    /// Lines of the new side in the hunk (1 when omitted; 0 for a pure deletion).
    var newCount: Int

    /// Creates a header from its numbers.
    init(oldStart: Int, oldCount: Int, newStart: Int, newCount: Int) {
        self.oldStart = oldStart
        self.oldCount = oldCount
        self.newStart = newStart
        self.newCount = newCount
    }

    /// Parses a header line; `nil` when it is not one.
    init?(_ line: Substring) {
        let parts = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true)
        guard parts.count >= 3, parts[0] == "@@", parts[1].hasPrefix("-"), parts[2].hasPrefix("+"),
            let old = Self.range(parts[1].dropFirst()), let new = Self.range(parts[2].dropFirst())
        else { return nil }
        (oldStart, oldCount) = old
        (newStart, newCount) = new
    }

    private static func range(_ text: Substring) -> (Int, Int)? {
        let pieces = text.split(separator: ",", omittingEmptySubsequences: false)
        guard let start = pieces.first.flatMap({ Int($0) }) else { return nil }
        if pieces.count == 1 { return (start, 1) }
        guard pieces.count == 2, let count = Int(pieces[1]) else { return nil }
        return (start, count)
    }
}
