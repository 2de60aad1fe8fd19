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

/// One rule of the Cloud contract (reference §3.2, §3.3, §1.7) per row: the accepted edge value with what reads
/// back, the first rejected value with the Cloud error body naming the field in Cloud spelling, and that a rejected
/// request stored nothing. The annotation rows are in `CloudValidationTests+Annotations.swift`.
@Suite struct CloudValidationTests {
    /// What a body must lead to.
    enum Outcome: Sendable {
        /// 200, and the top-level `key` reads back as `value` (`nil`: the key is absent).
        case stored(String, JSONValue?)
        /// 400 with exactly this key in `error.fields`.
        case rejected(String)
        /// 400 for the body as a whole: no `error.fields`.
        case rejectedWholeBody
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        /// The body as sent.
        let text: String
        let outcome: Outcome
        /// The annotation id in the path, when the rule is about it.
        var annotationID: String?
        var testDescription: String { name }

        init(_ name: String, _ body: JSONValue, _ outcome: Outcome, annotationID: String? = nil) {
            self.name = name
            text = (try? String(decoding: WireEncoder.encode(body), as: UTF8.self)) ?? ""
            self.outcome = outcome
            self.annotationID = annotationID
        }

        init(_ name: String, raw: String, _ outcome: Outcome) {
            self.name = name
            text = raw
            self.outcome = outcome
        }
    }

    static func string(_ length: Int) -> JSONValue { .string(String(repeating: "a", count: length)) }

    /// A valid Cloud report with `fields` merged in; a `nil` value removes the key.
    static func report(_ fields: [String: JSONValue?]) -> JSONValue {
        var body: [String: JSONValue] = [
            "title": .string("Title"), "details": .string("Details"), "report_type": .string("BUG"),
        ]
        for (key, value) in fields { body[key] = value }
        return .object(body)
    }

    static func field(_ type: String?, _ value: JSONValue) -> JSONValue {
        var field: [String: JSONValue] = ["title": .string("Field"), "value": value]
        if let type { field["type"] = .string(type) }
        return .object(field)
    }

    /// A data row: the report carries `field(type, value)`; accepted rows read the field back unchanged.
    static func data(_ name: String, _ type: String?, _ value: JSONValue, rejectedAt: String? = nil) -> Case {
        let fields = JSONValue.array([field(type, value)])
        return Case(name, report(["data": fields]), rejectedAt.map(Outcome.rejected) ?? .stored("data", fields))
    }

    static func link(_ text: String, _ href: String) -> JSONValue {
        .object(["text": .string(text), "href": .string(href)])
    }

    static let ten = JSONValue.array(Array(repeating: field(nil, .number(1)), count: 10))
    static let eleven = JSONValue.array(Array(repeating: field(nil, .number(1)), count: 11))

