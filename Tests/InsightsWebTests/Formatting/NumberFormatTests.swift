import Testing

@testable import InsightsWeb

/// NUMBER and PERCENTAGE values.
@Suite struct NumberFormatTests {
    @Test(
        arguments: [
            (0, "0"), (999, "999"), (1.5, "1.5"), (1.234, "1.23"), (999.994, "999.99"), (999.995, "1k"), (1000, "1k"),
            (1050, "1.1k"), (14_300, "14.3k"), (999_949, "999.9k"), (999_950, "1M"), (2_500_000, "2.5M"),
            (7_100_000_000, "7.1B"), (3e12, "3T"), (2e15, "2000T"),
        ] as [(Double, String)])
    func abbreviatesLikeBitbucket(number: Double, expected: String) {
        #expect(DataFieldFormatter.formatNumber(number) == expected)
    }

    @Test(
        arguments: [
            (-1.5, "-1.5"), (-999, "-999"), (-14_300, "-14.3k"), (-999_950, "-1M"), (-0.001, "0"), (-0.0, "0"),
        ] as [(Double, String)])
    func keepsTheSignOfNegativeNumbers(number: Double, expected: String) {
        #expect(DataFieldFormatter.formatNumber(number) == expected)
    }

    @Test(
        arguments: [
            (85.5, "85.5%"), (100, "100%"), (0, "0%"), (33.333, "33.33%"), (0.005, "0.01%"),
        ] as [(Double, String)])
    func addsAPercentSign(number: Double, expected: String) {
        #expect(DataFieldFormatter.formatPercentage(number) == expected)
    }
}
