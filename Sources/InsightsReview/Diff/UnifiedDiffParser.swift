/// Parses the patch `git diff` prints into ``FileDiff`` values.
///
/// The input is what `git -c core.quotePath=false diff --no-color --no-ext-diff --no-textconv -M --src-prefix=a/
/// --dst-prefix=b/ A B` writes: `diff --git` sections with extended headers, `---`/`+++` lines (C-quoted when a name
/// needs it; with a trailing tab when it contains a space), `Binary files … differ`, and hunks. Hunk bodies are
/// consumed by the counts of their header, so a body line such as `++x` (an added `+x`) or `--- y` is never read as a
/// header. Anything before the first `diff --git` line is ignored.
public enum UnifiedDiffParser {
    /// Parses a whole patch.
    ///
    /// - Parameter patch: the text of `git diff`.
    /// - Returns: one ``FileDiff`` per `diff --git` section, in patch order.
    public static func parse(_ patch: String) -> [FileDiff] {
        let lines = patch.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        var files: [FileDiff] = []
        var current: FileDiffHeader?
        var isInBinaryPatch = false
        var index = 0
        while index < lines.count {
            let line = Substring(lines[index])
            index += 1
            if line.hasPrefix("diff --git ") {
                if let file = current?.fileDiff() { files.append(file) }
                current = FileDiffHeader(gitLine: line.dropFirst(11))
                isInBinaryPatch = false
                continue
            }
            guard current != nil, !isInBinaryPatch else { continue }
            if line.hasPrefix("@@ "), let range = HunkRange(line) {
                current?.hunks.append(readHunk(range, lines: lines, from: &index))
            } else {
                current?.absorb(line)
                isInBinaryPatch = line == "GIT binary patch"
            }
        }
        if let file = current?.fileDiff() { files.append(file) }
        return files
    }

    /// The lines each file's diff adds, by new-side path: what a "changed lines only" filter keeps.
    ///
    /// Deleted files are left out; binary files, pure renames and files whose hunks only remove lines map to an
    /// empty set. Two sections for one path (a type change) are merged.
    ///
    /// - Parameter files: parsed file diffs.
    /// - Returns: new-side path to 1-based added line numbers.
    public static func changedLines(_ files: [FileDiff]) -> [String: Set<Int>] {
        var result: [String: Set<Int>] = [:]
        for file in files where file.status != .deleted {
            guard let path = file.newPath else { continue }
            result[path, default: []].formUnion(file.addedLines)
        }
        return result
    }

    /// Reads the body of a hunk whose header was just read, by the header's counts, plus any
    /// `\ No newline at end of file` markers that follow it.
    private static func readHunk(
        _ range: HunkRange, lines: [Substring.UTF8View], from index: inout Int
    ) -> DiffHunk {
        var rows: [DiffRow] = []
        var oldLine = range.oldStart
        var newLine = range.newStart
        var oldLeft = range.oldCount
        var newLeft = range.newCount
        while index < lines.count {
            let body = lines[index]
            let marker = body.first
            if marker == UInt8(ascii: "\\") {
                if !rows.isEmpty { rows[rows.count - 1].hasNoNewlineAtEnd = true }
                index += 1
                continue
            }
            guard oldLeft > 0 || newLeft > 0 else { break }
            let text = String(Substring(body.dropFirst()))
            switch marker {
            case UInt8(ascii: "+"):
                rows.append(DiffRow(kind: .added, oldLine: nil, newLine: newLine, text: text))
                newLine += 1
                newLeft -= 1
            case UInt8(ascii: "-"):
                rows.append(DiffRow(kind: .removed, oldLine: oldLine, newLine: nil, text: text))
                oldLine += 1
                oldLeft -= 1
            case UInt8(ascii: " "), nil:
                // An empty line stands for an empty context line whose space was stripped by an editor or mailer.
                rows.append(DiffRow(kind: .context, oldLine: oldLine, newLine: newLine, text: text))
                oldLine += 1
                newLine += 1
                oldLeft -= 1
                newLeft -= 1
            default:
                // A malformed body: stop here and let the line be read as a header.
                return DiffHunk(
                    oldStart: range.oldStart, oldCount: range.oldCount, newStart: range.newStart,
                    newCount: range.newCount, section: range.section, rows: rows)
            }
            index += 1
        }
        return DiffHunk(
            oldStart: range.oldStart, oldCount: range.oldCount, newStart: range.newStart, newCount: range.newCount,
            section: range.section, rows: rows)
    }
}
