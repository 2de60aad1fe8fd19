import Hummingbird
import InsightsStore
import Logging
import Prometheus

/// `GET /status` (is the database reachable?), `GET /health/live` (is the process serving?) and `GET /metrics`
/// (Prometheus text format).
struct OperationsRoutes<Store: InsightsStore>: Sendable {
    typealias Context = InsightsRequestContext

    let store: Store
    let registry: PrometheusCollectorRegistry

    /// Adds the endpoints to `router`.
    func register(on router: Router<Context>) {
        router.get("status", use: status)
        router.get("health/live", use: live)
        router.get("metrics", use: metrics)
    }

    /// Answers `{"state":"RUNNING"}` when the database answers, otherwise 503 with `{"state":"ERROR"}`.
    @Sendable func status(_ request: Request, context: Context) async throws -> Response {
        do {
            try await store.checkHealth()
            return try JSONResponse.make(ServerStatus(state: "RUNNING"))
        } catch {
            context.logger.error("Health check failed", metadata: ["error": "\(String(reflecting: error))"])
            return try JSONResponse.make(ServerStatus(state: "ERROR"), status: .serviceUnavailable)
        }
    }

    /// Answers `OK` without touching the database: a liveness probe, and the baseline of the server benchmark.
    @Sendable func live(_ request: Request, context: Context) async throws -> Response {
        Response(status: .ok, body: .init(byteBuffer: ByteBuffer(staticString: "OK")))
    }

    /// Emits every registered metric, after refreshing the stored-item gauges from the database.
    @Sendable func metrics(_ request: Request, context: Context) async throws -> Response {
        let statistics = try await store.statistics()
        // The names carry no unit suffix: they count items.
        registry.makeGauge(
            descriptor: MetricNameDescriptor(
                metricName: "insights_reports_stored", unitName: "", helpText: "Reports currently stored.")
        ).set(Double(statistics.reports))
        registry.makeGauge(
            descriptor: MetricNameDescriptor(
                metricName: "insights_annotations_stored", unitName: "", helpText: "Annotations currently stored.")
        ).set(Double(statistics.annotations))
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        return Response(
            status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
    }
}

private struct ServerStatus: Encodable {
    let state: String
}
