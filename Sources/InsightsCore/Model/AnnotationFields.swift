/// A set of an annotation's fields that some dialect cannot express: Data Center has no annotation `title`,
/// `details` or `result`.
///
/// A replacement through such a dialect keeps the stored values of these fields instead of clearing them, so a
/// Data Center client that rewrites an annotation a Cloud client wrote loses nothing it could not see.
public struct AnnotationFields: OptionSet, Hashable, Sendable {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// Cloud's `title`.
    public static let title = AnnotationFields(rawValue: 1 << 0)
    /// Cloud's `details`.
    public static let details = AnnotationFields(rawValue: 1 << 1)
    /// Cloud's per-annotation `result`.
    public static let result = AnnotationFields(rawValue: 1 << 2)
}

extension AnnotationContent {
    /// This content with the given fields taken from `stored`.
    ///
    /// - Parameters:
    ///   - fields: the fields to keep.
    ///   - stored: the annotation's content before the replacement.
    /// - Returns: the content to store.
    public func keeping(_ fields: AnnotationFields, of stored: AnnotationContent) -> AnnotationContent {
        var merged = self
        if fields.contains(.title) { merged.title = stored.title }
        if fields.contains(.details) { merged.details = stored.details }
        if fields.contains(.result) { merged.result = stored.result }
        return merged
    }
}
