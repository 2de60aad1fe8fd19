import Hummingbird

/// Renders every error in the body of the dialect that owns the request's path, and paths no dialect owns in the
/// body of the server's default dialect. Handlers never write error JSON.
struct DialectErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The registered dialects, first match wins.
    let dialects: [any Dialect]
    /// The dialect of paths that no dialect owns.
    let fallback: any Dialect

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let path = request.uri.path
            let dialect = dialects.first { $0.owns(path) } ?? fallback
            throw dialect.httpError(for: ErrorTranslation.insightsError(from: error, logger: context.logger))
        }
    }
}
