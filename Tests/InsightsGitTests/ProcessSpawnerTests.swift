import Foundation
import Testing

@testable import InsightsGit

/// Starting children without Foundation's `Process`, also with thousands of descriptors open.
@Suite(.serialized) struct ProcessSpawnerTests {
    private static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("insights-spawn-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func aChildGetsItsDirectoryStreamsAndStatusButNoneOfTheParentsDescriptors() async throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Descriptors the parent holds open (not close-on-exec), as a busy server does. Few enough that the other
        // tests' Foundation `Process` spawns in this process stay below the count where they can crash.
        let held = (0..<300).map { _ in open("/dev/null", O_RDONLY) }
        defer { for descriptor in held { close(descriptor) } }
        #expect(held.allSatisfy { $0 >= 0 })
        let output = directory.appendingPathComponent("out").path
        let errors = directory.appendingPathComponent("err").path
        for _ in 0..<20 {
            let child = try ProcessSpawner.spawn(
                executable: "/bin/sh",
                arguments: ["-c", "pwd; ls /proc/self/fd | wc -l; echo oops >&2; exit 3"],
                directory: directory.path, environment: ["PATH": "/usr/bin:/bin"], standardOutput: output,
                standardError: errors)
            #expect(await child.waitForExit() == 3)
        }
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        #expect(lines.first.map(String.init) == directory.resolvingSymlinksInPath().path)
        // The shell's three streams, the listing's own descriptor and little else: not 300.
        #expect((lines.last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 9999) < 10)
        #expect(try String(contentsOfFile: errors, encoding: .utf8) == "oops\n")
    }

    @Test func aStoppedChildReportsItsSignal() async throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let child = try ProcessSpawner.spawn(
            executable: "/bin/sleep", arguments: ["30"], directory: directory.path, environment: [:],
            standardOutput: directory.appendingPathComponent("out").path,
            standardError: directory.appendingPathComponent("err").path)
        child.stop()
        #expect(await child.waitForExit() == 128 + SIGKILL)
    }

    @Test func aMissingDirectoryOrExecutableIsALaunchFailure() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out").path
        #expect(throws: ProcessSpawner.Failure.self) {
            try ProcessSpawner.spawn(
                executable: "/bin/true", arguments: [], directory: directory.appendingPathComponent("none").path,
                environment: [:], standardOutput: output, standardError: output)
        }
        #expect(throws: ProcessSpawner.Failure.self) {
            try ProcessSpawner.spawn(
                executable: "/no/such/binary", arguments: [], directory: directory.path, environment: [:],
                standardOutput: output, standardError: output)
        }
    }
}
