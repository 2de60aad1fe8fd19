public import InsightsCore

/// Commits and branches of a repository (works in bare repositories).
extension GitClient {
    /// Whether the repository has this commit.
    ///
    /// Runs `git rev-parse --verify --quiet <id>^{commit}`, which exits with 1 both for an unknown object and for an
    /// object that is not a commit (`git cat-file -e <id>^{commit}` exits with 128 there, as it does outside a
    /// repository, so the two could not be told apart).
    ///
    /// - Parameter id: the commit id.
    /// - Returns: `false` for an unknown id or an id naming a tree, blob or tag.
    /// - Throws: ``GitError`` only for a real failure, e.g. outside a repository.
    public func hasCommit(_ id: CommitID) async throws(GitError) -> Bool {
        let arguments = ["rev-parse", "--verify", "--quiet", "--end-of-options", "\(id.rawValue)^{commit}"]
        return try await run(arguments, accepting: [0, 1]).status == 0
    }

    /// The local branches (`git for-each-ref refs/heads/`), sorted by name (byte order, as git sorts them).
    ///
    /// - Returns: every branch that points at a commit; empty for a repository without branches.
    /// - Throws: ``GitError`` outside a repository.
    public func branches() async throws(GitError) -> [GitBranch] {
        let text = try await output(["for-each-ref", GitBranch.forEachRefFormat, "refs/heads/"])
        return text.split(separator: "\n").compactMap(GitBranch.init(forEachRefLine:)).sorted {
            $0.name.utf8.lexicographicallyPrecedes($1.name.utf8)
        }
    }

    /// Up to `limit` commits reachable from a revision, newest first (`git log -z --max-count=<limit>` with a
    /// NUL-separated format, so no name or subject can break the parsing).
    ///
    /// - Parameters:
    ///   - revision: where to start: a branch, commit id or other revision not starting with `-`.
    ///   - limit: the most commits returned; 0 or less returns none without running git.
    /// - Returns: the commits in `git log` order (newest first).
    /// - Throws: ``GitError`` (`invalidRevision`) for an unusable revision, `failed` for an unknown one,
    ///   `invalidOutput` when the output cannot be parsed.
    public func recentCommits(of revision: String, limit: Int) async throws(GitError) -> [GitCommitSummary] {
        try checkRevision(revision)
        guard limit > 0 else { return [] }
        let arguments = [
            "log", "-z", "--no-color", "--no-show-signature", "--encoding=UTF-8", GitCommitSummary.logFormat,
            "--max-count=\(limit)", "--end-of-options", revision, "--",
        ]
        guard let commits = GitCommitSummary.parse(logOutput: try await output(arguments)) else {
            throw GitError(code: .invalidOutput, arguments: arguments, message: "git log printed an unexpected format.")
        }
        return commits
    }
}
