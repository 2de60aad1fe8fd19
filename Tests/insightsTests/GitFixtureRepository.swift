import Foundation

/// A throwaway git repository for change-filter tests, driven through `git` with argument arrays.
struct GitFixtureRepository {
    let directory: URL

    /// Creates the directory and an empty repository in it with a local identity.
    init(directory: URL) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try git(["init", "--quiet", "--initial-branch=main"])
        try git(["config", "user.email", "ci@example.com"])
        try git(["config", "user.name", "CI"])
        try git(["config", "commit.gpgsign", "false"])
    }

    /// Writes `text` to `path` (relative to the repository).
    func write(_ text: String, to path: String) throws {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Stages everything and commits.
    ///
    /// - Returns: the new commit's full id.
    @discardableResult
    func commitAll(_ message: String) throws -> String {
        try git(["add", "--all", "--", "."])
        try git(["commit", "--quiet", "-m", message])
        return try git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs git in the repository and returns its standard output.
    @discardableResult
    func git(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = directory
        process.environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": directory.path,
            "GIT_CONFIG_NOSYSTEM": "1",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw InsightsProcessError(
                message: "git \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
