public import InsightsCore

/// A report as Data Center returns it (`RestInsightReport`).
public struct DataCenterReport: Codable, Sendable, Equatable {
    public var key: String
    public var title: String
    public var details: String?
    public var result: String?
    public var data: [WireDataField]
    public var reporter: String?
    public var link: String?
    public var logoUrl: String?
    /// Creation time in Unix epoch milliseconds.
    public var createdDate: Int64

    /// Encodes a stored report. Cloud-only fields are left out; `PENDING` has no Data Center result.
    public init(_ report: Report) {
        key = report.key.rawValue
        title = report.content.title
        details = report.content.details
        result = report.content.result.flatMap(DataCenterSpelling.result(for:))
        data = report.content.data.map { WireDataField($0, linkTextKey: InsightLimits.dataCenter.linkTextKey) }
        reporter = report.content.reporter
        link = report.content.link
        logoUrl = report.content.logoURL
        createdDate = WireTime.epochMilliseconds(report.createdAt)
    }
}
