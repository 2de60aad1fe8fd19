import Foundation

/// A real `insights serve` with a fresh data directory and a CI token for `PROJ/my-repo`, plus a scratch directory
/// for inputs; the REST helpers read back what `insights publish` stored.
struct PublishTestServer {
    let server: InsightsProcess
    /// The token from `admin init`; never printed.
    let token: String
    /// A scratch directory outside any git repository, for generated inputs and as the working directory.
    let workspace: URL

    /// Initialises a data directory and starts the server.
    ///
    /// - Parameter arguments: further `serve` options.
    static func start(_ arguments: [String] = []) throws -> PublishTestServer {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("insights-publish-e2e-\(UUID())")
        let dataDirectory = root.appendingPathComponent("data")
        let workspace = root.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        let output = try InsightsProcess.run([
            "admin", "init", "--user", "ci", "--repository", "PROJ/my-repo", "--data-dir", dataDirectory.path,
        ])
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("export INSIGHTS_TOKEN=") }) else {
            throw InsightsProcessError(message: "admin init printed no token line")
        }
        let server = InsightsProcess(dataDirectory: dataDirectory)
        try server.start(arguments: arguments)
        return PublishTestServer(
            server: server, token: String(line.dropFirst("export INSIGHTS_TOKEN=".count)), workspace: workspace)
    }

    /// Stops the server and removes its files.
    func stop() {
        server.terminate()
        try? FileManager.default.removeItem(at: workspace.deletingLastPathComponent())
    }

    /// The options naming this server and repository, commit and key.
    func targetArguments(commit: String, key: String) -> [String] {
        ["--url", server.baseURL, "--project", "PROJ", "--repo", "my-repo", "--commit", commit, "--key", key]
    }

    /// Runs `insights publish` against this server with its token.
    ///
    /// - Parameters:
    ///   - arguments: options and files after the target options.
    ///   - commit: the commit to publish on.
    ///   - key: the report key.
    ///   - directory: the working directory; the scratch workspace by default.
    ///   - token: the token to send; this server's by default.
    func publish(
        _ arguments: [String], commit: String, key: String, in directory: URL? = nil, token: String? = nil
    ) throws -> PublishRun {
        try PublishRun.run(
            targetArguments(commit: commit, key: key) + arguments, token: token ?? self.token,
            in: directory ?? workspace)
    }

    /// The report's URL.
    func reportURL(commit: String, key: String) -> String {
        "\(server.baseURL)/rest/insights/latest/projects/PROJ/repos/my-repo/commits/\(commit)/reports/\(key)"
    }

    /// Reads a report through the REST API; `nil` when the server answers 404.
    func report(commit: String, key: String) async throws -> StoredReport? {
        let response = try await HTTP.send("GET", reportURL(commit: commit, key: key), token: token)
        if response.status == 404 { return nil }
        guard response.status == 200 else {
            throw InsightsProcessError(message: "GET report answered \(response.status): \(response.text)")
        }
        return try JSONDecoder().decode(StoredReport.self, from: response.body)
    }

    /// Reads a report's annotations through the REST API.
    func annotations(commit: String, key: String) async throws -> StoredAnnotations {
        let response = try await HTTP.send("GET", reportURL(commit: commit, key: key) + "/annotations", token: token)
        guard response.status == 200 else {
            throw InsightsProcessError(message: "GET annotations answered \(response.status): \(response.text)")
        }
        return try JSONDecoder().decode(StoredAnnotations.self, from: response.body)
    }

    /// Counts the reports on a commit through the REST API.
    func reportCount(commit: String) async throws -> Int {
        let url = "\(server.baseURL)/rest/insights/latest/projects/PROJ/repos/my-repo/commits/\(commit)/reports"
        let response = try await HTTP.send("GET", url, token: token)
        guard response.status == 200 else {
            throw InsightsProcessError(message: "GET reports answered \(response.status): \(response.text)")
        }
        return try JSONDecoder().decode(ReportPage.self, from: response.body).values.count
    }

    private struct ReportPage: Decodable {
        struct Value: Decodable { let key: String }
        let values: [Value]
    }
}
