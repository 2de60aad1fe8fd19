import Foundation
import InsightsCore
import Testing

@testable import InsightsWeb

/// Data fields by type, as the Code Insights reference describes their display.
@Suite struct DataFieldFormatterTests {
    let formatter = DataFieldFormatter(now: WebSamples.now)

    func format(_ type: DataFieldType?, _ value: DataValue) -> FormattedValue {
        formatter.format(DataField(title: "field", type: type, value: value))
    }

    @Test(arguments: [(true, "Yes"), (false, "No")])
    func showsBooleansAsYesOrNo(value: Bool, expected: String) {
        #expect(format(.boolean, .bool(value)) == .text(expected))
    }

    @Test func showsTextAsIs() {
        #expect(format(.text, .string("  two  spaces\nand a line ")) == .text("  two  spaces\nand a line "))
    }

    @Test func showsPercentagesWithAPercentSign() {
        #expect(format(.percentage, .number(85.5)) == .text("85.5%"))
    }

    @Test func abbreviatesNumbers() {
        #expect(format(.number, .number(14_300)) == .text("14.3k"))
    }

    @Test func showsDurationsHumanReadable() {
        #expect(format(.duration, .number(3_720_000)) == .text("1h 2m"))
    }

    @Test func showsRecentDatesRelative() {
        let threeMinutesAgo = (WebSamples.now.timeIntervalSince1970 - 180) * 1000
        #expect(format(.date, .number(threeMinutesAgo)) == .text("3 minutes ago"))
    }

    @Test(arguments: ["https://ci.example.com/build/1", "http://ci.example.com/build/1", "HTTPS://ci.example.com"])
    func linksHTTPURLs(href: String) {
        #expect(format(.link, .link(text: "Build", href: href)) == .link(text: "Build", href: href))
    }

    @Test(arguments: [
        "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "ftp://example.com/x",
        "/relative/path", "vbscript:msgbox(1)", "https://", "",
    ])
    func showsOtherLinksAsPlainText(href: String) {
        #expect(format(.link, .link(text: "Build", href: href)) == .text("Build"))
    }

    @Test func showsTheURLWhenALinkHasNoText() {
        let href = "https://ci.example.com/build/1"
        #expect(format(.link, .link(text: "", href: href)) == .link(text: href, href: href))
    }

    @Test func showsUntypedPrimitivesAsPlainText() {
        #expect(format(nil, .bool(true)) == .text("true"))
        #expect(format(nil, .number(14_300)) == .text("14300"))
        #expect(format(nil, .number(0.125)) == .text("0.125"))
        #expect(format(nil, .string("ok")) == .text("ok"))
    }

    @Test func showsValuesThatDoNotMatchTheirTypeAsPlainText() {
        #expect(format(.boolean, .string("maybe")) == .text("maybe"))
        #expect(format(.date, .bool(false)) == .text("false"))
    }
}
