import Foundation

/// A throw-away PostgreSQL cluster of one test's own, made by `scripts/postgres-cluster.sh`: it listens on one port
/// from ``start()`` to ``stop()``, also across ``pause()`` and ``resume()``.
struct PostgresCluster: Sendable {
    /// `scripts/postgres-cluster.sh` of this package.
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/postgres-cluster.sh")

    /// The cluster's folder (its data, socket and server log).
    let directory: URL
    /// `postgres://insights:…@127.0.0.1:PORT/insights`, a database the `insights` role owns.
    let url: String

    /// Where the script's diagnostics go: beside the cluster's folder, which must be empty when it starts.
    private var scriptLog: URL { directory.appendingPathExtension("log") }

    /// Creates and starts a cluster in a new temporary folder.
    ///
    /// - Throws: ``InsightsProcessError`` with the script's diagnostics when it fails; the half-made cluster is
    ///   removed.
    static func start() throws -> PostgresCluster {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "insights-postgres-\(UUID().uuidString)")
        let starting = PostgresCluster(directory: directory, url: "")
        do {
            let output = try starting.runScript("start")
            let prefix = "INSIGHTS_TEST_POSTGRES_URL="
            guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else {
                throw InsightsProcessError(message: "postgres-cluster.sh start printed no URL: \(output)")
            }
            return PostgresCluster(directory: directory, url: String(line.dropFirst(prefix.count)))
        } catch {
            starting.stop()
            throw error
        }
    }

    /// Stops the server, keeping the cluster and its port for ``resume()``.
    func pause() throws {
        try runScript("pause")
    }

    /// Starts the paused server again on the same port and waits until it accepts connections.
    func resume() throws {
        try runScript("resume")
    }

    /// Stops the server if it runs and removes the cluster; never throws, so it can run in a `defer`.
    func stop() {
        if FileManager.default.fileExists(atPath: directory.path) { _ = try? runScript("stop") }
        try? FileManager.default.removeItem(at: scriptLog)
    }

    /// Runs the script's `command` on ``directory``.
    ///
    /// - Returns: the script's standard output.
    /// - Throws: ``InsightsProcessError`` with its standard error when it fails.
    @discardableResult
    private func runScript(_ command: String) throws -> String {
        guard FileManager.default.createFile(atPath: scriptLog.path, contents: nil) else {
            throw InsightsProcessError(message: "cannot create \(scriptLog.path)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Self.script.path, command, directory.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: scriptLog)
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let errors = (try? String(contentsOf: scriptLog, encoding: .utf8)) ?? ""
            throw InsightsProcessError(message: "postgres-cluster.sh \(command) failed: \(errors)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