    static let reportCases: [Case] = [
        Case("title of 450 accepted", report(["title": string(450)]), .stored("title", string(450))),
        Case("title of 451 rejected", report(["title": string(451)]), .rejected("title")),
        Case("title missing", report(["title": nil]), .rejected("title")),
        Case("title blank", report(["title": .string("  ")]), .rejected("title")),
        Case("title not a string", report(["title": .number(5)]), .rejected("title")),
        Case("details of 2000 accepted", report(["details": string(2000)]), .stored("details", string(2000))),
        Case("details of 2001 rejected", report(["details": string(2001)]), .rejected("details")),
        Case("details missing (required on Cloud)", report(["details": nil]), .rejected("details")),
        Case("details empty", report(["details": .string("")]), .rejected("details")),
        Case("details blank", report(["details": .string("   ")]), .rejected("details")),
        Case("details not a string", report(["details": .bool(true)]), .rejected("details")),
        Case(
            "report_type SECURITY", report(["report_type": .string("SECURITY")]),
            .stored("report_type", .string("SECURITY"))),
        Case(
            "report_type COVERAGE", report(["report_type": .string("COVERAGE")]),
            .stored("report_type", .string("COVERAGE"))),
        Case("report_type TEST", report(["report_type": .string("TEST")]), .stored("report_type", .string("TEST"))),
        Case("report_type BUG", report(["report_type": .string("BUG")]), .stored("report_type", .string("BUG"))),
        Case("report_type missing", report(["report_type": nil]), .rejected("report_type")),
        Case("report_type lower case", report(["report_type": .string("bug")]), .rejected("report_type")),
        Case("report_type unknown", report(["report_type": .string("VULNERABILITY")]), .rejected("report_type")),
        Case("report_type not a string", report(["report_type": .number(1)]), .rejected("report_type")),
        Case("reporter of 450 accepted", report(["reporter": string(450)]), .stored("reporter", string(450))),
        Case("reporter of 451 rejected", report(["reporter": string(451)]), .rejected("reporter")),
        Case("reporter not a string", report(["reporter": .number(1)]), .rejected("reporter")),
        Case("result PASSED", report(["result": .string("PASSED")]), .stored("result", .string("PASSED"))),
        Case("result FAILED", report(["result": .string("FAILED")]), .stored("result", .string("FAILED"))),
        Case("result PENDING", report(["result": .string("PENDING")]), .stored("result", .string("PENDING"))),
        Case("result PASS (Data Center) rejected", report(["result": .string("PASS")]), .rejected("result")),
        Case("result lower case rejected", report(["result": .string("passed")]), .rejected("result")),
        Case(
            "link https accepted", report(["link": .string("https://ci.example.com/r/1")]),
            .stored("link", .string("https://ci.example.com/r/1"))),
        Case("link empty is absent", report(["link": .string("")]), .stored("link", nil)),
        Case("link ftp rejected", report(["link": .string("ftp://ci.example.com/r")]), .rejected("link")),
        Case("link relative rejected", report(["link": .string("/r/1")]), .rejected("link")),
        Case("link not a string", report(["link": .bool(false)]), .rejected("link")),
        Case(
            "logo_url http accepted", report(["logo_url": .string("http://ci.example.com/l.png")]),
            .stored("logo_url", .string("http://ci.example.com/l.png"))),
        Case("logo_url empty is absent", report(["logo_url": .string("")]), .stored("logo_url", nil)),
        Case(
            "logo_url javascript rejected", report(["logo_url": .string("javascript:alert(1)")]), .rejected("logo_url")),
        Case(
            "logoUrl (Data Center) ignored", report(["logoUrl": .string("http://ci.example.com/l.png")]),
            .stored("logo_url", nil)),
        Case("10 data fields accepted", report(["data": ten]), .stored("data", ten)),
        Case("11 data fields rejected", report(["data": eleven]), .rejected("data")),
        Case("data not an array", report(["data": .object([:])]), .rejected("data")),
        data("BOOLEAN boolean", "BOOLEAN", .bool(true)),
        data("BOOLEAN string", "BOOLEAN", .string("true"), rejectedAt: "data[0].value"),
        data("DATE number", "DATE", .number(1_630_041_546_433)),
        data("DATE string", "DATE", .string("2021-08-27"), rejectedAt: "data[0].value"),
        data("DURATION number", "DURATION", .number(14)),
        data("DURATION boolean", "DURATION", .bool(false), rejectedAt: "data[0].value"),
        data("LINK text and href", "LINK", link("Open", "https://x.example/r")),
        data(
            "LINK with Data Center's linktext", "LINK",
            .object(["linktext": .string("Open"), "href": .string("https://x.example/r")]),
            rejectedAt: "data[0].value.text"),
        data("LINK without href", "LINK", .object(["text": .string("Open")]), rejectedAt: "data[0].value.href"),
        data("LINK with ftp href", "LINK", link("Open", "ftp://x.example/r"), rejectedAt: "data[0].value.href"),
        data("LINK as a string", "LINK", .string("https://x.example"), rejectedAt: "data[0].value"),
        data("NUMBER number", "NUMBER", .number(14300)),
        data("NUMBER object (seed placeholder)", "NUMBER", .object([:]), rejectedAt: "data[0].value"),
        data("PERCENTAGE 0", "PERCENTAGE", .number(0)),
        data("PERCENTAGE 100", "PERCENTAGE", .number(100)),
        data("PERCENTAGE 100.01", "PERCENTAGE", .number(100.01), rejectedAt: "data[0].value"),
        data("PERCENTAGE -0.01", "PERCENTAGE", .number(-0.01), rejectedAt: "data[0].value"),
        data("TEXT string", "TEXT", .string("as-is")),
        data("TEXT number", "TEXT", .number(1), rejectedAt: "data[0].value"),
        data("untyped number", nil, .number(3)),
        data("untyped string", nil, .string("s")),
        data("untyped boolean", nil, .bool(false)),
        data("untyped object", nil, .object([:]), rejectedAt: "data[0].value"),
        data("untyped array", nil, .array([.number(1)]), rejectedAt: "data[0].value"),
        data("untyped null", nil, .null, rejectedAt: "data[0].value"),
        data("null value", "NUMBER", .null, rejectedAt: "data[0].value"),
        data("unknown type", "MONEY", .number(1), rejectedAt: "data[0].type"),
        data("lower-case type", "number", .number(1), rejectedAt: "data[0].type"),
        Case(
            "data field without title", report(["data": .array([.object(["value": .number(1)])])]),
            .rejected("data[0].title")),
        Case(
            "data field title not a string",
            report(["data": .array([.object(["title": .number(1), "value": .number(1)])])]),
            .rejected("data[0].title")),
        Case(
            "remote_link_enabled true", report(["remote_link_enabled": .bool(true)]),
            .stored("remote_link_enabled", .bool(true))),
        Case(
            "remote_link_enabled false", report(["remote_link_enabled": .bool(false)]),
            .stored("remote_link_enabled", .bool(false))),
        Case(
            "remote-link-enabled alias", report(["remote-link-enabled": .bool(true)]),
            .stored("remote_link_enabled", .bool(true))),
        Case(
            "remote_link_enabled not a boolean", report(["remote_link_enabled": .string("true")]),
            .rejected("remote_link_enabled")),
        Case(
            "remote-link-enabled alias not a boolean", report(["remote-link-enabled": .string("yes")]),
            .rejected("remote-link-enabled")),
        Case("unknown properties ignored", report(["logoURL": .number(1), "x": .null]), .stored("x", nil)),
        Case("malformed JSON", raw: #"{"title":"#, .rejectedWholeBody),
        Case("empty body", raw: "", .rejectedWholeBody),
        Case("array body", raw: "[]", .rejectedWholeBody),
        Case("string body", raw: #""report""#, .rejectedWholeBody),
    ]

    /// Each body goes to a new report id and over an existing report; both must agree.
    @Test(arguments: reportCases)
    func reportRule(_ rule: Case) async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let alice = server.headers("alice")
            let previous = #"{"title":"before","details":"d","report_type":"BUG"}"#
            try await client.send(.put, Cloud.report("existing"), headers: alice, json: previous)
            let statistics = try await server.store.statistics()
            let created = try await client.send(.put, Cloud.report("k"), headers: alice, json: rule.text)
            let replaced = try await client.send(.put, Cloud.report("existing"), headers: alice, json: rule.text)
            let fresh = try await client.send(.get, Cloud.report("k"), headers: alice)
            let existing = try await client.send(.get, Cloud.report("existing"), headers: alice)
            switch rule.outcome {
            case .stored(let key, let value):
                for response in [created, replaced, fresh, existing] {
                    #expect(response.status == .ok, "\(response.text)")
                    #expect(try response.json()[key] == value)
                }
            case .rejected(let field):
                try Self.expectRejected(created, field: field)
                try Self.expectRejected(replaced, field: field)
                try await Self.expectNothingStored(fresh, existing, key: "title", since: statistics, in: server)
            case .rejectedWholeBody:
                try Self.expectRejected(created, field: nil)
                try Self.expectRejected(replaced, field: nil)
                try await Self.expectNothingStored(fresh, existing, key: "title", since: statistics, in: server)
            }
        }
    }

