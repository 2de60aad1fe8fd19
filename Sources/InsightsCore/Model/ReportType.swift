/// The kind of a report (Cloud only).
public enum ReportType: String, Sendable, CaseIterable {
    case security = "SECURITY"
    case coverage = "COVERAGE"
    case test = "TEST"
    case bug = "BUG"
}
