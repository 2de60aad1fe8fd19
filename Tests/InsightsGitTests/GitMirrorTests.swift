import Foundation
import InsightsCore
import InsightsGit
import Testing

@Suite struct GitMirrorTests {
    /// An upstream repository with `main` and `feature/x`, and a mirror directory that does not exist yet.
    private func upstreamAndMirror() throws -> (upstream: GitFixture, mirror: GitMirror) {
        let upstream = try GitFixture()
        try upstream.write("a.txt", "a\n")
        try upstream.commitAll("first")
        try upstream.git("branch", "feature/x")
        let directory = GitFixture.temporaryURL("mirror").appendingPathComponent("repo.git")
        return (upstream, GitMirror(directory: directory, remote: upstream.root.path))
    }

    private func remove(_ mirror: GitMirror) {
        try? FileManager.default.removeItem(at: mirror.directory.deletingLastPathComponent())
    }

    private func upstreamBranches(_ upstream: GitFixture) throws -> [GitBranch] {
        try upstream.git("for-each-ref", "--format=%(refname:short) %(objectname)", "refs/heads/")
            .split(separator: "\n")
            .map { line in
                let parts = line.split(separator: " ")
                return GitBranch(name: String(parts[0]), commit: try CommitID(String(parts[1])))
            }
    }

    @Test func createsABareMirrorAndFollowsTheRemote() async throws {
        let (upstream, mirror) = try upstreamAndMirror()
        defer {
            upstream.remove()
            remove(mirror)
        }
        try await mirror.synchronize()
        let isBare = try GitFixture.run(
            "git", ["--git-dir=\(mirror.directory.path)", "rev-parse", "--is-bare-repository"])
        #expect(isBare == "true")
        #expect(try await mirror.client.branches() == (try upstreamBranches(upstream)))
        #expect(try await mirror.client.branches().map(\.name) == ["feature/x", "main"])

        try await mirror.synchronize()
        #expect(try await mirror.client.branches() == (try upstreamBranches(upstream)), "a second run changes nothing")

        try upstream.git("branch", "added")
        try upstream.git("branch", "-D", "feature/x")
        try upstream.write("a.txt", "rewritten\n")
        try upstream.git("add", "-A")
        try upstream.git("-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "--amend", "-m", "new")
        let rewritten = try CommitID(upstream.git("rev-parse", "main"))
        try await mirror.synchronize()
        let branches = try await mirror.client.branches()
        #expect(branches.map(\.name) == ["added", "main"])
        #expect(branches.last?.commit == rewritten, "a force-pushed branch is overwritten")
        #expect(try await mirror.client.hasCommit(rewritten))
        #expect(try await mirror.client.recentCommits(of: "main", limit: 5).map(\.subject) == ["new"])
    }

    @Test(arguments: ["-x", "--upload-pack=touch /tmp/pwned", "", "/tmp/a\0b", "/tmp/a\nb"])
    func refusesARemoteThatCouldBeAnOption(remote: String) async throws {
        let directory = GitFixture.temporaryURL("mirror").appendingPathComponent("repo.git")
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let error = await #expect(throws: GitError.self) {
            try await GitMirror(directory: directory, remote: remote).synchronize()
        }
        #expect(error?.code == .invalidRemote)
        #expect(!FileManager.default.fileExists(atPath: directory.path))
    }

    @Test func failsForARemoteThatDoesNotExist() async throws {
        let directory = GitFixture.temporaryURL("mirror").appendingPathComponent("repo.git")
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let mirror = GitMirror(directory: directory, remote: GitFixture.temporaryURL("nowhere").path)
        let error = await #expect(throws: GitError.self) { try await mirror.synchronize() }
        #expect(error?.code == .failed)
        #expect(error?.standardError.isEmpty == false)
    }

