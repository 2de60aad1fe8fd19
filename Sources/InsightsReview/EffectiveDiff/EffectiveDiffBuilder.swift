public import InsightsCore
public import InsightsGit

/// Computes the ``EffectiveDiff`` of a pull request with `git`: a preview merge, its diff from the target tip, what the
/// target changed since the merge base, and line maps for the files both sides changed.
///
/// Five git commands at most, in three rounds; the two commands of each of the first two rounds run concurrently:
///
/// 1. `merge-tree` (the preview merge) and `merge-base`;
/// 2. the effective diff (target tip → merge tree) and the paths the target changed (merge base → target tip);
///    skipped when the target tip is the merge base;
/// 3. one diff source tip → merge tree, limited to the paths both sides changed; skipped when there are none.
public struct EffectiveDiffBuilder: Sendable {
    /// The client of the repository holding both commits.
    public var git: GitClient

    /// Creates a builder.
    ///
    /// - Parameter git: a client of the repository holding both commits.
    public init(git: GitClient) {
        self.git = git
    }

    /// Builds the effective diff of merging `source` into `target`.
    ///
    /// When `merge-base` finds no common ancestor, ``EffectiveDiff/mergeBase`` is `nil` and
    /// ``EffectiveDiff/targetChangedPaths`` empty: the preview merge starts from an empty tree, so the source's files
    /// are added and a path both sides hold with different content is conflicted.
    ///
    /// - Parameters:
    ///   - source: the source branch tip.
    ///   - target: the target branch tip.
    /// - Returns: the effective diff with conflict, target-change and relocation information.
    /// - Throws: ``GitError`` when a command fails (unknown commits, a broken repository, a timeout).
    public func build(source: CommitID, target: CommitID) async throws(GitError) -> EffectiveDiff {
        let git = self.git
        async let merging = Self.capture { () async throws(GitError) in
            try await git.mergeTree(target: target, source: source)
        }
        async let findingBase = Self.capture { () async throws(GitError) in
            try await Self.mergeBase(of: source, and: target, git: git)
        }
        let merge = try await merging.get()
        let mergeBase = try await findingBase.get()

        async let diffing = Self.capture { () async throws(GitError) in
            try await git.diff(from: target.rawValue, to: merge.tree)
        }
        async let listing = Self.capture { () async throws(GitError) -> Set<String> in
            // A fast-forward (the target is the merge base) has no target changes: skip the command.
            guard let mergeBase, mergeBase != target else { return [] }
            return try await git.changedPaths(from: mergeBase.rawValue, to: target.rawValue)
        }
        let files = UnifiedDiffParser.parse(try await diffing.get())
        let targetChangedPaths = try await listing.get()
        let conflictedPaths = Set(merge.conflictedPaths)

        let shared = Self.sharedPaths(files, targetChanged: targetChangedPaths.union(conflictedPaths))
        var relocations: [String: LineMap] = [:]
        if !shared.isEmpty {
            let patch = try await git.diff(from: source.rawValue, to: merge.tree, paths: shared.sorted())
            relocations = Self.relocations(UnifiedDiffParser.parse(patch), shared: shared, effective: files)
        }
        return EffectiveDiff(
            sourceCommit: source, targetCommit: target, mergeBase: mergeBase, files: files,
            conflictedPaths: conflictedPaths, targetChangedPaths: targetChangedPaths, relocations: relocations)
    }

    /// The paths both sides changed: every name (both names of a rename or copy) of each effective-diff file that
    /// has a name the target changed.
    ///
    /// - Parameters:
    ///   - files: the effective diff.
    ///   - targetChanged: the paths the target changed, conflicted paths included.
    /// - Returns: the paths to trace.
    static func sharedPaths(_ files: [FileDiff], targetChanged: Set<String>) -> Set<String> {
        var paths = Set<String>()
        for file in files {
            let names = [file.oldPath, file.newPath].compactMap(\.self)
            if names.contains(where: targetChanged.contains) { paths.formUnion(names) }
        }
        return paths
    }

    /// The line maps from the source tip's files into the merge tree's, keyed by source path.
    ///
    /// A traced path missing from the source → merge-tree diff is identical on both sides and maps by identity
    /// (when the merge tree has it); an added file has no source lines and gets no map.
    ///
    /// - Parameters:
    ///   - sourceToMerge: the diff source tip → merge tree, limited to the traced paths.
    ///   - shared: the traced paths.
    ///   - effective: the effective diff.
    /// - Returns: source path → line map.
    static func relocations(
        _ sourceToMerge: [FileDiff], shared: Set<String>, effective: [FileDiff]
    ) -> [String: LineMap] {
        var maps: [String: LineMap] = [:]
        var mentioned = Set<String>()
        for file in sourceToMerge {
            mentioned.formUnion([file.oldPath, file.newPath].compactMap(\.self))
            guard let sourcePath = file.oldPath, file.status != .added else { continue }
            maps[sourcePath] = LineMap(file)
        }
        for file in effective {
            guard let path = file.newPath, shared.contains(path), !mentioned.contains(path) else { continue }
            maps[path] = .identity
        }
        return maps
    }

    /// The merge base, or `nil` for unrelated histories.
    private static func mergeBase(
        of source: CommitID, and target: CommitID, git: GitClient
    ) async throws(GitError) -> CommitID? {
        do {
            return try await git.mergeBase(target.rawValue, source.rawValue)
        } catch  where error.code == .noCommonAncestor {
            return nil
        }
    }

    /// Runs a throwing operation and keeps its typed outcome, so `async let` does not erase the error type.
    private static func capture<Value: Sendable>(
        _ operation: () async throws(GitError) -> Value
    ) async -> Result<Value, GitError> {
        do {
            return .success(try await operation())
        } catch {
            return .failure(error)
        }
    }
}
