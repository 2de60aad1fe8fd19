import Foundation
import InsightsCore
import Testing

@testable import InsightsWeb

/// DATE values: relative under a week from now, absolute (UTC, English) beyond.
@Suite struct DateFormatTests {
    let formatter = DataFieldFormatter(now: WebSamples.now)

    func text(secondsFromNow offset: TimeInterval) -> String {
        formatter.formatDate(WebSamples.now.addingTimeInterval(offset))
    }

    @Test(
        arguments: [
            (-30, "just now"), (30, "just now"), (-60, "1 minute ago"), (-180, "3 minutes ago"),
            (-3599, "59 minutes ago"),
            (-3600, "1 hour ago"), (-5 * 3600, "5 hours ago"), (-86_400, "1 day ago"), (-2 * 86_400, "2 days ago"),
            (-(7 * 86_400 - 1), "6 days ago"),
        ] as [(TimeInterval, String)])
    func showsThePastWeekRelative(offset: TimeInterval, expected: String) {
        #expect(text(secondsFromNow: offset) == expected)
    }

    @Test(
        arguments: [
            (180, "in 3 minutes"), (5 * 3600, "in 5 hours"), (3600, "in 1 hour"), (6 * 86_400, "in 6 days"),
        ] as [(TimeInterval, String)])
    func showsTheComingWeekRelative(offset: TimeInterval, expected: String) {
        #expect(text(secondsFromNow: offset) == expected)
    }

    @Test func showsExactlyOneWeekAgoAsADay() {
        #expect(text(secondsFromNow: -7 * 86_400) == "12 Mar 2026")
    }

    @Test func showsExactlyOneWeekAheadAsADay() {
        #expect(text(secondsFromNow: 7 * 86_400) == "26 Mar 2026")
    }

    @Test func showsOlderDatesAsADay() {
        #expect(formatter.formatDate(Date(timeIntervalSince1970: 1_577_836_800)) == "1 Jan 2020")
    }

    @Test func usesUTCWhateverTheMachinesTimeZone() {
        let lateEvening = Date(timeIntervalSince1970: 1_764_545_400)  // 2025-11-30T23:30:00Z
        #expect(formatter.formatDate(lateEvening) == "30 Nov 2025")
    }

    @Test func readsDataFieldDatesAsMilliseconds() {
        let field = DataField(title: "Built", type: .date, value: .number(1_577_836_800_000))
        #expect(formatter.format(field) == .text("1 Jan 2020"))
    }

    @Test func showsTimestampsBeyondJavaScriptDatesAsNumbers() {
        let field = DataField(title: "Built", type: .date, value: .number(1e300))
        #expect(formatter.format(field) == .text("1e+300"))
    }
}
