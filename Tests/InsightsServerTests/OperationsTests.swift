import CoreMetrics
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InsightsCore
import InsightsSQLite
import InsightsServer
import InsightsStore
import Logging
import NIOCore
import Prometheus
import Synchronization
import Testing

/// Status, metrics, the OpenAPI document, retention and configuration.
@Suite struct OperationsTests {
    @Test func statusReportsARunningDatabase() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let response = try await client.send(.get, "/status", headers: server.headers(nil))
            #expect(response.status == .ok)
            #expect(try response.json() == .object(["state": .string("RUNNING")]))
        }
    }

    @Test func livenessAnswersWithoutCredentials() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let response = try await client.send(.get, "/health/live", headers: server.headers(nil))
            #expect(response.status == .ok)
            #expect(response.text == "OK")
        }
    }

    @Test func metricsExposeStoredTotalsInPrometheusFormat() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let alice = server.headers("alice")
            try await client.send(.put, DC.report(), headers: alice, json: #"{"title":"t"}"#)
            try await client.send(
                .post, DC.annotations(), headers: alice, json: #"{"annotations":[{"message":"m","severity":"LOW"}]}"#)
            let response = try await client.send(.get, "/metrics", headers: server.headers(nil))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
            #expect(response.text.contains("insights_reports_stored 1"))
            #expect(response.text.contains("insights_annotations_stored 1"))
        }
    }

    @Test func metricNamesFollowPrometheusConventions() {
        let registry = PrometheusCollectorRegistry()
        let factory = MetricNames.makeFactory(registry: registry)
        let counter = factory.makeCounter(
            label: "hb.requests",
            dimensions: [
                ("http.route", "/status"), ("http.request.method", "GET"), ("http.response.status_code", "200"),
            ])
        counter.increment(by: 1)
        let text = registry.emitToString()
        #expect(text.contains(#"http_requests_total{route="/status",method="GET",status="200"} 1"#))
    }

    @Test(arguments: [
        ("openapi-datacenter.json", "/rest/insights/latest"), ("openapi-cloud.json", "/2.0"),
    ])
    func openAPIDocumentDescribesExactlyTheRoutesThatExist(resource: String, basePath: String) async throws {
        let server = try await TestServer.make()
        let router = try buildRouter(
            configuration: server.configuration, store: server.store, registry: PrometheusCollectorRegistry())
        let source = Self.resources.appendingPathComponent(resource)
        let document = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: source))
        #expect(document["openapi"] == .string("3.1.0"))
        var documented = Set<String>()
        for (path, item) in document["paths"]?.members ?? [:] {
            for method in item.keys where method != "parameters" {
                documented.insert("\(method.uppercased()) \(basePath)\(path)")
            }
        }
        let served = Set(
            router.routes.map { "\($0.method) \($0.path)" }
                .filter { $0.contains("\(basePath)/") }
                .map { route in
                    route.replacingOccurrences(of: #":(\w+)"#, with: "{$1}", options: .regularExpression)
                })
        #expect(!served.isEmpty)
        #expect(documented == served)
    }

    /// The server's resources as committed, read from the source tree.
    static let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/InsightsServer/Resources")

    @Test func openAPIDocumentIsServed() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let response = try await client.send(
                .get, "/rest/insights/latest/openapi.json", headers: server.headers(nil))
            #expect(response.status == .ok)
            #expect(try response.json()["openapi"] == .string("3.1.0"))
        }
    }

    @Test func retentionDeletesOnlyReportsPastTheirPeriod() async throws {
        let clock = Mutex(Date(timeIntervalSince1970: 1_700_000_000))
        let environment = StoreEnvironment(now: { clock.withLock { $0 } }, makeUUID: { UUID() })
        let server = try await TestServer.make(environment: environment)
        let retention = RetentionService(
            store: server.store, retentionDays: 60, interval: .seconds(3600), now: { clock.withLock { $0 } },
            logger: Logger(label: "test"))
        try await server.test { client in
            let alice = server.headers("alice")
            try await client.send(.put, DC.report("old"), headers: alice, json: #"{"title":"t"}"#)
            try await client.send(
                .post, DC.annotations("old"), headers: alice,
                json: #"{"annotations":[{"message":"m","severity":"LOW"}]}"#)
            clock.withLock { $0 += 30 * 86400 }
            try await client.send(.put, DC.report("recent"), headers: alice, json: #"{"title":"t"}"#)
            clock.withLock { $0 += 30 * 86400 - 1 }
            #expect(try await retention.runOnce() == 0, "exactly 60 days minus a second is kept")
            clock.withLock { $0 += 2 }
            #expect(try await retention.runOnce() == 1)
            #expect(try await client.send(.get, DC.report("old"), headers: alice).status == .notFound)
            #expect(try await client.send(.get, DC.report("recent"), headers: alice).status == .ok)
            #expect(try await server.store.statistics() == StoreStatistics(reports: 1, annotations: 0))
        }
    }

    @Test(arguments: ["mysql://u:secret@db/insights", "postgres://", "/var/lib/insights.sqlite"])
    func configurationRefusesADatabaseThatIsNotAPostgresURL(url: String) throws {
        let error = #expect(throws: ConfigurationError.self) {
            try ServerConfiguration.resolve(flags: [.database: url], environment: [:])
        }
        #expect(error?.description.contains("--database (INSIGHTS_DATABASE_URL)") == true)
        #expect(error?.description.contains("secret") == false)
    }

    @Test func theDatabaseLocationIsShownWithoutItsPassword() {
        #expect(
            StoreLocation.postgres(url: "postgres://insights:s3cret@db.example.com:5432/insights").displayName
                == "postgres://insights@db.example.com:5432/insights")
        #expect(StoreLocation.postgres(url: "postgres://insights@db/x").displayName == "postgres://insights@db/x")
    }

    @Test func configurationReadsFlagsOverEnvironmentOverDefaults() throws {
        let defaults = try ServerConfiguration.resolve(flags: [:], environment: [:])
        #expect(defaults.host == "127.0.0.1")
        #expect(defaults.port == 7990)
        #expect(defaults.maxAnnotationsPerReport == 1000)
        #expect(defaults.retentionDays == 60)
        #expect(defaults.dataDirectory.lastPathComponent == "insights-data")
        #expect(defaults.responseCacheBytes == 64 * 1024 * 1024)
        #expect(defaults.idleTimeout == .seconds(60))
        #expect(defaults.readTimeout == .seconds(30))
        #expect(defaults.maxConnections == 1024)
        #expect(defaults.gitFetchInterval == .seconds(60))
        #expect(defaults.gitTimeout == .seconds(120))
        #expect(defaults.webSessionHours == 12 && defaults.secureCookies == false)
        #expect(
            defaults.store
                == StoreSettings(location: .sqlite(file: URL(fileURLWithPath: "insights-data/insights.sqlite"))))
        let environment = [
            "INSIGHTS_HOST": "0.0.0.0", "INSIGHTS_PORT": "8080", "INSIGHTS_DATA_DIR": "/tmp/x",
            "INSIGHTS_MAX_ANNOTATIONS_PER_REPORT": "50", "INSIGHTS_RETENTION_DAYS": "7",
            "INSIGHTS_RETENTION_INTERVAL_SECONDS": "60", "INSIGHTS_MAX_BODY_BYTES": "4096",
            "INSIGHTS_RESPONSE_CACHE_BYTES": "0", "INSIGHTS_LOG_LEVEL": "debug",
            "INSIGHTS_IDLE_TIMEOUT_SECONDS": "5", "INSIGHTS_READ_TIMEOUT_SECONDS": "3",
            "INSIGHTS_MAX_CONNECTIONS": "10", "INSIGHTS_GIT_FETCH_INTERVAL_SECONDS": "0",
            "INSIGHTS_GIT_TIMEOUT_SECONDS": "9", "INSIGHTS_WEB_SESSION_HOURS": "2", "INSIGHTS_SECURE_COOKIES": "true",
            "INSIGHTS_DATABASE_URL": "postgres://u:p@db:5433/insights", "INSIGHTS_DATABASE_POOL_SIZE": "7",
            "INSIGHTS_DATABASE_CONNECT_TIMEOUT_SECONDS": "2", "INSIGHTS_DATABASE_QUERY_TIMEOUT_SECONDS": "4",
        ]
        #expect(Set(ServerConfiguration.Key.allCases.map(\.environmentVariable)) == Set(environment.keys))
        let fromEnvironment = try ServerConfiguration.resolve(flags: [:], environment: environment)
        #expect(fromEnvironment.host == "0.0.0.0")
        #expect(fromEnvironment.port == 8080)
        #expect(
            fromEnvironment.store
                == StoreSettings(
                    location: .postgres(url: "postgres://u:p@db:5433/insights"), poolSize: 7,
                    connectTimeout: .seconds(2), queryTimeout: .seconds(4)))
        #expect(fromEnvironment.dataDirectory.path == "/tmp/x")
        #expect(
            try ServerConfiguration.resolve(flags: [:], environment: ["INSIGHTS_DATA_DIR": "/tmp/x"]).store.location
                == .sqlite(file: URL(fileURLWithPath: "/tmp/x/insights.sqlite")))
        #expect(fromEnvironment.maxAnnotationsPerReport == 50)
        #expect(fromEnvironment.retentionDays == 7)
        #expect(fromEnvironment.retentionInterval == .seconds(60))
        #expect(fromEnvironment.maxBodyBytes == 4096)
        #expect(fromEnvironment.responseCacheBytes == 0)
        #expect(fromEnvironment.logLevel == .debug)
        #expect(fromEnvironment.idleTimeout == .seconds(5))
        #expect(fromEnvironment.readTimeout == .seconds(3))
        #expect(fromEnvironment.maxConnections == 10)
        #expect(fromEnvironment.gitFetchInterval == .zero && fromEnvironment.gitTimeout == .seconds(9))
        #expect(fromEnvironment.webSessionHours == 2 && fromEnvironment.secureCookies)
        let flagged = try ServerConfiguration.resolve(flags: [.port: "9000"], environment: environment)
        #expect(flagged.port == 9000)
        let flaggedLimits = try ServerConfiguration.resolve(
            flags: [.idleTimeoutSeconds: "7", .readTimeoutSeconds: "4", .maxConnections: "20"], environment: environment
        )
        #expect(flaggedLimits.idleTimeout == .seconds(7))
        #expect(flaggedLimits.readTimeout == .seconds(4))
        #expect(flaggedLimits.maxConnections == 20)
        for (key, value) in [
            (ServerConfiguration.Key.idleTimeoutSeconds, "0"), (.readTimeoutSeconds, "x"), (.maxConnections, "0"),
            (.webSessionHours, "0"), (.secureCookies, "maybe"),
        ] {
            #expect(throws: ConfigurationError.self) {
                try ServerConfiguration.resolve(flags: [key: value], environment: [:])
            }
        }
        #expect(throws: ConfigurationError.self) {
            try ServerConfiguration.resolve(flags: [.port: "http"], environment: [:])
        }
        #expect(throws: ConfigurationError.self) {
            try ServerConfiguration.resolve(flags: [:], environment: ["INSIGHTS_RETENTION_DAYS": "0"])
        }
        #expect(throws: ConfigurationError.self) {
            try ServerConfiguration.resolve(flags: [.responseCacheBytes: "-1"], environment: [:])
        }
    }
}
