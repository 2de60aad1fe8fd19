public import Hummingbird
public import InsightsCore
import Logging

/// The per-request context: Hummingbird's core storage plus the authenticated principal.
public struct InsightsRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Who sent the request; set by ``AuthenticationMiddleware``.
    public var principal: Principal = .anonymous

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}
