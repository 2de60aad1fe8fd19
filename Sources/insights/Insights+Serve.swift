import ArgumentParser
import Foundation
import Hummingbird
import InsightsServer
import InsightsStorage
import InsightsStore
import Logging
import Metrics
import NIOCore
import Prometheus
import ServiceLifecycle

extension Insights {
    /// `insights serve`: runs the HTTP server on the embedded SQLite database.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the Code Insights server.",
            discussion: """
                Every option can also be set with an INSIGHTS_* environment variable (the option in upper case, \
                '-' as '_'); an option on the command line wins.

                Examples:
                  insights serve
                  insights serve --port 8080 --data-dir /var/lib/insights
                  insights serve --database postgres://insights:secret@db.example.com/insights
                  INSIGHTS_RETENTION_DAYS=30 insights serve
                """)

        @OptionGroup var store: StoreOptions

        @Option(
            help: ArgumentHelp("The address to bind (env: INSIGHTS_HOST; default: 127.0.0.1).", valueName: "address"))
        var host: String?

        @Option(
            help: ArgumentHelp(
                "The port to bind, 0 for any free one (env: INSIGHTS_PORT; default: 7990).", valueName: "port"))
        var port: String?

        @Option(
            help: ArgumentHelp(
                "The most annotations a report may hold (env: INSIGHTS_MAX_ANNOTATIONS_PER_REPORT; default: 1000).",
                valueName: "count"))
        var maxAnnotationsPerReport: String?

        @Option(
            help: ArgumentHelp(
                "Days a report is kept after its last write (env: INSIGHTS_RETENTION_DAYS; default: 60).",
                valueName: "days"))
        var retentionDays: String?

        @Option(
            help: ArgumentHelp(
                "Seconds between retention passes (env: INSIGHTS_RETENTION_INTERVAL_SECONDS; default: 3600).",
                valueName: "seconds"))
        var retentionIntervalSeconds: String?

        @Option(
            help: ArgumentHelp(
                "The largest request body accepted (env: INSIGHTS_MAX_BODY_BYTES; default: 8388608).",
                valueName: "bytes"))
        var maxBodyBytes: String?

        @Option(
            help: ArgumentHelp(
                "Memory for rendered commit-wide annotation responses; 0 turns the cache off "
                    + "(env: INSIGHTS_RESPONSE_CACHE_BYTES; default: 67108864).",
                valueName: "bytes"))
        var responseCacheBytes: String?

        @Option(
            help: ArgumentHelp(
                "Seconds a keep-alive connection may wait for its next request "
                    + "(env: INSIGHTS_IDLE_TIMEOUT_SECONDS; default: 60).",
                valueName: "seconds"))
        var idleTimeoutSeconds: String?

        @Option(
            help: ArgumentHelp(
                "Seconds a request's headers may take from their first byte, and its body may pause; "
                    + "408 or close after that (env: INSIGHTS_READ_TIMEOUT_SECONDS; default: 30).",
                valueName: "seconds"))
        var readTimeoutSeconds: String?

        @Option(
            help: ArgumentHelp(
                "The most connections open at once; more wait until one closes "
                    + "(env: INSIGHTS_MAX_CONNECTIONS; default: 1024).",
                valueName: "count"))
        var maxConnections: String?

        @Option(
            help: ArgumentHelp(
                "Seconds between fetches of linked git repositories, 0 for none "
                    + "(env: INSIGHTS_GIT_FETCH_INTERVAL_SECONDS; default: 60).",
                valueName: "seconds"))
        var gitFetchIntervalSeconds: String?

        @Option(
            help: ArgumentHelp(
                "Seconds one git command (a fetch, a diff) may run (env: INSIGHTS_GIT_TIMEOUT_SECONDS; default: 120).",
                valueName: "seconds"))
        var gitTimeoutSeconds: String?

        @Option(
            help: ArgumentHelp(
                "Hours a sign-in to the web UI lasts (env: INSIGHTS_WEB_SESSION_HOURS; default: 12).",
                valueName: "hours"))
        var webSessionHours: String?

        @Option(
            help: ArgumentHelp(
                "true to mark the web UI's cookies Secure (https only), behind a TLS proxy "
                    + "(env: INSIGHTS_SECURE_COOKIES; default: false).",
                valueName: "true|false"))
        var secureCookies: String?

        @Option(
            help: ArgumentHelp(
                "trace, debug, info, notice, warning, error or critical (env: INSIGHTS_LOG_LEVEL; default: info).",
                valueName: "level"))
        var logLevel: String?

        func run() async throws {
            let configuration = try store.configuration(
                flags: [
                    .host: host, .port: port, .maxAnnotationsPerReport: maxAnnotationsPerReport,
                    .retentionDays: retentionDays, .retentionIntervalSeconds: retentionIntervalSeconds,
                    .maxBodyBytes: maxBodyBytes, .responseCacheBytes: responseCacheBytes, .logLevel: logLevel,
                    .idleTimeoutSeconds: idleTimeoutSeconds, .readTimeoutSeconds: readTimeoutSeconds,
                    .maxConnections: maxConnections, .gitFetchIntervalSeconds: gitFetchIntervalSeconds,
                    .gitTimeoutSeconds: gitTimeoutSeconds, .webSessionHours: webSessionHours,
                    .secureCookies: secureCookies,
                ].compactMapValues { $0 })
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = configuration.logLevel
                return handler
            }
            let logger = Logger(label: "insights.server")
            let registry = PrometheusCollectorRegistry()
            MetricsSystem.bootstrap(MetricNames.makeFactory(registry: registry))

            FileHandle.standardOutput.write(Data((StoreOptions.databaseLine(configuration) + "\n").utf8))
            let opened = try await StoreOptions.open(configuration, for: "insights serve", logger: logger)
            do {
                try await Self.serve(opened.store, configuration: configuration, registry: registry, logger: logger)
            } catch {
                await opened.close()
                throw error
            }
            // After the server has drained its requests: the store is closed last.
            await opened.close()
        }

        /// Runs the server on `store` until it is stopped.
        private static func serve(
            _ store: some InsightsStore, configuration: ServerConfiguration, registry: PrometheusCollectorRegistry,
            logger: Logger
        ) async throws {
            let retention = RetentionService(
                store: store, retentionDays: configuration.retentionDays, interval: configuration.retentionInterval,
                logger: logger)
            let host = configuration.host
            let app = try buildApplication(
                configuration: configuration, store: store, registry: registry, logger: logger,
                services: [retention],
                onServerRunning: { port in
                    // Written unbuffered: scripts and tests wait for this line to learn the port.
                    FileHandle.standardOutput.write(Data("insights listening on http://\(host):\(port)\n".utf8))
                })
            do {
                try await app.runService()
            } catch let error as IOError where error.errnoCode == EADDRINUSE {
                let message =
                    "insights serve: cannot listen on \(host):\(configuration.port): the address is already in use; "
                    + "stop the process using it, or choose another port with --port (or INSIGHTS_PORT).\n"
                FileHandle.standardError.write(Data(message.utf8))
                throw ExitCode.failure
            }
        }
    }
}
