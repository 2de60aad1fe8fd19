public import InsightsCore
public import InsightsWire

/// The project's own JSON form of a converted bundle, printed by `insights convert --dialect native`: every field
/// of both dialects in camelCase, severities including `CRITICAL`, lines 1-based or absent. Documented in
/// `docs/cli.md`.
public struct InsightDocument: Codable, Sendable, Equatable {
    /// The report part.
    public struct Report: Codable, Sendable, Equatable {
        public var title: String
        public var details: String?
        public var result: String?
        public var reportType: String?
        public var reporter: String?
        public var link: String?
        public var logoUrl: String?
        public var remoteLinkEnabled: Bool?
        /// LINK values are written `{"text": …, "href": …}`.
        public var data: [WireDataField]
    }

    /// One annotation.
    public struct Annotation: Codable, Sendable, Equatable {
        public var externalId: String?
        public var path: String?
        public var line: Int?
        public var message: String
        public var title: String?
        public var details: String?
        public var severity: String?
        public var type: String?
        public var result: String?
        public var link: String?
    }

    /// The document format version.
    public var version: Int
    /// The report.
    public var report: Report
    /// The findings, in tool order.
    public var annotations: [Annotation]

    /// Describes a bundle.
    public init(_ bundle: InsightBundle) {
        version = 1
        let content = bundle.report
        report = Report(
            title: content.title, details: content.details, result: content.result?.rawValue,
            reportType: content.reportType?.rawValue, reporter: content.reporter, link: content.link,
            logoUrl: content.logoURL, remoteLinkEnabled: content.isRemoteLinkEnabled,
            data: content.data.map { WireDataField($0, linkTextKey: "text") })
        annotations = bundle.annotations.map { annotation in
            Annotation(
                externalId: annotation.externalID, path: annotation.path, line: annotation.line,
                message: annotation.message, title: annotation.title, details: annotation.details,
                severity: annotation.severity?.rawValue, type: annotation.type?.rawValue,
                result: annotation.result?.rawValue, link: annotation.link)
        }
    }
}
