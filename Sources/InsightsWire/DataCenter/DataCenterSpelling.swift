public import InsightsCore

/// How Data Center spells the shared enums, and the values it cannot express.
public enum DataCenterSpelling {
    /// `PASS`/`FAIL` for a result; `nil` for `pending`, which Data Center does not have.
    public static func result(for result: ReportResult) -> String? {
        switch result {
        case .passed: "PASS"
        case .failed: "FAIL"
        case .pending: nil
        }
    }

    /// Parses `PASS` or `FAIL` (exact case).
    ///
    /// - Throws: ``InsightsError`` (`invalid`, field `result`) for anything else.
    public static func result(from text: String) throws(InsightsError) -> ReportResult {
        switch text {
        case "PASS": return .passed
        case "FAIL": return .failed
        default: throw .invalidValue(FieldPath("result"), "'result' must be one of PASS, FAIL.")
        }
    }

    /// The severity Data Center shows: `CRITICAL` becomes `HIGH`.
    public static func severity(for severity: AnnotationSeverity) -> String {
        severity == .critical ? AnnotationSeverity.high.rawValue : severity.rawValue
    }

    /// Parses `LOW`, `MEDIUM` or `HIGH` (exact case).
    ///
    /// - Throws: ``InsightsError`` (`invalid`) at `field` for anything else, `CRITICAL` included.
    public static func severity(from text: String, at field: FieldPath) throws(InsightsError) -> AnnotationSeverity {
        guard let severity = AnnotationSeverity(rawValue: text), severity != .critical else {
            throw .invalidValue(field, "'\(field)' must be one of LOW, MEDIUM, HIGH.")
        }
        return severity
    }

    /// Parses `VULNERABILITY`, `CODE_SMELL` or `BUG` (exact case).
    ///
    /// - Throws: ``InsightsError`` (`invalid`) at `field` for anything else.
    public static func type(from text: String, at field: FieldPath) throws(InsightsError) -> AnnotationType {
        guard let type = AnnotationType(rawValue: text) else {
            throw .invalidValue(field, "'\(field)' must be one of VULNERABILITY, CODE_SMELL, BUG.")
        }
        return type
    }
}
