import Foundation
import Testing

/// The command line itself: help, version and the documented exit codes for usage errors.
@Suite struct CommandLineTests {
    /// Runs the binary; returns its exit status and standard error.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = InsightsProcess.binary
        process.arguments = arguments
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

    @Test func versionIsPrinted() throws {
        let result = try Self.run(["--version"])
        #expect(result.status == 0)
        #expect(result.output.contains("0.1.0"))
    }
}
