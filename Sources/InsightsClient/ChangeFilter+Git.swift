public import InsightsGit
import InsightsReview

extension ChangeFilter {
    /// The change of `HEAD` against its merge base with `base` (`base...HEAD`), read with the same diff parser the
    /// server places pull-request annotations with: every file present after the change (new names of renames) with
    /// the new-side numbers of its added or modified lines. Binary files, pure renames and files whose hunks only
    /// remove lines map to an empty set; deleted files are left out.
    ///
    /// - Parameters:
    ///   - git: the working tree whose `HEAD` is the change.
    ///   - base: the revision the change is compared against (the pull request's target branch).
    /// - Returns: path to 1-based line numbers.
    /// - Throws: ``GitError`` for an unusable or unknown revision, or no common history.
    public static func changedLines(of git: GitClient, against base: String) async throws(GitError)
        -> [String: Set<Int>]
    {
        UnifiedDiffParser.changedLines(UnifiedDiffParser.parse(try await git.mergeBaseDiff(base: base)))
    }
}
