import InsightsCore
import Testing

@testable import InsightsClient

struct AnnotationCapRefusalTests {
    @Test(arguments: [
        ("A report may have at most 50 annotations; the request was rejected and nothing was stored.", 50),
        ("The report exceeds the maximum of 1000 annotations.", 1000),
        ("Insight report has reached its limit of 250 annotations", 250),
    ])
    func readsTheMaximumFromARefusal(message: String, maximum: Int) {
        let error = PublishError(code: .refused, request: "POST /annotations", status: 400, message: message)
        #expect(AnnotationCapRefusal.maximum(in: error) == maximum)
    }

    @Test func otherFailuresAreNotCapRefusals() {
        let cases = [
            PublishError(code: .refused, request: "POST", status: 400, message: "annotations[0].message: required"),
            PublishError(code: .refused, request: "POST", status: 403, message: "at most 50 annotations"),
            PublishError(code: .unreachable, request: "POST", message: "at most 50 annotations"),
        ]
        for error in cases {
            #expect(AnnotationCapRefusal.maximum(in: error) == nil, "\(error)")
        }
    }

    @Test func cappingKeepsTheFirstAnnotationsAndUpdatesShown() {
        let annotations = (0..<5).map { AnnotationContent(externalID: "a\($0)", message: "m\($0)", severity: .low) }
        let report = ReportContent(
            title: "Lint",
            data: [
                DataField(title: InsightFitter.findingsFieldTitle, type: .number, value: .number(9)),
                DataField(title: "Other", type: .text, value: .string("x")),
                DataField(title: InsightFitter.shownFieldTitle, type: .number, value: .number(5)),
            ])
        let bundle = FittedBundle(report: report, annotations: annotations, totalFindings: 9, matchingFindings: 5)

        let capped = bundle.capped(at: 2)

        #expect(capped.annotations.map(\.externalID) == ["a0", "a1"])
        #expect(capped.report.data.map(\.value) == [.number(9), .string("x"), .number(2)])
        #expect(capped.totalFindings == 9)
        #expect(bundle.capped(at: 5) == bundle)
        #expect(bundle.capped(at: 7) == bundle)
    }
}
