import Foundation
import InsightsGit
import Testing

@testable import InsightsReview

/// The parser on what a real `git diff` prints, in throw-away repositories.
@Suite struct UnifiedDiffParserGitTests {
    @Test func parsesEveryKindOfChangeGitPrints() throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        try repo.write("edit.txt", ScratchRepository.lines(10))
        try repo.write("my file.txt", "a\nb\nc\n")
        try repo.write("ren.txt", ScratchRepository.lines(20, prefix: "stable content"))
        try repo.write("mode.sh", "x\n")
        try repo.writeBytes("bin.dat", [0, 1, 2])
        try repo.write("tab\tname.txt", "q\n")
        try repo.write("nonl.txt", "z")
        try repo.write("gone.txt", "bye\n")
        let base = try repo.commitAll("base")
        var edited = ScratchRepository.lines(10).split(separator: "\n").map(String.init)
        edited[2] = "line 3 changed"
        edited.insert("++ inserted", at: 6)
        try repo.write("edit.txt", edited.joined(separator: "\n") + "\n")
        try repo.write("my file.txt", "a\nB\nc\n")
        try repo.git("mv", "ren.txt", "ren amed ï.txt")
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o755], ofItemAtPath: repo.root.appendingPathComponent("mode.sh").path)
        try repo.writeBytes("bin.dat", [0, 1, 3])
        try repo.write("tab\tname.txt", "q2\n")
        try repo.write("nonl.txt", "z\nw")
        try repo.git("rm", "-q", "gone.txt")
        try repo.write("nëw.txt", "n\n")
        try repo.write("empty.txt", "")
        let head = try repo.commitAll("change")

        let files = UnifiedDiffParser.parse(try repo.patch(base, head))
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0) })
        #expect(
            Set(byPath.keys) == [
                "edit.txt", "my file.txt", "ren amed ï.txt", "mode.sh", "bin.dat", "tab\tname.txt", "nonl.txt",
                "gone.txt", "nëw.txt", "empty.txt",
            ])
        #expect(byPath["edit.txt"]?.addedLines == [3, 7])
        #expect(
            byPath["edit.txt"]?.hunks.flatMap(\.rows).first { $0.kind == .added && $0.newLine == 7 }?.text
                == "++ inserted")
        #expect(byPath["my file.txt"]?.addedLines == [2])
        #expect(byPath["ren amed ï.txt"]?.status == .renamed)
        #expect(byPath["ren amed ï.txt"]?.oldPath == "ren.txt")
        #expect(byPath["ren amed ï.txt"]?.hunks.isEmpty == true)
        #expect(byPath["mode.sh"]?.status == .modified)
        #expect(byPath["mode.sh"]?.hunks.isEmpty == true)
        #expect(byPath["bin.dat"]?.isBinary == true)
        #expect(byPath["tab\tname.txt"]?.addedLines == [1])
        #expect(byPath["nonl.txt"]?.hunks.first?.rows.map(\.hasNoNewlineAtEnd) == [true, false, true])
        #expect(byPath["gone.txt"]?.status == .deleted)
        #expect(byPath["gone.txt"]?.newPath == nil)
        #expect(byPath["nëw.txt"]?.status == .added)
        #expect(byPath["nëw.txt"]?.oldPath == nil)
        #expect(byPath["empty.txt"]?.status == .added)
        #expect(byPath["empty.txt"]?.hunks.isEmpty == true)
    }

    @Test func numbersEveryAddedLineOfALargeFile() throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        try repo.write("big.txt", ScratchRepository.lines(5000))
        let base = try repo.commitAll("base")
        var lines = ScratchRepository.lines(5000).split(separator: "\n").map(String.init)
        var expected = Set<Int>()
        for index in stride(from: 4990, through: 10, by: -97) {
            lines.insert("inserted before \(index)", at: index)
        }
        for (offset, line) in lines.enumerated() where line.hasPrefix("inserted") { expected.insert(offset + 1) }
        lines[0] = "-- first line, changed"
        expected.insert(1)
        try repo.write("big.txt", lines.joined(separator: "\n") + "\n")
        let head = try repo.commitAll("scatter")

        let file = try #require(UnifiedDiffParser.parse(try repo.patch(base, head)).first)
        #expect(file.addedLines == expected)
        let rows = file.hunks.flatMap(\.rows)
        #expect(rows.filter { $0.kind == .removed }.map(\.oldLine) == [1])
        for hunk in file.hunks {
            #expect(hunk.rows.count { $0.kind != .added } == hunk.oldCount)
            #expect(hunk.rows.count { $0.kind != .removed } == hunk.newCount)
        }
    }

    @Test func changedLinesOfABranchAgainstItsMergeBase() async throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        try repo.write("edit.txt", ScratchRepository.lines(10))
        try repo.write("old name.txt", ScratchRepository.lines(20, prefix: "stable content"))
        try repo.write("moved.swift", ScratchRepository.lines(30, prefix: "let value ="))
        try repo.write("gone.txt", "bye\n")
        try repo.write("shrink.txt", ScratchRepository.lines(5))
        try repo.writeBytes("blob.bin", [0, 1, 2, 3, 0, 255])
        try repo.commitAll("base")
        try repo.git("checkout", "-q", "-b", "change")
        var edited = ScratchRepository.lines(10).split(separator: "\n").map(String.init)
        edited[2] = "changed 3"
        edited.insert("inserted", at: 7)
        try repo.write("edit.txt", edited.joined(separator: "\n") + "\n")
        try repo.git("mv", "old name.txt", "new name.txt")
        try repo.git("mv", "moved.swift", "renamed.swift")
        try repo.write("renamed.swift", ScratchRepository.lines(30, prefix: "let value =") + "let added = 1\n")
        try repo.git("rm", "-q", "gone.txt")
        try repo.write("shrink.txt", "line 1\nline 2\n")
        try repo.writeBytes("blob.bin", [0, 9, 9, 9, 0, 255])
        try repo.write("dir with space/ünïcödé \"q\".swift", "let x = 1\nlet y = 2\n")
        try repo.commitAll("change")
        try repo.git("checkout", "-q", "main")
        try repo.write("elsewhere.txt", "main moves on\n")
        try repo.commitAll("main moves on")
        try repo.git("checkout", "-q", "change")

        let patch = try await GitClient(directory: repo.root).mergeBaseDiff(base: "main")
        #expect(
            UnifiedDiffParser.changedLines(UnifiedDiffParser.parse(patch)) == [
                "edit.txt": [3, 8], "new name.txt": [], "renamed.swift": [31], "shrink.txt": [], "blob.bin": [],
                "dir with space/ünïcödé \"q\".swift": [1, 2],
            ])
    }
}
