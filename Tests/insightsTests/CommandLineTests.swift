import Foundation
import Testing

/// The command line itself: help, version and the documented exit codes for usage errors.
@Suite struct CommandLineTests {
    /// Runs the binary; returns its exit status, standard output and standard error.
    ///
    /// - Parameters:
    ///   - arguments: the command line after `insights`.
    ///   - directory: the working directory, or the test's own when `nil`.
    ///   - environment: the environment, or the test's own when `nil`.
    static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil
    ) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = InsightsProcess.binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self)
        )
    }

    @Test(arguments: [
        ["--help"], ["serve", "--help"], ["admin", "--help"], ["convert", "--help"], ["publish", "--help"],
        ["proxy", "--help"],
    ])
    func helpExitsWithZero(arguments: [String]) throws {
        let result = try Self.run(arguments)
        #expect(result.status == 0)
        #expect(result.output.contains("USAGE"))
    }

    @Test(arguments: [
        ["publish", "file.sarif"],
        ["serve", "--port", "http"],
        ["serve", "--no-such-option"],
        ["admin", "grant", "alice", "read"],
        ["frobnicate"],
    ])
    func usageErrorsExitWithTwo(arguments: [String]) throws {
        let result = try Self.run(arguments)
        #expect(result.status == 2, "\(result.errors)")
        #expect(!result.errors.isEmpty)
    }

    @Test func convertReadsCppcheckXMLNamedOrDetected() throws {
        let path = PublishEndToEndTests.fixtures.appendingPathComponent("cppcheck/cppcheck.xml").path
        let named = try Self.run(["convert", "--compact", "--format", "cppcheck", path])
        let detected = try Self.run(["convert", "--compact", path])
        #expect(named.status == 0, "\(named.errors)")
        #expect(named.output.contains("\"reporter\":\"Cppcheck 2.10\""))
        #expect(named.output == detected.output)
        let help = try Self.run(["convert", "--help"])
        #expect(help.output.contains("cppcheck"))
        let checkstyle = PublishEndToEndTests.fixtures.appendingPathComponent("checkstyle/shellcheck.xml").path
        let wrong = try Self.run(["convert", "--format", "cppcheck", checkstyle])
        #expect(wrong.status == 2)
        #expect(wrong.errors.contains("not a cppcheck report"))
    }

    @Test func anUnknownExecutorIsAUsageError() throws {
        let process = Process()
        process.executableURL = InsightsProcess.binary
        process.arguments = ["--version"]
        process.environment = ProcessInfo.processInfo.environment.merging(["INSIGHTS_EXECUTOR": "threads"]) { $1 }
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(errors.contains("INSIGHTS_EXECUTOR must be event-loop or swift, not 'threads'."), "\(errors)")
    }

    @Test func versionIsPrinted() throws {
        let result = try Self.run(["--version"])
        #expect(result.status == 0)
        #expect(result.output.contains("0.1.0"))
    }
}
