/// Patch text and changed paths between two revisions, for the pull-request diff and placement logic.
extension GitClient {
    /// The patch from one commit or tree to another, as raw unified-diff text.
    ///
    /// Runs `git -c core.quotePath=false diff --no-color --no-ext-diff --no-textconv -M --src-prefix=a/
    /// --dst-prefix=b/ <from> <to> -- [paths]`: renames are detected, binary files show as `Binary files … differ`,
    /// and names are never octal-quoted (a name with a space gets git's trailing tab on `---`/`+++` lines). Paths are
    /// literal (`--literal-pathspecs`), never globs or pathspec magic.
    ///
    /// - Parameters:
    ///   - from: the old side: a commit or tree id (or any revision not starting with `-`).
    ///   - to: the new side, likewise.
    ///   - paths: repository-relative paths to limit the patch to; empty for all.
    /// - Returns: the patch text; empty when nothing differs.
    /// - Throws: ``GitError`` (`invalidRevision`) for an unusable revision, `failed` for an unknown one.
    public func diff(from: String, to: String, paths: [String] = []) async throws(GitError) -> String {
        try checkRevision(from)
        try checkRevision(to)
        return try await output(Self.patchArguments(revisions: [from, to], paths: paths))
    }

    /// The paths that differ between two revisions (`git diff --name-only -z --no-renames from to`).
    ///
    /// Renames are not detected, so a renamed file contributes both its old and its new name.
    ///
    /// - Parameters:
    ///   - from: the old side: a commit or tree id (or any revision not starting with `-`).
    ///   - to: the new side, likewise.
    /// - Returns: repository-relative paths of both sides.
    /// - Throws: ``GitError`` (`invalidRevision`) for an unusable revision, `failed` for an unknown one.
    public func changedPaths(from: String, to: String) async throws(GitError) -> Set<String> {
        try checkRevision(from)
        try checkRevision(to)
        let text = try await output([
            "diff", "--no-color", "--no-ext-diff", "--name-only", "-z", "--no-renames", "--end-of-options", from, to,
            "--",
        ])
        return Set(text.split(separator: "\0", omittingEmptySubsequences: true).map(String.init))
    }

    /// The patch of the change from the merge base of `base` and `HEAD` to `HEAD` (`base...HEAD`), with the flags of
    /// ``diff(from:to:paths:)``; for the CLI's changed-only filter.
    ///
    /// - Parameter base: the revision the change is compared against.
    /// - Returns: the patch text; empty when nothing differs.
    /// - Throws: ``GitError`` (`invalidRevision`) for an unusable revision, `failed` for an unknown one or no
    ///   common history.
    public func mergeBaseDiff(base: String) async throws(GitError) -> String {
        try checkRevision(base)
        return try await output(Self.patchArguments(revisions: ["\(base)...HEAD"], paths: []))
    }

    /// The arguments of a raw patch whose `---`/`+++` names a unified-diff parser can read.
    static func patchArguments(revisions: [String], paths: [String]) -> [String] {
        [
            "--literal-pathspecs", "-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--no-textconv",
            "-M", "--src-prefix=a/", "--dst-prefix=b/", "--end-of-options",
        ] + revisions + ["--"] + paths
    }
}