    @Test func recoversADirectoryThatIsNotARepository() async throws {
        let (upstream, mirror) = try upstreamAndMirror()
        defer {
            upstream.remove()
            remove(mirror)
        }
        try FileManager.default.createDirectory(at: mirror.directory, withIntermediateDirectories: true)
        try Data("not a ref\n".utf8).write(to: mirror.directory.appendingPathComponent("HEAD"))
        try Data("junk".utf8).write(to: mirror.directory.appendingPathComponent("objects"))
        try await mirror.synchronize()
        #expect(try await mirror.client.branches() == (try upstreamBranches(upstream)))
    }

    @Test func completesAnEmptyOrHalfInitialisedDirectory() async throws {
        let (upstream, mirror) = try upstreamAndMirror()
        defer {
            upstream.remove()
            remove(mirror)
        }
        try FileManager.default.createDirectory(
            at: mirror.directory.appendingPathComponent("refs"), withIntermediateDirectories: true)
        try await mirror.synchronize()
        #expect(try await mirror.client.branches().count == 2)
        // A crash after `git init` but before the remote was configured.
        try GitFixture.run("git", ["--git-dir=\(mirror.directory.path)", "config", "--unset", "remote.origin.url"])
        try await mirror.synchronize()
        #expect(try await mirror.client.branches().count == 2)
    }

    @Test func followsAChangedRemote() async throws {
        let (upstream, mirror) = try upstreamAndMirror()
        let other = try GitFixture()
        defer {
            upstream.remove()
            other.remove()
            remove(mirror)
        }
        try other.write("b.txt", "b\n")
        try other.commitAll("other")
        try other.git("branch", "-m", "trunk")
        try await mirror.synchronize()
        var moved = mirror
        moved.remote = other.root.path
        try await moved.synchronize()
        #expect(try await moved.client.branches().map(\.name) == ["trunk"])
    }

    @Test func concurrentSynchronizationsLeaveAWorkingMirror() async throws {
        let (upstream, mirror) = try upstreamAndMirror()
        defer {
            upstream.remove()
            remove(mirror)
        }
        // Start from junk, so the runs also race to repair the directory (which the lock serialises).
        try FileManager.default.createDirectory(at: mirror.directory, withIntermediateDirectories: true)
        try Data("not a ref\n".utf8).write(to: mirror.directory.appendingPathComponent("HEAD"))
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    do {
                        try await mirror.synchronize()
                        return true
                    } catch {
                        return false
                    }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        // Two fetches updating one ref may collide on git's ref lock (one fails); nothing may be corrupted.
        #expect(outcomes.contains(true))
        try await mirror.synchronize()
        #expect(try await mirror.client.branches() == (try upstreamBranches(upstream)))
        let fsck = try GitFixture.run("git", ["--git-dir=\(mirror.directory.path)", "fsck", "--no-progress"])
        #expect(fsck.isEmpty)
    }

    @Test func fetchesWithoutTerminalPrompts() async throws {
        let (upstream, mirror) = try upstreamAndMirror()
        let scripts = GitFixture.temporaryURL("git-wrapper")
        defer {
            upstream.remove()
            remove(mirror)
            try? FileManager.default.removeItem(at: scripts)
        }
        try FileManager.default.createDirectory(at: scripts, withIntermediateDirectories: true)
        let marker = scripts.appendingPathComponent("prompt")
        let wrapper = scripts.appendingPathComponent("git")
        let git = try GitFixture.run("sh", ["-c", "command -v git"])
        let script = """
            #!/bin/sh
            case " $* " in *" fetch "*) printf '%s' "${GIT_TERMINAL_PROMPT-unset}" > '\(marker.path)' ;; esac
            exec '\(git)' "$@"
            """
        try Data(script.utf8).write(to: wrapper)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
        let wrapped = GitMirror(directory: mirror.directory, remote: mirror.remote, executable: wrapper)
        try await wrapped.synchronize()
        #expect(try String(contentsOf: marker, encoding: .utf8) == "0")
        #expect(try await wrapped.client.branches().count == 2)
    }
}
