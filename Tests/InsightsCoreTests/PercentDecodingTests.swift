import Foundation
import InsightsCore
import Testing

/// `percentDecoded` answers what Foundation's `removingPercentEncoding` answers.
struct PercentDecodingTests {
    @Test(arguments: [
        "", "plain", "with space", "a%20b", "%41%42%43", "%e2%9c%93 check", "%E2%9C%93", "100%", "%", "%4", "%4G",
        "%G4", "a%%20", "%ff", "%C3", "%C3%A9", "ünïcode %F0%9F%9A%80", "report%2Fkey", "%00", "%2", "trailing%2",
        "%25", "%2525",
    ])
    func matchesFoundation(text: String) {
        #expect(text.percentDecoded == text.removingPercentEncoding)
        #expect(text[...].percentDecoded == text.removingPercentEncoding)
    }
}
