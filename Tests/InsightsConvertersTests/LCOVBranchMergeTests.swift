import Foundation
import InsightsCore
import Testing

@testable import InsightsConverters

/// LCOV branch records merge by file, line, block and branch, as lcov merges them; totals are lcov's own
/// (`lcov --summary`).
@Suite struct LCOVBranchMergeTests {
    /// The directory gcc and lcov ran in.
    static let root = URL(fileURLWithPath: "/tmp/insights-fixtures/lcov")

    static func fixture(_ path: String) throws -> URL {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return fixtures.appendingPathComponent(path)
    }

    static func convert(_ text: String) throws -> InsightBundle {
        let url = try ScratchFile.write(text)
        defer { ScratchFile.remove(url) }
        return try LCOVConverter().convert(contentsOf: url, options: ConversionOptions())
    }

    @Test func headerRepeatedPerTranslationUnitCountsOnceAsLcovSummaryDoes() throws {
        let bundle = try LCOVConverter().convert(
            contentsOf: Self.fixture("lcov/gcc-shared-header.info"),
            options: ConversionOptions(repositoryRoot: Self.root))
        // lcov --summary raw.info --rc lcov_branch_coverage=1: 13 of 15 lines, 4 of 6 branches.
        #expect(
            bundle.report.data == [
                DataField(title: "Line coverage", type: .percentage, value: .number(86.67)),
                DataField(title: "Branch coverage", type: .percentage, value: .number(66.67)),
                DataField(title: "Lines covered", type: .text, value: .string("13 / 15")),
            ])
        #expect(bundle.report.details == "Lines: 13 of 15 covered (86.67 %). Branches: 4 of 6 covered (66.67 %).")
    }

    @Test func fixtureRepeatsTheHeaderRecord() throws {
        let text = try String(contentsOf: Self.fixture("lcov/gcc-shared-header.info"), encoding: .utf8)
        // The raw capture has one clamp.h record per translation unit: 10 BRDA lines, of which 4 are repeats.
        #expect(text.matches(of: #/SF:/tmp/insights-fixtures/lcov/clamp.h\n/#).count == 2)
        #expect(text.matches(of: #/BRDA:/#).count == 10)
    }

    @Test(
        arguments: [
            // Taken in one record only: covered once.
            ("BRDA:3,0,0,1\nBRDA:3,0,1,0", "BRDA:3,0,0,0\nBRDA:3,0,1,-", "1 of 2"),
            // `-` (not evaluated) and 0 in both records: one branch, not covered.
            ("BRDA:3,0,0,-", "BRDA:3,0,0,0", "0 of 1"),
            // Taken counts add: `-` plus a count is that count.
            ("BRDA:3,0,0,-", "BRDA:3,0,0,2", "1 of 1"),
            // Another block or branch number is another branch.
            ("BRDA:3,0,0,1", "BRDA:3,1,0,0\nBRDA:3,0,1,0", "1 of 3"),
            // The same numbers on another line are another branch.
            ("BRDA:3,0,0,1", "BRDA:4,0,0,1", "2 of 2"),
            // A repeat within one record merges too; an lcov 2 expression with a comma is part of the identity.
            ("BRDA:3,0,0,0\nBRDA:3,0,0,5\nBRDA:3,0,a,b,0", "BRDA:3,0,a,b,1", "2 of 2"),
        ] as [(String, String, String)])
    func mergesBranchRecordsOfOneFile(first: String, second: String, branches: String) throws {
        let bundle = try Self.convert(
            "SF:/src/a.h\nDA:3,1\n\(first)\nend_of_record\nSF:/src/b.c\nDA:1,1\nend_of_record\n"
                + "SF:/src/a.h\nDA:3,0\n\(second)\nend_of_record\n")
        #expect(bundle.report.details?.contains("Branches: \(branches) covered") == true)
        #expect(bundle.report.details?.hasPrefix("Lines: 2 of 2 covered") == true)
    }

    @Test func branchesOfDifferentFilesStaySeparate() throws {
        let bundle = try Self.convert(
            "SF:a.h\nDA:3,1\nBRDA:3,0,0,1\nend_of_record\nSF:b.h\nDA:3,1\nBRDA:3,0,0,0\nend_of_record\n")
        #expect(bundle.report.data[1] == DataField(title: "Branch coverage", type: .percentage, value: .number(50)))
    }
}
