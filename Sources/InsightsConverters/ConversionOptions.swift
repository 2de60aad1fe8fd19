public import Foundation

/// What a converter needs to know beyond the file itself.
public struct ConversionOptions: Sendable {
    /// The repository's working tree; absolute paths and `file://` URIs under it are made relative to it.
    public var repositoryRoot: URL?
    /// Lines changed by the change under review, per repository-relative path (1-based). When set, coverage
    /// converters measure and annotate only these lines.
    public var changedLines: [String: Set<Int>]?

    /// Creates options.
    public init(repositoryRoot: URL? = nil, changedLines: [String: Set<Int>]? = nil) {
        self.repositoryRoot = repositoryRoot
        self.changedLines = changedLines
    }
}
