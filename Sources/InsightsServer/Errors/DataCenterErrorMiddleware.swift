import Hummingbird

/// Renders every error thrown below it as Data Center's error body. Handlers never write error JSON.
struct DataCenterErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            throw DataCenterHTTPError(error: ErrorTranslation.insightsError(from: error, logger: context.logger))
        }
    }
}
