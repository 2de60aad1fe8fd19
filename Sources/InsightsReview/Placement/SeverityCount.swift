public import InsightsCore

/// How many annotations of one report have one severity.
public struct SeverityCount: Sendable, Hashable {
    /// The severity; `nil` for annotations without one.
    public var severity: AnnotationSeverity?
    /// All annotations of the report with this severity.
    public var total: Int
    /// Those of them that are new in the pull request.
    public var new: Int

    /// Creates a count.
    ///
    /// - Parameters:
    ///   - severity: the severity, `nil` for none.
    ///   - total: the number of annotations.
    ///   - new: the number of new ones.
    public init(severity: AnnotationSeverity?, total: Int, new: Int) {
        self.severity = severity
        self.total = total
        self.new = new
    }
}
