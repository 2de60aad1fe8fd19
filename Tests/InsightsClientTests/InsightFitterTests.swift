import InsightsClient
import InsightsCore
import Testing

@Suite struct InsightFitterTests {
    @Test func keepsTheMostSevereFindingsInToolOrder() {
        let fitted = InsightFitter(dialect: .cloud, maxAnnotations: 3).fit(Fixtures.bundle(count: 12))
        #expect(fitted.annotations.map(\.externalID) == ["finding-3", "finding-7", "finding-11"])
        #expect(fitted.totalFindings == 12)
        #expect(fitted.shownFindings == 3)
    }

    @Test func prefersFindingsOnChangedLinesWithinOneSeverity() {
        let filter = ChangeFilter(mode: .all, changedLines: ["src/f7.swift": [8]])
        let fitted = InsightFitter(dialect: .cloud, maxAnnotations: 1, changeFilter: filter)
            .fit(Fixtures.bundle(count: 12))
        #expect(fitted.annotations.map(\.externalID) == ["finding-7"])
        let unfiltered = InsightFitter(dialect: .cloud, maxAnnotations: 1).fit(Fixtures.bundle(count: 12))
        #expect(unfiltered.annotations.map(\.externalID) == ["finding-3"])
    }

    @Test func mapsCriticalToHighAndDefaultsSeverityForDataCenter() {
        var bundle = Fixtures.bundle(count: 4)
        bundle.annotations[0].severity = nil
        let fitted = InsightFitter(dialect: .dataCenter).fit(bundle)
        #expect(fitted.annotations.map(\.severity) == [.high, .high, .medium, .low])
        #expect(fitted.findings(atOrAbove: .critical) == 1)
    }

    @Test(arguments: [PublishDialect.dataCenter, .cloud])
    func truncatesEveryTextToItsLimit(dialect: PublishDialect) throws {
        var bundle = Fixtures.bundle(count: 1)
        bundle.report.title = String(repeating: "t", count: 500)
        bundle.report.details = String(repeating: "d", count: 2500)
        bundle.annotations[0].message = String(repeating: "m", count: 2500)
        bundle.annotations[0].title = String(repeating: "a", count: 500)
        bundle.annotations[0].externalID = String(repeating: "i", count: 600)
        let fitted = InsightFitter(dialect: dialect).fit(bundle)
        let limits = dialect.limits
        #expect(fitted.report.title.utf16.count == 450)
        #expect(fitted.report.title.hasSuffix("…"))
        #expect(fitted.report.details?.utf16.count == 2000)
        let annotation = try #require(fitted.annotations.first)
        #expect(annotation.message.utf16.count == limits.maxMessageLength)
        #expect(annotation.message.hasSuffix("…"))
        #expect(annotation.title?.utf16.count == 450)
        let id = try #require(annotation.externalID)
        #expect(id.utf16.count <= 449)
        #expect(fitted.truncatedFields == 5)
        _ = try fitted.report.validated(limits: limits)
        _ = try AnnotationContent.validatedBatch(fitted.annotations, limits: limits)
    }

    @Test func replacesLongIDsStablyAndKeepsDistinctOnesDistinct() {
        var bundle = Fixtures.bundle(count: 2)
        bundle.annotations[0].externalID = String(repeating: "x", count: 500) + "a"
        bundle.annotations[1].externalID = String(repeating: "x", count: 500) + "b"
        let first = InsightFitter(dialect: .dataCenter).fit(bundle).annotations.compactMap(\.externalID)
        let second = InsightFitter(dialect: .dataCenter).fit(bundle).annotations.compactMap(\.externalID)
        #expect(first == second)
        #expect(Set(first).count == 2)
    }

    @Test func makesRepeatedIDsUnique() {
        var bundle = Fixtures.bundle(count: 3)
        for index in bundle.annotations.indices { bundle.annotations[index].externalID = "same" }
        let ids = InsightFitter(dialect: .cloud).fit(bundle).annotations.compactMap(\.externalID)
        #expect(Set(ids).count == 3)
    }

    @Test func setsFindingsAndShownWithinSixDataFields() {
        var bundle = Fixtures.bundle(count: 20)
        bundle.report.data = (1...6).map { DataField(title: "F\($0)", type: .number, value: .number(Double($0))) }
        let fitted = InsightFitter(dialect: .dataCenter, maxAnnotations: 5).fit(bundle)
        #expect(fitted.report.data.map(\.title) == ["Findings", "F1", "F2", "F3", "F4", "Shown"])
        #expect(fitted.droppedDataFields == ["F5", "F6"])
        #expect(fitted.report.data.last?.value == .number(5))
        let cloud = InsightFitter(dialect: .cloud, maxAnnotations: 5).fit(bundle)
        #expect(cloud.report.data.count == 8)
        #expect(cloud.droppedDataFields.isEmpty)
    }

    @Test func fillsCloudsRequiredFields() {
        var bundle = Fixtures.bundle(count: 2)
        bundle.report.details = nil
        bundle.report.reportType = nil
        bundle.annotations[0].type = nil
        bundle.annotations[0].externalID = nil
        let fitted = InsightFitter(dialect: .cloud).fit(bundle)
        #expect(fitted.report.details == "2 findings.")
        #expect(fitted.report.reportType == .bug)
        #expect(fitted.annotations.allSatisfy { $0.type != nil && $0.externalID != nil })
    }

    @Test func dropsInvalidLinksAndNonPositiveLines() {
        var bundle = Fixtures.bundle(count: 1)
        bundle.annotations[0].link = "javascript:alert(1)"
        bundle.annotations[0].line = 0
        bundle.report.link = "ftp://example.com"
        let fitted = InsightFitter(dialect: .dataCenter).fit(bundle)
        #expect(fitted.annotations[0].link == nil)
        #expect(fitted.annotations[0].line == nil)
        #expect(fitted.report.link == nil)
    }
}
