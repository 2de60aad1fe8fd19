import ArgumentParser
import Foundation
import Hummingbird
import InsightsProxy
import Logging
import ServiceLifecycle

extension Insights {
    /// `insights proxy`: the local counterpart of the Bitbucket Pipelines authentication proxy.
    struct Proxy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a forward proxy that adds credentials, like the Bitbucket Pipelines proxy.",
            discussion: """
                Requests sent through the proxy in plain http (curl --proxy http://localhost:29418 \
                http://api.bitbucket.org/2.0/…) for an allowed host are forwarded to --upstream with the same \
                method, path, query, headers and body, and an Authorization header made from the configured token: \
                Bearer, or HTTP Basic with --user. Other hosts get 403, CONNECT (https tunnelling) 405.

                The token is read from --token-file or from INSIGHTS_PROXY_TOKEN; it is never printed or logged. \
                Every other option can also be set with an INSIGHTS_PROXY_* environment variable (the option in \
                upper case, '-' as '_'; INSIGHTS_PROXY_ALLOW_HOSTS takes a comma-separated list); an option on the \
                command line wins.

                Examples:
                  INSIGHTS_PROXY_TOKEN=… insights proxy
                  insights proxy --token-file ~/.insights-token --upstream http://127.0.0.1:8080
                  insights proxy --user ci --token-file token --allow-host api.bitbucket.org --port 0
                """)

        @Option(
            help: ArgumentHelp(
                "The address to bind (env: INSIGHTS_PROXY_HOST; default: 127.0.0.1).", valueName: "address"))
        var host: String?

        @Option(
            help: ArgumentHelp(
                "The port to bind, 0 for any free one (env: INSIGHTS_PROXY_PORT; default: 29418).", valueName: "port"))
        var port: String?

        @Option(
            help: ArgumentHelp(
                "A host whose requests are forwarded; repeatable "
                    + "(env: INSIGHTS_PROXY_ALLOW_HOSTS, comma-separated; default: api.bitbucket.org).",
                valueName: "host"))
        var allowHost: [String] = []

        @Option(
            help: ArgumentHelp(
                "Where requests are forwarded (env: INSIGHTS_PROXY_UPSTREAM; default: http://127.0.0.1:7990).",
                valueName: "url"))
        var upstream: String?

        @Option(
            help: ArgumentHelp(
                "A file holding the token (trailing whitespace ignored); without it INSIGHTS_PROXY_TOKEN is used.",
                valueName: "path"),
            completion: .file())
        var tokenFile: String?

        @Option(
            help: ArgumentHelp(
                "Send the token as the password of HTTP Basic for this user instead of as a Bearer token "
                    + "(env: INSIGHTS_PROXY_USER).",
                valueName: "name"))
        var user: String?

        @Option(
            help: ArgumentHelp(
                "The largest request body forwarded; larger ones get 413 "
                    + "(env: INSIGHTS_PROXY_MAX_BODY_BYTES; default: 8388608).",
                valueName: "bytes"))
        var maxBodyBytes: String?

        @Option(
            help: ArgumentHelp(
                "trace, debug, info, notice, warning, error or critical (env: INSIGHTS_PROXY_LOG_LEVEL; default: info).",
                valueName: "level"))
        var logLevel: String?

        func run() async throws {
            let flags: [ProxyConfiguration.Key: String?] = [
                .host: host, .port: port, .allowHost: allowHost.isEmpty ? nil : allowHost.joined(separator: ","),
                .upstream: upstream, .tokenFile: tokenFile, .user: user, .maxBodyBytes: maxBodyBytes,
                .logLevel: logLevel,
            ]
            let configuration: ProxyConfiguration
            do {
                configuration = try ProxyConfiguration.resolve(
                    flags: flags.compactMapValues { $0 }, environment: ProcessInfo.processInfo.environment)
            } catch {
                throw ValidationError(error.description)
            }
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = configuration.logLevel
                return handler
            }
            let logger = Logger(label: "insights.proxy")
            let host = configuration.host
            let app = buildProxyApplication(
                configuration: configuration, logger: logger,
                onServerRunning: { port in
                    // Written unbuffered: scripts and tests wait for this line to learn the port.
                    FileHandle.standardOutput.write(Data("insights proxy listening on http://\(host):\(port)\n".utf8))
                })
            try await app.runService()
        }
    }
}
