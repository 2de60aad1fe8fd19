import Foundation
public import Prometheus

/// Renames the metrics Hummingbird records (OpenTelemetry-style dotted names) to Prometheus conventions.
public enum MetricNames {
    private static let names: [String: String] = [
        "hb.requests": "http_requests_total",
        "hb.request.errors": "http_request_errors_total",
        "http.server.request.duration": "http_server_request_duration_seconds",
        "http.server.active_requests": "http_server_active_requests",
    ]
    private static let labels: [String: String] = [
        "http.route": "route",
        "http.request.method": "method",
        "http.response.status_code": "status",
        "error.type": "status",
    ]

    /// A metrics factory over `registry` that applies the renaming.
    public static func makeFactory(registry: PrometheusCollectorRegistry) -> PrometheusMetricsFactory {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.nameAndLabelSanitizer = { name, dimensions in
            let renamed = names[name] ?? name.replacing(".", with: "_")
            let relabelled = dimensions.map { key, value in
                (labels[key] ?? key.replacing(".", with: "_"), value)
            }
            return (renamed, relabelled)
        }
        return factory
    }
}
