public import InsightsCore

/// A report as Bitbucket Cloud returns it (`report`, with the base object's `"type": "report"`).
public struct CloudReport: Codable, Sendable, Equatable {
    public var type: String
    public var uuid: String
    public var externalId: String
    public var title: String
    public var details: String?
    public var reportType: String?
    public var reporter: String?
    public var link: String?
    public var logoUrl: String?
    public var result: String?
    public var data: [WireDataField]
    public var remoteLinkEnabled: Bool?
    /// ISO-8601 creation time, e.g. `2021-08-27T05:19:06.433Z`.
    public var createdOn: String
    /// ISO-8601 time of the last write.
    public var updatedOn: String

    // In the order of the reference's fixtures (JSON objects are unordered; a fixed order keeps bodies stable).
    private enum CodingKeys: String, CodingKey {
        case type, uuid
        case externalId = "external_id"
        case title, details
        case reportType = "report_type"
        case reporter, link
        case logoUrl = "logo_url"
        case result, data
        case remoteLinkEnabled = "remote_link_enabled"
        case createdOn = "created_on"
        case updatedOn = "updated_on"
    }

    /// The base-object type of every report.
    public static let objectType = "report"

    /// Encodes a stored report. `coverageProviderKey` is never returned; a Data Center report has no `report_type`.
    public init(_ report: Report) {
        type = Self.objectType
        uuid = CloudUUID.string(report.uuid)
        externalId = report.key.rawValue
        title = report.content.title
        details = report.content.details
        reportType = report.content.reportType?.rawValue
        reporter = report.content.reporter
        link = report.content.link
        logoUrl = report.content.logoURL
        result = report.content.result?.rawValue
        data = report.content.data.map { WireDataField($0, linkTextKey: InsightLimits.cloud.linkTextKey) }
        remoteLinkEnabled = report.content.isRemoteLinkEnabled
        createdOn = WireTime.iso8601(report.createdAt)
        updatedOn = WireTime.iso8601(report.updatedAt)
    }

    /// Reads the returned report back into content (a publishing client checking what was stored).
    ///
    /// - Returns: the content, validated under the Cloud limits.
    /// - Throws: ``InsightsError`` naming the offending field.
    public func toDomain() throws(InsightsError) -> ReportContent {
        let request = CloudReportRequest(
            title: title, details: details, reportType: reportType, reporter: reporter, link: link, logoUrl: logoUrl,
            result: result, data: data, remoteLinkEnabled: remoteLinkEnabled)
        return try request.toDomain()
    }
}
