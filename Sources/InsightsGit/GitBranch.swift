public import InsightsCore

/// A local branch of a repository (`refs/heads/<name>`) and the commit it points at.
public struct GitBranch: Sendable, Hashable {
    /// The branch name without `refs/heads/`: `main`, `feature/x`.
    public var name: String
    /// The commit at the tip of the branch.
    public var commit: CommitID

    /// Creates a branch value.
    ///
    /// - Parameters:
    ///   - name: the short name, without `refs/heads/`.
    ///   - commit: the tip commit.
    public init(name: String, commit: CommitID) {
        self.name = name
        self.commit = commit
    }

    /// The `--format` that ``init(forEachRefLine:)`` reads: type, object id and full ref name, space-separated
    /// (ref names cannot hold spaces or control characters).
    static let forEachRefFormat = "--format=%(objecttype) %(objectname) %(refname)"

    /// Parses one line of `git for-each-ref` output in ``forEachRefFormat``.
    ///
    /// - Returns: `nil` for a line that is not a branch pointing at a commit (an empty line, a ref outside
    ///   `refs/heads/`, a branch pointing at a tag object).
    init?(forEachRefLine line: Substring) {
        let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        let prefix = "refs/heads/"
        guard parts.count == 3, parts[0] == "commit", parts[2].hasPrefix(prefix), parts[2].count > prefix.count,
            let commit = try? CommitID(String(parts[1]))
        else { return nil }
        self.init(name: String(parts[2].dropFirst(prefix.count)), commit: commit)
    }
}
