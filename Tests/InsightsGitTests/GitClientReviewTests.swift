import Foundation
import InsightsCore
import InsightsGit
import Testing

@Suite struct GitClientReviewTests {
    /// `main` and `feature` forked from one base; returns the fixture and the three commit ids.
    private func forkedRepository(
        main changeMain: (GitFixture) throws -> Void, feature changeFeature: (GitFixture) throws -> Void
    ) throws -> (repo: GitFixture, base: CommitID, main: CommitID, feature: CommitID) {
        let repo = try GitFixture()
        try repo.write("shared.txt", GitFixture.lines(20))
        try repo.write("conflict a.txt", "one\n")
        try repo.write("conflict-b.txt", "two\n")
        try repo.commitAll("base")
        let base = try CommitID(repo.git("rev-parse", "HEAD"))
        try repo.git("checkout", "-q", "-b", "feature")
        try changeFeature(repo)
        try repo.commitAll("feature")
        let feature = try CommitID(repo.git("rev-parse", "HEAD"))
        try repo.git("checkout", "-q", "main")
        try changeMain(repo)
        try repo.commitAll("main")
        let main = try CommitID(repo.git("rev-parse", "HEAD"))
        return (repo, base, main, feature)
    }

    @Test func mergesCleanBranchesIntoATree() async throws {
        let fork = try forkedRepository(
            main: { try $0.write("main.txt", "main\n") }, feature: { try $0.write("feature.txt", "feature\n") })
        defer { fork.repo.remove() }
        let result = try await GitClient(directory: fork.repo.root).mergeTree(target: fork.main, source: fork.feature)
        #expect(result.conflictedPaths.isEmpty)
        #expect(result.isClean)
        #expect(result.tree.utf8.count == 40)
        let files = try fork.repo.git("ls-tree", "--name-only", result.tree)
        #expect(
            files.split(separator: "\n").sorted() == [
                "conflict a.txt", "conflict-b.txt", "feature.txt", "main.txt", "shared.txt",
            ])
    }

    @Test func reportsConflictedPathsSortedAndUnique() async throws {
        let fork = try forkedRepository(
            main: {
                try $0.write("conflict-b.txt", "main\n")
                try $0.write("conflict a.txt", "main\n")
            },
            feature: {
                try $0.write("conflict-b.txt", "feature\n")
                try $0.write("conflict a.txt", "feature\n")
                try $0.write("shared.txt", GitFixture.lines(21))
            })
        defer { fork.repo.remove() }
        let result = try await GitClient(directory: fork.repo.root).mergeTree(target: fork.main, source: fork.feature)
        #expect(result.conflictedPaths == ["conflict a.txt", "conflict-b.txt"])
        let merged = try fork.repo.git("show", "\(result.tree):conflict-b.txt")
        #expect(merged.contains("<<<<<<< \(fork.main.rawValue)"))
        #expect(try fork.repo.git("show", "\(result.tree):shared.txt").hasSuffix("line 21"))
    }

    @Test func refusesToMergeAnUnknownCommit() async throws {
        let fork = try forkedRepository(main: { try $0.write("m", "m\n") }, feature: { try $0.write("f", "f\n") })
        defer { fork.repo.remove() }
        let unknown = try CommitID(String(repeating: "ab", count: 20))
        let error = await #expect(throws: GitError.self) {
            try await GitClient(directory: fork.repo.root).mergeTree(target: fork.main, source: unknown)
        }
        #expect(error?.code == .failed)
    }

    @Test func diffsCommitsAndTreesWithRenamesBinariesAndAPathFilter() async throws {
        let repo = try GitFixture()
        defer { repo.remove() }
        try repo.write("old name.txt", GitFixture.lines(20, prefix: "stable"))
        try repo.writeBytes("logo.png", [0x89, 0x50, 0, 1, 2])
        try repo.write("other.txt", "a\n")
        try repo.commitAll("base")
        let from = try repo.git("rev-parse", "HEAD")
        try repo.git("mv", "old name.txt", "nëw name.txt")
        try repo.write("nëw name.txt", GitFixture.lines(20, prefix: "stable") + "added\n")
        try repo.writeBytes("logo.png", [0x89, 0x50, 0, 9, 9])
        try repo.write("other.txt", "b\n")
        try repo.commitAll("change")
        let to = try repo.git("rev-parse", "HEAD")
        let client = GitClient(directory: repo.root)
        let patch = try await client.diff(from: from, to: to)
        #expect(patch.contains("rename from old name.txt\nrename to nëw name.txt\n"))
        #expect(patch.contains("--- a/old name.txt\t\n+++ b/nëw name.txt\t\n"))
        #expect(patch.contains("+added\n"))
        #expect(patch.contains("Binary files a/logo.png and b/logo.png differ"))
        #expect(patch.contains("diff --git a/other.txt b/other.txt"))
        let filtered = try await client.diff(from: from, to: to, paths: ["other.txt", "*.png"])
        #expect(filtered.contains("+b\n"))
        #expect(!filtered.contains("logo.png"), "paths are literal, not globs")
        #expect(!filtered.contains("rename"))
        let trees = try await client.diff(
            from: repo.git("rev-parse", "\(from)^{tree}"), to: repo.git("rev-parse", "\(to)^{tree}"))
        #expect(trees == patch)
        #expect(try await client.diff(from: to, to: to).isEmpty)
    }

    @Test func namesBothSidesOfARenameAsChangedPaths() async throws {
        let repo = try GitFixture()
        defer { repo.remove() }
        try repo.write("a.txt", GitFixture.lines(20))
        try repo.write("same.txt", "same\n")
        try repo.write("gone.txt", "gone\n")
        try repo.commitAll("base")
        try FileManager.default.createDirectory(
            at: repo.root.appendingPathComponent("dir"), withIntermediateDirectories: true)
        try repo.git("mv", "a.txt", "dir/ä b.txt")
        try repo.git("rm", "-q", "gone.txt")
        try repo.write("new.txt", "new\n")
        try repo.commitAll("change")
        let paths = try await GitClient(directory: repo.root).changedPaths(from: "HEAD~1", to: "HEAD")
        #expect(paths == ["a.txt", "dir/ä b.txt", "gone.txt", "new.txt"])
    }

    @Test func diffsAgainstTheMergeBase() async throws {
        let fork = try forkedRepository(
            main: { try $0.write("main.txt", "main\n") }, feature: { try $0.write("feature.txt", "feature\n") })
        defer { fork.repo.remove() }
        try fork.repo.git("checkout", "-q", "feature")
        let patch = try await GitClient(directory: fork.repo.root).mergeBaseDiff(base: "main")
        #expect(patch.contains("+++ b/feature.txt\n"))
        #expect(!patch.contains("main.txt"), "main's own change is not part of base...HEAD")
    }

    @Test(arguments: ["-x", "--output=/tmp/x", "", "a\0b"])
    func refusesRevisionsThatCouldBeOptions(revision: String) async throws {
        let repo = try GitFixture()
        defer { repo.remove() }
        let client = GitClient(directory: repo.root)
        let errors = [
            await #expect(throws: GitError.self) { try await client.diff(from: revision, to: "HEAD") },
            await #expect(throws: GitError.self) { try await client.diff(from: "HEAD", to: revision) },
            await #expect(throws: GitError.self) { try await client.changedPaths(from: revision, to: "HEAD") },
            await #expect(throws: GitError.self) { try await client.mergeBaseDiff(base: revision) },
            await #expect(throws: GitError.self) { try await client.recentCommits(of: revision, limit: 1) },
        ]
        #expect(errors.allSatisfy { $0?.code == .invalidRevision })
    }

    @Test func findsTheMergeBaseOfTwoCommitIDsAndTellsUnrelatedHistoriesApart() async throws {
        let fork = try forkedRepository(main: { try $0.write("m", "m\n") }, feature: { try $0.write("f", "f\n") })
        defer { fork.repo.remove() }
        let client = GitClient(directory: fork.repo.root)
        #expect(try await client.mergeBase(fork.main.rawValue, fork.feature.rawValue) == fork.base)
        try fork.repo.git("checkout", "-q", "--orphan", "unrelated")
        try fork.repo.commitAll("unrelated root")
        let unrelated = try fork.repo.git("rev-parse", "HEAD")
        let error = await #expect(throws: GitError.self) {
            try await client.mergeBase(fork.main.rawValue, unrelated)
        }
        #expect(error?.code == .noCommonAncestor)
        let unknown = await #expect(throws: GitError.self) { try await client.mergeBase("no-such-branch") }
        #expect(unknown?.code == .failed)
    }
}
