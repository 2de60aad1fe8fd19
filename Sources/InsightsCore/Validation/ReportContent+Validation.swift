extension ReportContent {
    /// Checks the content against a dialect's limits and returns it normalised (empty links become absent).
    ///
    /// Data field values were already checked when they were built (``DataField/validated(title:type:value:linkTextKey:at:)``);
    /// this checks everything else, including the number of data fields.
    ///
    /// - Parameter limits: the dialect's limits profile.
    /// - Returns: the normalised content.
    /// - Throws: ``InsightsError`` (`invalid`) naming the first offending field.
    public func validated(limits: InsightLimits) throws(InsightsError) -> ReportContent {
        try TextRules.checkRequired(title, max: limits.maxTitleLength, at: FieldPath("title"))
        if limits.requiresReportDetails {
            try TextRules.checkRequired(details ?? "", max: limits.maxDetailsLength, at: FieldPath("details"))
        } else {
            try TextRules.checkLength(details, max: limits.maxDetailsLength, at: FieldPath("details"))
        }
        try TextRules.checkLength(reporter, max: limits.maxReporterLength, at: FieldPath("reporter"))
        try NullCharacterRule.check(coverageProviderKey, at: FieldPath("coverageProviderKey"))
        if limits.requiresReportType, reportType == nil { throw .missingField(FieldPath("reportType")) }
        guard data.count <= limits.maxDataFields else { throw .tooManyDataFields(max: limits.maxDataFields) }
        var normalised = self
        normalised.link = try WebLink.validated(link, at: FieldPath("link"))
        normalised.logoURL = try WebLink.validated(logoURL, at: FieldPath("logoUrl"))
        return normalised
    }
}
