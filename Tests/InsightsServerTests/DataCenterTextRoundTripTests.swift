import Foundation
import HTTPTypes
import HummingbirdTesting
import InsightsCore
import InsightsTestSupport
import InsightsWire
import PropertyBased
import Testing

/// Issue 13, items 1 and 2 on Data Center: free text round-trips byte for byte through the API (U+0000, escapes,
/// astral and combining characters, right-to-left text, the length edges), identifiers with U+0000 and path segments
/// that are not percent-encoded UTF-8 get 400 naming the parameter, and nothing is stored for them.
@Suite struct DataCenterTextRoundTripTests {
    /// The text of a JSON string value, or `nil`.
    static func text(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }

    /// A report body whose every free-text field carries `text`, but `details` when given.
    static func report(title: String, text: String, details: String? = nil) throws -> String {
        let body = JSONValue.object([
            "title": .string(title), "details": .string(details ?? text), "reporter": .string(text),
            "data": .array([
                .object(["title": .string(text), "type": .string("TEXT"), "value": .string(text)]),
                .object([
                    "title": .string("link"), "type": .string("LINK"),
                    "value": .object(["linktext": .string(text), "href": .string("https://example.com/d")]),
                ]),
            ]),
        ])
        return String(decoding: try WireEncoder.encode(body), as: UTF8.self)
    }

    /// An annotation body with `message`.
    static func annotation(externalID: String? = nil, message: String, path: String = "src/a.swift") throws -> String {
        var body: [String: JSONValue] = [
            "message": .string(message), "severity": .string("LOW"), "path": .string(path),
        ]
        if let externalID { body["externalId"] = .string(externalID) }
        return String(decoding: try WireEncoder.encode(JSONValue.object(body)), as: UTF8.self)
    }

    /// Whether a report read back carries `title` and `text` in every free-text field, byte for byte.
    static func carries(_ report: JSONValue, title: String, text: String, details: String? = nil) -> Bool {
        let data = report["data"]?.elements ?? []
        return ArbitraryText.same(Self.text(report["title"]), title)
            && ArbitraryText.same(Self.text(report["details"]), details ?? text)
            && ArbitraryText.same(Self.text(report["reporter"]), text) && data.count == 2
            && ArbitraryText.same(Self.text(data.first?["title"]), text)
            && ArbitraryText.same(Self.text(data.first?["value"]), text)
            && ArbitraryText.same(Self.text(data.last?["value"]?["linktext"]), text)
    }

    @Test func freeTextRoundTripsByteForByte() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let alice = server.headers("alice")
            await propertyCheck(count: 40, input: ArbitraryText.required(), ArbitraryText.text()) { title, text in
                let put = try await client.send(
                    .put, DC.report(), headers: alice, json: try Self.report(title: title, text: text))
                #expect(put.status == .ok)
                #expect(Self.carries(try put.json(), title: title, text: text))
                let read = try await client.send(.get, DC.report(), headers: alice)
                #expect(Self.carries(try read.json(), title: title, text: text))
                let listed = try await client.send(.get, "\(DC.base)/reports", headers: alice)
                #expect(listed.status == .ok)
                #expect(
                    try listed.json()["values"]?.elements.allSatisfy { Self.carries($0, title: title, text: text) }
                        == true)

