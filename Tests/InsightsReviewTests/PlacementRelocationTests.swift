import InsightsCore
import Testing

@testable import InsightsReview

/// R7: files the target branch also changed; source lines are traced into the merge tree.
@Suite struct PlacementRelocationTests {
    typealias S = PlacementSamples

    /// The effective diff of `a.swift` after the target inserted two lines at the top: the source's replacement of
    /// old line 10 now sits on new lines 12 and 13.
    static let shiftedReplacement = """
        @@ -10,5 +10,6 @@
         eight
         nine
        -ten
        +TEN
        +ten and a half
         eleven
         twelve

        """

    /// Source tip → merge tree: the target's two inserted lines at the top, and its change of source line 30.
    static let targetEdits = LineMap(
        S.file(
            "a.swift",
            """
            @@ -0,0 +1,2 @@
            +target one
            +target two
            @@ -30 +32 @@
            -thirty
            +THIRTY

            """))

    static func diff(conflicted: Set<String> = [], relocation: LineMap? = targetEdits) -> EffectiveDiff {
        S.diff(
            [S.file("a.swift", shiftedReplacement)], targetChanged: ["a.swift"], conflicted: conflicted,
            relocations: relocation.map { ["a.swift": $0] } ?? [:])
    }

    @Test(arguments: [(10, 12, 3), (11, 13, 4)])
    func placesTracedChangedLinesWhereTheyMoved(sourceLine: Int, mergedLine: Int, row: Int) throws {
        let file = try S.indexed(Self.diff(), "a.swift")
        #expect(
            Placement.relocatedPosition(line: sourceLine, file: file)
                == .inline(path: "a.swift", line: mergedLine, hunk: 0, row: row, movedFrom: sourceLine))
    }

    @Test func omitsMovedFromWhenTheLineDidNotMove() throws {
        let diff = S.diff(
            [S.file("a.swift", S.replacement)], targetChanged: ["a.swift"], relocations: ["a.swift": .identity])
        #expect(
            Placement.relocatedPosition(line: 10, file: try S.indexed(diff, "a.swift"))
                == .inline(path: "a.swift", line: 10, hunk: 0, row: 3, movedFrom: nil))
    }

    @Test(arguments: [1, 9, 12, 50])
    func hidesTracedLinesThePullRequestDidNotChange(sourceLine: Int) throws {
        let file = try S.indexed(Self.diff(), "a.swift")
        #expect(Placement.relocatedPosition(line: sourceLine, file: file) == .notShown(reason: .unchangedLine))
    }

    @Test func givesUpOnALineInsideATargetChangedHunk() throws {
        let file = try S.indexed(Self.diff(), "a.swift")
        #expect(Placement.relocatedPosition(line: 30, file: file) == .obsolete(path: "a.swift", reason: .targetChanged))
    }

    @Test func givesUpOnALineTheMergeRemoved() throws {
        let removed = LineMap(S.file("a.swift", "@@ -5,2 +4,0 @@\n-five\n-six\n"))
        let file = try S.indexed(Self.diff(relocation: removed), "a.swift")
        #expect(Placement.relocatedPosition(line: 6, file: file) == .obsolete(path: "a.swift", reason: .targetChanged))
        #expect(
            Placement.relocatedPosition(line: 14, file: file)
                == .inline(
                    path: "a.swift", line: 12, hunk: 0, row: 3, movedFrom: 14))
    }

    @Test func givesUpWithoutALineMap() throws {
        let file = try S.indexed(Self.diff(relocation: nil), "a.swift")
        #expect(Placement.relocatedPosition(line: 10, file: file) == .obsolete(path: "a.swift", reason: .targetChanged))
    }

    @Test func givesUpOnUntraceableLinesOfConflictedFilesAsConflicted() throws {
        let file = try S.indexed(Self.diff(conflicted: ["a.swift"]), "a.swift")
        #expect(Placement.relocatedPosition(line: 30, file: file) == .obsolete(path: "a.swift", reason: .conflicted))
        #expect(
            Placement.relocatedPosition(line: 10, file: file)
                == .inline(
                    path: "a.swift", line: 12, hunk: 0, row: 3, movedFrom: 10))
    }

    @Test func treatsConflictedFilesAsChangedOnTheTarget() throws {
        let diff = S.diff([S.file("a.swift", Self.shiftedReplacement)], conflicted: ["a.swift"])
        #expect(
            Placement.relocatedPosition(line: 10, file: try S.indexed(diff, "a.swift"))
                == .obsolete(
                    path: "a.swift", reason: .conflicted))
    }

    @Test func keepsFileLevelAnnotationsOfTargetChangedFilesAtFileLevel() {
        for diff in [Self.diff(), Self.diff(conflicted: ["a.swift"]), Self.diff(relocation: nil)] {
            #expect(S.position(S.annotation("a.swift", 0), on: diff) == .fileLevel(path: "a.swift", reason: .lineZero))
        }
    }

    @Test func leavesFilesTheTargetDidNotChangeToTheChangedLineRule() throws {
        let diff = S.diff([S.file("a.swift", S.replacement)], relocations: ["a.swift": Self.targetEdits])
        let file = try S.indexed(diff, "a.swift")
        #expect(Placement.relocatedPosition(line: 10, file: file) == nil)
        #expect(
            S.position(S.annotation("a.swift", 10), on: diff)
                == .inline(
                    path: "a.swift", line: 10, hunk: 0, row: 3, movedFrom: nil))
    }

    @Test func tracesAFileRenamedOnTheSourceAndChangedOnTheTargetByItsNewPath() {
        let renamed = S.file("new.swift", Self.shiftedReplacement, status: .renamed, oldPath: "old.swift")
        let traced = S.diff([renamed], targetChanged: ["old.swift"], relocations: ["new.swift": Self.targetEdits])
        #expect(
            S.position(S.annotation("new.swift", 11), on: traced)
                == .inline(
                    path: "new.swift", line: 13, hunk: 0, row: 4, movedFrom: 11))
        #expect(
            S.position(S.annotation("new.swift", 30), on: traced)
                == .obsolete(
                    path: "new.swift", reason: .targetChanged))
        let untraced = S.diff([renamed], targetChanged: ["old.swift"])
        #expect(
            S.position(S.annotation("new.swift", 11), on: untraced)
                == .obsolete(
                    path: "new.swift", reason: .targetChanged))
        #expect(S.position(S.annotation("old.swift", 11), on: untraced) == .notShown(reason: .fileNotInDiff))
    }
}
