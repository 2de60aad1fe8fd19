import HTTPTypes
import Hummingbird
import Logging

/// Echoes the request id (also in every log line of the request as `hb.request.id`) in an `X-Request-ID` header.
struct RequestIDMiddleware<Context: RequestContext>: RouterMiddleware {
    /// `X-Request-ID`; a valid token, so the failable initializer always succeeds.
    private static var headerName: HTTPField.Name? { HTTPField.Name("X-Request-ID") }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        // Read from the logger's metadata rather than `context.id`, which traps where no id was assigned.
        if let name = Self.headerName, let id = context.logger[metadataKey: "hb.request.id"] {
            response.headers[name] = id.description
        }
        return response
    }
}
