public import InsightsCore

/// The body of a Data Center report PUT (`RestInsightReport` request form).
///
/// Unknown properties are ignored; `createdDate` is accepted and ignored (the server assigns it);
/// `coverageProviderKey` is stored but never returned.
public struct DataCenterReportRequest: Codable, Sendable, Equatable {
    public var title: String?
    public var details: String?
    public var result: String?
    public var data: [WireDataField]?
    public var reporter: String?
    public var link: String?
    public var logoUrl: String?
    public var coverageProviderKey: String?
    public var createdDate: Int64?

    /// Creates a request body from report content, as a publishing client sends it.
    ///
    /// A `pending` result has no Data Center spelling and is left out.
    public init(_ content: ReportContent) {
        title = content.title
        details = content.details
        result = content.result.flatMap(DataCenterSpelling.result(for:))
        data = content.data.map { WireDataField($0, linkTextKey: InsightLimits.dataCenter.linkTextKey) }
        reporter = content.reporter
        link = content.link
        logoUrl = content.logoURL
        coverageProviderKey = content.coverageProviderKey
        createdDate = nil
    }

    /// Validates the body into report content under the Data Center limits.
    ///
    /// - Throws: ``InsightsError`` naming the offending field.
    public func toDomain() throws(InsightsError) -> ReportContent {
        let limits = InsightLimits.dataCenter
        let fields = try WireDataField.toDomain(data, limits: limits)
        let content = ReportContent(
            title: title ?? "",
            details: details,
            result: try result.map { (text) throws(InsightsError) in try DataCenterSpelling.result(from: text) },
            reporter: reporter,
            link: link,
            logoURL: logoUrl,
            coverageProviderKey: coverageProviderKey,
            data: fields)
        return try content.validated(limits: limits)
    }
}
