import Foundation
import InsightsCore
import InsightsGit
import Testing

@Suite struct GitClientHistoryTests {
    @Test func tellsKnownCommitsFromUnknownIDsAndOtherObjects() async throws {
        let repo = try GitFixture()
        defer { repo.remove() }
        try repo.write("a.txt", "a\n")
        try repo.commitAll("first")
        let client = GitClient(directory: repo.root)
        #expect(try await client.hasCommit(CommitID(repo.git("rev-parse", "HEAD"))))
        #expect(try await !client.hasCommit(CommitID(String(repeating: "0123456789", count: 4))))
        #expect(try await !client.hasCommit(CommitID(String(repeating: "f", count: 64))))
        #expect(try await !client.hasCommit(CommitID(repo.git("rev-parse", "HEAD^{tree}"))), "a tree is no commit")
    }

    @Test func failsToAnswerOutsideARepository() async throws {
        let directory = GitFixture.temporaryURL("no-repo")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var client = GitClient(directory: directory)
        client.launcherArguments.append("--git-dir=\(directory.path)")
        let id = try CommitID(String(repeating: "a", count: 40))
        await #expect(throws: GitError.self) { try await client.hasCommit(id) }
        await #expect(throws: GitError.self) { try await client.isAncestor(id, of: id) }
        await #expect(throws: GitError.self) { try await client.branches() }
    }

    @Test func decidesAncestry() async throws {
        let repo = try GitFixture()
        defer { repo.remove() }
        try repo.write("a.txt", "a\n")
        try repo.commitAll("first")
        let first = try CommitID(repo.git("rev-parse", "HEAD"))
        try repo.write("a.txt", "b\n")
        try repo.commitAll("second")
        let second = try CommitID(repo.git("rev-parse", "HEAD"))
        let client = GitClient(directory: repo.root)
        #expect(try await client.isAncestor(first, of: second))
        #expect(try await client.isAncestor(second, of: second))
        #expect(try await !client.isAncestor(second, of: first))
        let unknown = try CommitID(String(repeating: "c", count: 40))
        await #expect(throws: GitError.self) { try await client.isAncestor(unknown, of: second) }
    }

    @Test func listsRecentCommitsNewestFirstUpToTheLimit() async throws {
        let repo = try GitFixture()
        defer { repo.remove() }
        try repo.write("a.txt", "a\n")
        try repo.commitAll("root")
        let root = try CommitID(repo.git("rev-parse", "HEAD"))
        let subject = "Fix «naïve» 🚀 \"quotes\" <tags> & tabs\tand %s %x00 \\0"
        try repo.write("a.txt", "b\n")
        try repo.git(
            "-c", "user.name=Zoë O'Brien", "-c", "user.email=zoë@exämple.org", "commit", "-q", "-a",
            "--date=2024-02-29T12:34:56Z", "-m", subject, "-m", "Body line\nwith more")
        try repo.write("a.txt", "c\n")
        try repo.commitAll("third")
        let client = GitClient(directory: repo.root)
        let commits = try await client.recentCommits(of: "HEAD", limit: 10)
        #expect(commits.map(\.subject) == ["third", subject, "root"])
        let special = try #require(commits.dropFirst().first)
        #expect(special.authorName == "Zoë O'Brien")
        #expect(special.authorEmail == "zoë@exämple.org")
        #expect(special.authoredAt == Date(timeIntervalSince1970: 1_709_210_096))
        #expect(special.parents == [root])
        #expect(commits.last?.parents == [])
        #expect(commits.first?.parents == [special.id])
        #expect(try await client.recentCommits(of: "HEAD", limit: 2).map(\.subject) == ["third", subject])
        #expect(try await client.recentCommits(of: root.rawValue, limit: 5).map(\.id) == [root])
        #expect(try await client.recentCommits(of: "HEAD", limit: 0).isEmpty)
    }

    @Test func listsMergeCommitsWithBothParents() async throws {
        let repo = try GitFixture()
        defer { repo.remove() }
        try repo.write("a.txt", "a\n")
        try repo.commitAll("root")
        try repo.git("checkout", "-q", "-b", "side")
        try repo.write("b.txt", "b\n")
        try repo.commitAll("side")
        let side = try CommitID(repo.git("rev-parse", "HEAD"))
        try repo.git("checkout", "-q", "main")
        try repo.write("c.txt", "c\n")
        try repo.commitAll("main")
        let main = try CommitID(repo.git("rev-parse", "HEAD"))
        try repo.git("-c", "user.name=T", "-c", "user.email=t@example.com", "merge", "-q", "--no-edit", "side")
        let commits = try await GitClient(directory: repo.root).recentCommits(of: "main", limit: 1)
        #expect(commits.count == 1)
        #expect(commits.first?.parents == [main, side])
    }

    @Test func failsForAnUnknownRevision() async throws {
        let repo = try GitFixture()
        defer { repo.remove() }
        try repo.write("a.txt", "a\n")
        try repo.commitAll("root")
        let error = await #expect(throws: GitError.self) {
            try await GitClient(directory: repo.root).recentCommits(of: "no-such-branch", limit: 3)
        }
        #expect(error?.code == .failed)
    }
}
