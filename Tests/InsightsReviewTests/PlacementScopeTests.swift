import InsightsCore
import Testing

@testable import InsightsReview

/// R1: only the source tip's reports and their annotations; path normalisation.
@Suite struct PlacementScopeTests {
    typealias S = PlacementSamples

    @Test func keepsOnlyReportsOfTheSourceCommitInInputOrder() {
        let reports = [
            S.report("b", commit: S.source), S.report("old", commit: S.other), S.report("a", commit: S.source),
            S.report("target", commit: S.target),
        ]
        #expect(Placement.scopedReports(reports, sourceCommit: S.source).map(\.key.rawValue) == ["b", "a"])
    }

    @Test func keepsOnlyAnnotationsOfTheShownReports() {
        let reports = [S.report("lint"), S.report("tests")]
        let annotations = [
            S.annotation("a", 1, report: "lint"), S.annotation("a", 2, report: "old"),
            S.annotation("a", 3, report: "tests"),
        ]
        #expect(Placement.scopedAnnotations(annotations, of: reports).map(\.content.line) == [1, 3])
    }

    @Test func dropsEverythingOfOtherCommitsFromTheResult() {
        let input = PlacementInput(
            sourceCommit: S.source, diff: S.diff([S.file("a.swift", S.replacement)]),
            reports: [S.report("old", commit: S.other), S.report("lint")],
            annotations: [S.annotation("a.swift", 10, report: "old"), S.annotation(nil, nil, report: "lint")])
        let placed = Placement.place(input)
        #expect(placed.reports.map(\.key.rawValue) == ["lint"])
        #expect(placed.summary.map(\.reportKey.rawValue) == ["lint"])
        #expect(placed.overview.count == 1)
        #expect(placed.files.allSatisfy { $0.inline.isEmpty && $0.fileLevel.isEmpty })
        #expect(placed.notShown.isEmpty && placed.obsolete.isEmpty)
    }

    @Test(arguments: [
        ("./src/a.swift", "src/a.swift"), ("././a", "a"), (".//a", "a"), ("src/./a", "src/./a"), ("a", "a"),
        ("../a", "../a"), (".hidden", ".hidden"),
    ])
    func dropsLeadingDotSlash(path: String, expected: String) {
        #expect(Placement.normalizedPath(path) == expected)
    }

    @Test(arguments: [String?.none, "", "./"])
    func treatsEmptyPathsAsNoPath(path: String?) {
        #expect(Placement.normalizedPath(path) == nil)
    }

    @Test func placesAnnotationsWrittenWithDotSlash() {
        let diff = S.diff([S.file("src/a.swift", S.replacement)])
        #expect(
            S.position(S.annotation("./src/a.swift", 10), on: diff)
                == .inline(path: "src/a.swift", line: 10, hunk: 0, row: 3, movedFrom: nil))
    }
}
