import Foundation
import InsightsCore
import InsightsGit
import Testing

/// Runs `Tests/Fixtures/pull-request-repo.sh` and checks what its header comment promises.
@Suite struct PullRequestFixtureTests {
    private static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/pull-request-repo.sh")

    /// Creates the repository in a new directory; returns it and the printed ids.
    private func makeRepository() throws -> (root: URL, ids: [String: CommitID]) {
        let root = GitFixture.temporaryURL("pull-request")
        let output = try GitFixture.run("bash", [Self.script.path, root.path])
        var ids: [String: CommitID] = [:]
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            #expect(parts.count == 2, "unexpected output line: \(line)")
            if parts.count == 2 { ids[String(parts[0])] = try CommitID(String(parts[1])) }
        }
        #expect(ids.keys.sorted() == ["base", "feature", "main"])
        return (root, ids)
    }

    @Test func printsStableCommitIDsThatExist() async throws {
        let first = try makeRepository()
        let second = try makeRepository()
        defer {
            try? FileManager.default.removeItem(at: first.root)
            try? FileManager.default.removeItem(at: second.root)
        }
        #expect(first.ids == second.ids, "fixed names and dates give the same ids on every run")
        let client = GitClient(directory: first.root)
        for id in first.ids.values { #expect(try await client.hasCommit(id)) }
        let base = try #require(first.ids["base"])
        let main = try #require(first.ids["main"])
        let feature = try #require(first.ids["feature"])
        #expect(try await client.mergeBase(main.rawValue, feature.rawValue) == base)
        #expect(try await client.isAncestor(base, of: main))
        #expect(try await !client.isAncestor(main, of: feature))
        #expect(try await client.branches().map(\.name) == ["feature", "main"])
    }

    @Test func conflictsOnlyInConflictSwiftAndPlacesLinesAsDocumented() async throws {
        let (root, ids) = try makeRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        let main = try #require(ids["main"])
        let feature = try #require(ids["feature"])
        let client = GitClient(directory: root)
        let merged = try await client.mergeTree(target: main, source: feature)
        #expect(merged.conflictedPaths == ["src/conflict.swift"])

        let effective = try await client.diff(from: main.rawValue, to: merged.tree)
        for hunk in [
            "@@ -2,11 +2,12 @@", "@@ -22,7 +22,7 @@", "@@ -40,7 +40,7 @@", "@@ -53,6 +53,8 @@", "@@ -3,6 +3,6 @@",
            "@@ -1,3 +1,7 @@", "@@ -4987,7 +4987,7 @@",
        ] {
            #expect(effective.contains(hunk), "effective diff lacks \(hunk)")
        }
        #expect(effective.contains("rename from docs/old-name.md\nrename to docs/new-name.md\n"))
        #expect(effective.contains("Binary files a/assets/logo.png and b/assets/logo.png differ"))
        #expect(effective.contains("+++ b/src/naïve file.swift\t\n"))
        #expect(effective.contains("deleted file mode 100644\n"))
        #expect(!effective.contains("untouched"))

        let tracing = try await client.diff(from: feature.rawValue, to: merged.tree, paths: ["src/shared.swift"])
        #expect(tracing.contains("@@ -1,5 +1,10 @@"), "main's header moves feature's lines 3-39 down by 5")
        #expect(
            tracing.contains(
                "@@ -37,7 +42,7 @@ let shared36 = 36\n let shared37 = 37\n let shared38 = 3800 // feature\n"
                    + " let shared39 = 39\n-let shared40 = 40\n+let shared40 = 4000 // main\n"),
            "feature line 40 cannot be traced")

        let changed = try await client.changedPaths(from: main.rawValue, to: feature.rawValue)
        #expect(changed.count == 10)
        #expect(changed.isSuperset(of: ["docs/old-name.md", "docs/new-name.md", "src/naïve file.swift"]))
        #expect(!changed.contains("src/untouched.swift"))
    }

    @Test func mirrorsTheFixtureIntoABareRepository() async throws {
        let (root, ids) = try makeRepository()
        let directory = GitFixture.temporaryURL("mirror").appendingPathComponent("mirror.git")
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: directory.deletingLastPathComponent())
        }
        let mirror = GitMirror(directory: directory, remote: root.path)
        try await mirror.synchronize()
        let branches = try await mirror.client.branches()
        #expect(
            branches == [
                GitBranch(name: "feature", commit: try #require(ids["feature"])),
                GitBranch(name: "main", commit: try #require(ids["main"])),
            ])
        let merged = try await mirror.client.mergeTree(
            target: try #require(ids["main"]), source: try #require(ids["feature"]))
        #expect(merged.conflictedPaths == ["src/conflict.swift"])
        let commits = try await mirror.client.recentCommits(of: "feature", limit: 3)
        #expect(commits.map(\.subject).last == "Base: every file of the fixture")
        #expect(commits.first?.subject == "Feature: naïve file, icons, big file, conflict")
    }
}
