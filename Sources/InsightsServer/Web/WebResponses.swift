import Foundation
import HTTPTypes
import Hummingbird
import InsightsCore
import InsightsWeb
import NIOCore

/// The HTTP side of the web pages: HTML with the security headers, redirects, cookies and error pages.
enum WebResponses {
    /// The session cookie's name.
    static let sessionCookie = "insights_session"
    /// The name of the browser's CSRF cookie, which the forms' tokens are bound to.
    static let csrfCookie = "insights_csrf"

    /// What every page forbids: scripts and styles only from this server (no inline script), images also from
    /// http(s) (report logos), no framing, forms only to this server.
    static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' https: http:; object-src 'none'; base-uri 'none'; form-action 'self'; "
        + "frame-ancestors 'none'"

    /// An HTML page.
    static func html(_ body: String, status: HTTPResponse.Status = .ok, visitor: WebVisitor, secure: Bool) -> Response {
        var headers = securityHeaders()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        var response = Response(
            status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
        if let value = visitor.newCSRFCookie { response.setCookie(csrfCookie(value, secure: secure)) }
        return response
    }

    /// A redirect after a form (303, so the browser follows with GET).
    static func redirect(to location: String, cookies: [Cookie] = []) -> Response {
        var headers = securityHeaders()
        headers[.location] = location
        var response = Response(status: .seeOther, headers: headers)
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }

    private static let referrerPolicy = HTTPField.Name("Referrer-Policy")

    /// The headers of every web response.
    static func securityHeaders() -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        if let referrerPolicy { headers[referrerPolicy] = "same-origin" }
        return headers
    }

    /// The session cookie: `HttpOnly`, `SameSite=Lax`, the whole server, for the session's lifetime; an empty
    /// value with `Max-Age=0` removes it.
    static func sessionCookie(_ value: String, maxAge: Int, secure: Bool) -> Cookie {
        Cookie(
            name: sessionCookie, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true,
            sameSite: .lax)
    }

    /// The browser's CSRF cookie: like the session cookie, kept for a year.
    static func csrfCookie(_ value: String, secure: Bool) -> Cookie {
        Cookie(
            name: csrfCookie, value: value, maxAge: 365 * 24 * 3600, path: "/", secure: secure, httpOnly: true,
            sameSite: .lax)
    }

    /// A path of this server to return to after signing in: only absolute paths, never another host
    /// (`//host`, `/\host`); anything else goes to the repositories.
    static func returnPath(_ candidate: String?, paths: WebPaths) -> String {
        guard let candidate, candidate.hasPrefix("/"), !candidate.hasPrefix("//"), !candidate.contains("\\"),
            !candidate.contains(where: \.isNewline)
        else { return paths.repositories }
        return candidate
    }

    /// The response to a failed page request: a sign-in redirect when a GET needs a signed-in user, otherwise an
    /// error page with the status of the error's kind.
    static func error(
        _ error: InsightsError, request: Request, visitor: WebVisitor, renderer: PageRenderer, paths: WebPaths,
        secure: Bool
    ) -> Response {
        if error.kind == .unauthenticated, request.method == .get, visitor.userName == nil {
            var target = request.uri.path
            if let query = request.uri.query, !query.isEmpty { target += "?" + query }
            let encoded = target.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? "/"
            return redirect(to: paths.signIn + "?returnTo=" + encoded)
        }
        let status = error.kind.httpStatus
        let chrome = PageChrome(paths: paths, userName: visitor.userName, csrfToken: visitor.csrfToken)
        let message = status == .internalServerError ? "Something went wrong on the server." : error.message
        let page = ErrorPage(status: Int(status.code), message: message, chrome: chrome)
        return html(renderer.render(page), status: status, visitor: visitor, secure: secure)
    }
}

extension CharacterSet {
    /// What a query value may hold unescaped: the query characters without `&`, `=`, `+` and `#`.
    static let urlQueryValueAllowed = CharacterSet.urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+#"))
}

/// An error on a web path outside the pages' own handling (a path no page matches): an anonymous HTML error page.
struct WebHTTPError: HTTPResponseError {
    let error: InsightsError
    let renderer: PageRenderer
    let paths: WebPaths
    let secure: Bool

    var status: HTTPResponse.Status { error.kind.httpStatus }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        WebResponses.error(
            error, request: request, visitor: WebVisitor(), renderer: renderer, paths: paths, secure: secure)
    }
}
