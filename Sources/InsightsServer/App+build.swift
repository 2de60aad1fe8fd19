public import Hummingbird
import HummingbirdCore
public import InsightsStore
public import Logging
public import Prometheus
public import ServiceLifecycle

/// Builds the Hummingbird application: every dialect's routes, authentication, operations endpoints, and the
/// connection limits (timeouts, maximum connections, URL and head sizes) of ``ServerConfiguration``.
///
/// - Parameters:
///   - configuration: the validated server settings.
///   - store: where everything is stored.
///   - registry: the Prometheus registry that `GET /metrics` emits (the metrics system must be bootstrapped with a
///     factory over it, see ``MetricNames/makeFactory(registry:)``).
///   - logger: the root logger.
///   - services: services to run beside the server (e.g. ``RetentionService``).
///   - onServerRunning: called once the server is listening, with its bound port.
/// - Returns: the application, ready for `runService()`.
public func buildApplication<Store: InsightsStore>(
    configuration: ServerConfiguration,
    store: Store,
    registry: PrometheusCollectorRegistry,
    logger: Logger,
    services: [any Service] = [],
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = buildRouter(configuration: configuration, store: store, registry: registry)
    // Connections beyond the maximum wait in the listen backlog until one closes; every connection is held to the
    // idle and read timeouts and the URL and head limits (see `docs/operations.md`).
    return Application(
        router: router,
        server: .guardedHTTP1(limits: HTTPConnectionLimits(configuration), logger: logger),
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port), serverName: "insights",
            availableConnectionsDelegate: MaximumAvailableConnections(configuration.maxConnections, logger: logger)),
        services: services,
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}

/// Builds the router alone, for tests that drive it without a socket.
///
/// - Parameters:
///   - configuration: the validated server settings.
///   - store: where everything is stored.
///   - registry: the Prometheus registry `GET /metrics` emits.
public func buildRouter<Store: InsightsStore>(
    configuration: ServerConfiguration, store: Store, registry: PrometheusCollectorRegistry
) -> Router<InsightsRequestContext> {
    let limits = ServerLimits(
        maxAnnotationsPerReport: configuration.maxAnnotationsPerReport, maxBodyBytes: configuration.maxBodyBytes)
    let service = InsightsService(store: store, limits: limits)
    // Every dialect the server speaks; the first also renders errors on paths no dialect owns.
    let dialects: [any Dialect] = [
        DataCenterRoutes(
            service: service, commitResponses: CommitResponseCache(capacity: configuration.responseCacheBytes)),
        CloudRoutes(service: service),
    ]
    let router = Router(context: InsightsRequestContext.self)
    router.add(middleware: RequestIDMiddleware())
    router.add(middleware: RequestLogMiddleware(.info))
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: DialectErrorMiddleware(dialects: dialects, fallback: dialects[0]))
    OperationsRoutes(store: store, registry: registry).register(on: router)
    let authentication = AuthenticationMiddleware(authenticator: Authenticator(store: store))
    for dialect in dialects {
        for basePath in dialect.basePaths {
            dialect.register(on: router.group(RouterPath(basePath)).add(middleware: authentication))
        }
    }
    return router
}
