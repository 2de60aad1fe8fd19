import Foundation
import HTTPTypes
import HummingbirdTesting
import InsightsCore
import InsightsTestSupport
import InsightsWire
import PropertyBased
import Testing

/// Issue 13, items 1 and 2 on Cloud: free text round-trips byte for byte through the API (U+0000, escapes, astral
/// and combining characters, right-to-left text, the length edges), identifiers with U+0000 and path segments that
/// are not percent-encoded UTF-8 get 400 naming the field in Cloud spelling, and nothing is stored for them.
@Suite struct CloudTextRoundTripTests {
    /// The text of a JSON string value, or `nil`.
    static func text(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }

    /// A report body whose every free-text field carries `text` (`details`, required on Cloud, is `title`).
    static func report(title: String, text: String, details: String? = nil) throws -> String {
        let body = JSONValue.object([
            "title": .string(title), "details": .string(details ?? title), "reporter": .string(text),
            "report_type": .string("BUG"),
            "data": .array([
                .object(["title": .string(text), "type": .string("TEXT"), "value": .string(text)]),
                .object([
                    "title": .string("link"), "type": .string("LINK"),
                    "value": .object(["text": .string(text), "href": .string("https://example.com/d")]),
                ]),
            ]),
        ])
        return String(decoding: try WireEncoder.encode(body), as: UTF8.self)
    }

    /// An annotation body whose free-text fields are `summary` and `text`.
    static func annotation(externalID: String? = nil, summary: String, text: String) throws -> String {
        var body: [String: JSONValue] = [
            "annotation_type": .string("BUG"), "summary": .string(summary), "title": .string(text),
            "details": .string(text), "path": .string("src/a.swift"),
        ]
        if let externalID { body["external_id"] = .string(externalID) }
        return String(decoding: try WireEncoder.encode(JSONValue.object(body)), as: UTF8.self)
    }

    /// Whether a report read back carries `title` and `text` in every free-text field, byte for byte.
    static func carries(_ report: JSONValue, title: String, text: String, details: String? = nil) -> Bool {
        let data = report["data"]?.elements ?? []
        return ArbitraryText.same(Self.text(report["title"]), title)
            && ArbitraryText.same(Self.text(report["details"]), details ?? title)
            && ArbitraryText.same(Self.text(report["reporter"]), text) && data.count == 2
            && ArbitraryText.same(Self.text(data.first?["title"]), text)
            && ArbitraryText.same(Self.text(data.first?["value"]), text)
            && ArbitraryText.same(Self.text(data.last?["value"]?["text"]), text)
    }

    /// Whether an annotation read back carries `summary` and `text`, byte for byte.
    static func carries(_ annotation: JSONValue?, summary: String, text: String) -> Bool {
        ArbitraryText.same(Self.text(annotation?["summary"]), summary)
            && ArbitraryText.same(Self.text(annotation?["title"]), text)
            && ArbitraryText.same(Self.text(annotation?["details"]), text)
    }

