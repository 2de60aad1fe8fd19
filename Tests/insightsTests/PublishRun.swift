import Foundation

/// One run of the real `insights publish` binary: its exit status and both output streams.
struct PublishRun {
    let status: Int32
    let stdout: String
    let stderr: String

    /// Runs `insights publish` to completion with a minimal environment (no CI variables leak in).
    ///
    /// - Parameters:
    ///   - arguments: everything after `publish`.
    ///   - token: the value of `INSIGHTS_TOKEN`, if any; never printed.
    ///   - directory: the working directory (a git repository for `--filter`).
    /// - Returns: the finished run.
    /// - Throws: when the binary cannot be started or the output files cannot be read.
    static func run(_ arguments: [String], token: String?, in directory: URL) throws -> PublishRun {
        let outputs = directory.appendingPathComponent(".publish-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outputs) }
        let stdoutURL = outputs.appendingPathComponent("stdout")
        let stderrURL = outputs.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let stdoutHandle = try FileHandle(forWritingTo: stdoutURL)
        let stderrHandle = try FileHandle(forWritingTo: stderrURL)

        let process = Process()
        process.executableURL = InsightsProcess.binary
        process.arguments = ["publish"] + arguments
        process.currentDirectoryURL = directory
        var environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": "/tmp"]
        if let token { environment["INSIGHTS_TOKEN"] = token }
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdoutHandle
        process.standardError = stderrHandle
        try process.run()
        process.waitUntilExit()
        try stdoutHandle.close()
        try stderrHandle.close()
        return PublishRun(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: stdoutURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self))
    }
}