                let message = "m" + text
                try await client.send(
                    .put, "\(DC.annotations())/one", headers: alice, json: try Self.annotation(message: message))
                let bulk = #"{"annotations":[\#(try Self.annotation(externalID: "bulk", message: title))]}"#
                #expect(try await client.send(.post, DC.annotations(), headers: alice, json: bulk).status == .noContent)
                for uri in [DC.annotations(), "\(DC.base)/annotations"] {
                    let annotations = try await client.send(.get, uri, headers: alice).json()["annotations"]?.elements
                    let messages = (annotations ?? []).map { Self.text($0["message"]) }
                    #expect(messages.count == 2)
                    #expect(ArbitraryText.same(messages.first ?? nil, message))
                    #expect(ArbitraryText.same(messages.last ?? nil, title))
                }
                try await client.send(.delete, DC.annotations(), headers: alice)
            }
        }
    }

    @Test func freeTextAtTheLengthEdgesRoundTripsAndOneMoreIsRejected() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let alice = server.headers("alice")
            await propertyCheck(count: 8, input: ArbitraryText.text(pieces: 300...600)) { text in
                let title = ArbitraryText.fitted("x" + text, toUTF16Count: 450)
                let details = ArbitraryText.fitted(text, toUTF16Count: 2000)
                let body = try Self.report(title: title, text: title, details: details)
                #expect(try await client.send(.put, DC.report(), headers: alice, json: body).status == .ok)
                let read = try await client.send(.get, DC.report(), headers: alice).json()
                #expect(Self.carries(read, title: title, text: title, details: details))
                let message = ArbitraryText.fitted("m" + text, toUTF16Count: 2000)
                let annotation = try await client.send(
                    .put, "\(DC.annotations())/edge", headers: alice, json: try Self.annotation(message: message))
                #expect(annotation.status == .noContent)
                let stored = try await client.send(.get, DC.annotations(), headers: alice).json()["annotations"]
                #expect(ArbitraryText.same(Self.text(stored?.elements.first?["message"]), message))

                for (field, body) in [
                    ("title", try Self.report(title: title + "a", text: title, details: details)),
                    ("details", try Self.report(title: title, text: title, details: details + "\u{0}")),
                    ("reporter", try Self.report(title: title, text: title + "😀", details: details)),
                ] {
                    let over = try await client.send(.put, DC.report(), headers: alice, json: body)
                    #expect(over.status == .badRequest)
                    #expect(try over.json()["errors"]?.elements.first?["context"] == .string(field))
                }
                let longMessage = try Self.annotation(message: message + "😀")
                let over = try await client.send(.put, "\(DC.annotations())/edge", headers: alice, json: longMessage)
                #expect(try over.json()["errors"]?.elements.first?["context"] == .string("message"))
            }
        }
    }

    /// A request whose identifier carries U+0000 or is not percent-encoded UTF-8, and the parameter it must name.
    struct Refusal: CustomTestStringConvertible, Sendable {
        let method: HTTPRequest.Method
        let uri: String
        let body: String
        let context: String
        var testDescription: String { "\(method) \(uri)" }
    }

    static let annotationBody = #"{"message":"m","severity":"LOW"}"#
    static let refusals: [Refusal] = [
        Refusal(method: .put, uri: DC.report("%00"), body: #"{"title":"t"}"#, context: "key"),
        Refusal(method: .put, uri: DC.report("a%00b"), body: #"{"title":"t"}"#, context: "key"),
        Refusal(method: .put, uri: DC.report("%FF%FE"), body: #"{"title":"t"}"#, context: "key"),
        Refusal(method: .put, uri: DC.report("a%C3"), body: #"{"title":"t"}"#, context: "key"),
        Refusal(method: .put, uri: DC.report("a%G0"), body: #"{"title":"t"}"#, context: "key"),
        Refusal(method: .put, uri: DC.report("a%2"), body: #"{"title":"t"}"#, context: "key"),
        Refusal(method: .get, uri: DC.report("%FF%FE"), body: "", context: "key"),
        Refusal(method: .put, uri: "\(DC.annotations())/e%00x", body: annotationBody, context: "externalId"),
        Refusal(method: .put, uri: "\(DC.annotations())/e%FFx", body: annotationBody, context: "externalId"),
        Refusal(
            method: .post, uri: DC.annotations(),
            body: #"{"annotations":[{"externalId":"e\u0000x","message":"m","severity":"LOW"}]}"#,
            context: "annotations[0].externalId"),
        Refusal(
            method: .post, uri: DC.annotations(),
            body: #"{"annotations":[{"path":"src/a\u0000.swift","message":"m","severity":"LOW"}]}"#,
            context: "annotations[0].path"),
        Refusal(
            method: .put, uri: "\(DC.annotations())/e", body: #"{"path":"a\u0000","message":"m","severity":"LOW"}"#,
            context: "path"),
        Refusal(method: .delete, uri: "\(DC.annotations())?externalId=e%00x", body: "", context: "externalId"),
        Refusal(method: .get, uri: "\(DC.base)/annotations?path=a%00", body: "", context: "path"),
        Refusal(
            method: .put,
            uri: "/rest/insights/latest/projects/PROJ%00/repos/repo/commits/\(TestServer.commit)/reports/k",
            body: #"{"title":"t"}"#, context: "projectKey"),
        Refusal(
            method: .put,
            uri: "/rest/insights/latest/projects/PROJ/repos/re%FFpo/commits/\(TestServer.commit)/reports/k",
            body: #"{"title":"t"}"#, context: "repositorySlug"),
        Refusal(
            method: .put,
            uri: "/rest/insights/latest/projects/PROJ/repos/repo/commits/\(TestServer.commit)%00/reports/k",
            body: #"{"title":"t"}"#, context: "commitId"),
    ]

    @Test(arguments: refusals)
    func identifierWithNULOrInvalidEncodingIsRejectedNamingTheParameter(_ refusal: Refusal) async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let alice = server.headers("alice")
            try await client.send(.put, DC.report("e"), headers: alice, json: #"{"title":"t"}"#)
            try await client.send(.put, DC.report(), headers: alice, json: #"{"title":"t"}"#)
            try await client.send(.put, "\(DC.annotations())/e", headers: alice, json: Self.annotationBody)

            let response = try await client.send(
                refusal.method, refusal.uri, headers: alice, json: refusal.body.isEmpty ? nil : refusal.body)

            #expect(response.status == .badRequest)
            let error = try #require(try response.json()["errors"]?.elements.first)
            #expect(error["context"] == .string(refusal.context))
            #expect(Self.text(error["exceptionName"])?.hasSuffix("ArgumentValidationException") == true)
            let reports = try await client.send(.get, "\(DC.base)/reports", headers: alice)
            #expect(reports.status == .ok)
            #expect(try reports.json()["values"]?.elements.compactMap { Self.text($0["key"]) } == ["e", "report.key"])
            let annotations = try await client.send(.get, DC.annotations(), headers: alice).json()["annotations"]
            #expect(annotations?.elements.compactMap { Self.text($0["externalId"]) } == ["e"])
        }
    }

    @Test func escapedPercentSignIsAKeyOfItsOwn() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let alice = server.headers("alice")
            let put = try await client.send(.put, DC.report("%25FF%25FE"), headers: alice, json: #"{"title":"t"}"#)
            #expect(put.status == .ok)
            #expect(try put.json()["key"] == .string("%FF%FE"))
            #expect(try await client.send(.get, DC.report("%25FF%25FE"), headers: alice).status == .ok)
            #expect(try await client.send(.get, DC.report("%FF%FE"), headers: alice).status == .badRequest)
        }
    }
}
