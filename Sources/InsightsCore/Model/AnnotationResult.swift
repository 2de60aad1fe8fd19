/// The outcome attached to a single annotation (Cloud only).
public enum AnnotationResult: String, Sendable, CaseIterable {
    case passed = "PASSED"
    case failed = "FAILED"
    case ignored = "IGNORED"
    case skipped = "SKIPPED"
}
