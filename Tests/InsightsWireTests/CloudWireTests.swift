import Foundation
import InsightsCore
import InsightsWire
import Testing

@Suite struct CloudWireTests {
    private func json(_ value: some Encodable) throws -> String {
        String(decoding: try WireEncoder.encode(value), as: UTF8.self)
    }

    private let content = ReportContent(
        title: "Security scan report", details: "This pull request introduces 10 new dependency vulnerabilities.",
        result: .failed, reportType: .security, reporter: "mySystem", link: "http://www.mysystem.com/reports/001",
        logoURL: "https://example.com/logo.png", isRemoteLinkEnabled: true, coverageProviderKey: "dc-only",
        data: [
            DataField(title: "Duration (seconds)", type: .duration, value: .number(14)),
            DataField(title: "Safe to merge?", type: .boolean, value: .bool(false)),
            DataField(title: "Docs", type: .link, value: .link(text: "Open", href: "https://x.example/r")),
        ])

    @Test func reportRequestRoundTripsThroughCloudNames() throws {
        let request = CloudReportRequest(content)
        let text = try json(request)
        #expect(text.contains("\"report_type\":\"SECURITY\""))
        #expect(text.contains("\"logo_url\":"))
        #expect(text.contains("\"remote_link_enabled\":true"))
        #expect(text.contains(#"{"href":"https://x.example/r","text":"Open"}"#))
        #expect(!text.contains("coverageProviderKey"))
        #expect(!text.contains("linktext"))
        let decoded = try WireDecoder.decode(CloudReportRequest.self, from: Data(text.utf8))
        var expected = content
        expected.coverageProviderKey = nil
        #expect(try decoded.toDomain() == expected)
    }

    @Test func reportRequestAcceptsTheSeedsFixtureAndTheHyphenatedAlias() throws {
        let seed = """
            { "title": "Security scan report", "details": "This pull request introduces 10 new dependency \
            vulnerabilities.", "report_type": "SECURITY", "reporter": "mySystem", "link": "", "result": "FAILED", \
            "remote-link-enabled": true, "data": [ { "title": "Duration (seconds)", "type": "DURATION", "value": 14 }, \
            { "title": "Safe to merge?", "type": "BOOLEAN", "value": false } ] }
            """
        let content = try WireDecoder.decode(CloudReportRequest.self, from: Data(seed.utf8)).toDomain()
        #expect(content.link == nil)
        #expect(content.isRemoteLinkEnabled == true)
        #expect(content.data.count == 2)
    }

