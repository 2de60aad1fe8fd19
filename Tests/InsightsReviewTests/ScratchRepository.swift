import Foundation

/// A throwaway git repository in a temporary directory, driven by the real `git` executable (after
/// `Tests/InsightsGitTests/GitFixture.swift`).
struct ScratchRepository {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "insights-review-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try git("init", "-q", "-b", "main")
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func writeBytes(_ path: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: root.appendingPathComponent(path))
    }

    /// Commits everything and returns the new commit id.
    @discardableResult
    func commitAll(_ message: String, allowingEmpty: Bool = false) throws -> String {
        try git("add", "-A")
        try git(
            "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q",
            allowingEmpty ? "--allow-empty" : "-q", "-m", message)
        return try git("rev-parse", "HEAD")
    }

    /// The patch between two revisions, produced exactly as the review code asks git for it.
    func patch(_ from: String, _ to: String) throws -> String {
        try git(
            trimming: false, "-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--no-textconv",
            "-M", "--src-prefix=a/", "--dst-prefix=b/", from, to)
    }

    @discardableResult
    func git(trimming: Bool = true, _ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw FixtureError(message: "git \(arguments.joined(separator: " ")) failed")
        }
        let text = String(decoding: data, as: UTF8.self)
        return trimming ? text.trimmingCharacters(in: .whitespacesAndNewlines) : text
    }

    struct FixtureError: Error {
        var message: String
    }

    static func lines(_ count: Int, prefix: String = "line") -> String {
        (1...count).map { "\(prefix) \($0)\n" }.joined()
    }
}
