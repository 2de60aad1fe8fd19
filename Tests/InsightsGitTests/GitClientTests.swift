import Foundation
import InsightsCore
import InsightsGit
import Testing

@Suite struct GitClientTests {
    @Test func readsHeadCommitAndRepositoryRoot() async throws {
        let repo = try GitFixture()
        defer { repo.remove() }
        try repo.write("a.txt", "a\n")
        try repo.commitAll("first")
        try FileManager.default.createDirectory(
            at: repo.root.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let client = GitClient(directory: repo.root.appendingPathComponent("sub"))
        #expect(try await client.headCommit().rawValue == (try repo.git("rev-parse", "HEAD")))
        let root = try await client.repositoryRoot()
        #expect(root.resolvingSymlinksInPath().path == repo.root.resolvingSymlinksInPath().path)
    }

    @Test func listsTrackedFilesFromAnySubdirectory() async throws {
        let repo = try GitFixture()
        defer { repo.remove() }
        try repo.write("a.txt", "a\n")
        try repo.write("src/deep/b c.py", "b\n")
        try repo.write("src/ünï.swift", "c\n")
        try repo.commitAll("first")
        try repo.write("untracked.txt", "u\n")
        let client = GitClient(directory: repo.root.appendingPathComponent("src"))
        #expect(try await client.trackedFiles() == ["a.txt", "src/deep/b c.py", "src/ünï.swift"])
    }

    @Test func findsTheMergeBaseOfABranch() async throws {
        let repo = try GitFixture()
        defer { repo.remove() }
        try repo.write("a.txt", "a\n")
        try repo.commitAll("base")
        let base = try repo.git("rev-parse", "HEAD")
        try repo.git("checkout", "-q", "-b", "feature")
        try repo.write("b.txt", "b\n")
        try repo.commitAll("feature")
        try repo.git("checkout", "-q", "main")
        try repo.write("c.txt", "c\n")
        try repo.commitAll("main moves on")
        try repo.git("checkout", "-q", "feature")
        let client = GitClient(directory: repo.root)
        #expect(try await client.mergeBase("main").rawValue == base)
    }

    @Test func refusesRevisionsThatLookLikeOptions() async throws {
        let repo = try GitFixture()
        defer { repo.remove() }
        let client = GitClient(directory: repo.root)
        let error = await #expect(throws: GitError.self) { try await client.mergeBaseDiff(base: "--output=/tmp/x") }
        #expect(error?.code == .invalidRevision)
    }

    @Test func keepsStandardErrorOfAFailedCommand() async throws {
        let repo = try GitFixture()
        defer { repo.remove() }
        try repo.write("a.txt", "a\n")
        try repo.commitAll("first")
        let error = await #expect(throws: GitError.self) {
            try await GitClient(directory: repo.root).mergeBaseDiff(base: "no-such-branch")
        }
        #expect(error?.code == .failed)
        #expect(error?.standardError.isEmpty == false)
    }

    @Test func failsOutsideARepository() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-repo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        await #expect(throws: GitError.self) { try await GitClient(directory: directory).repositoryRoot() }
    }

    @Test func stopsACommandAfterTheTimeout() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("slow-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("git")
        // Far longer than the timeout, so only the timeout can end it (a busy test machine may delay the timer).
        try Data("#!/bin/sh\nexec sleep 120\n".utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let client = GitClient(directory: directory, executable: script, timeout: .milliseconds(300))
        let started = ContinuousClock.now
        let error = await #expect(throws: GitError.self) { try await client.repositoryRoot() }
        #expect(error?.code == .timedOut)
        #expect(ContinuousClock.now - started < .seconds(60), "stopped, not waited for")
    }
}
