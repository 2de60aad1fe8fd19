extension AnnotationContent {
    /// Checks one annotation against a dialect's limits and returns it normalised (an empty link becomes absent).
    ///
    /// - Parameters:
    ///   - limits: the dialect's limits profile.
    ///   - field: where the annotation sits in the body (e.g. `annotations[3]`), or ``FieldPath/root``.
    /// - Returns: the normalised annotation.
    /// - Throws: ``InsightsError`` (`invalid`) naming the first offending field.
    public func validated(limits: InsightLimits, at field: FieldPath = .root) throws(InsightsError)
        -> AnnotationContent
    {
        try TextRules.checkRequired(message, max: limits.maxMessageLength, at: field.appending("message"))
        if let externalID {
            guard !externalID.isEmpty else { throw .missingField(field.appending("externalId")) }
            try TextRules.checkLength(externalID, max: limits.maxExternalIDLength, at: field.appending("externalId"))
        }
        try NullCharacterRule.check(externalID, at: field.appending("externalId"))
        try NullCharacterRule.check(path, at: field.appending("path"))
        if let line, line < 1 {
            throw .invalidValue(field.appending("line"), "'\(field.appending("line"))' must be a positive line number.")
        }
        try TextRules.checkLength(title, max: limits.maxAnnotationTitleLength, at: field.appending("title"))
        try TextRules.checkLength(details, max: limits.maxAnnotationDetailsLength, at: field.appending("details"))
        if limits.requiresAnnotationSeverity, severity == nil { throw .missingField(field.appending("severity")) }
        if limits.requiresAnnotationType, type == nil { throw .missingField(field.appending("type")) }
        var normalised = self
        normalised.link = try WebLink.validated(link, at: field.appending("link"))
        return normalised
    }

    /// Validates the annotations of one bulk request: each element, the per-request count, and that no external id
    /// occurs twice.
    ///
    /// - Parameters:
    ///   - annotations: the request's annotations, in order.
    ///   - limits: the dialect's limits profile.
    /// - Returns: the normalised annotations.
    /// - Throws: ``InsightsError`` (`invalid`) naming the first offending element as `annotations[i].field`.
    public static func validatedBatch(_ annotations: [AnnotationContent], limits: InsightLimits) throws(InsightsError)
        -> [AnnotationContent]
    {
        if let max = limits.maxAnnotationsPerRequest, annotations.count > max {
            throw .tooManyAnnotationsInRequest(max: max)
        }
        var seen = Set<String>()
        var result: [AnnotationContent] = []
        result.reserveCapacity(annotations.count)
        for (index, annotation) in annotations.enumerated() {
            let field = FieldPath("annotations").appending(index: index)
            if limits.requiresExternalIDInBulk, annotation.externalID == nil {
                throw .missingField(field.appending("externalId"))
            }
            let checked = try annotation.validated(limits: limits, at: field)
            if let id = checked.externalID, !seen.insert(id).inserted {
                throw .duplicateExternalID(field.appending("externalId"), id)
            }
            result.append(checked)
        }
        return result
    }
}
