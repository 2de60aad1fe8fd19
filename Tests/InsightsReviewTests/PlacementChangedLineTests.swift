import InsightsCore
import Testing

@testable import InsightsReview

/// R2/R3: inline only on added rows of the effective diff.
@Suite struct PlacementChangedLineTests {
    typealias S = PlacementSamples

    @Test(arguments: [(10, 3), (11, 4)])
    func placesAnnotationsOnAddedRowsInline(line: Int, row: Int) throws {
        let file = try S.indexed(S.diff([S.file("a.swift", S.replacement)]), "a.swift")
        #expect(
            Placement.changedLinePosition(line: line, file: file)
                == .inline(path: "a.swift", line: line, hunk: 0, row: row, movedFrom: nil))
    }

    @Test(arguments: [8, 9, 12, 13, 1, 500])
    func hidesContextRowsAndLinesOutsideHunks(line: Int) throws {
        let file = try S.indexed(S.diff([S.file("a.swift", S.replacement)]), "a.swift")
        #expect(Placement.changedLinePosition(line: line, file: file) == .notShown(reason: .unchangedLine))
    }

    @Test func findsTheHunkAndRowOfALaterHunk() throws {
        let hunks = S.replacement + "@@ -40 +41,2 @@\n-forty\n+FORTY\n+more\n"
        let file = try S.indexed(S.diff([S.file("a.swift", hunks)]), "a.swift")
        #expect(
            Placement.changedLinePosition(line: 42, file: file)
                == .inline(path: "a.swift", line: 42, hunk: 1, row: 2, movedFrom: nil))
    }

    @Test func doesNotDecideWithoutALineOrFile() throws {
        let file = try S.indexed(S.diff([S.file("a.swift", S.replacement)]), "a.swift")
        #expect(Placement.changedLinePosition(line: nil, file: file) == nil)
        #expect(Placement.changedLinePosition(line: 10, file: nil) == nil)
    }

    @Test func hidesLinesPastTheEndOfAnAddedFileAsBeyondTheFile() {
        let diff = S.diff([S.file("new.swift", "@@ -0,0 +1,2 @@\n+a\n+b\n", status: .added)])
        #expect(
            S.position(S.annotation("new.swift", 2), on: diff)
                == .inline(
                    path: "new.swift", line: 2, hunk: 0, row: 1, movedFrom: nil))
        #expect(S.position(S.annotation("new.swift", 3), on: diff) == .notShown(reason: .lineBeyondFile))
    }

    @Test func hidesLinesPastALastLineWithoutNewlineAsBeyondTheFile() {
        let hunks = "@@ -4,2 +4,2 @@\n four\n-five\n\\ No newline at end of file\n+FIVE\n\\ No newline at end of file\n"
        let diff = S.diff([S.file("a.txt", hunks)])
        #expect(S.position(S.annotation("a.txt", 4), on: diff) == .notShown(reason: .unchangedLine))
        #expect(S.position(S.annotation("a.txt", 6), on: diff) == .notShown(reason: .lineBeyondFile))
    }

    @Test func knowsTheLastLineOnlyWhenTheDiffTellsIt() {
        #expect(Placement.lastKnownLine(of: S.file("n", "@@ -0,0 +1,3 @@\n+a\n+b\n+c\n", status: .added)) == 3)
        #expect(Placement.lastKnownLine(of: S.file("empty", status: .added)) == 0)
        #expect(Placement.lastKnownLine(of: S.file("m", S.replacement)) == nil)
        #expect(Placement.lastKnownLine(of: S.file("m", "@@ -1 +1 @@\n-a\n+b\n\\ No newline at end of file\n")) == 1)
        #expect(
            Placement.lastKnownLine(of: S.file("m", "@@ -1,2 +1 @@\n a\n-b\n\\ No newline at end of file\n")) == nil)
        #expect(Placement.lastKnownLine(of: S.file("b", status: .added, isBinary: true)) == nil)
        #expect(Placement.lastKnownLine(of: S.file("d", "@@ -1 +0,0 @@\n-a\n", status: .deleted)) == nil)
    }
}
