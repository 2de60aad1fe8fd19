import InsightsCore
import Testing

@testable import InsightsReview

/// The entry point: lists, file flags and order.
@Suite struct PlacementTests {
    typealias S = PlacementSamples

    static let diff = S.diff(
        [
            S.file("b.swift", S.replacement + "@@ -40 +41 @@\n-forty\n+FORTY\n"),
            S.file("gone.swift", "@@ -1 +0,0 @@\n-bye\n", status: .deleted),
            S.file("a.swift", S.replacement),
            S.file("c.swift", S.replacement),
        ], targetChanged: ["a.swift", "c.swift"], conflicted: ["c.swift"],
        relocations: ["a.swift": .identity])

    @Test func listsEveryFileInDiffOrderWithItsTargetFlags() {
        let placed = Placement.place(
            PlacementInput(sourceCommit: S.source, diff: Self.diff, reports: [S.report()], annotations: []))
        #expect(placed.files.map(\.diff.path) == ["b.swift", "gone.swift", "a.swift", "c.swift"])
        #expect(placed.files.map(\.isChangedOnTarget) == [false, false, true, true])
        #expect(placed.files.map(\.isConflicted) == [false, false, false, true])
        #expect(placed.files.map(\.diff) == Self.diff.files)
    }

    @Test func sortsInlineAnnotationsByLineThenInputOrderAndKeepsOtherListsInInputOrder() throws {
        let annotations = [
            S.annotation("b.swift", 41, message: "late"),
            S.annotation("b.swift", 0, message: "file one"),
            S.annotation("b.swift", 11, message: "eleven first"),
            S.annotation(nil, nil, message: "overview one"),
            S.annotation("b.swift", 10, message: "ten"),
            S.annotation("c.swift", 10, message: "conflicted"),
            S.annotation("b.swift", 11, message: "eleven second"),
            S.annotation("gone.swift", 1, message: "gone"),
            S.annotation("b.swift", nil, message: "file two"),
            S.annotation("nowhere", 1, message: "nowhere"),
            S.annotation(nil, 5, message: "overview two"),
            S.annotation("c.swift", 30, message: "conflicted two"),
            S.annotation("./a.swift", 11, message: "traced"),
        ]
        let placed = Placement.place(
            PlacementInput(sourceCommit: S.source, diff: Self.diff, reports: [S.report()], annotations: annotations))
        let b = try #require(placed.files.first)
        #expect(b.inline.map(\.annotation.content.message) == ["ten", "eleven first", "eleven second", "late"])
        #expect(b.fileLevel.map(\.annotation.content.message) == ["file one", "file two"])
        #expect(placed.files[2].inline.map(\.annotation.content.message) == ["traced"])
        #expect(placed.overview.map(\.annotation.content.message) == ["overview one", "overview two"])
        #expect(placed.obsolete.map(\.annotation.content.message) == ["conflicted", "conflicted two"])
        #expect(
            placed.obsolete.map(\.position) == [
                .obsolete(path: "c.swift", reason: .conflicted), .obsolete(path: "c.swift", reason: .conflicted),
            ])
        #expect(placed.notShown.map(\.annotation.content.message) == ["gone", "nowhere"])
        #expect(
            placed.notShown.map(\.position) == [.notShown(reason: .deletedFile), .notShown(reason: .fileNotInDiff)])
        let total = placed.files.reduce(0) { $0 + $1.inline.count + $1.fileLevel.count }
        #expect(total + placed.overview.count + placed.obsolete.count + placed.notShown.count == annotations.count)
    }

    @Test func marksFindingsTheTargetAlreadyHasAsExisting() {
        let placed = Placement.place(
            PlacementInput(
                sourceCommit: S.source, diff: Self.diff, reports: [S.report()],
                annotations: [S.annotation("b.swift", 10, id: "kept"), S.annotation("b.swift", 11, id: "fresh")],
                targetAnnotations: [S.annotation("b.swift", 7, id: "kept")]))
        #expect(placed.files[0].inline.map(\.isNew) == [false, true])
    }

    @Test func placesNothingWithoutReports() {
        let placed = Placement.place(
            PlacementInput(
                sourceCommit: S.source, diff: Self.diff, reports: [],
                annotations: [S.annotation("b.swift", 10), S.annotation(nil, nil)]))
        #expect(placed.reports.isEmpty && placed.summary.isEmpty && placed.overview.isEmpty)
        #expect(placed.files.count == 4)
    }
}
