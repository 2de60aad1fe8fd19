/// The tool output formats `insights convert` understands.
public enum InsightFormat: String, Sendable, CaseIterable {
    case sarif
    case checkstyle
    case cppcheck
    case junit
    case cobertura
    case lcov
    case codeclimate
}
