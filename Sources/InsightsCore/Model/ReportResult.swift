/// Whether a report passed. Data Center spells these `PASS`/`FAIL` and has no pending state.
public enum ReportResult: String, Sendable, CaseIterable {
    case passed = "PASSED"
    case failed = "FAILED"
    case pending = "PENDING"
}
