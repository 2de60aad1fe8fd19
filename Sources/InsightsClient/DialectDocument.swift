/// The exact bodies a publish would send, printed by `insights convert --dialect dc|cloud`: the report `PUT` body
/// and the annotations (Data Center: the `{"annotations":[…]}` body; Cloud: the items of the bulk arrays).
public struct DialectDocument<ReportBody: Encodable & Sendable, AnnotationsBody: Encodable & Sendable>: Encodable,
    Sendable
{
    /// The report `PUT` body.
    public var report: ReportBody
    /// The annotation body or items.
    public var annotations: AnnotationsBody

    /// Creates a document.
    public init(report: ReportBody, annotations: AnnotationsBody) {
        self.report = report
        self.annotations = annotations
    }
}
