/// What the extended header lines of one `diff --git` section say, collected until the section ends.
///
/// Paths come from the most exact source available: the `---`/`+++` lines, then `rename`/`copy` lines, then the
/// `diff --git` line itself (files without hunks: empty files, mode changes, binary files).
struct FileDiffHeader {
    private var headerPaths: (old: String, new: String)?
    private var minusPath: String??
    private var plusPath: String??
    private var sourcePath: String?
    private var destinationPath: String?
    private var isNewFile = false
    private var isDeletedFile = false
    private var isRename = false
    private var isCopy = false
    /// Whether git printed `Binary files … differ` or a binary patch.
    private(set) var isBinary = false
    /// The hunks read so far.
    var hunks: [DiffHunk] = []

    /// Starts a section from the text after `diff --git `.
    init(gitLine: Substring) {
        headerPaths = GitQuotedPath.headerPaths(gitLine)
    }

    /// Takes in one extended header line; unknown lines (`index`, `similarity index`, modes) are ignored.
    ///
    /// - Parameter line: a line between `diff --git` and the first hunk.
    mutating func absorb(_ line: Substring) {
        if line.hasPrefix("--- ") {
            minusPath = .some(GitQuotedPath.sidePath(line.dropFirst(4), prefix: "a/"))
        } else if line.hasPrefix("+++ ") {
            plusPath = .some(GitQuotedPath.sidePath(line.dropFirst(4), prefix: "b/"))
        } else if line.hasPrefix("new file mode ") {
            isNewFile = true
        } else if line.hasPrefix("deleted file mode ") {
            isDeletedFile = true
        } else if line.hasPrefix("rename from ") {
            isRename = true
            sourcePath = GitQuotedPath.plainPath(line.dropFirst(12))
        } else if line.hasPrefix("rename to ") {
            isRename = true
            destinationPath = GitQuotedPath.plainPath(line.dropFirst(10))
        } else if line.hasPrefix("copy from ") {
            isCopy = true
            sourcePath = GitQuotedPath.plainPath(line.dropFirst(10))
        } else if line.hasPrefix("copy to ") {
            isCopy = true
            destinationPath = GitQuotedPath.plainPath(line.dropFirst(8))
        } else if line.hasPrefix("Binary files ") || line == "GIT binary patch" {
            isBinary = true
        }
    }

    /// The finished file diff; `nil` when no path could be read at all.
    func fileDiff() -> FileDiff? {
        let status = self.status
        let oldPath: String? =
            switch minusPath {
            case .some(let path): path
            case .none: status == .added ? nil : sourcePath ?? headerPaths?.old
            }
        let newPath: String? =
            switch plusPath {
            case .some(let path): path
            case .none: status == .deleted ? nil : destinationPath ?? headerPaths?.new
            }
        guard oldPath != nil || newPath != nil else { return nil }
        return FileDiff(oldPath: oldPath, newPath: newPath, status: status, isBinary: isBinary, hunks: hunks)
    }

    private var status: FileDiff.Status {
        if isNewFile || (minusPath == .some(nil) && !isDeletedFile) { return .added }
        if isDeletedFile || plusPath == .some(nil) { return .deleted }
        if isRename { return .renamed }
        if isCopy { return .copied }
        return .modified
    }
}
