public import InsightsCore

/// Merging and ancestry between two commits, without a working tree (works in bare repositories).
extension GitClient {
    /// Merges two commits in memory and writes the result as a tree object
    /// (`git merge-tree --write-tree --allow-unrelated-histories --name-only -z --no-messages target source`).
    ///
    /// Conflicts are a result, not an error: the tree is still written, conflicted files hold markers labelled
    /// with the two commit ids, and their paths are listed. Commits without common history merge as if from an
    /// empty tree, so a path both sides hold with different content is an add/add conflict.
    ///
    /// - Parameters:
    ///   - target: the commit merged into (a pull request's target branch tip).
    ///   - source: the commit merged (the source branch tip).
    /// - Returns: the merged tree and the conflicted paths (sorted, unique).
    /// - Throws: ``GitError`` (`failed`) for an unknown commit, `invalidOutput` when git
    ///   prints no tree id.
    public func mergeTree(target: CommitID, source: CommitID) async throws(GitError) -> MergeTreeResult {
        let arguments = [
            "merge-tree", "--write-tree", "--allow-unrelated-histories", "--name-only", "-z", "--no-messages",
            "--end-of-options", target.rawValue, source.rawValue,
        ]
        let result = try await run(arguments, accepting: [0, 1])
        guard let merged = MergeTreeResult(mergeTreeOutput: result.standardOutput) else {
            // Status 1 without a tree is a refusal ("not something we can merge"), not a conflict.
            throw GitError(
                code: result.status == 0 ? .invalidOutput : .failed, arguments: arguments, status: result.status,
                standardError: result.standardError, message: "git printed no merged tree id.")
        }
        guard result.status == 0 || !merged.isClean else {
            throw GitError(
                code: .invalidOutput, arguments: arguments, status: result.status,
                standardError: result.standardError, message: "git reported conflicts but named no conflicted path.")
        }
        return merged
    }

    /// Whether one commit is an ancestor of (or the same as) another (`git merge-base --is-ancestor`).
    ///
    /// - Parameters:
    ///   - ancestor: the commit that may be reachable.
    ///   - descendant: the commit it may be reachable from.
    /// - Returns: `true` when `ancestor` is reachable from `descendant`.
    /// - Throws: ``GitError`` (`failed`) when either commit is unknown.
    public func isAncestor(_ ancestor: CommitID, of descendant: CommitID) async throws(GitError) -> Bool {
        let arguments = ["merge-base", "--is-ancestor", "--end-of-options", ancestor.rawValue, descendant.rawValue]
        return try await run(arguments, accepting: [0, 1]).status == 0
    }
}
