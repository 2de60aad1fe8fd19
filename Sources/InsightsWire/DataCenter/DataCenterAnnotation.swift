public import InsightsCore

/// An annotation as Data Center writes and returns it (`RestSingleAddInsightAnnotationRequest` and the items of
/// `RestInsightAnnotationsResponse`).
public struct DataCenterAnnotation: Codable, Sendable, Equatable {
    public var externalId: String?
    public var path: String?
    /// Non-negative; 0 or absent is a file-level annotation.
    public var line: Int?
    public var message: String?
    public var severity: String?
    public var type: String?
    public var link: String?
    /// The owning report's key (responses only).
    public var reportKey: String?

    /// Encodes annotation content as a request element (no `reportKey`).
    public init(_ content: AnnotationContent) {
        externalId = content.externalID
        path = content.path
        line = content.line
        message = content.message
        severity = content.severity.map(DataCenterSpelling.severity(for:))
        type = content.type?.rawValue
        link = content.link
        reportKey = nil
    }

    /// Encodes a stored annotation as a response element: `line` is always present (0 for file-level), `CRITICAL`
    /// shows as `HIGH`, Cloud-only fields are left out.
    public init(_ annotation: Annotation) {
        self.init(annotation.content)
        line = annotation.content.line ?? 0
        reportKey = annotation.reportKey.rawValue
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        externalId = try container.decodeIfPresent(String.self, forKey: .externalId)
        path = try container.decodeIfPresent(String.self, forKey: .path)
        line = try WholeNumber.decode(from: container, forKey: .line)
        message = try container.decodeIfPresent(String.self, forKey: .message)
        severity = try container.decodeIfPresent(String.self, forKey: .severity)
        type = try container.decodeIfPresent(String.self, forKey: .type)
        link = try container.decodeIfPresent(String.self, forKey: .link)
        reportKey = try container.decodeIfPresent(String.self, forKey: .reportKey)
    }

    /// Validates a request element under the Data Center limits.
    ///
    /// - Parameter field: where the element sits, e.g. `annotations[2]`, or ``FieldPath/root`` for a single PUT.
    /// - Throws: ``InsightsError`` naming the offending field.
    public func toDomain(at field: FieldPath = .root) throws(InsightsError) -> AnnotationContent {
        if let line, line < 0 {
            throw .invalidValue(field.appending("line"), "'\(field.appending("line"))' must be a non-negative integer.")
        }
        let content = AnnotationContent(
            externalID: externalId,
            path: path,
            line: line == 0 ? nil : line,
            message: message ?? "",
            severity: try severity.map { (text) throws(InsightsError) in
                try DataCenterSpelling.severity(from: text, at: field.appending("severity"))
            },
            type: try type.map { (text) throws(InsightsError) in
                try DataCenterSpelling.type(from: text, at: field.appending("type"))
            },
            link: link)
        return try content.validated(limits: .dataCenter, at: field)
    }
}
