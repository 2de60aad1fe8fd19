import Foundation
import InsightsCore
import InsightsWire
import Testing

@Suite struct DataCenterWireTests {
    @Test func reportRequestRoundTrips() throws {
        let content = ReportContent(
            title: "report.title", details: "details", result: .passed, reporter: "tool",
            link: "http://insight.example.com", logoURL: "http://insight.example.com/logo", coverageProviderKey: "cpk",
            data: [
                DataField(title: "n", type: .number, value: .number(42)),
                DataField(title: "l", type: .link, value: .link(text: "Open", href: "https://x.example")),
            ])
        let data = try WireEncoder.encode(DataCenterReportRequest(content))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"result\":\"PASS\""))
        #expect(text.contains("\"linktext\":\"Open\""))
        #expect(try WireDecoder.decode(DataCenterReportRequest.self, from: data).toDomain() == content)
    }

    @Test func pendingHasNoDataCenterResult() {
        #expect(DataCenterReportRequest(ReportContent(title: "t", result: .pending)).result == nil)
    }

    @Test func seedFixtureWithAnEmptyObjectAsNumberIsRejected() throws {
        let body = Data(#"{"title":"t","data":[{"value":{},"type":"NUMBER","title":"data.title"}]}"#.utf8)
        #expect(throws: InsightsError.self) {
            try WireDecoder.decode(DataCenterReportRequest.self, from: body).toDomain()
        }
    }

    @Test(arguments: [(0, nil), (5, 5)] as [(Int, Int?)])
    func lineZeroIsFileLevel(wire: Int, domain: Int?) throws {
        let element = DataCenterAnnotation(AnnotationContent(line: wire, message: "m", severity: .low))
        #expect(try element.toDomain().line == domain)
    }

    @Test func storedFileLevelAnnotationShowsLineZeroAndCriticalAsHigh() throws {
        let stored = Annotation(
            uuid: UUID(), reportKey: try InsightKey("report.key"),
            content: AnnotationContent(externalID: "e", message: "m", title: "cloud only", severity: .critical),
            createdAt: Date(), updatedAt: Date())
        let element = DataCenterAnnotation(stored)
        #expect(element.line == 0)
        #expect(element.severity == "HIGH")
        #expect(element.reportKey == "report.key")
        let text = String(decoding: try WireEncoder.encode(element), as: UTF8.self)
        #expect(!text.contains("cloud only"))
    }

    @Test func negativeLineAndCriticalAreRejectedOnInput() throws {
        let negative = Data(#"{"message":"m","severity":"LOW","line":-1}"#.utf8)
        #expect(throws: InsightsError.self) {
            try WireDecoder.decode(DataCenterAnnotation.self, from: negative).toDomain()
        }
        let critical = Data(#"{"message":"m","severity":"CRITICAL"}"#.utf8)
        #expect(throws: InsightsError.self) {
            try WireDecoder.decode(DataCenterAnnotation.self, from: critical).toDomain()
        }
    }

    @Test func bulkRequiresTheAnnotationsArrayAndUniqueIDs() throws {
        #expect(throws: InsightsError.missingField(FieldPath("annotations"))) {
            try WireDecoder.decode(DataCenterAnnotations.self, from: Data("{}".utf8)).toDomain()
        }
        let twice = DataCenterAnnotations(annotations: [
            DataCenterAnnotation(AnnotationContent(externalID: "a", message: "m", severity: .low)),
            DataCenterAnnotation(AnnotationContent(externalID: "a", message: "m", severity: .low)),
        ])
        #expect(throws: InsightsError.self) { try twice.toDomain() }
    }

    @Test func errorBodyWritesExplicitNulls() throws {
        let text = String(
            decoding: try WireEncoder.encode(
                DataCenterErrorBody(errors: [.init(context: nil, message: "m", exceptionName: nil)])),
            as: UTF8.self)
        // The order of the seed's examples: context, message, exceptionName.
        #expect(text == #"{"errors":[{"context":null,"message":"m","exceptionName":null}]}"#)
        let forbidden = DataCenterErrorBody(.forbidden("You are not permitted to access this resource"))
        #expect(forbidden.errors.first?.exceptionName == "com.atlassian.bitbucket.AuthorisationException")
        let invalid = DataCenterErrorBody(.missingField(FieldPath("title")))
        #expect(invalid.errors.first?.context == "title")
    }
}
