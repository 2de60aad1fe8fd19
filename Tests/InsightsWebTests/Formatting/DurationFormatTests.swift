import Testing

@testable import InsightsWeb

/// DURATION values, in milliseconds.
@Suite struct DurationFormatTests {
    @Test(
        arguments: [
            (0, "0 ms"), (350, "350 ms"), (999.4, "999 ms"), (999.6, "1s"), (1500, "1.5s"), (14_000, "14s"),
            (45_000, "45s"), (59_940, "59.9s"), (59_960, "1m"), (61_000, "1m 1s"), (125_000, "2m 5s"),
            (3_600_000, "1h"), (3_605_000, "1h"), (3_720_000, "1h 2m"), (86_400_000, "1d"), (90_061_000, "1d 1h"),
        ] as [(Double, String)])
    func formatsDurationsHumanReadable(milliseconds: Double, expected: String) {
        #expect(DataFieldFormatter.formatDuration(milliseconds: milliseconds) == expected)
    }

    @Test(
        arguments: [(-350, "-350 ms"), (-45_000, "-45s"), (-3_720_000, "-1h 2m"), (-0.3, "0 ms")] as [(Double, String)])
    func keepsTheSignOfNegativeDurations(milliseconds: Double, expected: String) {
        #expect(DataFieldFormatter.formatDuration(milliseconds: milliseconds) == expected)
    }

    @Test func survivesHugeDurations() {
        #expect(DataFieldFormatter.formatDuration(milliseconds: 1e300).contains("d"))
    }
}
