public import InsightsCore
public import InsightsGit

/// Computes the ``EffectiveDiff`` of a pull request with `git`: a preview merge, its diff from the target tip, what the
/// target changed since the merge base, and line maps for the files both sides changed.
///
/// Seven git commands at most, in two rounds of concurrent commands and one more when renames need it:
///
/// 1. `merge-tree` (the preview merge), and beside it `merge-base` followed by the paths each side changed since
///    (merge base → target tip and → source tip, names only; skipped for a fast-forward);
/// 2. the effective diff (target tip → merge tree), and beside it the diff source tip → merge tree limited to the
///    paths both sides changed, for the line maps;
/// 3. only when a file both sides changed was renamed on the source: the same diff for its source name.
///
/// The diff of round 2 runs beside the effective diff, so a cold pull request costs about one `merge-tree` and one
/// `git diff` of its change.
public struct EffectiveDiffBuilder: Sendable {
    /// The client of the repository holding both commits.
    public var git: GitClient

    /// Creates a builder.
    ///
    /// - Parameter git: a client of the repository holding both commits.
    public init(git: GitClient) {
        self.git = git
    }

    /// What the target and the source changed since their merge base.
    private struct SideChanges: Sendable {
        var mergeBase: CommitID?
        var target: Set<String> = []
        var source: Set<String> = []
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
        async let comparing = Self.capture { () async throws(GitError) in
            try await Self.sideChanges(of: source, and: target, git: git)
        }
        let merge = try await merging.get()
        let sides = try await comparing.get()
        let conflictedPaths = Set(merge.conflictedPaths)
        let targetChanged = sides.target.union(conflictedPaths)

        // Every effective-diff file the target also changed was changed by the source too (under its source name).
        let bothChanged = targetChanged.intersection(sides.source.union(conflictedPaths))
        async let diffing = Self.capture { () async throws(GitError) in
            try await git.diff(from: target.rawValue, to: merge.tree)
        }
        async let tracing = Self.capture { () async throws(GitError) -> String in
            guard !bothChanged.isEmpty else { return "" }
            return try await git.diff(from: source.rawValue, to: merge.tree, paths: bothChanged.sorted())
        }
        let files = UnifiedDiffParser.parse(try await diffing.get())
        var sourceToMerge = UnifiedDiffParser.parse(try await tracing.get())

        let shared = Self.sharedPaths(files, targetChanged: targetChanged)
        let renamed = shared.subtracting(bothChanged)
        if !renamed.isEmpty {
            let patch = try await git.diff(from: source.rawValue, to: merge.tree, paths: renamed.sorted())
            sourceToMerge += UnifiedDiffParser.parse(patch)
        }
        sourceToMerge.removeAll { !([$0.oldPath, $0.newPath].compactMap(\.self).contains(where: shared.contains)) }
        return EffectiveDiff(
            sourceCommit: source, targetCommit: target, mergeBase: sides.mergeBase, files: files,
            conflictedPaths: conflictedPaths, targetChangedPaths: sides.target,
            relocations: shared.isEmpty ? [:] : Self.relocations(sourceToMerge, shared: shared, effective: files))
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

    /// The merge base (`nil` for unrelated histories) and the paths each side changed since, without renames.
    private static func sideChanges(
        of source: CommitID, and target: CommitID, git: GitClient
    ) async throws(GitError) -> SideChanges {
        let mergeBase: CommitID
        do {
            mergeBase = try await git.mergeBase(target.rawValue, source.rawValue)
        } catch  where error.code == .noCommonAncestor {
            return SideChanges(mergeBase: nil)
        }
        // A fast-forward (the target is the merge base) has no target changes: nothing to trace.
        guard mergeBase != target else { return SideChanges(mergeBase: mergeBase) }
        async let targetChanges = capture { () async throws(GitError) in
            try await git.changedPaths(from: mergeBase.rawValue, to: target.rawValue)
        }
        async let sourceChanges = capture { () async throws(GitError) in
            try await git.changedPaths(from: mergeBase.rawValue, to: source.rawValue)
        }
        return SideChanges(
            mergeBase: mergeBase, target: try await targetChanges.get(), source: try await sourceChanges.get())
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
