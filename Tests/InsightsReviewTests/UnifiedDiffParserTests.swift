import Testing

@testable import InsightsReview

@Suite struct UnifiedDiffParserTests {
    @Test func readsAModifiedFileWithRowsNumbersAndSection() throws {
        let patch = """
            diff --git a/src/a.swift b/src/a.swift
            index 1111111..2222222 100644
            --- a/src/a.swift
            +++ b/src/a.swift
            @@ -2,4 +2,5 @@ func main() {
             two
            -three
            +THREE
            +three and a half
             four
             five
            @@ -20 +21 @@
            -twenty
            +TWENTY

            """
        let files = UnifiedDiffParser.parse(patch)
        let file = try #require(files.first)
        #expect(files.count == 1)
        #expect(file.oldPath == "src/a.swift")
        #expect(file.newPath == "src/a.swift")
        #expect(file.path == "src/a.swift")
        #expect(file.status == .modified)
        #expect(!file.isBinary)
        #expect(file.hunks.count == 2)
        let first = file.hunks[0]
        #expect(
            [first.oldStart, first.oldCount, first.newStart, first.newCount] == [2, 4, 2, 5])
        #expect(first.section == "func main() {")
        #expect(
            first.rows == [
                DiffRow(kind: .context, oldLine: 2, newLine: 2, text: "two"),
                DiffRow(kind: .removed, oldLine: 3, newLine: nil, text: "three"),
                DiffRow(kind: .added, oldLine: nil, newLine: 3, text: "THREE"),
                DiffRow(kind: .added, oldLine: nil, newLine: 4, text: "three and a half"),
                DiffRow(kind: .context, oldLine: 4, newLine: 5, text: "four"),
                DiffRow(kind: .context, oldLine: 5, newLine: 6, text: "five"),
            ])
        let second = file.hunks[1]
        #expect([second.oldStart, second.oldCount, second.newStart, second.newCount] == [20, 1, 21, 1])
        #expect(second.section == "")
        #expect(file.addedLines == [3, 4, 21])
    }

    @Test func consumesHunkBodiesByCountSoHeaderLookalikesStayRows() throws {
        let patch = """
            diff --git a/x.txt b/x.txt
            --- a/x.txt
            +++ b/x.txt
            @@ -1,3 +1,3 @@
            --- a/not-a-header
            +++ b/not-a-header
            -@@ -1 +1 @@
            ++x
             diff --git a/y b/y
            diff --git a/z.txt b/z.txt
            --- a/z.txt
            +++ b/z.txt
            @@ -1 +1 @@
            -old
            +new
            """
        let files = UnifiedDiffParser.parse(patch)
        #expect(files.map(\.path) == ["x.txt", "z.txt"])
        let rows = try #require(files.first?.hunks.first?.rows)
        #expect(rows.map(\.kind) == [.removed, .added, .removed, .added, .context])
        #expect(
            rows.map(\.text) == ["-- a/not-a-header", "++ b/not-a-header", "@@ -1 +1 @@", "+x", "diff --git a/y b/y"])
        #expect(files[0].addedLines == [1, 2])
    }

    @Test func readsAddedAndDeletedFilesWithAndWithoutContent() {
        let patch = """
            diff --git a/new.txt b/new.txt
            new file mode 100644
            index 0000000..8ba3a16
            --- /dev/null
            +++ b/new.txt
            @@ -0,0 +1,2 @@
            +n
            +m
            diff --git a/empty.txt b/empty.txt
            new file mode 100644
            index 0000000..e69de29
            diff --git a/gone.txt b/gone.txt
            deleted file mode 100644
            index 286c5f5..0000000
            --- a/gone.txt
            +++ /dev/null
            @@ -1 +0,0 @@
            -gone
            diff --git a/was empty.txt b/was empty.txt
            deleted file mode 100644
            index e69de29..0000000
            """
        let files = UnifiedDiffParser.parse(patch)
        #expect(files.map(\.status) == [.added, .added, .deleted, .deleted])
        #expect(files.map(\.oldPath) == [nil, nil, "gone.txt", "was empty.txt"])
        #expect(files.map(\.newPath) == ["new.txt", "empty.txt", nil, nil])
        #expect(files.map(\.path) == ["new.txt", "empty.txt", "gone.txt", "was empty.txt"])
        #expect(files[0].addedLines == [1, 2])
        #expect(files[1].hunks.isEmpty)
        #expect(files[2].hunks.first?.rows == [DiffRow(kind: .removed, oldLine: 1, newLine: nil, text: "gone")])
    }

    @Test func readsRenamesCopiesAndModeChanges() {
        let patch = """
            diff --git a/old.txt b/dir/new name.txt
            similarity index 100%
            rename from old.txt
            rename to dir/new name.txt
            diff --git a/a.txt b/b.txt
            similarity index 80%
            rename from a.txt
            rename to b.txt
            index 1111111..2222222 100644
            --- a/a.txt
            +++ b/b.txt
            @@ -1 +1 @@
            -a
            +b
            diff --git a/src.txt b/copy.txt
            similarity index 90%
            copy from src.txt
            copy to copy.txt
            diff --git a/run.sh b/run.sh
            old mode 100644
            new mode 100755
            """
        let files = UnifiedDiffParser.parse(patch)
        #expect(files.map(\.status) == [.renamed, .renamed, .copied, .modified])
        #expect(files.map(\.oldPath) == ["old.txt", "a.txt", "src.txt", "run.sh"])
        #expect(files.map(\.newPath) == ["dir/new name.txt", "b.txt", "copy.txt", "run.sh"])
        #expect(files.map(\.hunks.count) == [0, 1, 0, 0])
        #expect(files[1].addedLines == [1])
    }

    @Test func readsBinaryFilesAndSkipsBinaryPatches() {
        let patch = """
            diff --git a/logo.png b/logo.png
            index 8352675..1592e5c 100644
            Binary files a/logo.png and b/logo.png differ
            diff --git a/new.bin b/new.bin
            new file mode 100644
            index 0000000..1592e5c
            Binary files /dev/null and b/new.bin differ
            diff --git a/blob b/blob
            index 8352675..1592e5c 100644
            GIT binary patch
            literal 3
            KcmZQzWMT#Y01f~L

            literal 3
            KcmZQzWMT#Y01f~L

            diff --git a/t.txt b/t.txt
            --- a/t.txt
            +++ b/t.txt
            @@ -1 +1 @@
            -a
            +b
            """
        let files = UnifiedDiffParser.parse(patch)
        #expect(files.map(\.path) == ["logo.png", "new.bin", "blob", "t.txt"])
        #expect(files.map(\.isBinary) == [true, true, true, false])
        #expect(files.map(\.status) == [.modified, .added, .modified, .modified])
        #expect(files.allSatisfy { $0.isBinary == $0.hunks.isEmpty })
    }

    @Test func decodesQuotedPathsAndPathsWithSpaces() {
        let patch = """
            diff --git "a/na\\303\\257ve" "b/na\\303\\257ve"
            index 1111111..2222222 100644
            --- "a/na\\303\\257ve"
            +++ "b/na\\303\\257ve"
            @@ -1 +1 @@
            -a
            +b
            diff --git a/my file.txt b/my file.txt
            index de98044..7be73ce 100644
            --- a/my file.txt\t
            +++ b/my file.txt\t
            @@ -1 +1 @@
            -a
            +b
            diff --git "a/tab\\tname" "b/tab\\tname"
            old mode 100644
            new mode 100755
            diff --git a/plain "b/q\\"uote"
            similarity index 100%
            rename from plain
            rename to "q\\"uote"
            diff --git a/with space b/with space
            new file mode 100644
            index 0000000..e69de29
            """
        let files = UnifiedDiffParser.parse(patch)
        #expect(files.map(\.oldPath) == ["naïve", "my file.txt", "tab\tname", "plain", nil])
        #expect(files.map(\.newPath) == ["naïve", "my file.txt", "tab\tname", "q\"uote", "with space"])
    }

    @Test func marksLinesWithoutANewlineAtTheEnd() throws {
        let patch = """
            diff --git a/nonl.txt b/nonl.txt
            --- a/nonl.txt
            +++ b/nonl.txt
            @@ -1 +1,2 @@
            -z
            \\ No newline at end of file
            +z
            +w
            \\ No newline at end of file
            diff --git a/next.txt b/next.txt
            --- a/next.txt
            +++ b/next.txt
            @@ -1 +1 @@
            -a
            +b
            """
        let files = UnifiedDiffParser.parse(patch)
        let rows = try #require(files.first?.hunks.first?.rows)
        #expect(rows.map(\.hasNoNewlineAtEnd) == [true, false, true])
        #expect(rows.map(\.text) == ["z", "z", "w"])
        #expect(files.count == 2)
    }

    @Test func keepsCarriageReturnsAndReadsEmptyContextLines() throws {
        let patch = "diff --git a/w.txt b/w.txt\n--- a/w.txt\n+++ b/w.txt\n@@ -1,3 +1,3 @@\n a\r\n\n-b\r\n+c\r\n"
        let rows = try #require(UnifiedDiffParser.parse(patch).first?.hunks.first?.rows)
        #expect(rows.map(\.text) == ["a\r", "", "b\r", "c\r"])
        #expect(rows.map(\.kind) == [.context, .context, .removed, .added])
        #expect(rows.map(\.newLine) == [1, 2, nil, 3])
    }

    @Test(arguments: ["", "not a patch\n", "warning: something\n\n"])
    func returnsNothingForTextWithoutSections(text: String) {
        #expect(UnifiedDiffParser.parse(text).isEmpty)
    }

    @Test func listsChangedLinesByNewPathWithoutDeletedFiles() {
        let patch = """
            diff --git a/keep.txt b/keep.txt
            --- a/keep.txt
            +++ b/keep.txt
            @@ -3,2 +3,0 @@
            -x
            -y
            @@ -9,0 +8,2 @@
            +p
            +q
            diff --git a/gone.txt b/gone.txt
            deleted file mode 100644
            --- a/gone.txt
            +++ /dev/null
            @@ -1 +0,0 @@
            -bye
            diff --git a/old.txt b/new.txt
            similarity index 100%
            rename from old.txt
            rename to new.txt
            diff --git a/img.png b/img.png
            Binary files a/img.png and b/img.png differ
            diff --git a/only-removed.txt b/only-removed.txt
            --- a/only-removed.txt
            +++ b/only-removed.txt
            @@ -1 +0,0 @@
            -z
            """
        #expect(
            UnifiedDiffParser.changedLines(UnifiedDiffParser.parse(patch)) == [
                "keep.txt": [8, 9], "new.txt": [], "img.png": [], "only-removed.txt": [],
            ])
    }

    @Test(arguments: [
        ("@@ -1,2 +3,4 @@ func f()", [1, 2, 3, 4], "func f()"),
        ("@@ -5 +6 @@", [5, 1, 6, 1], ""),
        ("@@ -5,3 +4,0 @@ @@ tricky", [5, 3, 4, 0], "@@ tricky"),
        ("@@ -0,0 +1 @@", [0, 0, 1, 1], ""),
    ])
    func parsesHunkRanges(line: String, numbers: [Int], section: String) throws {
        let range = try #require(HunkRange(Substring(line)))
        #expect([range.oldStart, range.oldCount, range.newStart, range.newCount] == numbers)
        #expect(range.section == section)
    }

    @Test(arguments: ["@@ nonsense @@", "@@ -1,2 +3,4", "@@ -a +1 @@", "@@ -1,-2 +1 @@", "@@@ -1 -1 +1 @@@"])
    func rejectsMalformedHunkRanges(line: String) {
        #expect(HunkRange(Substring(line)) == nil)
    }
}
