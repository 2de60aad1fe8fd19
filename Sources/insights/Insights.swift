import ArgumentParser
import Foundation
import NIOCore
import NIOPosix

/// The `insights` command: the Code Insights server and its command-line client.
@main
struct Insights: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insights",
        abstract: "Code Insights: attach reports and annotations to commits, and serve them.",
        discussion: """
            Run the server with `insights serve`, manage users and repositories with `insights admin`, \
            convert tool output with `insights convert` and publish it with `insights publish`; `insights proxy` adds \
            credentials to plain-http requests, as the Bitbucket Pipelines proxy does.

            Exit codes: 0 success; 1 findings at or above --fail-on (publish); 2 bad input or usage; \
            3 the server refused or failed (publish).
            """,
        version: "0.1.0",
        subcommands: [Serve.self, Admin.self, Convert.self, Publish.self, Proxy.self]
    )

    /// Runs the parsed command; usage errors exit with 2 (the documented code) instead of sysexits' 64.
    static func main() async {
        // On SQLite, by default, Swift concurrency's tasks run on SwiftNIO's event-loop threads, so an HTTP handler
        // and the I/O of its connection share a thread instead of handing each response across threads (with a
        // wake-up per write); on PostgreSQL they keep Swift's executor (TaskExecutorChoice). Must happen first, on
        // the main thread. Blocking work stays off these threads: store writes run on
        // the database's own queue, password hashing on NIO's thread pool; store reads take microseconds.
        switch TaskExecutorChoice.chosen(
            in: ProcessInfo.processInfo.environment, arguments: Array(CommandLine.arguments.dropFirst()))
        {
        case .success(.eventLoop):
            _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        case .success(.swift):
            break
        case .failure(let usage):
            FileHandle.standardError.write(Data("insights: \(usage.text)\n".utf8))
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
