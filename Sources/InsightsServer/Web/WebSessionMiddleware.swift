import Hummingbird
import InsightsStore
import InsightsWeb

/// Recognises the visitor of a web page (a session cookie, or an `Authorization` header as the API takes it),
/// gives the page the CSRF token of its forms, and renders every error of a page as an HTML page or a sign-in
/// redirect.
struct WebSessionMiddleware<Store: InsightsStore>: RouterMiddleware {
    typealias Context = InsightsRequestContext

    let signIn: WebSignIn<Store>
    let authenticator: Authenticator<Store>
    let pages: WebPages

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        var visitor = WebVisitor()
        do {
            let signer = try await signIn.signer()
            if let header = request.headers[.authorization] {
                context.principal = try await authenticator.principal(forAuthorization: header)
            } else if let cookie = request.cookies[WebResponses.sessionCookie]?.value,
                let found = try await signIn.visitor(forCookie: cookie)
            {
                context.principal = found.principal
                visitor.userName = found.user.name
            }
            let csrfCookie: String
            if let existing = request.cookies[WebResponses.csrfCookie]?.value, !existing.isEmpty {
                csrfCookie = existing
            } else {
                csrfCookie = WebSignIn<Store>.newCSRFCookie()
                visitor.newCSRFCookie = csrfCookie
            }
            visitor.csrfToken = signer.csrfToken(forCookie: csrfCookie)
            context.web = visitor
            return try await next(request, context)
        } catch {
            let translated = ErrorTranslation.insightsError(from: error, logger: context.logger)
            return WebResponses.error(
                translated, request: request, visitor: visitor, renderer: pages.renderer, paths: pages.paths,
                secure: pages.secureCookies)
        }
    }
}

/// What every web handler renders with: the templates, the URL scheme and the cookie setting.
struct WebPages: Sendable {
    let renderer: PageRenderer
    let paths: WebPaths
    let secureCookies: Bool
}
