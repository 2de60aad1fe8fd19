import Foundation

/// Runs `psql`, PostgreSQL's own client, which the test machine has with the server.
enum PSQL {
    /// The newest `psql` of Debian's versioned folders, or `/usr/bin/psql`.
    static let executable: URL = {
        let root = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        let newest = versions.compactMap(Int.init).sorted().last { version in
            FileManager.default.isExecutableFile(atPath: root.appendingPathComponent("\(version)/bin/psql").path)
        }
        if let newest { return root.appendingPathComponent("\(newest)/bin/psql") }
        return URL(fileURLWithPath: "/usr/bin/psql")
    }()

    /// Runs one SQL command on the database at `url`.
    ///
    /// - Returns: what it printed, unaligned and without headers.
    /// - Throws: ``InsightsProcessError`` with psql's standard error when the command fails.
    @discardableResult
    static func run(_ sql: String, on url: String) throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = [
            "--no-psqlrc", "--quiet", "--tuples-only", "--no-align", "--set=ON_ERROR_STOP=1",
            "--command=\(sql)", url,
        ]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw InsightsProcessError(
                message: "psql -c '\(sql)' failed: \(String(decoding: errorData, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
