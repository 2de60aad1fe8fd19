public import InsightsCore

/// `{"annotations":[…]}`: the body of a bulk POST and of every annotation list response.
public struct DataCenterAnnotations: Codable, Sendable, Equatable {
    public var annotations: [DataCenterAnnotation]?

    /// Wraps annotation elements.
    public init(annotations: [DataCenterAnnotation]) {
        self.annotations = annotations
    }

    /// Validates a bulk request: the `annotations` array is required; every element is checked and no external id
    /// may repeat.
    ///
    /// - Throws: ``InsightsError`` naming the offending element as `annotations[i].field`.
    public func toDomain() throws(InsightsError) -> [AnnotationContent] {
        guard let annotations else { throw .missingField(FieldPath("annotations")) }
        var contents: [AnnotationContent] = []
        contents.reserveCapacity(annotations.count)
        for (index, element) in annotations.enumerated() {
            contents.append(try element.toDomain(at: FieldPath("annotations").appending(index: index)))
        }
        return try AnnotationContent.validatedBatch(contents, limits: .dataCenter)
    }
}
