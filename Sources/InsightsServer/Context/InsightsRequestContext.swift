public import Hummingbird
public import InsightsCore
import Logging

/// The per-request context: Hummingbird's core storage plus the authenticated principal.
public struct InsightsRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Who sent the request; set by ``AuthenticationMiddleware`` (the web pages' middleware for the web UI).
    public var principal: Principal = .anonymous
    /// The web UI's view of the request: who is signed in and the CSRF token of its forms.
    var web = WebVisitor()

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}
