import Foundation

/// Runs the real `curl`, as the seeds' examples do, and returns the status and body.
enum Curl {
    struct Response {
        let status: Int
        let body: String
    }

    /// Runs `curl` with `arguments` (without `-s`, `-o` or `-w`, which this adds).
    static func run(_ arguments: [String]) throws -> Response {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // `-g`: braces in uuid paths are literal, not curl's URL globbing.
        process.arguments = ["curl", "-sS", "-g", "--max-time", "30", "-w", "\n%{http_code}"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0, let newline = text.lastIndex(of: "\n"),
            let status = Int(text[text.index(after: newline)...])
        else {
            throw InsightsProcessError(message: "curl \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return Response(status: status, body: String(text[..<newline]))
    }
}
