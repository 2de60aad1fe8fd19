import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InsightsCore
import InsightsWire
import NIOCore
import Testing

/// One rule of seed 002's tables per row: the accepted edge value, the first rejected value, the error body, and
/// that a rejected request stored nothing.
@Suite struct DataCenterValidationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let body: JSONValue
        /// The expected `context` of the error, or `nil` when the body must be accepted.
        let rejectedAt: String?
        var testDescription: String { name }
    }

    static func string(_ length: Int) -> JSONValue { .string(String(repeating: "a", count: length)) }

    static func report(_ fields: [String: JSONValue]) -> JSONValue {
        .object(["title": .string("Title")].merging(fields) { $1 })
    }

    static func dataField(_ type: String?, _ value: JSONValue) -> JSONValue {
        var field: [String: JSONValue] = ["title": .string("Field"), "value": value]
        if let type { field["type"] = .string(type) }
        return report(["data": .array([.object(field)])])
    }

    static let reportCases: [Case] = [
        Case(name: "title of 450 accepted", body: .object(["title": string(450)]), rejectedAt: nil),
        Case(name: "title of 451 rejected", body: .object(["title": string(451)]), rejectedAt: "title"),
        Case(name: "title missing", body: .object(["details": .string("d")]), rejectedAt: "title"),
        Case(name: "title blank", body: .object(["title": .string("  ")]), rejectedAt: "title"),
        Case(name: "title not a string", body: .object(["title": .number(5)]), rejectedAt: "title"),
        Case(name: "details of 2000 accepted", body: report(["details": string(2000)]), rejectedAt: nil),
        Case(name: "details of 2001 rejected", body: report(["details": string(2001)]), rejectedAt: "details"),
        Case(name: "reporter of 450 accepted", body: report(["reporter": string(450)]), rejectedAt: nil),
        Case(name: "reporter of 451 rejected", body: report(["reporter": string(451)]), rejectedAt: "reporter"),
        Case(name: "result PASS accepted", body: report(["result": .string("PASS")]), rejectedAt: nil),
        Case(name: "result FAIL accepted", body: report(["result": .string("FAIL")]), rejectedAt: nil),
        Case(name: "result pass rejected", body: report(["result": .string("pass")]), rejectedAt: "result"),
        Case(name: "result PASSED rejected", body: report(["result": .string("PASSED")]), rejectedAt: "result"),
        Case(
            name: "link https accepted", body: report(["link": .string("https://ci.example.com/r/1")]), rejectedAt: nil),
        Case(name: "link empty is absent", body: report(["link": .string("")]), rejectedAt: nil),
        Case(name: "link ftp rejected", body: report(["link": .string("ftp://ci.example.com/r")]), rejectedAt: "link"),
        Case(name: "link relative rejected", body: report(["link": .string("/r/1")]), rejectedAt: "link"),
        Case(
            name: "logoUrl http accepted", body: report(["logoUrl": .string("http://ci.example.com/l.png")]),
            rejectedAt: nil),
        Case(
            name: "logoUrl javascript rejected", body: report(["logoUrl": .string("javascript:alert(1)")]),
            rejectedAt: "logoUrl"),
        Case(
            name: "6 data fields accepted",
            body: report([
                "data": .array(Array(repeating: .object(["title": .string("t"), "value": .number(1)]), count: 6))
            ]),
            rejectedAt: nil),
        Case(
            name: "7 data fields rejected",
            body: report([
                "data": .array(Array(repeating: .object(["title": .string("t"), "value": .number(1)]), count: 7))
            ]),
            rejectedAt: "data"),
        Case(name: "BOOLEAN boolean", body: dataField("BOOLEAN", .bool(true)), rejectedAt: nil),
        Case(name: "BOOLEAN string", body: dataField("BOOLEAN", .string("true")), rejectedAt: "data[0].value"),
        Case(name: "DATE number", body: dataField("DATE", .number(1_630_041_546_433)), rejectedAt: nil),
        Case(name: "DATE string", body: dataField("DATE", .string("2021-08-27")), rejectedAt: "data[0].value"),
        Case(name: "DURATION number", body: dataField("DURATION", .number(14)), rejectedAt: nil),
        Case(name: "DURATION boolean", body: dataField("DURATION", .bool(false)), rejectedAt: "data[0].value"),
        Case(
            name: "LINK linktext and href",
            body: dataField("LINK", .object(["linktext": .string("Open"), "href": .string("https://x.example/r")])),
            rejectedAt: nil),
        Case(
            name: "LINK with Cloud's text key",
            body: dataField("LINK", .object(["text": .string("Open"), "href": .string("https://x.example/r")])),
            rejectedAt: "data[0].value.linktext"),
        Case(
            name: "LINK with ftp href",
            body: dataField("LINK", .object(["linktext": .string("Open"), "href": .string("ftp://x.example/r")])),
            rejectedAt: "data[0].value.href"),
        Case(
            name: "LINK as a string", body: dataField("LINK", .string("https://x.example")), rejectedAt: "data[0].value"
        ),
        Case(name: "NUMBER number", body: dataField("NUMBER", .number(14300)), rejectedAt: nil),
        Case(
            name: "NUMBER object (seed placeholder)", body: dataField("NUMBER", .object([:])),
            rejectedAt: "data[0].value"),
        Case(name: "PERCENTAGE 100", body: dataField("PERCENTAGE", .number(100)), rejectedAt: nil),
        Case(name: "PERCENTAGE 0", body: dataField("PERCENTAGE", .number(0)), rejectedAt: nil),
        Case(name: "PERCENTAGE 100.01", body: dataField("PERCENTAGE", .number(100.01)), rejectedAt: "data[0].value"),
        Case(name: "PERCENTAGE -0.01", body: dataField("PERCENTAGE", .number(-0.01)), rejectedAt: "data[0].value"),
        Case(name: "TEXT string", body: dataField("TEXT", .string("as-is")), rejectedAt: nil),
        Case(name: "TEXT number", body: dataField("TEXT", .number(1)), rejectedAt: "data[0].value"),
        Case(name: "untyped number", body: dataField(nil, .number(3)), rejectedAt: nil),
        Case(name: "untyped boolean", body: dataField(nil, .bool(false)), rejectedAt: nil),
        Case(name: "untyped object", body: dataField(nil, .object([:])), rejectedAt: "data[0].value"),
        Case(name: "untyped array", body: dataField(nil, .array([.number(1)])), rejectedAt: "data[0].value"),
        Case(name: "null value", body: dataField("NUMBER", .null), rejectedAt: "data[0].value"),
        Case(name: "unknown type", body: dataField("MONEY", .number(1)), rejectedAt: "data[0].type"),
        Case(name: "lower-case type", body: dataField("number", .number(1)), rejectedAt: "data[0].type"),
        Case(
            name: "data field without title",
            body: report(["data": .array([.object(["value": .number(1)])])]), rejectedAt: "data[0].title"),
        Case(
            name: "unknown properties ignored", body: report(["report_type": .string("BUG"), "x": .number(1)]),
            rejectedAt: nil),
    ]

    @Test(arguments: reportCases)
    func reportRule(_ rule: Case) async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let response = try await client.send(
                .put, DC.report("k"), headers: server.headers("alice"),
                json: String(decoding: try WireEncoder.encode(rule.body), as: UTF8.self))
            let stored = try await client.send(.get, DC.report("k"), headers: server.headers("alice"))
            if let context = rule.rejectedAt {
                #expect(response.status == .badRequest)
                let error = try #require(try response.json()["errors"]?.elements.first)
                #expect(error["context"] == .string(context))
                #expect(error.keys == ["context", "message", "exceptionName"])
                #expect(stored.status == .notFound, "a rejected request stores nothing")
            } else {
                #expect(response.status == .ok, "\(response.text)")
                #expect(stored.status == .ok)
            }
        }
    }

    static func annotation(_ fields: [String: JSONValue]) -> JSONValue {
        .object([
            "annotations": .array([
                .object(["message": .string("m"), "severity": .string("LOW")].merging(fields) { $1 })
            ])
        ])
    }

    static let annotationCases: [Case] = [
        Case(name: "message of 2000 accepted", body: annotation(["message": string(2000)]), rejectedAt: nil),
        Case(
            name: "message of 2001 rejected", body: annotation(["message": string(2001)]),
            rejectedAt: "annotations[0].message"),
        Case(
            name: "message missing", body: .object(["annotations": .array([.object(["severity": .string("LOW")])])]),
            rejectedAt: "annotations[0].message"),
        Case(
            name: "severity missing", body: .object(["annotations": .array([.object(["message": .string("m")])])]),
            rejectedAt: "annotations[0].severity"),
        Case(name: "severity HIGH", body: annotation(["severity": .string("HIGH")]), rejectedAt: nil),
        Case(
            name: "severity lower case", body: annotation(["severity": .string("high")]),
            rejectedAt: "annotations[0].severity"),
        Case(
            name: "severity CRITICAL is Cloud only", body: annotation(["severity": .string("CRITICAL")]),
            rejectedAt: "annotations[0].severity"),
        Case(name: "type CODE_SMELL", body: annotation(["type": .string("CODE_SMELL")]), rejectedAt: nil),
        Case(name: "type unknown", body: annotation(["type": .string("STYLE")]), rejectedAt: "annotations[0].type"),
        Case(name: "line 0 accepted", body: annotation(["line": .number(0)]), rejectedAt: nil),
        Case(name: "line -1 rejected", body: annotation(["line": .number(-1)]), rejectedAt: "annotations[0].line"),
        Case(
            name: "line fractional rejected", body: annotation(["line": .number(1.5)]),
            rejectedAt: "annotations[0].line"),
        Case(name: "externalId of 449 accepted", body: annotation(["externalId": string(449)]), rejectedAt: nil),
        Case(
            name: "externalId of 450 rejected", body: annotation(["externalId": string(450)]),
            rejectedAt: "annotations[0].externalId"),
        Case(
            name: "link https accepted", body: annotation(["link": .string("https://tool.example/a/1")]),
            rejectedAt: nil),
        Case(
            name: "link ftp rejected", body: annotation(["link": .string("ftp://tool.example/a/1")]),
            rejectedAt: "annotations[0].link"),
        Case(
            name: "externalId twice in one request",
            body: .object([
                "annotations": .array([
                    .object(["message": .string("m"), "severity": .string("LOW"), "externalId": .string("x")]),
                    .object(["message": .string("m"), "severity": .string("LOW"), "externalId": .string("x")]),
                ])
            ]),
            rejectedAt: "annotations[1].externalId"),
        Case(
            name: "one bad element rejects the whole request",
            body: .object([
                "annotations": .array([
                    .object(["message": .string("ok"), "severity": .string("LOW")]),
                    .object(["message": .string("bad"), "severity": .string("URGENT")]),
                ])
            ]),
            rejectedAt: "annotations[1].severity"),
        Case(name: "annotations missing", body: .object(["items": .array([])]), rejectedAt: "annotations"),
        Case(
            name: "bare array", body: .array([.object(["message": .string("m"), "severity": .string("LOW")])]),
            rejectedAt: nil),
    ]

    @Test(arguments: annotationCases)
    func annotationRule(_ rule: Case) async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let alice = server.headers("alice")
            try await client.send(.put, DC.report(), headers: alice, json: #"{"title":"t"}"#)
            let response = try await client.send(
                .post, DC.annotations(), headers: alice,
                json: String(decoding: try WireEncoder.encode(rule.body), as: UTF8.self))
            let stored =
                try await client.send(.get, DC.annotations(), headers: alice).json()["annotations"]?.elements ?? []
            if let context = rule.rejectedAt {
                #expect(response.status == .badRequest)
                #expect(try response.json()["errors"]?.elements.first?["context"] == .string(context))
                #expect(stored.isEmpty, "a rejected request stores nothing")
            } else if case .array = rule.body {
                #expect(response.status == .badRequest, "a bare array is not the documented body")
                #expect(stored.isEmpty)
            } else {
                #expect(response.status == .noContent, "\(response.text)")
                #expect(stored.count == 1)
            }
        }
    }

    @Test func malformedJSONIsRejectedWithoutContext() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let response = try await client.send(
                .put, DC.report(), headers: server.headers("alice"), json: "{\"title\":")
            #expect(response.status == .badRequest)
            #expect(try response.json()["errors"]?.elements.first?["context"] == .null)
        }
    }

    @Test func anExistingExternalIdCannotBePostedAgain() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let alice = server.headers("alice")
            try await client.send(.put, DC.report(), headers: alice, json: #"{"title":"t"}"#)
            let body = #"{"annotations":[{"externalId":"a","message":"m","severity":"LOW"}]}"#
            #expect(try await client.send(.post, DC.annotations(), headers: alice, json: body).status == .noContent)
            let again = try await client.send(.post, DC.annotations(), headers: alice, json: body)
            #expect(again.status == .badRequest)
            #expect(try again.json()["errors"]?.elements.first?["context"] == .string("annotations[0].externalId"))
        }
    }

    @Test func oversizedBodyAnswers413() async throws {
        let server = try await TestServer.make(maxBodyBytes: 1024)
        try await server.test { client in
            let body = "{\"title\":\"\(String(repeating: "a", count: 2000))\"}"
            let response = try await client.send(.put, DC.report(), headers: server.headers("alice"), json: body)
            #expect(response.status == .contentTooLarge)
            #expect(try response.json()["errors"]?.elements.count == 1)
        }
    }
}
