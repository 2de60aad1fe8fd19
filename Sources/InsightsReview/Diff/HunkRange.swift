/// The header line of a hunk, `@@ -oldStart[,oldCount] +newStart[,newCount] @@[ section]`.
struct HunkRange: Equatable {
    /// First line of the old side.
    var oldStart: Int
    /// Lines of the old side (1 when omitted).
    var oldCount: Int
    /// First line of the new side.
    var newStart: Int
    /// Lines of the new side (1 when omitted).
    var newCount: Int
    /// The text after the closing `@@`, without the separating space.
    var section: String

    /// Parses a header line; `nil` when it is not one.
    ///
    /// - Parameter line: the whole line, starting with `@@ `.
    init?(_ line: Substring) {
        guard line.hasPrefix("@@ ") else { return nil }
        let afterOpening = line.dropFirst(3)
        guard let closing = Self.closingMarker(in: afterOpening) else { return nil }
        let ranges = afterOpening[..<closing.lowerBound].split(separator: " ", omittingEmptySubsequences: true)
        guard ranges.count == 2, ranges[0].hasPrefix("-"), ranges[1].hasPrefix("+"),
            let old = Self.range(ranges[0].dropFirst()), let new = Self.range(ranges[1].dropFirst())
        else { return nil }
        (oldStart, oldCount) = old
        (newStart, newCount) = new
        var rest = afterOpening[closing.upperBound...]
        if rest.hasPrefix(" ") { rest = rest.dropFirst() }
        section = String(rest)
    }

    /// The range of the first ` @@` in `text`.
    private static func closingMarker(in text: Substring) -> Range<Substring.Index>? {
        let marker = Array(" @@".utf8)
        let bytes = text.utf8
        var index = bytes.startIndex
        while index != bytes.endIndex {
            if bytes[index...].starts(with: marker) {
                return index..<bytes.index(index, offsetBy: marker.count)
            }
            index = bytes.index(after: index)
        }
        return nil
    }

    private static func range(_ text: Substring) -> (Int, Int)? {
        let pieces = text.split(separator: ",", omittingEmptySubsequences: false)
        guard let start = pieces.first.flatMap({ Int($0) }), start >= 0 else { return nil }
        if pieces.count == 1 { return (start, 1) }
        guard pieces.count == 2, let count = Int(pieces[1]), count >= 0 else { return nil }
        return (start, count)
    }
}
