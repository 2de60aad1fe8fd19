import Testing

@testable import InsightsConverters

/// `FNV1aHasher` and the external-id hash built on it.
@Suite struct FNV1aHasherTests {
    @Test(arguments: [("", "cbf29ce484222325"), ("a", "af63dc4c8601ec8c"), ("foobar", "85944171f73967e8")])
    func matchesPublishedVectors(text: String, hex: String) {
        #expect(ExternalIDAllocator.hexHash(text) == hex)
    }

    @Test func combiningPartsEqualsHashingThemJoined() {
        let parts = ["E501", "src/app.py", "", "12", "Line too long (é, 😀)"]
        var hasher = FNV1aHasher()
        for (index, part) in parts.enumerated() {
            if index > 0 { hasher.combine(0) }
            hasher.combine(part)
        }
        #expect(hasher.hex == ExternalIDAllocator.hexHash(parts.joined(separator: "\u{0}")))
    }
}
