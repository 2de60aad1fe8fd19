import InsightsCore
import Testing

@testable import InsightsReview

/// R4 (line 0 or none: file level; missing and deleted files) and R5 (no path: overview).
@Suite struct PlacementFileLevelTests {
    typealias S = PlacementSamples

    static let diff = S.diff([
        S.file("a.swift", S.replacement),
        S.file("gone.swift", "@@ -1 +0,0 @@\n-bye\n", status: .deleted),
        S.file("new name.swift", status: .renamed, oldPath: "old name.swift"),
    ])

    @Test(arguments: [Int?.none, 0, -3])
    func placesLineZeroOrNoLineAtFileLevel(line: Int?) throws {
        let file = try S.indexed(Self.diff, "a.swift")
        #expect(Placement.lineZeroPosition(line: line, file: file) == .fileLevel(path: "a.swift", reason: .lineZero))
        #expect(
            S.position(S.annotation("a.swift", line), on: Self.diff) == .fileLevel(path: "a.swift", reason: .lineZero))
    }

    @Test func leavesLinesFromOneOnToOtherRules() throws {
        #expect(Placement.lineZeroPosition(line: 1, file: try S.indexed(Self.diff, "a.swift")) == nil)
        #expect(Placement.lineZeroPosition(line: nil, file: nil) == nil)
    }

    @Test(arguments: [Int?.none, 0, 1, 10])
    func hidesAnnotationsOfDeletedFiles(line: Int?) throws {
        let file = try S.indexed(Self.diff, "gone.swift")
        #expect(Placement.missingFilePosition(file) == .notShown(reason: .deletedFile))
        #expect(S.position(S.annotation("gone.swift", line), on: Self.diff) == .notShown(reason: .deletedFile))
    }

    @Test(arguments: [Int?.none, 0, 10])
    func hidesAnnotationsOfFilesOutsideTheDiff(line: Int?) {
        #expect(Placement.missingFilePosition(nil) == .notShown(reason: .fileNotInDiff))
        #expect(S.position(S.annotation("untouched.swift", line), on: Self.diff) == .notShown(reason: .fileNotInDiff))
    }

    @Test func placesRenamedFilesByTheirNewPath() {
        #expect(
            S.position(S.annotation("new name.swift", 0), on: Self.diff)
                == .fileLevel(path: "new name.swift", reason: .lineZero))
        #expect(S.position(S.annotation("new name.swift", 3), on: Self.diff) == .notShown(reason: .unchangedLine))
        #expect(S.position(S.annotation("old name.swift", 0), on: Self.diff) == .notShown(reason: .fileNotInDiff))
    }

    @Test(arguments: [Int?.none, 0, 10])
    func putsAnnotationsWithoutPathInTheOverview(line: Int?) {
        #expect(Placement.overviewPosition(path: nil) == .overview)
        #expect(S.position(S.annotation(nil, line), on: Self.diff) == .overview)
        #expect(S.position(S.annotation(nil, line), on: S.diff([])) == .overview)
        #expect(S.position(S.annotation("", line), on: S.diff([])) == .overview)
    }

    @Test func leavesAnnotationsWithAPathToOtherRules() {
        #expect(Placement.overviewPosition(path: "a.swift") == nil)
    }
}
