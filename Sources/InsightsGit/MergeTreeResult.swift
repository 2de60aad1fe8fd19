/// What `git merge-tree --write-tree` made of two commits: the merged tree and the files it could not merge.
///
/// The tree is written to the repository's object database even when paths conflict; a conflicted file's blob
/// holds conflict markers labelled with the two commit ids.
public struct MergeTreeResult: Sendable, Hashable {
    /// The object id of the merged tree (40 or 64 lower-case hexadecimal digits).
    public var tree: String
    /// The paths git could not merge, sorted and unique; empty for a clean merge.
    public var conflictedPaths: [String]

    /// Creates a result.
    ///
    /// - Parameters:
    ///   - tree: the object id of the merged tree.
    ///   - conflictedPaths: the conflicted paths; sorted and made unique here.
    public init(tree: String, conflictedPaths: [String] = []) {
        self.tree = tree
        self.conflictedPaths = Array(Set(conflictedPaths)).sorted()
    }

    /// Whether the merge had no conflict.
    public var isClean: Bool { conflictedPaths.isEmpty }

    /// Parses `git merge-tree --write-tree --name-only -z --no-messages` output: `tree NUL (path NUL)*`.
    ///
    /// - Returns: `nil` when the first field is not an object id.
    init?(mergeTreeOutput output: String) {
        let fields = output.split(separator: "\0", omittingEmptySubsequences: true).map(String.init)
        guard let tree = fields.first, Self.isObjectID(tree) else { return nil }
        self.init(tree: tree, conflictedPaths: Array(fields.dropFirst()))
    }

    /// Whether the text is a full object id: 40 (SHA-1) or 64 (SHA-256) lower-case hexadecimal digits.
    static func isObjectID(_ text: String) -> Bool {
        (text.utf8.count == 40 || text.utf8.count == 64)
            && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }
}
