/// How a bulk annotation write treats external ids that already exist in the report.
public enum AnnotationWriteMode: Sendable, Equatable {
    /// Data Center's POST: every annotation is added; an external id already in the report rejects the whole request.
    case insert
    /// Cloud's POST: an annotation whose external id exists replaces it (keeping its uuid and position).
    case upsert
}