    @Test func externalIDAndReadOnlyFieldsInTheBodyAreIgnored() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let body =
                #"{"title":"t","details":"d","report_type":"BUG","external_id":"other","uuid":"{00000000-0000-0000-0000-000000000000}","type":"x","created_on":"2000-01-01T00:00:00.000Z"}"#
            let response = try await client.send(.put, Cloud.report("k"), headers: server.headers("alice"), json: body)
            #expect(response.status == .ok, "\(response.text)")
            let report = try response.json()
            #expect(report["external_id"] == .string("k"))
            #expect(report["type"] == .string("report"))
            #expect(report["uuid"] != .string("{00000000-0000-0000-0000-000000000000}"))
            #expect(report["created_on"] != .string("2000-01-01T00:00:00.000Z"))
            let other = try await client.send(.get, Cloud.report("other"), headers: server.headers("alice"))
            #expect(other.status == .notFound)
        }
    }

    /// 400 in Cloud's body, with exactly `field` in `error.fields`, or no `fields` for a whole-body error.
    static func expectRejected(
        _ response: TestResponse, field: String?, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(response.status == .badRequest, "\(response.text)", sourceLocation: sourceLocation)
        let body = try response.json()
        #expect(body["type"] == .string("error"), sourceLocation: sourceLocation)
        let error = try #require(body["error"], sourceLocation: sourceLocation)
        #expect(error["message"]?.stringValue?.isEmpty == false, sourceLocation: sourceLocation)
        if let field {
            #expect(error["fields"]?.keys == [field], "\(response.text)", sourceLocation: sourceLocation)
            #expect(error["fields"]?[field]?.elements.count == 1, sourceLocation: sourceLocation)
        } else {
            #expect(error["fields"] == nil, "\(response.text)", sourceLocation: sourceLocation)
        }
    }

    /// The new id answers 404, the existing item still reads `key == "before"`, and the store's totals are unchanged.
    static func expectNothingStored(
        _ fresh: TestResponse, _ existing: TestResponse, key: String, since statistics: StoreStatistics,
        in server: TestServer, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        #expect(fresh.status == .notFound, "a rejected request creates nothing", sourceLocation: sourceLocation)
        #expect(try fresh.json()["type"] == .string("error"), sourceLocation: sourceLocation)
        #expect(existing.status == .ok, sourceLocation: sourceLocation)
        #expect(
            try existing.json()[key] == .string("before"), "a rejected request replaces nothing",
            sourceLocation: sourceLocation)
        #expect(
            try await server.store.statistics() == statistics, "a rejected request stores nothing",
            sourceLocation: sourceLocation)
    }
}
