import Foundation
import Testing

@testable import InsightsConverters

/// `SARIFLogReader` with `SARIFResultDecoder` against `JSONDecoder` with `SARIFLog`'s `Decodable` conformances:
/// the same values for the fixtures and for hand-made results, and an error whenever `JSONDecoder` has one.
@Suite struct SARIFResultDecoderTests {
    /// A log with one run whose `results` array holds `results` (JSON text without the brackets).
    static func log(results: String) -> String {
        #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t"}}, "results": [\#(results)]}]}"#
    }

    /// Reads `text` with the hand-written reader.
    static func read(_ text: String) throws(ConversionError) -> SARIFLog {
        try SARIFLogReader(data: Data(text.utf8), url: URL(fileURLWithPath: "/tmp/log.sarif")).read()
    }

    /// Reads `text` with `JSONDecoder`.
    static func decode(_ text: String) throws -> SARIFLog {
        try JSONDecoder().decode(SARIFLog.self, from: Data(text.utf8))
    }

    @Test(arguments: [
        "sarif/ruff.sarif", "sarif/semgrep.sarif", "sarif/clang-analyzer.sarif", "sarif/clang-diagnostics.sarif",
        "sarif/handwritten-edge-cases.sarif",
    ])
    func readsFixturesAsJSONDecoderDoes(fixture: String) throws {
        let data = try Data(contentsOf: SARIFConverterTests.fixture(fixture))
        let expected = try JSONDecoder().decode(SARIFLog.self, from: data)
        let log = try SARIFLogReader(data: data, url: URL(fileURLWithPath: fixture)).read()
        #expect(log == expected)
        #expect(log.runs.contains { $0.results?.isEmpty == false })
    }

