import Foundation

/// The built `insights` binary, started as a real process on a free port with its own data directory.
final class InsightsProcess: @unchecked Sendable {
    // @unchecked: `Process` is not Sendable; each instance is used by one test task at a time.
    let process = Process()
    let dataDirectory: URL
    private(set) var baseURL = ""
    private let output = Pipe()

    /// The binary beside the test bundle (`.build/<config>/insights`), or `INSIGHTS_BINARY`.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["INSIGHTS_BINARY"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("insights")
    }

    /// Runs `insights` with `arguments` to completion, returning standard output.
    @discardableResult
    static func run(_ arguments: [String], input: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        if let input {
            let stdin = Pipe()
            process.standardInput = stdin
            try process.run()
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        } else {
            try process.run()
        }
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw InsightsProcessError(
                message: "insights \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    init(dataDirectory: URL) {
        self.dataDirectory = dataDirectory
    }

    /// Starts `insights serve --port 0` and waits for its "listening on" line.
    ///
    /// - Parameters:
    ///   - arguments: further `serve` options, e.g. `["--max-annotations-per-report", "50"]`.
    ///   - environment: variables added to the test's environment, e.g. `["INSIGHTS_EXECUTOR": "swift"]`.
    func start(arguments: [String] = [], environment: [String: String] = [:]) throws {
        process.executableURL = Self.binary
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
        process.arguments =
            ["serve", "--port", "0", "--data-dir", dataDirectory.path, "--log-level", "warning"] + arguments
        process.standardOutput = output
        guard FileManager.default.createFile(atPath: errorLog.path, contents: nil) else {
            throw InsightsProcessError(message: "cannot create \(errorLog.path)")
        }
        process.standardError = try FileHandle(forWritingTo: errorLog)
        try process.run()
        var buffer = Data()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            let text = String(decoding: buffer, as: UTF8.self)
            if let range = text.range(of: "listening on ") {
                baseURL = String(text[range.upperBound...].prefix { !$0.isNewline })
                return
            }
        }
        throw InsightsProcessError(message: "the server did not report its address")
    }

    /// Sends SIGKILL and waits for the process to end.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Where the server's standard error goes: a file beside its data, so a chatty server never blocks on a pipe.
    var errorLog: URL { dataDirectory.appendingPathComponent("serve.err") }

    /// Sends `signal` and waits for the process to end.
    ///
    /// - Returns: how it ended and what it wrote to standard error.
    func stop(with signal: Int32) -> (reason: Process.TerminationReason, status: Int32, errors: String) {
        Foundation.kill(process.processIdentifier, signal)
        process.waitUntilExit()
        let errors = (try? String(contentsOf: errorLog, encoding: .utf8)) ?? ""
        return (process.terminationReason, process.terminationStatus, errors)
    }

    /// Sends SIGTERM and waits for a graceful exit.
    func terminate() {
        process.terminate()
        process.waitUntilExit()
    }
}

struct InsightsProcessError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
