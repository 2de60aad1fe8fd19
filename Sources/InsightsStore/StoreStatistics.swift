/// Totals for the metrics endpoint.
public struct StoreStatistics: Sendable, Equatable {
    /// Reports stored.
    public var reports: Int
    /// Annotations stored.
    public var annotations: Int

    /// Creates totals.
    public init(reports: Int, annotations: Int) {
        self.reports = reports
        self.annotations = annotations
    }
}
