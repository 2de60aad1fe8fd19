import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InsightsCore
import InsightsSQLite
import InsightsStore
import InsightsWire
import NIOCore
import Testing

/// The annotation PUT rows (CL8, reference §3.3): one rule per row, as for the report.
extension CloudValidationTests {
    /// A valid Cloud annotation with `fields` merged in; a `nil` value removes the key.
    static func annotation(_ fields: [String: JSONValue?]) -> JSONValue {
        var body: [String: JSONValue] = ["annotation_type": .string("BUG"), "summary": .string("Summary")]
        for (key, value) in fields { body[key] = value }
        return .object(body)
    }

    /// A row whose field reads back as sent.
    static func accepted(_ name: String, _ key: String, _ value: JSONValue) -> Case {
        Case(name, annotation([key: value]), .stored(key, value))
    }

    /// A row rejected at `field`, which is also the key that carries the bad value.
    static func rejected(_ name: String, _ field: String, _ value: JSONValue?) -> Case {
        Case(name, annotation([field: value]), .rejected(field))
    }

    static let annotationCases: [Case] = [
        accepted("summary of 450 accepted", "summary", string(450)),
        rejected("summary of 451 rejected", "summary", string(451)),
        rejected("summary missing", "summary", nil),
        rejected("summary blank", "summary", .string(" ")),
        rejected("summary not a string", "summary", .number(5)),
        accepted("annotation_type VULNERABILITY", "annotation_type", .string("VULNERABILITY")),
        accepted("annotation_type CODE_SMELL", "annotation_type", .string("CODE_SMELL")),
        accepted("annotation_type BUG", "annotation_type", .string("BUG")),
        rejected("annotation_type missing", "annotation_type", nil),
        rejected("annotation_type lower case", "annotation_type", .string("bug")),
        rejected("annotation_type of a report", "annotation_type", .string("SECURITY")),
        rejected("annotation_type not a string", "annotation_type", .number(1)),
        accepted("severity LOW", "severity", .string("LOW")),
        accepted("severity MEDIUM", "severity", .string("MEDIUM")),
        accepted("severity HIGH", "severity", .string("HIGH")),
        accepted("severity CRITICAL", "severity", .string("CRITICAL")),
        Case("severity absent accepted", annotation([:]), .stored("severity", nil)),
        rejected("severity lower case", "severity", .string("critical")),
        rejected("severity unknown", "severity", .string("BLOCKER")),
        accepted("result PASSED", "result", .string("PASSED")),
        accepted("result FAILED", "result", .string("FAILED")),
        accepted("result IGNORED", "result", .string("IGNORED")),
        accepted("result SKIPPED", "result", .string("SKIPPED")),
        rejected("result PENDING (report only)", "result", .string("PENDING")),
        rejected("result PASS", "result", .string("PASS")),
        accepted("line 1 accepted", "line", .number(1)),
        Case("line absent is file-level", annotation([:]), .stored("line", nil)),
        rejected("line 0 rejected", "line", .number(0)),
        rejected("line -1 rejected", "line", .number(-1)),
        rejected("line fractional rejected", "line", .number(1.5)),
        rejected("line as a string rejected", "line", .string("1")),
        accepted("title of 450 accepted", "title", string(450)),
        rejected("title of 451 rejected", "title", string(451)),
        accepted("details of 2000 accepted", "details", string(2000)),
        rejected("details of 2001 rejected", "details", string(2001)),
        accepted("link https accepted", "link", .string("https://tool.example/a/1")),
        Case("link empty is absent", annotation(["link": .string("")]), .stored("link", nil)),
        rejected("link ftp rejected", "link", .string("ftp://tool.example/a/1")),
        rejected("link relative rejected", "link", .string("a/1")),
        accepted("path is an opaque string", "path", .string("my-service/src/main/java/logic/")),
        rejected("path not a string", "path", .array([])),
        Case(
            "external_id of 449 from the path", annotation([:]), .stored("external_id", string(449)),
            annotationID: String(repeating: "a", count: 449)),
        Case(
            "external_id of 450 from the path", annotation([:]), .rejected("external_id"),
            annotationID: String(repeating: "a", count: 450)),
        Case("malformed JSON", raw: #"{"summary":"#, .rejectedWholeBody),
        Case("empty body", raw: "", .rejectedWholeBody),
        Case(
            "array body (bulk shape on a single PUT)", raw: #"[{"annotation_type":"BUG","summary":"s"}]"#,
            .rejectedWholeBody),
    ]

    /// Each body goes to a new annotation id and, unless the rule is about the id, over an existing annotation.
    @Test(arguments: annotationCases)
    func annotationRule(_ rule: Case) async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let alice = server.headers("alice")
            try await client.send(.put, Cloud.report(), headers: alice, json: Cloud.reportBody)
            let previous = #"{"annotation_type":"BUG","summary":"before"}"#
            try await client.send(.put, Cloud.annotation("existing"), headers: alice, json: previous)
            let statistics = try await server.store.statistics()
            let id = rule.annotationID ?? "a1"
            let created = try await client.send(.put, Cloud.annotation(id), headers: alice, json: rule.text)
            var replaced: TestResponse?
            if rule.annotationID == nil {
                replaced = try await client.send(.put, Cloud.annotation("existing"), headers: alice, json: rule.text)
            }
            let fresh = try await client.send(.get, Cloud.annotation(id), headers: alice)
            let existing = try await client.send(.get, Cloud.annotation("existing"), headers: alice)
            switch rule.outcome {
            case .stored(let key, let value):
                for response in [created, fresh] + (replaced.map { [$0] } ?? []) {
                    #expect(response.status == .ok, "\(response.text)")
                    #expect(try response.json()[key] == value)
                }
            case .rejected(let field):
                try Self.expectRejected(created, field: field)
                if let replaced { try Self.expectRejected(replaced, field: field) }
                try await Self.expectNothingStored(fresh, existing, key: "summary", since: statistics, in: server)
            case .rejectedWholeBody:
                try Self.expectRejected(created, field: nil)
                if let replaced { try Self.expectRejected(replaced, field: nil) }
                try await Self.expectNothingStored(fresh, existing, key: "summary", since: statistics, in: server)
            }
        }
    }

    @Test func externalIDInTheAnnotationBodyIsIgnored() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let alice = server.headers("alice")
            try await client.send(.put, Cloud.report(), headers: alice, json: Cloud.reportBody)
            let response = try await client.send(
                .put, Cloud.annotation("a1"), headers: alice,
                json: Self.text(Self.annotation(["external_id": .string("b")])))
            #expect(response.status == .ok, "\(response.text)")
            #expect(try response.json()["external_id"] == .string("a1"))
            #expect(try await client.send(.get, Cloud.annotation("b"), headers: alice).status == .notFound)
        }
    }

    @Test func annotationOnAMissingReportIs404AndStoresNothing() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let response = try await client.send(
                .put, Cloud.annotation("a1", report: "missing"), headers: server.headers("alice"),
                json: Cloud.annotationBody)
            #expect(response.status == .notFound)
            #expect(try response.json()["type"] == .string("error"))
            #expect(try await server.store.statistics() == StoreStatistics(reports: 0, annotations: 0))
        }
    }

    static func text(_ body: JSONValue) -> String {
        (try? String(decoding: WireEncoder.encode(body), as: UTF8.self)) ?? ""
    }
}
