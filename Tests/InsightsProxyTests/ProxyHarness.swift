import Foundation
import Hummingbird
import InsightsProxy
import Logging
import NIOCore
import NIOPosix

/// Runs the proxy in-process on a free port, in front of an ``EchoUpstream`` on another free port, for one test.
struct ProxyHarness: Sendable {
    /// The proxy's port.
    let proxyPort: Int
    /// The upstream's port (nothing listens there when the upstream was not started).
    let upstreamPort: Int

    static let token = "s3cr3t-proxy-token"

    /// Starts both servers, runs `body`, then stops them.
    ///
    /// - Parameters:
    ///   - credentials: the credential the proxy adds.
    ///   - upstreamRunning: false points the proxy at a port nothing listens on.
    ///   - configure: further changes to the proxy's configuration.
    static func run(
        credentials: ProxyCredentials = .bearer(token: token), upstreamRunning: Bool = true,
        configure: @Sendable (inout ProxyConfiguration) -> Void = { _ in },
        _ body: @Sendable (ProxyHarness) async throws -> Void
    ) async throws {
        let quiet = Logger(label: "insights.proxy.tests") { _ in SwiftLogNoOpLogHandler() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            let upstreamPort: Int
            if upstreamRunning {
                let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
                let upstream = Application(
                    responder: EchoUpstream(), configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                    onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
                    logger: quiet)
                group.addTask { try await upstream.run() }
                upstreamPort = await ports.first { _ in true } ?? 0
            } else {
                upstreamPort = try unusedPort()
            }
            var configuration = ProxyConfiguration(credentials: credentials)
            configuration.port = 0
            configuration.upstream = URL(string: "http://127.0.0.1:\(upstreamPort)") ?? configuration.upstream
            configure(&configuration)
            let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
            let proxy = buildProxyApplication(configuration: configuration, logger: quiet) { port in
                continuation.yield(port)
            }
            group.addTask { try await proxy.run() }
            let proxyPort = await ports.first { _ in true } ?? 0
            defer { group.cancelAll() }
            try await body(ProxyHarness(proxyPort: proxyPort, upstreamPort: upstreamPort))
        }
    }

    /// A port that was free a moment ago: bound, read and released.
    static func unusedPort() throws -> Int {
        let channel = try ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).wait()
        let port = channel.localAddress?.port ?? 1
        try channel.close().wait()
        return port
    }

    /// What curl got: status and body.
    struct CurlResult: Sendable {
        var status: Int
        var body: String
        var errors: String

        /// The body decoded as what the upstream echoed.
        func echoed() throws -> EchoedRequest {
            try JSONDecoder().decode(EchoedRequest.self, from: Data(body.utf8))
        }
    }

    /// Runs `curl --proxy http://127.0.0.1:<proxy>` with `arguments`, without blocking a thread while it runs.
    ///
    /// - Parameters:
    ///   - arguments: curl's arguments after the proxy option, e.g. `["-X", "PUT", url]`.
    ///   - throughProxy: false sends the request to the proxy directly, in origin form.
    func curl(_ arguments: [String], throughProxy: Bool = true) async throws -> CurlResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let proxy = throughProxy ? ["--proxy", "http://127.0.0.1:\(proxyPort)"] : []
        process.arguments = ["curl", "-sS", "--max-time", "30", "-w", "\n%{http_code}"] + proxy + arguments
        var environment = ProcessInfo.processInfo.environment
        for name in ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY", "no_proxy"] {
            environment[name] = nil
        }
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let status = Int(text.split(separator: "\n", omittingEmptySubsequences: false).last ?? "") ?? 0
        let body = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().joined(separator: "\n")
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return CurlResult(status: status, body: body, errors: stderr)
    }

    /// Sends `request` as raw bytes to the proxy and returns everything it answers until it closes the connection.
    ///
    /// - Parameter request: the whole request, with `\r\n` line ends; send `Connection: close`.
    func raw(_ request: String) async throws -> String {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: proxyPort) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(string: request))
            var answer = ""
            for try await buffer in inbound { answer += String(buffer: buffer) }
            return answer
        }
    }
}
