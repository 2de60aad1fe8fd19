import Foundation
import Testing

/// Reports written on another machine: `insights publish` and `insights convert`, run in a real git repository, map
/// foreign absolute paths onto the tracked files, leave findings outside the repository out unless
/// `--keep-outside`, and apply `--strip-prefix`/`--path-prefix`.
@Suite(.serialized) struct PathMappingEndToEndTests {
    static let commit = "89abcdef0123456789abcdef0123456789abcdef"

    /// A repository with `src/a.py`, `src/b.py` and `app/src/c.py` tracked, inside the server's workspace.
    static func makeRepository(in server: PublishTestServer) throws -> GitFixtureRepository {
        let repository = try GitFixtureRepository(
            directory: server.workspace.appendingPathComponent("checkout", isDirectory: true))
        let text = (1...5).map { "line \($0)" }.joined(separator: "\n") + "\n"
        for path in ["src/a.py", "src/b.py", "app/src/c.py"] { try repository.write(text, to: path) }
        try repository.commitAll("files")
        return repository
    }

    /// One SARIF finding per path, its message naming it.
    static func log(_ paths: [(path: String, message: String)], in directory: URL) throws -> String {
        let findings = paths.enumerated().map { index, entry in
            GeneratedSARIF.Finding(
                ruleID: "R", level: "error", path: entry.path, line: index + 1, message: entry.message)
        }
        return try GeneratedSARIF(findings).write(named: "paths-\(UUID()).sarif", in: directory)
    }

    @Test func publishMapsForeignPathsAndLeavesFindingsOutsideTheRepositoryOut() async throws {
        let server = try PublishTestServer.start()
        defer { server.stop() }
        let repository = try Self.makeRepository(in: server)
        let file = try Self.log(
            [
                ("file:///builds/org/repo/src/a.py", "foreign"),
                (repository.directory.appendingPathComponent("src/b.py").path, "in the checkout"),
                ("src/missing.py", "untracked"),
                ("/usr/include/stdio.h", "system header"),
            ], in: server.workspace)
        let key = "com.example.paths"

        let run = try server.publish([file], commit: Self.commit, key: key, in: repository.directory)

        #expect(run.status == 0, "\(run.stderr)")
        let stored = try await server.annotations(commit: Self.commit, key: key)
        let paths = Dictionary(uniqueKeysWithValues: stored.annotations.map { ($0.message, $0.path ?? "") })
        #expect(paths == ["foreign": "src/a.py", "in the checkout": "src/b.py", "untracked": "src/missing.py"])
        #expect(
            run.stdout.contains(
                "Paths:       1 path mapped, 2 paths matching no tracked file; 1 finding outside the repository "
                    + "left out (--keep-outside keeps them)"), "\(run.stdout)")
        let report = try #require(try await server.report(commit: Self.commit, key: key))
        #expect(report.details?.contains("1 finding outside the repository left out.") == true, "\(report)")
        #expect(report.number("Findings") == 3)
        #expect(report.number("High") == 3)
    }

    @Test func keepOutsideKeepsFindingsOutsideTheRepository() async throws {
        let server = try PublishTestServer.start()
        defer { server.stop() }
        let repository = try Self.makeRepository(in: server)
        let file = try Self.log(
            [("/usr/include/stdio.h", "system header"), ("src/a.py", "tracked")], in: server.workspace)
        let key = "com.example.keep-outside"

        let run = try server.publish(
            ["--keep-outside", file], commit: Self.commit, key: key, in: repository.directory)

        #expect(run.status == 0, "\(run.stderr)")
        let stored = try await server.annotations(commit: Self.commit, key: key)
        #expect(Set(stored.annotations.compactMap(\.path)) == ["/usr/include/stdio.h", "src/a.py"])
        #expect(run.stdout.contains("1 finding outside the repository kept"), "\(run.stdout)")
        let report = try #require(try await server.report(commit: Self.commit, key: key))
        #expect(report.details?.contains("left out") != true)
    }

    @Test func stripPrefixAndPathPrefixOverrideTheMatching() async throws {
        let server = try PublishTestServer.start()
        defer { server.stop() }
        let repository = try Self.makeRepository(in: server)
        let file = try Self.log(
            [("file:///builds/org/repo/src/c.py", "stripped"), ("src/c.py", "prefixed")], in: server.workspace)
        let key = "com.example.overrides"

        let run = try server.publish(
            ["--strip-prefix", "/builds/org/repo", "--path-prefix", "app", file], commit: Self.commit, key: key,
            in: repository.directory)

        #expect(run.status == 0, "\(run.stderr)")
        let stored = try await server.annotations(commit: Self.commit, key: key)
        #expect(stored.annotations.map { $0.path ?? "" } == ["app/src/c.py", "app/src/c.py"])
        #expect(run.stdout.contains("Paths:       2 paths mapped"), "\(run.stdout)")
    }

    @Test func convertMapsPathsAndReportsOnStandardError() throws {
        let server = try PublishTestServer.start()
        defer { server.stop() }
        let repository = try Self.makeRepository(in: server)
        let file = try Self.log(
            [("file:///builds/org/repo/src/a.py", "foreign"), ("/usr/include/stdio.h", "system header")],
            in: server.workspace)

        let mapped = try Self.convert([file], in: repository.directory)
        let overridden = try Self.convert(
            ["--strip-prefix", "/builds/org/repo/src", "--path-prefix", "app/src", file], in: server.workspace)

        #expect(mapped.status == 0, "\(mapped.errors)")
        #expect(mapped.output.contains("\"path\" : \"src/a.py\""), "\(mapped.output)")
        #expect(!mapped.output.contains("stdio.h"))
        #expect(
            mapped.errors.contains(
                "insights convert: paths: 1 path mapped, 1 path matching no tracked file; 1 finding outside the "
                    + "repository left out (--keep-outside keeps them)."), "\(mapped.errors)")
        // Outside a git repository only the overrides apply and nothing is left out.
        #expect(overridden.status == 0, "\(overridden.errors)")
        #expect(overridden.output.contains("\"path\" : \"app/src/a.py\""), "\(overridden.output)")
        #expect(overridden.output.contains("\"path\" : \"/usr/include/stdio.h\""))
        #expect(overridden.errors.contains("insights convert: paths: 1 path mapped."), "\(overridden.errors)")
    }

    /// Runs `insights convert` in `directory`, with no CI variables in its environment.
    static func convert(_ arguments: [String], in directory: URL) throws -> (
        status: Int32, output: String, errors: String
    ) {
        try CommandLineTests.run(
            ["convert"] + arguments, in: directory,
            environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": "/tmp"])
    }
}
