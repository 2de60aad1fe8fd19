import Foundation
import InsightsCore
import Testing

@testable import InsightsWire

struct WireEncoderTests {
    private struct Sample: Codable, Equatable {
        var text: String
        var number: Double
        var count: Int
        var flag: Bool
        var missing: String?
        var list: [Int]
        var nested: [String: [Double]]
    }

    private func text(_ value: some Encodable) throws -> String {
        String(decoding: try WireEncoder.encode(value), as: UTF8.self)
    }

    @Test func keysComeInDeclarationOrderAndAbsentOptionalsAreLeftOut() throws {
        let sample = Sample(
            text: "a", number: 1.5, count: 3, flag: true, missing: nil, list: [1, 2], nested: ["k": [0.25]])
        #expect(
            try text(sample)
                == #"{"text":"a","number":1.5,"count":3,"flag":true,"list":[1,2],"nested":{"k":[0.25]}}"#)
    }

    @Test(arguments: [
        ("plain", #""plain""#),
        (#"quote " and backslash \"#, #""quote \" and backslash \\""#),
        ("line\nfeed\r\ttab\u{8}\u{C}", #""line\nfeed\r\ttab\b\f""#),
        ("\u{0}\u{1F}", #""\u0000\u001f""#),
        ("https://example.com/a/b", #""https://example.com/a/b""#),
        ("ünï 🚀 \u{2028}", "\"ünï 🚀 \u{2028}\""),
    ])
    func stringsEscapeOnlyWhatJSONRequires(value: String, expected: String) throws {
        #expect(try text(value) == expected)
        #expect(try JSONDecoder().decode(String.self, from: WireEncoder.encode(value)) == value)
    }

    @Test(arguments: [
        20.0, -3.0, 81.5, 0.1, 1e21, 9_007_199_254_740_992.0, 9_007_199_254_740_993.0, 1.0e-7, 0.0, 123_456.789,
        -0.5, 1e16,
    ])
    func numbersPrintLikeJSONEncoder(value: Double) throws {
        let encoded = try text(value)
        #expect(encoded == String(decoding: try JSONEncoder().encode(value), as: UTF8.self))
        #expect(try JSONDecoder().decode(Double.self, from: Data(encoded.utf8)) == value)
    }

    @Test func nonFiniteNumbersThrow() {
        #expect(throws: EncodingError.self) { try WireEncoder.encode(Double.nan) }
        #expect(throws: EncodingError.self) { try WireEncoder.encode([Double.infinity]) }
    }

    @Test func theDialectBodiesDecodeToWhatFoundationEncodes() throws {
        let annotation = DataCenterAnnotation(
            AnnotationContent(
                externalID: "id-1", path: "src/a.swift", line: 4, message: "Bad \"thing\"\n", severity: .high,
                type: .bug, link: "https://example.com/r"))
        let report = DataCenterReportRequest(
            ReportContent(
                title: "Lint", details: "d", result: .failed, reporter: "tool", link: "https://example.com",
                data: [
                    DataField(title: "n", type: .number, value: .number(42)),
                    DataField(title: "p", type: .percentage, value: .number(81.5)),
                    DataField(title: "l", type: .link, value: .link(text: "t", href: "https://example.com/x")),
                    DataField(title: "b", type: .boolean, value: .bool(true)),
                ]))
        for value in [try parsed(annotation), try parsed(report)] {
            #expect(value.ours == value.foundation)
        }
    }

    private func parsed(_ value: some Encodable) throws -> (ours: NSDictionary, foundation: NSDictionary) {
        let ours = try JSONSerialization.jsonObject(with: WireEncoder.encode(value)) as? NSDictionary
        let foundation = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? NSDictionary
        return (try #require(ours), try #require(foundation))
    }

    // MARK: The streaming encoder and its fallback

    private enum Shape: Codable, Equatable {
        case circle(radius: Double)
        case polygon(points: [[Int]], label: String?)
        case empty
    }

    private struct Wrapper: Codable {
        var shapes: [Shape]
        var table: [String: [Int]]
        var nothing: [String]
        var empty: [String: Int]
        var nested: [[String: Bool]]
    }

    /// Opens a nested container, writes to its parent, then goes back to the nested one: out of order.
    private struct Interleaved: Encodable {
        enum Keys: String, CodingKey { case a, b, c }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var nested = container.nestedUnkeyedContainer(forKey: .a)
            try nested.encode(1)
            try container.encode("x", forKey: .b)
            try nested.encode(2)
            try container.encode(true, forKey: .c)
        }
    }

    /// Asks for its keyed container twice, as class hierarchies do.
    private struct TwoRequests: Encodable {
        enum Keys: String, CodingKey { case first, second }
        func encode(to encoder: any Encoder) throws {
            var one = encoder.container(keyedBy: Keys.self)
            try one.encode(1, forKey: .first)
            var two = encoder.container(keyedBy: Keys.self)
            try two.encode(2, forKey: .second)
        }
    }

    private class Base: Encodable {
        var base = 1
    }

    /// Uses `superEncoder`, which the streaming encoder leaves to the tree.
    private final class Derived: Base {
        var own = "d"
        enum Keys: String, CodingKey { case own }
        override func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(own, forKey: .own)
            try super.encode(to: container.superEncoder())
        }
    }

    @Test func streamingWritesWhatTheTreeWrites() throws {
        let wrapper = Wrapper(
            shapes: [.circle(radius: 1.5), .polygon(points: [[0, 0], [1, 2]], label: nil), .empty],
            table: ["k": [1, 2]], nothing: [], empty: [:], nested: [["t": true], [:]])
        try expectSame(wrapper)
        try expectSame(TwoRequests())
        try expectSame([Shape.empty, .circle(radius: -0.25)])
        try expectSame("top-level \"string\"")
        try expectSame(42)
        try expectSame([String?.none, "a"])
        try expectSame(
            DataCenterAnnotations(annotations: [
                DataCenterAnnotation(
                    AnnotationContent(externalID: "e", path: "p", line: 3, message: "m", severity: .low))
            ]))
    }

    @Test func outOfOrderValuesFallBackToTheTree() throws {
        #expect(try StreamingJSONEncoder.encode(Interleaved()) == nil)
        #expect(try text(Interleaved()) == #"{"a":[1,2],"b":"x","c":true}"#)
        #expect(try StreamingJSONEncoder.encode(Derived()) == nil)
        #expect(try text(Derived()) == #"{"own":"d","super":{"base":1}}"#)
    }

    @Test func streamingRejectsNonFiniteNumbers() {
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder.encode(["x": Double.nan]) }
    }

    private func expectSame(_ value: some Encodable) throws {
        let streamed = try #require(try StreamingJSONEncoder.encode(value))
        #expect(
            String(decoding: streamed, as: UTF8.self)
                == String(decoding: try CompactJSONEncoder().encode(value), as: UTF8.self))
    }
}
