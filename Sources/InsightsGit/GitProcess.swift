import Foundation

/// Starts one `git` process (with ``ProcessSpawner``, not Foundation's `Process`), collects its output through
/// temporary files (so a large diff can never fill a pipe and block), and stops it after a timeout.
enum GitProcess {
    /// What a finished process left behind.
    struct Result: Sendable {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    private enum Outcome: Sendable {
        case exited(Int32)
        case timedOut
    }

    /// Runs the executable with the arguments in the directory.
    ///
    /// - Parameters:
    ///   - environment: variables set for this process on top of the inherited environment (e.g.
    ///     `GIT_TERMINAL_PROMPT=0`); empty (the default) leaves the inherited environment untouched.
    /// - Throws: ``GitError`` (`launchFailed` or `timedOut`).
    static func run(
        executable: URL, arguments: [String], directory: URL, timeout: Duration, environment: [String: String] = [:]
    ) async throws(GitError) -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "insights-git-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outputURL = scratch.appendingPathComponent("stdout")
        let errorURL = scratch.appendingPathComponent("stderr")
        let child: ProcessSpawner.Child
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            // Not a configuration read: the child gets exactly what it would inherit, plus the overrides.
            child = try ProcessSpawner.spawn(
                executable: executable.path, arguments: arguments, directory: directory.path,
                environment: ProcessInfo.processInfo.environment.merging(environment) { $1 },
                standardOutput: outputURL.path, standardError: errorURL.path)
        } catch {
            throw GitError(
                code: .launchFailed, arguments: arguments,
                message: "could not start \(executable.path): \(error)")
        }
        let outcome = await withTaskGroup(of: Outcome.self) { group in
            group.addTask { .exited(await child.waitForExit()) }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return .timedOut
            }
            let first = await group.next() ?? .timedOut
            if case .timedOut = first {
                child.stop()
                // Reap the stopped child before its files go.
                _ = await group.next()
            }
            group.cancelAll()
            return first
        }
        guard case .exited(let status) = outcome else {
            throw GitError(
                code: .timedOut, arguments: arguments, message: "git did not finish within \(timeout) and was stopped.")
        }
        let output = (try? Data(contentsOf: outputURL)) ?? Data()
        let errors = (try? Data(contentsOf: errorURL)) ?? Data()
        return Result(
            status: status,
            standardOutput: String(decoding: output, as: UTF8.self),
            standardError: String(decoding: errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