    @Test(arguments: ["title", "details", "report_type"])
    func reportRequestRequiresTitleDetailsAndType(missing: String) throws {
        var fields = ["\"title\":\"T\"", "\"details\":\"D\"", "\"report_type\":\"BUG\""]
        fields.removeAll { $0.hasPrefix("\"\(missing)\"") }
        let body = Data("{\(fields.joined(separator: ","))}".utf8)
        #expect(throws: InsightsError.self) {
            try WireDecoder.decode(CloudReportRequest.self, from: body).toDomain()
        }
    }

    @Test func reportRejectsAnEleventhDataField() throws {
        var content = self.content
        content.data = (0..<11).map { DataField(title: "f\($0)", type: nil, value: .number(Double($0))) }
        #expect(throws: InsightsError.tooManyDataFields(max: 10)) { try CloudReportRequest(content).toDomain() }
        content.data.removeLast()
        #expect(try CloudReportRequest(content).toDomain().data.count == 10)
    }

    @Test func reportResponseCarriesTypeUUIDAndTimestamps() throws {
        let uuid = try #require(UUID(uuidString: "0F8FAD5B-D9CB-469F-A165-70867728950E"))
        let report = Report(
            uuid: uuid, repository: try RepositoryRef(projectKey: "team", slug: "app"),
            commit: try CommitID(String(repeating: "a", count: 40)), key: try InsightKey("mysystem-001"),
            content: content, creator: UserID(1), createdAt: Date(timeIntervalSince1970: 1_630_041_546.5),
            updatedAt: Date(timeIntervalSince1970: 1_630_041_546.5))
        let response = CloudReport(report)
        let text = try json(response)
        #expect(text.contains("\"type\":\"report\""))
        #expect(text.contains("\"uuid\":\"{0f8fad5b-d9cb-469f-a165-70867728950e}\""))
        #expect(text.contains("\"external_id\":\"mysystem-001\""))
        #expect(text.contains("\"created_on\":\"2021-08-27T05:19:06.500Z\""))
        #expect(!text.contains("coverageProviderKey"))
        var expected = content
        expected.coverageProviderKey = nil
        #expect(try response.toDomain() == expected)
    }

    @Test func annotationRoundTripsWithCriticalAndNoLineForFileLevel() throws {
        let annotation = AnnotationContent(
            externalID: "a1", path: "src/Main.java", line: nil, message: "Possible null dereference.", title: "NPE",
            details: "More", severity: .critical, type: .bug, result: .failed, link: "https://x.example/a1")
        let text = try json(CloudAnnotation(annotation))
        #expect(text.contains("\"annotation_type\":\"BUG\""))
        #expect(text.contains("\"summary\":\"Possible null dereference.\""))
        #expect(text.contains("\"severity\":\"CRITICAL\""))
        #expect(!text.contains("\"line\""))
        #expect(!text.contains("\"message\""))
        #expect(!text.contains("\"type\""))
        let decoded = try WireDecoder.decode(CloudAnnotation.self, from: Data(text.utf8))
        #expect(try decoded.toDomain() == annotation)
    }

    @Test func annotationRequiresTypeAndSummaryAndAPositiveLine() {
        #expect(throws: InsightsError.self) { try CloudAnnotation(summary: "s").toDomain() }
        #expect(throws: InsightsError.self) { try CloudAnnotation(annotationType: "BUG").toDomain() }
        #expect(throws: InsightsError.self) {
            try CloudAnnotation(annotationType: "BUG", summary: "s", line: 0).toDomain()
        }
        #expect(throws: InsightsError.self) { try CloudAnnotation(annotationType: "bug", summary: "s").toDomain() }
        let long = String(repeating: "x", count: 451)
        #expect(throws: InsightsError.self) { try CloudAnnotation(annotationType: "BUG", summary: long).toDomain() }
    }

    @Test func bulkNeedsOneToOneHundredItemsEachWithAUniqueExternalID() throws {
        let item = { (id: String?) in CloudAnnotation(externalId: id, annotationType: "BUG", summary: "s") }
        #expect(throws: InsightsError.self) { try CloudAnnotation.toDomain(batch: []) }
        #expect(throws: InsightsError.tooManyAnnotationsInRequest(max: 100)) {
            try CloudAnnotation.toDomain(batch: (0..<101).map { item("id\($0)") })
        }
        #expect(throws: InsightsError.self) { try CloudAnnotation.toDomain(batch: [item(nil)]) }
        #expect(throws: InsightsError.self) { try CloudAnnotation.toDomain(batch: [item("a"), item("a")]) }
        #expect(try CloudAnnotation.toDomain(batch: (0..<100).map { item("id\($0)") }).count == 100)
    }

    @Test func storedAnnotationEncodesTheResponseShape() throws {
        let uuid = UUID()
        let stored = Annotation(
            uuid: uuid, reportKey: try InsightKey("r"), content: AnnotationContent(message: "m", type: .bug),
            createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 1))
        let response = CloudAnnotation(stored)
        #expect(response.type == "report_annotation")
        #expect(response.uuid == CloudUUID.string(uuid))
        #expect(response.createdOn == "1970-01-01T00:00:00.000Z")
        #expect(CloudUUID.parse(response.uuid ?? "") == uuid)
    }

    @Test func errorBodyUsesCloudFieldNames() throws {
        let error = InsightsError.fieldTooLong(
            FieldPath("annotations").appending(index: 2).appending("message"), max: 450)
        let body = CloudErrorBody(error)
        #expect(body.type == "error")
        #expect(body.error.message == "'annotations[2].summary' must be at most 450 characters long.")
        #expect(body.error.detail == "Field: annotations[2].summary")
        #expect(body.error.fields == ["annotations[2].summary": [body.error.message]])
        let missing = CloudErrorBody(.notFound("Report r does not exist on commit c."))
        #expect(missing.error.message == "Resource not found")
        #expect(missing.error.detail == "Report r does not exist on commit c.")
        let text = try json(CloudErrorBody(.notFound("Resource not found")))
        #expect(text == #"{"type":"error","error":{"message":"Resource not found"}}"#)
        #expect(
            CloudSpelling.cloudPath(FieldPath("data").appending(index: 0).appending("type")).description
                == "data[0].type")
        #expect(CloudSpelling.cloudPath(FieldPath("type")).description == "annotation_type")
    }

    @Test func pageEnvelopeLinksOnlyExistingPages() throws {
        let page = Page(values: [1, 2], offset: 2, hasMore: true, total: 5)
        let envelope = CloudPage<Int>(page, pageNumber: 2, pagelen: 2, url: { "https://h/x?pagelen=2&page=\($0)" }) {
            $0
        }
        #expect(envelope.size == 5)
        #expect(envelope.next == "https://h/x?pagelen=2&page=3")
        #expect(envelope.previous == "https://h/x?pagelen=2&page=1")
        let first = CloudPage<Int>(
            Page(values: [1], offset: 0, hasMore: false, total: 1), pageNumber: 1, pagelen: 10, url: { "\($0)" }
        ) { $0 }
        let text = try json(first)
        #expect(!text.contains("next"))
        #expect(!text.contains("previous"))
    }
}
