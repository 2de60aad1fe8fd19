import Foundation
import InsightsCore
import InsightsWire
import Testing

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
}

@Suite struct WireTimeTests {
    @Test(
        arguments: [
            (1_630_041_546_433, "2021-08-27T05:19:06.433Z"), (0, "1970-01-01T00:00:00.000Z"),
            (1_796_280_345_721, "2026-12-03T06:45:45.721Z"), (951_782_400_000, "2000-02-29T00:00:00.000Z"),
            (-1, "1969-12-31T23:59:59.999Z"), (4_102_444_799_999, "2099-12-31T23:59:59.999Z"),
        ] as [(Int64, String)])
    func writesTheInstantOfTheEpochMilliseconds(milliseconds: Int64, expected: String) {
        let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        #expect(WireTime.iso8601(date) == expected)
        #expect(WireTime.epochMilliseconds(date) == milliseconds)
    }

    @Test func agreesWithFoundationOnWholeSeconds() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for seconds in stride(from: -86_400 * 400, through: 86_400 * 365 * 200, by: 86_400 * 37 + 3_607) {
            let date = Date(timeIntervalSince1970: Double(seconds))
            #expect(WireTime.iso8601(date) == formatter.string(from: date))
        }
    }
}
