import Foundation
import Testing

@testable import InsightsSQLite

struct StoredUUIDTests {
    @Test func parsesWhatFoundationParses() {
        for _ in 0..<100 {
            let uuid = UUID()
            #expect(UUID.parsingStored(uuid.uuidString) == uuid)
            #expect(UUID.parsingStored(uuid.uuidString.lowercased()) == uuid)
        }
    }

    @Test(arguments: [
        "", "0123", "E621E1F8-C36C-495A-93FC-0C247A3E6E5", "E621E1F8-C36C-495A-93FC-0C247A3E6E5FF",
        "E621E1F8C36C-495A-93FC-0C247A3E6E5F0", "E621E1F8-C36C-495A-93FC-0C247A3E6E5G",
        "E621E1F8-C36C-495A-93FC_0C247A3E6E5F",
        "É621E1F8-C36C-495A-93FC-0C247A3E6E5",
    ])
    func rejectsAnythingElse(text: String) {
        #expect(UUID.parsingStored(text) == nil)
        #expect(UUID(uuidString: text) == nil)
    }
}
