import InsightsCore
import Testing

/// Domain validation, independent of any dialect's JSON.
@Suite struct ValidationTests {
    @Test(arguments: [
        ("0123456789abcdef0123456789abcdef01234567", true),
        ("0123456789ABCDEF0123456789ABCDEF01234567", true),
        (String(repeating: "a", count: 64), true),
        ("0123456", false),
        (String(repeating: "g", count: 40), false),
        (String(repeating: "a", count: 41), false),
    ])
    func commitIDs(text: String, isValid: Bool) {
        let id = try? CommitID(text)
        #expect((id != nil) == isValid)
        if let id { #expect(id.rawValue == text.lowercased()) }
    }

    @Test func lengthsCountUTF16CodeUnitsAsBitbucketDoes() throws {
        let emoji = String(repeating: "😀", count: 225)  // 450 UTF-16 units
        _ = try ReportContent(title: emoji).validated(limits: .dataCenter)
        #expect(throws: InsightsError.fieldTooLong(FieldPath("title"), max: 450)) {
            try ReportContent(title: emoji + "a").validated(limits: .dataCenter)
        }
    }

    @Test func cloudRequiresDetailsAndReportTypeDataCenterDoesNot() throws {
        _ = try ReportContent(title: "t").validated(limits: .dataCenter)
        #expect(throws: InsightsError.missingField(FieldPath("details"))) {
            try ReportContent(title: "t").validated(limits: .cloud)
        }
        #expect(throws: InsightsError.missingField(FieldPath("reportType"))) {
            try ReportContent(title: "t", details: "d").validated(limits: .cloud)
        }
    }

    @Test func dataFieldCountsFollowTheDialect() throws {
        let field = DataField(title: "t", type: nil, value: .number(1))
        _ = try ReportContent(title: "t", data: Array(repeating: field, count: 6)).validated(limits: .dataCenter)
        #expect(throws: InsightsError.tooManyDataFields(max: 6)) {
            try ReportContent(title: "t", data: Array(repeating: field, count: 7)).validated(limits: .dataCenter)
        }
        _ = try ReportContent(title: "t", details: "d", reportType: .bug, data: Array(repeating: field, count: 10))
            .validated(limits: .cloud)
    }

    @Test func batchRejectsRepeatedExternalIDsAndTooManyAnnotations() {
        let annotation = AnnotationContent(externalID: "x", message: "m", severity: .low, type: .bug)
        #expect(
            throws: InsightsError.duplicateExternalID(
                FieldPath("annotations").appending(index: 1).appending("externalId"), "x")
        ) {
            try AnnotationContent.validatedBatch([annotation, annotation], limits: .dataCenter)
        }
        let many = (0..<101).map { AnnotationContent(externalID: "id\($0)", message: "m", type: .bug) }
        #expect(throws: InsightsError.tooManyAnnotationsInRequest(max: 100)) {
            try AnnotationContent.validatedBatch(many, limits: .cloud)
        }
    }

    @Test(arguments: [
        ("https://example.com/a", true), ("http://example.com", true), ("HTTPS://EXAMPLE.COM", true),
        ("ftp://example.com", false), ("javascript:alert(1)", false), ("/relative", false), ("https://", false),
    ])
    func webLinks(text: String, isValid: Bool) {
        #expect(WebLink.isValid(text) == isValid)
    }

    @Test func fieldPathsRenderAndRename() {
        let path = FieldPath("annotations").appending(index: 3).appending("message")
        #expect(path.description == "annotations[3].message")
        #expect(path.renamingKeys(["message": "summary"]).description == "annotations[3].summary")
    }
}
