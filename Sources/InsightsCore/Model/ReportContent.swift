/// Everything a client writes about a report: the body of a PUT, in dialect-neutral form.
///
/// A PUT replaces all of it (fields a dialect cannot express are cleared). Validate untrusted input with
/// ``validate(limits:)`` before storing it.
public struct ReportContent: Hashable, Sendable {
    /// Short name of the report; required, at most 450 characters.
    public var title: String
    /// Longer description; at most 2000 characters.
    public var details: String?
    /// Pass, fail or (Cloud only) pending.
    public var result: ReportResult?
    /// Cloud's report type; required on Cloud writes, absent for Data Center writes.
    public var reportType: ReportType?
    /// The tool or company that produced the report; at most 450 characters.
    public var reporter: String?
    /// An http(s) link to the full results.
    public var link: String?
    /// An http(s) link to the reporter's logo.
    public var logoURL: String?
    /// Cloud's Jira remote-link switch.
    public var isRemoteLinkEnabled: Bool?
    /// Data Center's undocumented `coverageProviderKey`: stored, never returned.
    public var coverageProviderKey: String?
    /// The typed values shown on the card, in order.
    public var data: [DataField]

    /// Creates report content.
    public init(
        title: String, details: String? = nil, result: ReportResult? = nil, reportType: ReportType? = nil,
        reporter: String? = nil, link: String? = nil, logoURL: String? = nil, isRemoteLinkEnabled: Bool? = nil,
        coverageProviderKey: String? = nil, data: [DataField] = []
    ) {
        self.title = title
        self.details = details
        self.result = result
        self.reportType = reportType
        self.reporter = reporter
        self.link = link
        self.logoURL = logoURL
        self.isRemoteLinkEnabled = isRemoteLinkEnabled
        self.coverageProviderKey = coverageProviderKey
        self.data = data
    }
}
