/// The limits and required fields of one dialect, in one table, so validation runs once in the domain.
///
/// Lengths count UTF-16 code units, as Bitbucket (a Java server) does.
public struct InsightLimits: Sendable, Equatable {
    /// The longest report key, in both dialects.
    public static let maxKeyLength = 450
    /// The default cap on annotations per report; the server makes it configurable.
    public static let defaultMaxAnnotationsPerReport = 1000

    /// The longest report title.
    public var maxTitleLength = 450
    /// The longest report details text.
    public var maxDetailsLength = 2000
    /// The longest reporter name.
    public var maxReporterLength = 450
    /// The most data fields one report may carry.
    public var maxDataFields: Int
    /// The longest annotation message (Cloud: summary).
    public var maxMessageLength: Int
    /// The longest annotation title (Cloud only).
    public var maxAnnotationTitleLength = 450
    /// The longest annotation details text (Cloud only).
    public var maxAnnotationDetailsLength = 2000
    /// The longest external id: Data Center says "shorter than 450 characters".
    public var maxExternalIDLength = 449
    /// The most annotations one request may carry, when the dialect limits it.
    public var maxAnnotationsPerRequest: Int?
    /// Whether a report must have details (Cloud).
    public var requiresReportDetails: Bool
    /// Whether a report must have a report type (Cloud).
    public var requiresReportType: Bool
    /// Whether an annotation must have a severity (Data Center).
    public var requiresAnnotationSeverity: Bool
    /// Whether an annotation must have a type (Cloud).
    public var requiresAnnotationType: Bool
    /// Whether every annotation in a bulk request must carry an external id (Cloud).
    public var requiresExternalIDInBulk: Bool
    /// The key of a LINK value's text: `linktext` on Data Center, `text` on Cloud.
    public var linkTextKey: String
    /// The annotation fields the dialect cannot express, kept when it replaces an annotation.
    public var unexpressedAnnotationFields: AnnotationFields = []

    /// Bitbucket Data Center: 6 data fields, 2000-character messages, severity required.
    public static let dataCenter = InsightLimits(
        maxDataFields: 6, maxMessageLength: 2000, maxAnnotationsPerRequest: nil, requiresReportDetails: false,
        requiresReportType: false, requiresAnnotationSeverity: true, requiresAnnotationType: false,
        requiresExternalIDInBulk: false, linkTextKey: "linktext",
        unexpressedAnnotationFields: [.title, .details, .result])

    /// Bitbucket Cloud: 10 data fields, 450-character summaries, 100 annotations per request.
    public static let cloud = InsightLimits(
        maxDataFields: 10, maxMessageLength: 450, maxAnnotationsPerRequest: 100, requiresReportDetails: true,
        requiresReportType: true, requiresAnnotationSeverity: false, requiresAnnotationType: true,
        requiresExternalIDInBulk: true, linkTextKey: "text")
}
