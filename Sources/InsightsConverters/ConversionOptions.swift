public import Foundation

/// What a converter needs to know beyond the file itself.
public struct ConversionOptions: Sendable {
    /// The repository's working tree; absolute paths and `file://` URIs under it are made relative to it.
    public var repositoryRoot: URL?
    /// Lines changed by the change under review, per repository-relative path (1-based). When set, coverage
    /// converters measure and annotate only these lines.
    public var changedLines: [String: Set<Int>]?
    /// How paths will be mapped after conversion (``PathMapper``); coverage converters use it only to look up a
    /// file's changed lines, so a report written on another machine still measures the change. Paths in the bundle
    /// are left as converted.
    public var pathMapper: PathMapper?

    /// Creates options.
    public init(
        repositoryRoot: URL? = nil, changedLines: [String: Set<Int>]? = nil, pathMapper: PathMapper? = nil
    ) {
        self.repositoryRoot = repositoryRoot
        self.changedLines = changedLines
        self.pathMapper = pathMapper
    }
}
