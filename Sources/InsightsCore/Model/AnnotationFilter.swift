/// Filters for the commit-wide annotation query: AND across fields, OR within one field, exact and case-sensitive.
///
/// An empty set means "no filter on this field". A `high` severity filter also matches stored `critical`
/// annotations, because Data Center shows those as `HIGH`.
public struct AnnotationFilter: Hashable, Sendable {
    /// Severities to match.
    public var severities: Set<AnnotationSeverity>
    /// Paths to match.
    public var paths: Set<String>
    /// External ids to match.
    public var externalIDs: Set<String>
    /// Annotation types to match.
    public var types: Set<AnnotationType>
    /// Report keys to match.
    public var reportKeys: Set<String>

    /// Creates a filter; the default matches everything.
    public init(
        severities: Set<AnnotationSeverity> = [], paths: Set<String> = [], externalIDs: Set<String> = [],
        types: Set<AnnotationType> = [], reportKeys: Set<String> = []
    ) {
        self.severities = severities
        self.paths = paths
        self.externalIDs = externalIDs
        self.types = types
        self.reportKeys = reportKeys
    }
}
