import Foundation
import InsightsCore
import Testing

@testable import InsightsReview

/// The merge check (D48): required reports and the severity rule over what a pull request shows.
@Suite struct MergeCheckTests {
    private typealias S = PlacementSamples

    private static func report(_ key: String, _ result: ReportResult?) -> Report {
        var report = S.report(key)
        report.content.result = result
        return report
    }

    private static func shown(_ severity: AnnotationSeverity?, isNew: Bool, _ position: PlacedAnnotation.Position)
        -> PlacedAnnotation
    {
        PlacedAnnotation(annotation: S.annotation("a.swift", 1, severity: severity), position: position, isNew: isNew)
    }

    private static func insights(
        reports: [Report] = [], inline: [PlacedAnnotation] = [], overview: [PlacedAnnotation] = [],
        obsolete: [PlacedAnnotation] = [], notShown: [PlacedAnnotation] = []
    ) -> PlacedInsights {
        let file = PlacedFile(
            diff: FileDiff(oldPath: "a.swift", newPath: "a.swift", status: .modified), isConflicted: false,
            isChangedOnTarget: false, fileLevel: [], inline: inline)
        return PlacedInsights(
            reports: reports, files: [file], overview: overview, obsolete: obsolete, notShown: notShown, summary: [])
    }

    @Test func noPolicyNeverVetoes() {
        let failing = Self.insights(
            reports: [Self.report("lint", .failed)],
            inline: [
                Self.shown(.critical, isNew: true, .inline(path: "a.swift", line: 1, hunk: 0, row: 0, movedFrom: nil))
            ])
        #expect(MergeCheck.vetoes(of: .none, on: failing).isEmpty)
    }

    @Test(arguments: [
        (ReportResult?.some(.passed), 0), (.some(.failed), 1), (.some(.pending), 1), (nil, 1),
    ])
    func requiredReportsMustPass(result: ReportResult?, vetoes: Int) {
        let policy = MergeCheckPolicy(requiredReportKeys: [S.key("lint")])
        let insights = Self.insights(reports: [Self.report("lint", result)])
        #expect(MergeCheck.vetoes(of: policy, on: insights).count == vetoes)
    }

    @Test func aMissingRequiredReportVetoes() {
        let policy = MergeCheckPolicy(requiredReportKeys: [S.key("lint"), S.key("tests")])
        let vetoes = MergeCheck.vetoes(of: policy, on: Self.insights(reports: [Self.report("lint", .passed)]))
        #expect(vetoes.map(\.summary) == ["Required report 'tests' is missing"])
    }

    @Test func severityRuleCountsShownAnnotationsAtOrAboveTheThreshold() {
        let line = PlacedAnnotation.Position.inline(path: "a.swift", line: 1, hunk: 0, row: 0, movedFrom: nil)
        let insights = Self.insights(
            inline: [Self.shown(.high, isNew: false, line), Self.shown(.medium, isNew: true, line)],
            overview: [Self.shown(.critical, isNew: true, .overview), Self.shown(nil, isNew: true, .overview)],
            obsolete: [Self.shown(.critical, isNew: true, .obsolete(path: "a.swift", reason: .targetChanged))],
            notShown: [Self.shown(.critical, isNew: true, .notShown(reason: .unchangedLine))])

        let all = MergeCheck.vetoes(of: MergeCheckPolicy(blockingSeverity: .high), on: insights)
        #expect(all.map(\.summary) == ["2 annotations of severity HIGH or higher"])
        let new = MergeCheck.vetoes(of: MergeCheckPolicy(blockingSeverity: .high, scope: .new), on: insights)
        #expect(new.map(\.summary) == ["1 new annotation of severity HIGH or higher"])
        #expect(
            MergeCheck.vetoes(
                of: MergeCheckPolicy(blockingSeverity: .critical, scope: .new),
                on: Self.insights(
                    inline: [Self.shown(.high, isNew: true, line)])
            ).isEmpty)
    }
}
