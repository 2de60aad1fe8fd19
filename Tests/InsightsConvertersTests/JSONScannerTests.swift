import Foundation
import Testing

@testable import InsightsConverters

/// `JSONScanner`: cursor navigation, string escapes, nesting and malformed input.
@Suite struct JSONScannerTests {
    /// Runs `body` with a scanner over the UTF-8 bytes of `text`.
    static func scan<Result>(
        _ text: String, _ body: (inout JSONScanner) throws -> Result
    ) throws -> Result {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBytes { raw in
            var scanner = JSONScanner(raw)
            return try body(&scanner)
        }
    }

    /// Reads `text` as a single JSON string value.
    static func string(_ text: String) throws -> String {
        try scan(text) { scanner in
            let value = try scanner.readString()
            try scanner.finish()
            return value
        }
    }

    /// Skips `text` as one value and returns the byte range the scanner reported.
    static func skip(_ text: String) throws -> Range<Int> {
        try scan(text) { scanner in
            let range = try scanner.skipValue()
            try scanner.finish()
            return range
        }
    }

    @Test func walksObjectsAndArrays() throws {
        let text = #" { "a" : [1, {"b": null}, "x"], "c": {} , "d": [] } "#
        let visited = try Self.scan(text) { scanner in
            var keys: [String] = []
            var elements = 0
            try scanner.beginObject()
            while let key = try scanner.nextKey()?.string {
                keys.append(key)
                if key == "a" {
                    try scanner.beginArray()
                    while try scanner.nextElement() {
                        elements += 1
                        _ = try scanner.skipValue()
                    }
                } else {
                    _ = try scanner.skipValue()
                }
            }
            try scanner.finish()
            return (keys, elements)
        }
        #expect(visited.0 == ["a", "c", "d"])
        #expect(visited.1 == 3)
    }

    @Test func skipValueReturnsTheValuesByteRange() throws {
        let text = #"[ {"k": [1, 2, {"n": "]}"}]} , 3]"#
        let ranges = try Self.scan(text) { scanner in
            var ranges: [Range<Int>] = []
            try scanner.beginArray()
            while try scanner.nextElement() { ranges.append(try scanner.skipValue()) }
            try scanner.finish()
            return ranges
        }
        let bytes = Array(text.utf8)
        let pieces = ranges.map { String(decoding: bytes[$0], as: UTF8.self) }
        #expect(pieces == [#"{"k": [1, 2, {"n": "]}"}]}"#, "3"])
    }

    @Test(arguments: [
        (#""plain""#, "plain"),
        (#""q\"b\\s\/n\nt\tr\rb\bf\f""#, "q\"b\\s/n\nt\tr\rb\u{08}f\u{0C}"),
        (#""\u00e9\u4e2D""#, "é中"),
        (#""\ud83d\ude00 smile""#, "😀 smile"),
        (#""é and 😀 raw""#, "é and 😀 raw"),
        (#""""#, ""),
    ])
    func decodesStringEscapes(json: String, expected: String) throws {
        #expect(try Self.string(json) == expected)
    }

    @Test func decodesEscapedKeys() throws {
        let key = try Self.scan(#"{"\u0072uns": 1}"#) { scanner in
            try scanner.beginObject()
            return try scanner.nextKey()?.string
        }
        #expect(key == "runs")
    }

    @Test(arguments: [
        "0", "-0", "12.5e-3", "1E+9", "true", "false", "null", #""s""#, "[]", "{}", "[[[[]]]]",
        #"{"a": {"b": [true, false, null, -1.5, "\u0000"]}}"#,
    ])
    func skipsValidValues(json: String) throws {
        #expect(try Self.skip(json) == 0..<json.utf8.count)
    }

    @Test func skipsDeepButBoundedNesting() throws {
        let depth = JSONScanner.maximumDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(try Self.skip(text).count == text.utf8.count)
    }

    @Test func rejectsNestingBeyondTheLimit() {
        let depth = JSONScanner.maximumDepth + 1
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(throws: ConversionError.self) { try Self.skip(text) }
    }

    @Test(arguments: [
        "", "   ", "[", "[1,]", "[1 2]", "{\"a\" 1}", "{\"a\": }", "{,}", "{\"a\": 1,}", "{1: 2}", "[}",
        "{]", "01", "1.", "-", "1e", "+1", "tru", "nul", "\"unterminated", "\"bad \\x escape\"",
        "\"\\u12G4\"", "\"\\ud83d alone\"", "\"\\ude00\"", "\"tab\tinside\"", "[1] 2", "{} {}", "@",
    ])
    func rejectsMalformedInput(json: String) {
        #expect(throws: ConversionError.self) { try Self.skip(json) }
    }

    @Test(arguments: ["1", "[]", "\"a\\q\"", "\"\\ud800\\u0041\""])
    func readStringRejectsNonStringsAndBadEscapes(json: String) {
        #expect(throws: ConversionError.self) { try Self.string(json) }
    }

    @Test func rejectsInvalidUTF8InStrings() {
        let bytes: [UInt8] = [0x22, 0x61, 0xFF, 0x22]
        #expect(throws: ConversionError.self) {
            try bytes.withUnsafeBytes { raw in
                var scanner = JSONScanner(raw)
                _ = try scanner.readString()
            }
        }
    }

    @Test func errorsNameTheByteOffset() throws {
        let error = try #require(throws: ConversionError.self) { try Self.skip("[1, 2 3]") }
        #expect(error.message.contains("at byte 6"))
    }

    @Test func reportsMembersOutOfOrderAsErrors() {
        // Asking for a member while a value is still pending is a caller error, not a crash.
        #expect(throws: ConversionError.self) {
            try Self.scan(#"{"a": 1}"#) { scanner in
                try scanner.beginObject()
                _ = try scanner.nextKey()?.string
                _ = try scanner.nextKey()?.string
            }
        }
    }

    @Test func matchesKeysAgainstLiteralsWithoutDecodingThem() throws {
        let matches = try Self.scan(#"{"runs": 1, "r\u0075ns": 2, "run": 3, "runs2": 4}"#) { scanner in
            var matches: [Bool] = []
            try scanner.beginObject()
            while let key = try scanner.nextKey() {
                switch key {
                case "runs": matches.append(true)
                default: matches.append(false)
                }
                _ = try scanner.skipValue()
            }
            return matches
        }
        #expect(matches == [true, true, false, false])
    }

    @Test(arguments: [("0", "0"), ("-12.5e+3", "-12.5e+3"), (" 7 ", "7")])
    func readsNumberTokens(json: String, token: String) throws {
        let read = try Self.scan(json) { scanner in
            let raw = try scanner.readNumber()
            try scanner.finish()
            return String(decoding: raw, as: UTF8.self)
        }
        #expect(read == token)
    }

    @Test(arguments: [
        ("{}", JSONScanner.ValueKind.object), ("[]", .array), (#""s""#, .string), ("-1", .number), ("true", .bool),
        ("false", .bool), ("null", .null),
    ])
    func tellsTheKindOfTheNextValue(json: String, kind: JSONScanner.ValueKind) throws {
        #expect(try Self.scan("  " + json) { $0.nextKind() } == kind)
    }

    @Test(arguments: [
        [0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xC0, 0xAF, 0x22],
    ])
    func rejectsInvalidUTF8InSkippedStrings(bytes: [UInt8]) {
        #expect(throws: ConversionError.self) {
            try bytes.withUnsafeBytes { raw in
                var scanner = JSONScanner(raw)
                _ = try scanner.skipValue()
            }
        }
    }
}
