public import InsightsCore

/// The body of a Cloud report PUT (`…/commit/{commit}/reports/{reportId}`).
///
/// `title`, `details` and `report_type` are required. Unknown properties are ignored, as are the read-only
/// `uuid`, `external_id`, `created_on` and `updated_on`. `remote-link-enabled` is accepted as an alias of
/// `remote_link_enabled` (D49).
public struct CloudReportRequest: Codable, Sendable, Equatable {
    public var title: String?
    public var details: String?
    public var reportType: String?
    public var reporter: String?
    public var link: String?
    public var logoUrl: String?
    public var result: String?
    public var data: [WireDataField]?
    public var remoteLinkEnabled: Bool?

    private enum CodingKeys: String, CodingKey {
        case title, details, reporter, link, result, data
        case reportType = "report_type"
        case logoUrl = "logo_url"
        case remoteLinkEnabled = "remote_link_enabled"
        case remoteLinkEnabledAlias = "remote-link-enabled"
    }

    /// Creates a raw request body, field by field.
    public init(
        title: String?, details: String? = nil, reportType: String? = nil, reporter: String? = nil,
        link: String? = nil, logoUrl: String? = nil, result: String? = nil, data: [WireDataField]? = nil,
        remoteLinkEnabled: Bool? = nil
    ) {
        self.title = title
        self.details = details
        self.reportType = reportType
        self.reporter = reporter
        self.link = link
        self.logoUrl = logoUrl
        self.result = result
        self.data = data
        self.remoteLinkEnabled = remoteLinkEnabled
    }

    /// Creates a request body from report content, as a publishing client sends it.
    ///
    /// Data Center's `coverageProviderKey` has no Cloud spelling and is left out.
    public init(_ content: ReportContent) {
        title = content.title
        details = content.details
        reportType = content.reportType?.rawValue
        reporter = content.reporter
        link = content.link
        logoUrl = content.logoURL
        result = content.result?.rawValue
        data = content.data.map { WireDataField($0, linkTextKey: InsightLimits.cloud.linkTextKey) }
        remoteLinkEnabled = content.isRemoteLinkEnabled
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        details = try container.decodeIfPresent(String.self, forKey: .details)
        reportType = try container.decodeIfPresent(String.self, forKey: .reportType)
        reporter = try container.decodeIfPresent(String.self, forKey: .reporter)
        link = try container.decodeIfPresent(String.self, forKey: .link)
        logoUrl = try container.decodeIfPresent(String.self, forKey: .logoUrl)
        result = try container.decodeIfPresent(String.self, forKey: .result)
        data = try container.decodeIfPresent([WireDataField].self, forKey: .data)
        remoteLinkEnabled =
            try container.decodeIfPresent(Bool.self, forKey: .remoteLinkEnabled)
            ?? container.decodeIfPresent(Bool.self, forKey: .remoteLinkEnabledAlias)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encodeIfPresent(details, forKey: .details)
        try container.encodeIfPresent(reportType, forKey: .reportType)
        try container.encodeIfPresent(reporter, forKey: .reporter)
        try container.encodeIfPresent(link, forKey: .link)
        try container.encodeIfPresent(logoUrl, forKey: .logoUrl)
        try container.encodeIfPresent(result, forKey: .result)
        try container.encodeIfPresent(data, forKey: .data)
        try container.encodeIfPresent(remoteLinkEnabled, forKey: .remoteLinkEnabled)
    }

    /// Validates the body into report content under the Cloud limits.
    ///
    /// - Returns: the normalised content.
    /// - Throws: ``InsightsError`` naming the offending field in canonical names (see ``CloudSpelling/cloudPath(_:)``).
    public func toDomain() throws(InsightsError) -> ReportContent {
        let limits = InsightLimits.cloud
        let fields = try WireDataField.toDomain(data, limits: limits)
        let content = ReportContent(
            title: title ?? "",
            details: details,
            result: try CloudSpelling.parseIfPresent(result, as: ReportResult.self, at: FieldPath("result")),
            reportType: try CloudSpelling.parseIfPresent(reportType, as: ReportType.self, at: FieldPath("reportType")),
            reporter: reporter,
            link: link,
            logoURL: logoUrl,
            isRemoteLinkEnabled: remoteLinkEnabled,
            data: fields)
        return try content.validated(limits: limits)
    }
}
