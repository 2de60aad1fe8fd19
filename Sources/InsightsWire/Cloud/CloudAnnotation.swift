public import Foundation
public import InsightsCore

/// An annotation as Bitbucket Cloud writes and returns it (`report_annotation`).
///
/// One type serves both directions: requests leave the read-only `type`, `uuid`, `created_on` and `updated_on`
/// out; responses carry them. `line` is at least 1; a file-level annotation has no `line` (D18).
public struct CloudAnnotation: Codable, Sendable, Equatable {
    /// `"report_annotation"` in responses.
    public var type: String?
    /// The server-generated uuid in braces (responses).
    public var uuid: String?
    public var externalId: String?
    public var annotationType: String?
    public var summary: String?
    public var title: String?
    public var details: String?
    public var severity: String?
    public var result: String?
    public var path: String?
    public var line: Int?
    public var link: String?
    /// ISO-8601 creation time (responses).
    public var createdOn: String?
    /// ISO-8601 time of the last write (responses).
    public var updatedOn: String?

    // In the order of the schema (JSON objects are unordered; a fixed order keeps bodies stable).
    private enum CodingKeys: String, CodingKey {
        case type, uuid
        case externalId = "external_id"
        case annotationType = "annotation_type"
        case summary, title, details, severity, result, path, line, link
        case createdOn = "created_on"
        case updatedOn = "updated_on"
    }

    /// The base-object type of every annotation.
    public static let objectType = "report_annotation"

    /// Creates a raw annotation, field by field.
    public init(
        externalId: String? = nil, annotationType: String? = nil, summary: String? = nil, title: String? = nil,
        details: String? = nil, severity: String? = nil, result: String? = nil, path: String? = nil,
        line: Int? = nil, link: String? = nil
    ) {
        self.externalId = externalId
        self.annotationType = annotationType
        self.summary = summary
        self.title = title
        self.details = details
        self.severity = severity
        self.result = result
        self.path = path
        self.line = line
        self.link = link
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decodeIfPresent(String.self, forKey: .type)
        uuid = try container.decodeIfPresent(String.self, forKey: .uuid)
        externalId = try container.decodeIfPresent(String.self, forKey: .externalId)
        annotationType = try container.decodeIfPresent(String.self, forKey: .annotationType)
        summary = try container.decodeIfPresent(String.self, forKey: .summary)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        details = try container.decodeIfPresent(String.self, forKey: .details)
        severity = try container.decodeIfPresent(String.self, forKey: .severity)
        result = try container.decodeIfPresent(String.self, forKey: .result)
        path = try container.decodeIfPresent(String.self, forKey: .path)
        // A fractional line is an error at `line`, not a body that fails to parse.
        line = try WholeNumber.decode(from: container, forKey: .line)
        link = try container.decodeIfPresent(String.self, forKey: .link)
        createdOn = try container.decodeIfPresent(String.self, forKey: .createdOn)
        updatedOn = try container.decodeIfPresent(String.self, forKey: .updatedOn)
    }

    /// Encodes annotation content as a request element (no read-only fields).
    public init(_ content: AnnotationContent) {
        self.init(
            externalId: content.externalID, annotationType: content.type?.rawValue, summary: content.message,
            title: content.title, details: content.details, severity: content.severity?.rawValue,
            result: content.result?.rawValue, path: content.path, line: content.line, link: content.link)
    }

    /// Encodes a stored annotation as a response element: `type`, braced `uuid` and both timestamps added.
    public init(_ annotation: Annotation) {
        self.init(annotation.content)
        type = Self.objectType
        uuid = CloudUUID.string(annotation.uuid)
        createdOn = WireTime.iso8601(annotation.createdAt)
        updatedOn = WireTime.iso8601(annotation.updatedAt)
    }

    /// Validates an element under the Cloud limits: `annotation_type` and `summary` are required, `line` is at
    /// least 1, `severity` may be `CRITICAL`.
    ///
    /// - Parameter field: where the element sits, e.g. `annotations[2]`, or ``FieldPath/root`` for a single PUT.
    /// - Returns: the normalised content.
    /// - Throws: ``InsightsError`` naming the offending field in canonical names.
    public func toDomain(at field: FieldPath = .root) throws(InsightsError) -> AnnotationContent {
        let content = AnnotationContent(
            externalID: externalId,
            path: path,
            line: line,
            message: summary ?? "",
            title: title,
            details: details,
            severity: try CloudSpelling.parseIfPresent(
                severity, as: AnnotationSeverity.self, at: field.appending("severity")),
            type: try CloudSpelling.parseIfPresent(
                annotationType, as: AnnotationType.self, at: field.appending("type")),
            result: try CloudSpelling.parseIfPresent(result, as: AnnotationResult.self, at: field.appending("result")),
            link: link)
        return try content.validated(limits: .cloud, at: field)
    }

    /// Decodes and validates the body of a bulk POST, a JSON array, naming offending fields as `annotations[i].field`
    /// (also for shape errors, which the decoder reports from the array itself).
    ///
    /// - Parameter body: the raw body.
    /// - Returns: the normalised contents, in order.
    /// - Throws: ``InsightsError`` naming the offending element.
    public static func toDomain(batchBody body: Data) throws(InsightsError) -> [AnnotationContent] {
        let elements: [CloudAnnotation]
        do {
            elements = try WireDecoder.decode([CloudAnnotation].self, from: body)
        } catch {
            guard let field = error.field, case .index = field.components.first else { throw error }
            let named = FieldPath(components: [.key("annotations")] + field.components)
            throw InsightsError(
                kind: error.kind, field: named, message: error.message.replacing("'\(field)'", with: "'\(named)'"))
        }
        return try toDomain(batch: elements)
    }

    /// Validates the JSON array of a bulk POST: 1 to 100 elements, each valid, each with a unique `external_id`.
    ///
    /// - Parameter elements: the array as sent.
    /// - Returns: the normalised contents, in order.
    /// - Throws: ``InsightsError`` naming the offending element as `annotations[i].field`.
    public static func toDomain(batch elements: [CloudAnnotation]) throws(InsightsError) -> [AnnotationContent] {
        let limits = InsightLimits.cloud
        guard !elements.isEmpty else {
            throw .invalidValue(FieldPath("annotations"), "At least one annotation is required.")
        }
        if let max = limits.maxAnnotationsPerRequest, elements.count > max {
            throw .tooManyAnnotationsInRequest(max: max)
        }
        var contents: [AnnotationContent] = []
        contents.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            contents.append(try element.toDomain(at: FieldPath("annotations").appending(index: index)))
        }
        return try AnnotationContent.validatedBatch(contents, limits: limits)
    }
}
