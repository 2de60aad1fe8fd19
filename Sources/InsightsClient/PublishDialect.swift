public import InsightsCore

/// The wire dialect a target speaks: this server and Bitbucket Data Center speak `dataCenter`.
public enum PublishDialect: String, Sendable, CaseIterable {
    /// `/rest/insights/latest/…`, `{"annotations":[…]}` bodies, 6 data fields.
    case dataCenter = "dc"
    /// `/2.0/repositories/…`, snake_case bodies, 10 data fields, at most 100 annotations per request.
    case cloud

    /// The dialect's limits profile.
    public var limits: InsightLimits {
        switch self {
        case .dataCenter: .dataCenter
        case .cloud: .cloud
        }
    }
}
