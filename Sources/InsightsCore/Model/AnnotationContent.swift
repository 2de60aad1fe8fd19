/// Everything a client writes about one annotation, in dialect-neutral form.
///
/// `line == nil` is a file-level annotation (Data Center line 0, Cloud no line); `path == nil` a report-level one.
public struct AnnotationContent: Hashable, Sendable {
    /// Identifies the annotation within its report for later replacement or deletion; at most 449 characters.
    public var externalID: String?
    /// Repository-relative file path; `nil` for a report-level annotation.
    public var path: String?
    /// 1-based line; `nil` for a file-level annotation.
    public var line: Int?
    /// The message (Cloud: `summary`); required.
    public var message: String
    /// Cloud's optional title.
    public var title: String?
    /// Cloud's optional longer details.
    public var details: String?
    /// Severity; required on Data Center writes, optional on Cloud.
    public var severity: AnnotationSeverity?
    /// Category; required on Cloud writes (`annotation_type`), optional on Data Center.
    public var type: AnnotationType?
    /// Cloud's per-annotation result.
    public var result: AnnotationResult?
    /// An http(s) link to the finding in the producing tool.
    public var link: String?

    /// Creates annotation content.
    public init(
        externalID: String? = nil, path: String? = nil, line: Int? = nil, message: String, title: String? = nil,
        details: String? = nil, severity: AnnotationSeverity? = nil, type: AnnotationType? = nil,
        result: AnnotationResult? = nil, link: String? = nil
    ) {
        self.externalID = externalID
        self.path = path
        self.line = line
        self.message = message
        self.title = title
        self.details = details
        self.severity = severity
        self.type = type
        self.result = result
        self.link = link
    }
}
