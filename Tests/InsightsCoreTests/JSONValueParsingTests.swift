import Foundation
import InsightsCore
import Testing

struct JSONValueParsingTests {
    @Test(arguments: [
        #"[{"title":"Findings","type":"NUMBER","value":{"kind":"number","value":20}}]"#,
        #" { "a" : [1, -2.5, 3e2, 0.125E-1, true, false, null, "x"] , "b": {} , "c": [] } "#,
        #""esc \" \\ \/ \b \f \n \r \t \u00e9 \ud83d\ude80 \u2028""#,
        #"["ünï 🚀", "", "a\u0000b"]"#,
        "-0", "1.7976931348623157e308",
    ])
    func parsesWhatJSONDecoderParses(text: String) throws {
        let expected = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(try JSONValue(parsing: text) == expected)
    }

    @Test(arguments: [
        "", " ", "[", "]", "{", #"{"a"}"#, #"{"a":}"#, #"{"a":1,}"#, "[1,]", "[1 2]", "01", "1.", ".5", "-", "1e",
        "+1", "tru", "nul", "NaN", "Infinity", "1e400", #""open"#, "\"tab\there\"", #""\x""#, #""\u12""#,
        #""\ud800""#, #""\ud800\u0041""#, #""\udc00""#, "[1] [2]", "{'a':1}",
        String(repeating: "[", count: 65) + String(repeating: "]", count: 65),
    ])
    func rejectsWhatIsNotOneJSONValue(text: String) {
        #expect(throws: JSONValue.ParseError.self) { try JSONValue(parsing: text) }
    }

    @Test func nestingUpTo64LevelsIsAccepted() throws {
        let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { try JSONValue(parsing: text) }
    }
}
