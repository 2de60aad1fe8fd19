import Foundation
public import Hummingbird
import HummingbirdCore
public import InsightsStore
import InsightsWeb
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
/// - Throws: ``WebRenderingError`` when the web UI's templates are not beside the binary.
public func buildApplication<Store: InsightsStore>(
    configuration: ServerConfiguration,
    store: Store,
    registry: PrometheusCollectorRegistry,
    logger: Logger,
    services: [any Service] = [],
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
    let components = try ServerComponents(configuration: configuration, store: store, logger: logger)
    let router = buildRouter(configuration: configuration, components: components, registry: registry)
    let refresh = MirrorRefreshService(
        views: components.views, interval: configuration.gitFetchInterval, logger: logger)
    // Connections beyond the maximum wait in the listen backlog until one closes; every connection is held to the
    // idle and read timeouts and the URL and head limits (see `docs/operations.md`).
    return Application(
        router: router,
        server: .guardedHTTP1(limits: HTTPConnectionLimits(configuration), logger: logger),
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port), serverName: "insights",
            availableConnectionsDelegate: MaximumAvailableConnections(configuration.maxConnections, logger: logger)),
        services: services + [refresh],
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}

/// Builds the router alone, for tests that drive it without a socket.
///
/// - Parameters:
///   - configuration: the validated server settings.
///   - store: where everything is stored.
///   - registry: the Prometheus registry `GET /metrics` emits.
///   - logger: where git failures of the mirrors are logged.
public func buildRouter<Store: InsightsStore>(
    configuration: ServerConfiguration, store: Store, registry: PrometheusCollectorRegistry,
    logger: Logger = Logger(label: "insights")
) throws -> Router<InsightsRequestContext> {
    buildRouter(
        configuration: configuration,
        components: try ServerComponents(configuration: configuration, store: store, logger: logger), registry: registry
    )
}

/// Builds the router over components already made (shared with the application's background services).
func buildRouter<Store: InsightsStore>(
    configuration: ServerConfiguration, components: ServerComponents<Store>, registry: PrometheusCollectorRegistry
) -> Router<InsightsRequestContext> {
    let service = components.insights
    let store = service.store
    // Every dialect the server speaks; the first also renders errors on paths no dialect owns.
    let dialects: [any Dialect] = [
        DataCenterRoutes(
            service: service, commitResponses: CommitResponseCache(capacity: configuration.responseCacheBytes)),
        CloudRoutes(service: service),
        PullRequestInsightsRoutes(views: components.views),
        PullRequestRoutes(pullRequests: components.pullRequests, views: components.views),
    ]
    let web = WebRoutes(
        views: components.views, signIn: components.signIn, pages: components.pages, eventPollInterval: .seconds(1),
        bodies: PullRequestBodyCache(capacity: 8))
    let router = Router(context: InsightsRequestContext.self)
    router.add(middleware: RequestIDMiddleware())
    router.add(middleware: RequestLogMiddleware(.info))
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: DialectErrorMiddleware(dialects: dialects + [web], fallback: dialects[0]))
    OperationsRoutes(store: store, registry: registry).register(on: router)
    let authenticator = Authenticator(store: store)
    let authentication = AuthenticationMiddleware(authenticator: authenticator)
    for dialect in dialects {
        for basePath in dialect.basePaths {
            dialect.register(on: router.group(RouterPath(basePath)).add(middleware: authentication))
        }
    }
    web.register(
        on: router.group().add(
            middleware: WebSessionMiddleware(
                signIn: components.signIn, authenticator: authenticator, pages: components.pages)))
    return router
}

/// The services behind the routes, made once per application so routes and background services share them.
struct ServerComponents<Store: InsightsStore>: Sendable {
    /// The dialect-neutral insights operations.
    let insights: InsightsService<Store>
    /// Pull requests of git-backed repositories.
    let pullRequests: PullRequestService<Store>
    /// Placed insights and merge checks of pull requests.
    let views: PullRequestInsightsService<Store>
    /// Web sign-in and sessions.
    let signIn: WebSignIn<Store>
    /// The web UI's templates and settings.
    let pages: WebPages

    /// Makes the components.
    ///
    /// - Throws: ``WebRenderingError`` when the web UI's templates are not beside the binary.
    init(configuration: ServerConfiguration, store: Store, logger: Logger) throws {
        let limits = ServerLimits(
            maxAnnotationsPerReport: configuration.maxAnnotationsPerReport, maxBodyBytes: configuration.maxBodyBytes)
        let mirrors = RepositoryMirrors(
            directory: MirrorLayout.mirrorsDirectory(in: configuration.dataDirectory),
            timeout: configuration.gitTimeout, logger: logger)
        insights = InsightsService(store: store, limits: limits, mirrors: mirrors)
        pullRequests = PullRequestService(insights: insights)
        views = PullRequestInsightsService(pullRequests: pullRequests, cache: PlacementCache(capacity: 64))
        signIn = WebSignIn(store: store, lifetime: TimeInterval(configuration.webSessionHours * 3600))
        pages = WebPages(
            renderer: try PageRenderer(), paths: WebPaths(), secureCookies: configuration.secureCookies)
    }
}
