/// What ``PathMapper/apply(to:keepingOutside:)`` did, for the publish summary and `convert`'s standard error.
public struct PathMappingSummary: Sendable, Equatable {
    /// Distinct paths that were changed: stripped, prefixed or matched onto a tracked file.
    public var mappedPaths = 0
    /// Distinct paths, after mapping, that name no tracked file (0 outside a git repository).
    public var unmatchedPaths = 0
    /// Distinct paths outside the repository: absolute, not under the checkout, naming no tracked file.
    public var outsidePaths = 0
    /// Findings on those paths.
    public var outsideFindings = 0
    /// Whether the outside findings were kept (`--keep-outside`) rather than left out.
    public var isOutsideKept: Bool

    /// Creates an empty summary.
    ///
    /// - Parameter isOutsideKept: whether findings outside the repository are kept.
    public init(isOutsideKept: Bool = false) {
        self.isOutsideKept = isOutsideKept
    }

    /// One line for people, e.g. `2 paths mapped, 1 matching no tracked file; 3 findings outside the repository
    /// left out (--keep-outside keeps them)`; `nil` when there is nothing to say.
    public var line: String? {
        var parts: [String] = []
        if mappedPaths > 0 { parts.append(mappedPaths == 1 ? "1 path mapped" : "\(mappedPaths) paths mapped") }
        if unmatchedPaths > 0 {
            let paths = unmatchedPaths == 1 ? "1 path" : "\(unmatchedPaths) paths"
            parts.append("\(paths) matching no tracked file")
        }
        var text = parts.joined(separator: ", ")
        if outsideFindings > 0 {
            let findings = PathMapper.findings(outsideFindings)
            let outside =
                isOutsideKept
                ? "\(findings) outside the repository kept"
                : "\(findings) outside the repository left out (--keep-outside keeps them)"
            text = text.isEmpty ? outside : text + "; " + outside
        }
        return text.isEmpty ? nil : text
    }
}
