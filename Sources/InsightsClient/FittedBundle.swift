public import InsightsCore

/// A bundle fitted to one dialect's limits: what the publisher sends, with counts for the summary.
public struct FittedBundle: Sendable, Equatable {
    /// The report, with `Findings` and `Shown` data fields.
    public var report: ReportContent
    /// The annotations to send, most important first, each valid for the dialect.
    public var annotations: [AnnotationContent]
    /// How many findings the tool reported.
    public var totalFindings: Int
    /// How many findings passed the change filter (before the cap).
    public var matchingFindings: Int
    /// How many strings were shortened or external ids replaced.
    public var truncatedFields: Int
    /// Titles of converter data fields dropped to make room for `Findings` and `Shown`.
    public var droppedDataFields: [String]
    /// Severity counts over the findings the change filter kept, before the cap (absent severity as `nil`).
    public var severityCounts: [AnnotationSeverity?: Int]

    /// Creates a fitted bundle.
    public init(
        report: ReportContent, annotations: [AnnotationContent], totalFindings: Int, matchingFindings: Int,
        truncatedFields: Int = 0, droppedDataFields: [String] = [], severityCounts: [AnnotationSeverity?: Int] = [:]
    ) {
        self.report = report
        self.annotations = annotations
        self.totalFindings = totalFindings
        self.matchingFindings = matchingFindings
        self.truncatedFields = truncatedFields
        self.droppedDataFields = droppedDataFields
        self.severityCounts = severityCounts
    }

    /// The bundle with only its `maximum` most important annotations and its `Shown` data field updated to match;
    /// the bundle itself when it holds no more than that.
    ///
    /// - Parameter maximum: the most annotations to keep.
    public func capped(at maximum: Int) -> FittedBundle {
        guard annotations.count > maximum else { return self }
        var capped = self
        capped.annotations = Array(annotations.prefix(max(0, maximum)))
        capped.report.data = report.data.map { field in
            guard field.title == InsightFitter.shownFieldTitle else { return field }
            return DataField(title: field.title, type: field.type, value: .number(Double(capped.annotations.count)))
        }
        return capped
    }

    /// How many findings are shown.
    public var shownFindings: Int { annotations.count }

    /// How many findings the change filter kept at or above `severity` (the `--fail-on` test).
    public func findings(atOrAbove severity: AnnotationSeverity) -> Int {
        severityCounts.reduce(0) { sum, entry in
            guard let key = entry.key, key >= severity else { return sum }
            return sum + entry.value
        }
    }
}
