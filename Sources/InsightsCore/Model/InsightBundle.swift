/// A report with its annotations, as a converter produces it and a publisher sends it.
///
/// Annotations here are not yet fitted to any dialect's limits: a publisher truncates, caps and chunks them.
public struct InsightBundle: Hashable, Sendable {
    /// The report's content.
    public var report: ReportContent
    /// The findings, in the order the tool reported them.
    public var annotations: [AnnotationContent]

    /// Creates a bundle.
    public init(report: ReportContent, annotations: [AnnotationContent]) {
        self.report = report
        self.annotations = annotations
    }
}
