import Testing

@testable import InsightsReview

@Suite struct LineMapTests {
    private func map(_ hunks: String, status: FileDiff.Status = .modified) throws -> LineMap {
        let patch = "diff --git a/f b/f\n--- a/f\n+++ b/f\n" + hunks
        var file = try #require(UnifiedDiffParser.parse(patch).first)
        file.status = status
        return LineMap(file)
    }

    @Test func tracesEveryLineToItselfWithoutHunks() {
        let identity = LineMap(FileDiff(oldPath: "f", newPath: "g", status: .renamed))
        #expect((1...50).map { identity.newLine(forOldLine: $0) } == (1...50).map { $0 })
        #expect(identity == .identity)
    }

    @Test func shiftsLinesAfterAReplacementAndDropsTheReplacedOnes() throws {
        let lines = try map(
            """
            @@ -4,4 +4,5 @@
             four
            -five
            +FIVE
            +five and a half
             six
            -seven
            +SEVEN

            """)
        #expect((1...10).map { lines.newLine(forOldLine: $0) } == [1, 2, 3, 4, nil, 7, nil, 9, 10, 11])
    }

    @Test func shiftsLinesAfterInsertionsAndDeletionsWithoutContext() throws {
        let lines = try map(
            """
            @@ -3,0 +4,2 @@
            +a
            +b
            @@ -8,2 +9,0 @@
            -x
            -y

            """)
        #expect(
            (1...12).map { lines.newLine(forOldLine: $0) } == [1, 2, 3, 6, 7, 8, 9, nil, nil, 10, 11, 12])
    }

    @Test func tracesInsertionsAtTheTopOfAFile() throws {
        let lines = try map("@@ -0,0 +1,3 @@\n+a\n+b\n+c\n")
        #expect(lines.newLine(forOldLine: 1) == 4)
    }

    @Test(arguments: [FileDiff.Status.added, .deleted])
    func tracesNothingOfAddedOrDeletedFiles(status: FileDiff.Status) throws {
        let lines = try map("@@ -0,0 +1,3 @@\n+a\n+b\n+c\n", status: status)
        #expect((1...5).allSatisfy { lines.newLine(forOldLine: $0) == nil })
    }

    @Test func tracesNothingOfAChangedBinaryFile() {
        let lines = LineMap(FileDiff(oldPath: "b", newPath: "b", status: .modified, isBinary: true))
        #expect(lines.newLine(forOldLine: 1) == nil)
    }

    @Test(arguments: [0, -1])
    func tracesNoLineBelowOne(line: Int) {
        #expect(LineMap.identity.newLine(forOldLine: line) == nil)
    }

    @Test(arguments: [0, 3])
    func agreesWithTheContentOfRealEdits(context: Int) throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        let old = (1...400).map { "unique \($0)" }
        var new: [String] = []
        var expected: [Int: Int] = [:]
        for (offset, line) in old.enumerated() {
            switch offset % 23 {
            case 3: new.append("replacement for \(offset)")
            case 7: continue
            case 11:
                new.append("inserted before \(offset)")
                new.append(line)
                expected[offset + 1] = new.count
            default:
                new.append(line)
                expected[offset + 1] = new.count
            }
        }
        try repo.write("f.txt", old.joined(separator: "\n") + "\n")
        let base = try repo.commitAll("old")
        try repo.write("f.txt", new.joined(separator: "\n") + "\n")
        let head = try repo.commitAll("new")
        let patch = try repo.git(
            trimming: false, "diff", "--no-color", "-U\(context)", "--src-prefix=a/", "--dst-prefix=b/", base, head)
        let lines = LineMap(try #require(UnifiedDiffParser.parse(patch).first))
        for oldLine in 1...old.count {
            #expect(lines.newLine(forOldLine: oldLine) == expected[oldLine], "old line \(oldLine)")
        }
    }
}