    @Test(arguments: [
        // Escapes, raw UTF-8, surrogate pairs; in values and in keys.
        #"{"message": {"text": "q\"b\\s\/n\nt\tr\rb\bf\f \u00e9\u4e2D \ud83d\ude00 é 😀"}}"#,
        #"{"\u006dessage": {"te\u0078t": "escaped keys"}, "rule\u0049d": "R1"}"#,
        // Every declared member.
        #"""
        {"ruleId": "R1", "ruleIndex": 2, "rule": {"id": "R1", "index": 2, "toolComponent": {"index": 0, "name": "x"}},
         "kind": "fail", "level": "error", "message": {"text": "t", "id": "m", "arguments": ["a", "b"]},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a.py", "uriBaseId": "SRC", "index": 1},
                        "region": {"startLine": 3}}}, {}],
         "fingerprints": {"b": "2", "a": "1"}, "partialFingerprints": {"h": "x"},
         "suppressions": [{"status": "rejected"}, {}], "baselineState": "new",
         "properties": {"security-severity": "9.8", "tags": ["security"]}}
        """#,
        // Nulls read as absent.
        #"""
        {"ruleId": null, "ruleIndex": null, "rule": null, "level": null, "locations": null, "fingerprints": null,
         "suppressions": null, "properties": null, "message": {"text": null, "arguments": null}}
        """#,
        #"{"message": {}, "locations": [{"physicalLocation": null}, {"physicalLocation": {"region": null}}]}"#,
        // Integers: whole numbers in any notation, negative.
        #"{"message": {}, "ruleIndex": 1.0, "locations": [{"physicalLocation": {"region": {"startLine": 1e2}}}]}"#,
        #"{"message": {}, "ruleIndex": -0, "rule": {"index": -9223372036854775808}}"#,
        #"{"message": {}, "ruleIndex": 1e-400, "rule": {"index": 2.0000000000000000001}}"#,
        // Nested values that are skipped, and members the decoder does not know.
        #"""
        {"fixes": [{"a": [[[{"b": {"c": [1, -2.5e-3, true, false, null, "]}"]}}]]]}], "message": {"x": {"y": [{}]}},
         "codeFlows": [], "locations": [{"physicalLocation": {"contextRegion": {"snippet": {"text": "{"}}}}]}
        """#,
        // A repeated key keeps its first value, and the later ones are not type-checked.
        #"{"message": {"text": "first"}, "message": 5, "level": "note", "level": ["x"]}"#,
        #"{"message": {}, "level": null, "level": "error", "fingerprints": {"k": "a", "k": 1}}"#,
        // `properties` is lenient: odd scores and tags read as absent.
        #"{"message": {}, "properties": {"security-severity": " 7.5 ", "tags": ["a", 1]}}"#,
        #"{"message": {}, "properties": {"security-severity": 5, "tags": "security"}}"#,
        #"{"message": {}, "properties": {"security-severity": true, "tags": null}}"#,
        #"{"message": {}, "properties": {"security-severity": "high", "tags": [null]}}"#,
        #"{"message": {}, "properties": {"security-severity": 1e400}}"#,
        #"{"message": {}, "properties": {"security-severity": 1e-400, "tags": []}}"#,
        #"{"message": {}, "properties": {"security-severity": 0.0e5}}"#,
        #"{"message": {}, "properties": {"security-severity": null, "security-severity": "3"}}"#,
    ])
    func readsResultsAsJSONDecoderDoes(result: String) throws {
        let text = Self.log(results: result + ", " + result)
        let expected = try Self.decode(text)
        #expect(try Self.read(text) == expected)
    }

    @Test(arguments: [
        // Wrong types.
        #"{"message": {}, "level": 5}"#,
        #"{"message": {}, "ruleId": ["R1"]}"#,
        #"{"message": {}, "ruleIndex": "1"}"#,
        #"{"message": {}, "ruleIndex": 1.5}"#,
        #"{"message": {}, "ruleIndex": 9223372036854775808}"#,
        #"{"message": {}, "ruleIndex": true}"#,
        #"{"message": {}, "locations": {}}"#,
        #"{"message": {}, "locations": [null]}"#,
        #"{"message": {}, "locations": [{"physicalLocation": {"region": {"startLine": "3"}}}]}"#,
        #"{"message": {"arguments": [1]}}"#,
        #"{"message": {"arguments": [null]}}"#,
        #"{"message": {}, "fingerprints": {"a": 1}}"#,
        #"{"message": {}, "fingerprints": {"a": null}}"#,
        #"{"message": {}, "suppressions": [{"status": 1}]}"#,
        #"{"message": {}, "properties": []}"#,
        #"{"message": {}, "rule": {"toolComponent": {"index": "0"}}}"#,
        // A missing or null message, a result that is not an object.
        #"{"level": "error"}"#,
        #"{"message": null}"#,
        #"{"message": "text"}"#,
        "null",
        "5",
        // Not JSON.
        #"{"message": {}, "level": "unterminated}"#,
        #"{"message": {}, "level": "bad \x escape"}"#,
        #"{"message": {}, "level": "lone \ud83d surrogate"}"#,
        #"{"message": {}, "fixes": [1 2]}"#,
        #"{"message": {}, "fixes": {"a" 1}}"#,
        #"{"message": {}, "ruleIndex": 01}"#,
        #"{"message": {}, "level": tru}"#,
    ])
    func rejectsWhatJSONDecoderRejects(result: String) {
        let text = Self.log(results: result)
        #expect(throws: (any Error).self) { try Self.decode(text) }
        #expect(throws: ConversionError.self) { try Self.read(text) }
    }

    @Test func rejectsInvalidUTF8InSkippedStrings() {
        let text = Self.log(results: #"{"message": {}, "fixes": [{"description": "?"}]}"#)
        let bytes = text.utf8.map { $0 == UInt8(ascii: "?") ? 0xFF : $0 }
        #expect(throws: ConversionError.self) {
            try SARIFLogReader(data: Data(bytes), url: URL(fileURLWithPath: "/tmp/log.sarif")).read()
        }
    }

    @Test(arguments: [
        (
            #"{"message": {}}, {"message": {}, "level": 5}"#,
            "expected a string, found a number at .runs[0].results[1].level"
        ),
        (
            #"{"message": {}, "locations": [{}, {"physicalLocation": {"region": {"startLine": 1.5}}}]}"#,
            "expected an integer, found 1.5 at .runs[0].results[0].locations[1].physicalLocation.region.startLine"
        ),
        (#"{"message": {}}, {"level": "error"}"#, "missing 'message' at .runs[0].results[1]"),
        (#"null"#, "expected an object, found null at .runs[0].results[0]"),
        (
            #"{"message": {"arguments": ["a", null]}}"#,
            "expected a string, found null at .runs[0].results[0].message.arguments[1]"
        ),
        (
            #"{"message": {}, "fingerprints": {"k": 2}}"#,
            "expected a string, found a number at .runs[0].results[0].fingerprints.k"
        ),
    ])
    func errorsNameTheFileAndThePath(result: String, message: String) throws {
        let error = try #require(throws: ConversionError.self) { try Self.read(Self.log(results: result)) }
        #expect(error.message == "log.sarif is not valid SARIF: \(message)")
    }

    @Test func syntaxErrorsNameTheByteOffset() throws {
        let text = Self.log(results: #"{"message": {}} {"message": {}}"#)
        let gap = try #require(text.range(of: "} {"))
        let offset = text.utf8.distance(from: text.startIndex, to: gap.upperBound) - 1
        let error = try #require(throws: ConversionError.self) { try Self.read(text) }
        #expect(error.message == "log.sarif is not valid SARIF: expected ',' or ']' at byte \(offset)")
    }

    @Test func readsNullOrAbsentRunMembers() throws {
        let text = #"""
            {"runs": [{"tool": {"driver": {"name": "t"}}, "results": null, "artifacts": null,
                       "originalUriBaseIds": null},
                      {"tool": {"driver": {"name": "u"}}}]}
            """#
        let log = try Self.read(text)
        #expect(log == (try Self.decode(text)))
        #expect(log.version == nil)
        #expect(log.runs.map(\.results) == [nil, nil])
    }
}
