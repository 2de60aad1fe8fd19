import InsightsCore

/// Builds the data fields shared by the static-analysis converters: a total and one count per severity.
///
/// Five fields, within both dialects' limits (Data Center 6, Cloud 10).
enum FindingsSummary {
    /// The data fields for a list of findings.
    ///
    /// - Parameter annotations: the converted findings.
    /// - Returns: `Findings`, `Critical`, `High`, `Medium`, `Low`, all `NUMBER`.
    static func dataFields(for annotations: [AnnotationContent]) -> [DataField] {
        var counts: [AnnotationSeverity: Int] = [:]
        for annotation in annotations {
            if let severity = annotation.severity { counts[severity, default: 0] += 1 }
        }
        func number(_ title: String, _ count: Int) -> DataField {
            DataField(title: title, type: .number, value: .number(Double(count)))
        }
        return [
            number("Findings", annotations.count),
            number("Critical", counts[.critical] ?? 0),
            number("High", counts[.high] ?? 0),
            number("Medium", counts[.medium] ?? 0),
            number("Low", counts[.low] ?? 0),
        ]
    }

    /// `SECURITY` when any finding is a vulnerability, otherwise `BUG` (Cloud requires a report type).
    ///
    /// - Parameter annotations: the converted findings.
    /// - Returns: the report type.
    static func reportType(for annotations: [AnnotationContent]) -> ReportType {
        annotations.contains { $0.type == .vulnerability } ? .security : .bug
    }
}
