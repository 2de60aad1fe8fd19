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

    @Test func keepsEveryDistinctDetailsTextOnePerLine() throws {
        var bundles = (0..<4).map { Fixtures.bundle(count: $0 + 1) }
        bundles[0].report.details = "12 checks failed."
        bundles[1].report.details = nil
        bundles[2].report.details = "3 tests failed."
        bundles[3].report.details = "12 checks failed."
        let merged = try #require(BundleMerger.merge(bundles))
        #expect(merged.report.details == "12 checks failed.\n3 tests failed.")

        let withoutDetails = bundles.map { bundle in
            var bundle = bundle
            bundle.report.details = nil
            return bundle
        }
        #expect(try #require(BundleMerger.merge(withoutDetails)).report.details == nil)
    }

    @Test func returnsASingleBundleUnchangedAndNothingForNone() {
        let bundle = Fixtures.bundle(count: 1)
        #expect(BundleMerger.merge([bundle]) == bundle)
        #expect(BundleMerger.merge([]) == nil)
    }
}
