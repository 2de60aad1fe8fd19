import InsightsClient
import InsightsCore
import Testing

@Suite struct BundleMergerTests {
    @Test func sumsCountsConcatenatesFindingsAndFailsIfAnyFailed() throws {
        var first = Fixtures.bundle(count: 2)
        first.report.result = .passed
        var second = Fixtures.bundle(count: 3)
        second.report.title = "Second"
        second.report.data.append(DataField(title: "Tool", type: .text, value: .string("x")))
        let merged = try #require(BundleMerger.merge([first, second]))
        #expect(merged.report.title == "Lint")
        #expect(merged.report.result == .failed)
        #expect(merged.annotations.count == 5)
        #expect(merged.report.data.map(\.title) == ["Findings", "High", "Tool"])
        #expect(merged.report.data.first?.value == .number(5))
        #expect(merged.report.data[1].value == .number(2))
    }

    @Test func returnsASingleBundleUnchangedAndNothingForNone() {
        let bundle = Fixtures.bundle(count: 1)
        #expect(BundleMerger.merge([bundle]) == bundle)
        #expect(BundleMerger.merge([]) == nil)
    }
}
