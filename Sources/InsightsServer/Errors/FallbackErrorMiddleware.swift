import Hummingbird

/// Renders errors that no dialect's group caught (a URL that matches no route, for instance) as Data Center's error
/// body, the dialect of the server's root.
struct FallbackErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as DataCenterHTTPError {
            throw error
        } catch {
            throw DataCenterHTTPError(error: ErrorTranslation.insightsError(from: error, logger: context.logger))
        }
    }
}
