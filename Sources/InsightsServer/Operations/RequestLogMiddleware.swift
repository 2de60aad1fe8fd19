import HTTPTypes
import Hummingbird
import Logging

/// Logs one line per request once its response is ready: method, path, status and duration in milliseconds.
///
/// The line goes through `context.logger`, so it carries the request id (`hb.request.id`) that
/// ``RequestIDMiddleware`` echoes. Only the path is logged: never the query string (which may carry a token), the
/// body or the `Authorization` header. Requests that are refused (401, 403, 404, …) leave a trace as well.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The level of the per-request line.
    let level: Logger.Level

    /// Creates the middleware.
    ///
    /// - Parameter level: the level of the per-request line; `info` by default.
    init(_ level: Logger.Level = .info) {
        self.level = level
    }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, status: response.status, since: start, logger: context.logger)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            log(request, status: status, since: start, logger: context.logger)
            throw error
        }
    }

    private func log(
        _ request: Request, status: HTTPResponse.Status, since start: ContinuousClock.Instant, logger: Logger
    ) {
        let elapsed = ContinuousClock.now - start
        let components = elapsed.components
        let milliseconds = Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
        let duration = (milliseconds * 10).rounded() / 10
        logger.log(
            level: level, "\(request.method) \(request.uri.path) \(status.code) \(duration) ms",
            metadata: ["http.status": "\(status.code)", "http.duration_ms": "\(duration)"])
    }
}
