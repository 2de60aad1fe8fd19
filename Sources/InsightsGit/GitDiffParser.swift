/// Parses the output of `git diff` into changed paths and the new-side line numbers of each.
///
/// Pure functions over text, so they are unit-tested without a repository. Paths are repository-relative with `/`.
enum GitDiffParser {
    /// Parses `git diff --name-status -z -M` output: the paths present after the change (new names of renames and
    /// copies; deleted paths are left out).
    ///
    /// - Parameter output: NUL-separated records, `status NUL path NUL` or `Rnnn NUL old NUL new NUL`.
    /// - Returns: the changed paths that exist on the new side.
    static func changedPaths(fromNameStatus output: String) -> Set<String> {
        var fields = output.split(separator: "\0", omittingEmptySubsequences: true).map(String.init)[...]
        var paths = Set<String>()
        while let status = fields.popFirst() {
            guard let kind = status.first else { continue }
            if kind == "R" || kind == "C" {
                _ = fields.popFirst()
                if let new = fields.popFirst() { paths.insert(new) }
            } else if let path = fields.popFirst(), kind != "D" {
                paths.insert(path)
            }
        }
        return paths
    }

    /// Parses a `git diff --unified=0` patch into the added or modified line numbers of each file's new side.
    ///
    /// Only hunk headers are read for line numbers; hunk bodies are skipped by count, so a body line that looks like
    /// a header (an added line `++ x` shows as `+++ x`) is never mistaken for one. Deleted files are left out; a file
    /// whose hunks only remove lines maps to an empty set.
    ///
    /// - Parameter patch: the patch text, produced with `--src-prefix=a/ --dst-prefix=b/`.
    /// - Returns: path to new-side line numbers (1-based).
    static func changedLines(fromPatch patch: String) -> [String: Set<Int>] {
        var result: [String: Set<Int>] = [:]
        var current: String?
        var remainingOld = 0
        var remainingNew = 0
        for rawLine in patch.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = Substring(rawLine)
            if remainingOld > 0 || remainingNew > 0 {
                if line.hasPrefix("-") {
                    remainingOld -= 1
                } else if line.hasPrefix("+") {
                    remainingNew -= 1
                }
                continue
            }
            if line.hasPrefix("diff --git ") {
                current = nil
            } else if line.hasPrefix("+++ ") {
                current = newSidePath(line.dropFirst(4))
                if let current, result[current] == nil { result[current] = [] }
            } else if line.hasPrefix("@@ "), let hunk = HunkHeader(line) {
                remainingOld = hunk.oldCount
                remainingNew = hunk.newCount
                if let current, hunk.newCount > 0 {
                    result[current, default: []].formUnion(hunk.newStart..<(hunk.newStart + hunk.newCount))
                }
            }
        }
        return result
    }

    /// The path of a `+++` line: `b/path`, `"b/quoted\tpath"` or `/dev/null`; a trailing tab (added by git when the
    /// name contains a space) is dropped.
    static func newSidePath(_ text: Substring) -> String? {
        var name = text
        if name.hasSuffix("\t") { name = name.dropLast() }
        if name == "/dev/null" { return nil }
        let unquoted: String
        if name.hasPrefix("\"") {
            guard let decoded = GitQuoting.unquote(name) else { return nil }
            unquoted = decoded
        } else {
            unquoted = String(name)
        }
        guard unquoted.hasPrefix("b/") else { return nil }
        return String(unquoted.dropFirst(2))
    }
}
