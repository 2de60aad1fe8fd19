/// The category of an annotation; the same in both dialects.
public enum AnnotationType: String, Sendable, CaseIterable {
    case vulnerability = "VULNERABILITY"
    case codeSmell = "CODE_SMELL"
    case bug = "BUG"
}