    @Test func freeTextRoundTripsByteForByte() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let alice = server.headers("alice")
            await propertyCheck(count: 40, input: ArbitraryText.required(), ArbitraryText.text()) { title, text in
                let put = try await client.send(
                    .put, Cloud.report(), headers: alice, json: try Self.report(title: title, text: text))
                #expect(put.status == .ok)
                #expect(Self.carries(try put.json(), title: title, text: text))
                let read = try await client.send(.get, Cloud.report(), headers: alice)
                #expect(Self.carries(try read.json(), title: title, text: text))
                let listed = try await client.send(.get, Cloud.reports(), headers: alice).json()["values"]?.elements
                #expect(listed?.allSatisfy { Self.carries($0, title: title, text: text) } == true)

                let one = try await client.send(
                    .put, Cloud.annotation("one"), headers: alice,
                    json: try Self.annotation(summary: title, text: text))
                #expect(one.status == .ok)
                #expect(Self.carries(try one.json(), summary: title, text: text))
                let bulk = "[\(try Self.annotation(externalID: "bulk", summary: "s" + text, text: title))]"
                #expect(try await client.send(.post, Cloud.annotations(), headers: alice, json: bulk).status == .ok)
                let stored = try await client.send(.get, Cloud.annotations(), headers: alice).json()["values"]?.elements
                #expect(stored?.count == 2)
                #expect(Self.carries(stored?.first, summary: title, text: text))
                #expect(Self.carries(stored?.last, summary: "s" + text, text: title))
                let single = try await client.send(.get, Cloud.annotation("bulk"), headers: alice)
                #expect(Self.carries(try single.json(), summary: "s" + text, text: title))
                try await client.send(.delete, Cloud.annotation("one"), headers: alice)
                try await client.send(.delete, Cloud.annotation("bulk"), headers: alice)
            }
        }
    }

    @Test func freeTextAtTheLengthEdgesRoundTripsAndOneMoreIsRejected() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let alice = server.headers("alice")
            await propertyCheck(count: 8, input: ArbitraryText.text(pieces: 300...600)) { text in
                let short = ArbitraryText.fitted("x" + text, toUTF16Count: 450)
                let long = ArbitraryText.fitted("x" + text, toUTF16Count: 2000)
                let body = try Self.report(title: short, text: short, details: long)
                #expect(try await client.send(.put, Cloud.report(), headers: alice, json: body).status == .ok)
                let read = try await client.send(.get, Cloud.report(), headers: alice).json()
                #expect(Self.carries(read, title: short, text: short, details: long))
                let annotation = try await client.send(
                    .put, Cloud.annotation("edge"), headers: alice,
                    json: try Self.annotation(summary: short, text: short))
                #expect(annotation.status == .ok)
                #expect(Self.carries(try annotation.json(), summary: short, text: short))

                for (field, body) in [
                    ("title", try Self.report(title: short + "a", text: short, details: long)),
                    ("details", try Self.report(title: short, text: short, details: long + "\u{0}")),
                    ("reporter", try Self.report(title: short, text: short + "😀", details: long)),
                ] {
                    let over = try await client.send(.put, Cloud.report(), headers: alice, json: body)
                    #expect(over.status == .badRequest)
                    #expect(try over.json()["error"]?["fields"]?.keys == [field])
                }
                let longSummary = try Self.annotation(summary: short + "\u{0}", text: short)
                let over = try await client.send(.put, Cloud.annotation("edge"), headers: alice, json: longSummary)
                #expect(try over.json()["error"]?["fields"]?.keys == ["summary"])
            }
        }
    }

    /// A request whose identifier carries U+0000 or is not percent-encoded UTF-8, and the field it must name.
    struct Refusal: CustomTestStringConvertible, Sendable {
        let method: HTTPRequest.Method
        let uri: String
        let body: String
        let field: String
        var testDescription: String { "\(method) \(uri)" }
    }

    static let repository = "/2.0/repositories/PROJ/repo"
    static let refusals: [Refusal] = [
        Refusal(method: .put, uri: Cloud.report("%00"), body: Cloud.reportBody, field: "reportId"),
        Refusal(method: .put, uri: Cloud.report("a%00b"), body: Cloud.reportBody, field: "reportId"),
        Refusal(method: .put, uri: Cloud.report("%FF%FE"), body: Cloud.reportBody, field: "reportId"),
        Refusal(method: .put, uri: Cloud.report("a%E2%82"), body: Cloud.reportBody, field: "reportId"),
        Refusal(method: .put, uri: Cloud.report("a%zz"), body: Cloud.reportBody, field: "reportId"),
        Refusal(method: .get, uri: Cloud.report("%FF%FE"), body: "", field: "reportId"),
        Refusal(method: .put, uri: Cloud.annotation("e%00x"), body: Cloud.annotationBody, field: "annotationId"),
        Refusal(method: .put, uri: Cloud.annotation("e%FFx"), body: Cloud.annotationBody, field: "annotationId"),
        Refusal(method: .delete, uri: Cloud.annotation("e%00"), body: "", field: "annotationId"),
        Refusal(
            method: .post, uri: Cloud.annotations(),
            body: #"[{"external_id":"e\u0000x","annotation_type":"BUG","summary":"s"}]"#, field: "[0].external_id"),
        Refusal(
            method: .post, uri: Cloud.annotations(),
            body: #"[{"external_id":"p","path":"a\u0000","annotation_type":"BUG","summary":"s"}]"#, field: "[0].path"),
        Refusal(
            method: .put, uri: Cloud.annotation("e"),
            body: #"{"path":"src/\u0000","annotation_type":"BUG","summary":"s"}"#, field: "path"),
        Refusal(
            method: .put, uri: "/2.0/repositories/PROJ%00/repo/commit/\(TestServer.commit)/reports/k",
            body: Cloud.reportBody, field: "workspace"),
        Refusal(
            method: .put, uri: "/2.0/repositories/PROJ/re%FFpo/commit/\(TestServer.commit)/reports/k",
            body: Cloud.reportBody, field: "repo_slug"),
        Refusal(
            method: .put, uri: "/2.0/repositories/PROJ/repo/commit/\(TestServer.commit)%00/reports/k",
            body: Cloud.reportBody, field: "commit"),
    ]

    @Test(arguments: refusals)
    func identifierWithNULOrInvalidEncodingIsRejectedNamingTheField(_ refusal: Refusal) async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let alice = server.headers("alice")
            try await client.send(.put, Cloud.report("e"), headers: alice, json: Cloud.reportBody)
            try await client.send(.put, Cloud.report(), headers: alice, json: Cloud.reportBody)
            try await client.send(.put, Cloud.annotation("e"), headers: alice, json: Cloud.annotationBody)

            let response = try await client.send(
                refusal.method, refusal.uri, headers: alice, json: refusal.body.isEmpty ? nil : refusal.body)

            #expect(response.status == .badRequest)
            let error = try #require(try response.json()["error"])
            #expect(error["fields"]?.keys.contains { $0.hasSuffix(refusal.field) } == true, "\(error)")
            let reports = try await client.send(.get, Cloud.reports(), headers: alice)
            #expect(reports.status == .ok)
            #expect(
                try reports.json()["values"]?.elements.compactMap { Self.text($0["external_id"]) } == [
                    "e", "report.key",
                ])
            let annotations = try await client.send(.get, Cloud.annotations(), headers: alice).json()["values"]
            #expect(annotations?.elements.compactMap { Self.text($0["external_id"]) } == ["e"])
        }
    }

    @Test func escapedPercentSignIsAReportOfItsOwn() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let alice = server.headers("alice")
            let put = try await client.send(.put, Cloud.report("%25FF%25FE"), headers: alice, json: Cloud.reportBody)
            #expect(put.status == .ok)
            #expect(try put.json()["external_id"] == .string("%FF%FE"))
            #expect(try await client.send(.get, Cloud.report("%25FF%25FE"), headers: alice).status == .ok)
            #expect(try await client.send(.get, Cloud.report("%FF%FE"), headers: alice).status == .badRequest)
        }
    }
}
