import Hummingbird
import InsightsStore

/// Authenticates every request and stores the principal in the context; bad credentials end the request with 401.
struct AuthenticationMiddleware<Store: InsightsStore>: RouterMiddleware {
    typealias Context = InsightsRequestContext

    let authenticator: Authenticator<Store>

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.principal = try await authenticator.principal(
            forAuthorization: request.headers[.authorization])
        return try await next(request, context)
    }
}
