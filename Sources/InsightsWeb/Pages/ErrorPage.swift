/// The HTML error page of the web UI: status code, its reason and a message.
public struct ErrorPage: Sendable {
    /// The frame: title and breadcrumbs.
    let layout: LayoutView
    /// The HTTP status code.
    let status: Int
    /// The status code's reason phrase.
    let reason: String
    /// What went wrong.
    let message: String
    /// The repositories list.
    let homeURL: String

    /// Builds the page.
    ///
    /// - Parameters:
    ///   - status: the HTTP status code.
    ///   - message: what went wrong, for the reader; keep internals out of it.
    ///   - chrome: paths, signed-in user and CSRF token.
    public init(status: Int, message: String, chrome: PageChrome) {
        reason = Self.reason(of: status)
        layout = chrome.layout(title: "\(status) \(reason)")
        self.status = status
        self.message = message
        homeURL = chrome.paths.repositories
    }

    /// The reason phrase of a status code, `Error` for codes without one here.
    static func reason(of status: Int) -> String {
        switch status {
        case 400: "Bad request"
        case 401: "Sign-in required"
        case 403: "Forbidden"
        case 404: "Not found"
        case 405: "Method not allowed"
        case 409: "Conflict"
        case 413: "Too large"
        case 429: "Too many requests"
        case 500: "Internal server error"
        case 502: "Bad gateway"
        case 503: "Service unavailable"
        case 504: "Gateway timeout"
        default: "Error"
        }
    }
}
