import Testing

@testable import InsightsGit

@Suite struct GitDiffParserTests {
    @Test func readsHunkHeadersAndSkipsBodiesThatLookLikeHeaders() {
        let patch = """
            diff --git a/x.txt b/x.txt
            --- a/x.txt
            +++ b/x.txt
            @@ -1,0 +2,2 @@
            +++ not a header
            +second
            @@ -9 +11 @@
            --- removed
            +kept
            diff --git a/gone.txt b/gone.txt
            --- a/gone.txt
            +++ /dev/null
            @@ -1 +0,0 @@
            -bye
            """
        #expect(GitDiffParser.changedLines(fromPatch: patch) == ["x.txt": [2, 3, 11]])
    }

    @Test func decodesQuotedPathsAndDropsTheTrailingTab() {
        #expect(GitDiffParser.newSidePath("b/with space.txt\t") == "with space.txt")
        #expect(GitDiffParser.newSidePath("\"b/t\\303\\251st \\\"q\\\".txt\"") == "tést \"q\".txt")
        #expect(GitDiffParser.newSidePath("/dev/null") == nil)
    }

    @Test func namesRenamedCopiedAndChangedPathsButNotDeletedOnes() {
        let output = "M\0a.txt\0R087\0old.txt\0new.txt\0D\0gone.txt\0A\0added.txt\0C100\0src.txt\0copy.txt\0"
        #expect(GitDiffParser.changedPaths(fromNameStatus: output) == ["a.txt", "new.txt", "added.txt", "copy.txt"])
    }

    @Test(arguments: [
        ("@@ -1,2 +3,4 @@ func", HunkHeader?.some(.init(oldStart: 1, oldCount: 2, newStart: 3, newCount: 4))),
        ("@@ -5 +6 @@", .init(oldStart: 5, oldCount: 1, newStart: 6, newCount: 1)),
        ("@@ -5,3 +4,0 @@", .init(oldStart: 5, oldCount: 3, newStart: 4, newCount: 0)),
        ("@@ nonsense @@", nil),
    ])
    func parsesHunkHeaders(line: String, expected: HunkHeader?) {
        #expect(HunkHeader(Substring(line)) == expected)
    }
}
