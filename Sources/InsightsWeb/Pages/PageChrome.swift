/// What every page shows around its content, given by the server per request: the paths, who is signed in, and
/// the CSRF token of the session for the page's forms.
public struct PageChrome: Sendable, Hashable {
    /// The URLs of pages and assets.
    public var paths: WebPaths
    /// The signed-in user's name; `nil` when nobody is signed in.
    public var userName: String?
    /// The token every form posts back in its hidden `_csrf` field.
    public var csrfToken: String

    /// Creates the chrome of a page.
    ///
    /// - Parameters:
    ///   - paths: the URLs of pages and assets.
    ///   - userName: the signed-in user, `nil` for an anonymous visitor.
    ///   - csrfToken: the session's CSRF token.
    public init(paths: WebPaths = WebPaths(), userName: String? = nil, csrfToken: String) {
        self.paths = paths
        self.userName = userName
        self.csrfToken = csrfToken
    }

    /// The layout of one page.
    ///
    /// - Parameters:
    ///   - title: the page's title.
    ///   - breadcrumbs: the trail from the repositories list to the page's parent.
    ///   - eventsURL: the server-sent events the page listens to, if any.
    func layout(title: String, breadcrumbs: [BreadcrumbView] = [], eventsURL: String? = nil) -> LayoutView {
        LayoutView(
            title: title, homeURL: paths.repositories, stylesheetURL: paths.asset("insights.css"),
            scriptURL: paths.asset("insights.js"), signInURL: paths.signIn, signOutURL: paths.signOut,
            userName: userName, csrfToken: csrfToken, eventsURL: eventsURL, breadcrumbs: breadcrumbs)
    }
}
