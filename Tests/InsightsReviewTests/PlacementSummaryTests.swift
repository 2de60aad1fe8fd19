import InsightsCore
import Testing

@testable import InsightsReview

/// Per-report counts of total and new annotations by severity.
@Suite struct PlacementSummaryTests {
    typealias S = PlacementSamples

    private func placed(_ annotation: Annotation, isNew: Bool) -> PlacedAnnotation {
        PlacedAnnotation(annotation: annotation, position: .overview, isNew: isNew)
    }

    @Test func countsEachReportBySeverityHighestFirstAndNoneLast() {
        let annotations = [
            placed(S.annotation(nil, nil, report: "lint", severity: nil), isNew: true),
            placed(S.annotation(nil, nil, report: "lint", severity: .low), isNew: false),
            placed(S.annotation(nil, nil, report: "lint", severity: .critical), isNew: true),
            placed(S.annotation(nil, nil, report: "tests", severity: .high), isNew: false),
            placed(S.annotation(nil, nil, report: "lint", severity: .low), isNew: true),
        ]
        let summary = Placement.summarize(
            annotations, reports: [S.report("tests"), S.report("lint"), S.report("empty")])
        #expect(
            summary == [
                ReportSummary(
                    reportKey: S.key("tests"), counts: [SeverityCount(severity: .high, total: 1, new: 0)], total: 1,
                    new: 0),
                ReportSummary(
                    reportKey: S.key("lint"),
                    counts: [
                        SeverityCount(severity: .critical, total: 1, new: 1),
                        SeverityCount(severity: .low, total: 2, new: 1),
                        SeverityCount(severity: nil, total: 1, new: 1),
                    ], total: 4, new: 3),
                ReportSummary(reportKey: S.key("empty"), counts: [], total: 0, new: 0),
            ])
    }

    @Test func countsAnnotationsWhereverTheyArePlaced() {
        let diff = S.diff([S.file("a.swift", S.replacement)])
        let input = PlacementInput(
            sourceCommit: S.source, diff: diff, reports: [S.report()],
            annotations: [
                S.annotation("a.swift", 10, id: "1"), S.annotation("a.swift", 9, id: "2"),
                S.annotation(nil, nil, id: "3"),
                S.annotation("elsewhere", 1, id: "4"),
            ],
            targetAnnotations: [S.annotation("a.swift", 9, id: "2")])
        let summary = Placement.place(input).summary
        #expect(summary.map(\.total) == [4])
        #expect(summary.map(\.new) == [3])
    }
}
