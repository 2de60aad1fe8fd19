import Foundation
import InsightsCore
import Testing

@testable import InsightsConverters

/// Cobertura and LCOV from coverage.py; totals are the tool's own (`coverage report`, the files' attributes).
@Suite struct CoverageConverterTests {
    /// The directory coverage.py ran in.
    static let root = URL(fileURLWithPath: "/tmp/insights-fixtures/python")

    /// The same coverage run in both formats.
    static let formats: [(any InsightConverter, String)] = [
        (CoberturaConverter(), "cobertura/coverage.xml"), (LCOVConverter(), "lcov/coverage.lcov"),
    ]

    static func fixture(_ path: String) throws -> URL {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return fixtures.appendingPathComponent(path)
    }

    /// The changed lines used below: lines 15–28 of arith.py hold covered, uncovered and blank lines.
    static let changed: [String: Set<Int>] = [
        "calc/arith.py": [15, 16, 17, 18, 19, 25, 26, 27, 28, 400], "tests/test_arith.py": [28], "other.py": [1],
    ]

    @Test(arguments: formats)
    func totalsMatchCoveragePy(converter: any InsightConverter, fixture: String) throws {
        let bundle = try converter.convert(
            contentsOf: Self.fixture(fixture), options: ConversionOptions(repositoryRoot: Self.root))
        // coverage report: TOTAL 49 statements, 10 missed; coverage xml: branches-covered 5 of 10.
        #expect(
            bundle.report.data == [
                DataField(title: "Line coverage", type: .percentage, value: .number(79.59)),
                DataField(title: "Branch coverage", type: .percentage, value: .number(50)),
                DataField(title: "Lines covered", type: .text, value: .string("39 / 49")),
            ])
        #expect(bundle.annotations.isEmpty)
        #expect(bundle.report.result == nil)
        #expect(bundle.report.reportType == .coverage)
        _ = try bundle.report.validated(limits: .cloud)
    }

    @Test func coberturaAttributesAgreeWithTheComputedTotals() throws {
        let xml = try String(contentsOf: Self.fixture("cobertura/coverage.xml"), encoding: .utf8)
        let root = try #require(xml.firstMatch(of: #/lines-valid="(\d+)" lines-covered="(\d+)"/#))
        #expect(root.1 == "49")
        #expect(root.2 == "39")
        let lcov = try String(contentsOf: Self.fixture("lcov/coverage.lcov"), encoding: .utf8)
        let found = lcov.matches(of: #/LF:(\d+)/#).compactMap { Int($0.1) }.reduce(0, +)
        let hit = lcov.matches(of: #/LH:(\d+)/#).compactMap { Int($0.1) }.reduce(0, +)
        #expect(found == 49)
        #expect(hit == 39)
    }

    @Test(arguments: formats)
    func measuresAndAnnotatesChangedLines(converter: any InsightConverter, fixture: String) throws {
        let bundle = try converter.convert(
            contentsOf: Self.fixture(fixture),
            options: ConversionOptions(repositoryRoot: Self.root, changedLines: Self.changed))
        // Instrumented changed lines: arith.py 15,16,17,18,19,25,26,28 and test_arith.py 28; covered: 15,17,18.
        #expect(
            Array(bundle.report.data.suffix(2)) == [
                DataField(title: "Changed-line coverage", type: .percentage, value: .number(33.33)),
                DataField(title: "Changed lines covered", type: .text, value: .string("3 / 9")),
            ])
        #expect(
            bundle.annotations.map { "\($0.path ?? "-"):\($0.line ?? 0) \($0.message)" } == [
                "calc/arith.py:16 Line 16 is not covered by tests",
                "calc/arith.py:19 Line 19 is not covered by tests",
                "calc/arith.py:25 Lines 25–28 are not covered by tests",
                "tests/test_arith.py:28 Line 28 is not covered by tests",
            ])
        #expect(bundle.annotations[2].externalID == "uncovered:calc/arith.py:25-28")
        #expect(bundle.annotations.allSatisfy { $0.severity == .medium && $0.type == .codeSmell })
    }

    @Test func bothFormatsGiveTheSameBundle() throws {
        let options = ConversionOptions(repositoryRoot: Self.root, changedLines: Self.changed)
        let cobertura = try CoberturaConverter().convert(
            contentsOf: Self.fixture("cobertura/coverage.xml"), options: options)
        let lcov = try LCOVConverter().convert(contentsOf: Self.fixture("lcov/coverage.lcov"), options: options)
        #expect(cobertura == lcov)
    }

    @Test func groupsUncoveredLinesIntoRanges() {
        let code = Set(1...10)
        #expect(CoverageAccumulator.uncoveredRanges([9, 3, 4, 5], instrumented: code) == [3...5, 9...9])
        // Lines 6–8 are blank: nothing instrumented separates 5 and 9.
        #expect(CoverageAccumulator.uncoveredRanges([3, 4, 5, 9], instrumented: [3, 4, 5, 9]) == [3...9])
        #expect(CoverageAccumulator.uncoveredRanges([4, 4], instrumented: code) == [4...4])
        #expect(CoverageAccumulator.uncoveredRanges([], instrumented: code).isEmpty)
    }

    @Test func changedLinesOutsideInstrumentedCodeGiveNoFigure() throws {
        let bundle = try LCOVConverter().convert(
            contentsOf: Self.fixture("lcov/coverage.lcov"),
            options: ConversionOptions(repositoryRoot: Self.root, changedLines: ["README.md": [1, 2]]))
        #expect(bundle.report.data.count == 3)
        #expect(bundle.annotations.isEmpty)
        #expect(bundle.report.details?.contains("No changed line is instrumented.") == true)
    }

    @Test func coberturaWithoutLinesFallsBackToRootTotals() throws {
        let url = try ScratchFile.write(
            #"<coverage lines-valid="10" lines-covered="4" branches-valid="0" branches-covered="0"><packages/></coverage>"#
        )
        defer { ScratchFile.remove(url) }
        let bundle = try CoberturaConverter().convert(contentsOf: url, options: ConversionOptions())
        #expect(bundle.report.data.first?.value == .number(40))
        #expect(bundle.report.data.count == 2)
    }

    @Test(arguments: [
        "<coverage><packages><package>", "<checkstyle/>", "SF:a.py\nDA:1,1\nend_of_record\n",
    ])
    func coberturaRejectsMalformedInput(text: String) throws {
        let url = try ScratchFile.write(text)
        defer { ScratchFile.remove(url) }
        #expect(throws: ConversionError.self) {
            try CoberturaConverter().convert(contentsOf: url, options: ConversionOptions())
        }
    }

    @Test(arguments: [
        "", "DA:1,1\n", "SF:a.py\nDA:one,1\n", "SF:a.py\nthis is not lcov\n", "<?xml version=\"1.0\"?><coverage/>",
        "SF:a.py\nBRDA:x\n",
    ])
    func lcovRejectsMalformedInput(text: String) throws {
        let url = try ScratchFile.write(text)
        defer { ScratchFile.remove(url) }
        #expect(throws: ConversionError.self) {
            try LCOVConverter().convert(contentsOf: url, options: ConversionOptions())
        }
    }

    @Test func lcovAcceptsCRLFAndMissingFinalNewline() throws {
        let url = try ScratchFile.write(
            "TN:\r\nSF:./src/a.c\r\nDA:1,3,Zm9vYmFy\r\nDA:2,0\r\nBRDA:1,0,0,-\r\nend_of_record")
        defer { ScratchFile.remove(url) }
        let bundle = try LCOVConverter().convert(
            contentsOf: url, options: ConversionOptions(changedLines: ["src/a.c": [2]]))
        #expect(bundle.report.data.first?.value == .number(50))
        #expect(bundle.report.data[1] == DataField(title: "Branch coverage", type: .percentage, value: .number(0)))
        #expect(bundle.annotations.first?.path == "src/a.c")
    }
}
